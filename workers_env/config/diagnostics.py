"""Wrangler's configuration rules, and the report they produce.

Every check and every message text lives here, worded exactly as wrangler 4.x words it
(``packages/workers-utils/src/config/validation.ts``), so a config that wrangler accepts
passes here and one it rejects fails with the same text. Rendering follows wrangler's
``Diagnostics`` tree: top-level items, then the selected environment's items nested
under ``"env.<NAME>" environment configuration``.

This module only judges data it is given; finding, parsing and merging the file is
:mod:`workers_env.config.wrangler`'s job.
"""

from __future__ import annotations

import datetime as _dt
import json
import keyword
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workers_env._jsvalues import js_key_order

__all__ = [
    "Diagnostic",
    "Report",
    "Validation",
    "validate",
    "js_json",
    "config_file_name",
    "INHERITABLE_FIELDS",
    "NOT_INHERITABLE_FIELDS",
    "ENVIRONMENT_FIELDS",
    "TOP_LEVEL_ONLY_FIELDS",
]

#: Marks a key that is absent (JavaScript ``undefined``), as opposed to JSON ``null``.
MISSING: Any = object()

# -- what wrangler knows -------------------------------------------------------------------
#: Environment fields that fall back to the top level when an environment omits them.
INHERITABLE_FIELDS: tuple[str, ...] = (
    "account_id", "compatibility_date", "compatibility_flags", "jsx_factory", "jsx_fragment",
    "tsconfig", "rules", "name", "main", "find_additional_modules", "preserve_file_names",
    "base_dir", "route", "routes", "triggers", "assets", "limits", "placement", "build",
    "workers_dev", "preview_urls", "migrations", "exports", "logfwdr", "no_bundle", "minify",
    "keep_names", "first_party_worker", "logpush", "upload_source_maps", "observability",
    "access", "cache", "compliance_region", "python_modules", "previews",
)  # fmt: skip
#: Environment fields (bindings and the like) an environment never inherits.
NOT_INHERITABLE_FIELDS: tuple[str, ...] = (
    "vars", "secrets", "define", "durable_objects", "workflows", "kv_namespaces",
    "cloudchamber", "containers", "send_email", "queues", "connect", "r2_buckets",
    "d1_databases", "vectorize", "ai_search_namespaces", "ai_search",
    "agent_memory", "hyperdrive", "services", "analytics_engine_datasets",
    "dispatch_namespaces", "mtls_certificates", "tail_consumers", "streaming_tail_consumers",
    "unsafe", "browser", "analytics", "ai", "images", "stream", "media", "pipelines", "k2",
    "secrets_store_secrets", "artifacts", "unsafe_hello_world", "flagship", "worker_loaders",
    "ratelimits", "vpc_services", "vpc_networks", "version_metadata",
)  # fmt: skip
ENVIRONMENT_FIELDS: tuple[str, ...] = INHERITABLE_FIELDS + NOT_INHERITABLE_FIELDS
#: Fields wrangler accepts only at the top level (its computed fields included, as it does).
TOP_LEVEL_ONLY_FIELDS: tuple[str, ...] = (
    "configPath", "userConfigPath", "topLevelName", "definedEnvironments", "targetEnvironment",
    "pages_build_output_dir", "send_metrics", "dependencies_instrumentation", "keep_vars",
    "addresses", "dev", "site", "alias", "wasm_modules", "text_blobs", "data_blobs",
    "env", "$schema",
)  # fmt: skip

# Binding kinds in wrangler's order (``friendlyBindingNames``); the order decides how the
# duplicate-name message lists them.
_FRIENDLY_BINDING_NAMES: tuple[tuple[str, str], ...] = (
    ("data_blobs", "Data Blob"), ("durable_objects", "Durable Object"),
    ("kv_namespaces", "KV Namespace"), ("send_email", "Send Email"), ("queues", "Queue"),
    ("d1_databases", "D1 Database"), ("vectorize", "Vectorize Index"),
    ("ai_search_namespaces", "AI Search Namespace"), ("ai_search", "AI Search Instance"),
    ("agent_memory", "Agent Memory"),
    ("hyperdrive", "Hyperdrive Config"), ("r2_buckets", "R2 Bucket"), ("logfwdr", "logfwdr"),
    ("services", "Worker"), ("analytics_engine_datasets", "Analytics Engine Dataset"),
    ("text_blobs", "Text Blob"), ("browser", "Browser Run"), ("analytics", "Analytics SQL"),
    ("ai", "AI"), ("images", "Images"),
    ("stream", "Stream"), ("media", "Media"), ("version_metadata", "Worker Version Metadata"),
    ("unsafe", "Unsafe Metadata"), ("vars", "Environment Variable"),
    ("wasm_modules", "Wasm Module"), ("dispatch_namespaces", "Dispatch Namespace"),
    ("mtls_certificates", "mTLS Certificate"), ("workflows", "Workflow"),
    ("pipelines", "Pipeline"), ("k2", "K2 Stream"), ("secrets_store_secrets", "Secrets Store Secret"),
    ("artifacts", "Artifacts"), ("ratelimits", "Rate Limit"), ("assets", "Assets"),
    ("unsafe_hello_world", "Hello World"), ("flagship", "Flagship"),
    ("worker_loaders", "Worker Loader"), ("vpc_services", "VPC Service"),
    ("vpc_networks", "VPC Network"),
)  # fmt: skip

# Fields validated by wrangler's ``validateBindingArray`` (a list of ``{binding, ...}``).
_BINDING_ARRAY_FIELDS = frozenset({
    "workflows", "kv_namespaces", "send_email", "r2_buckets", "d1_databases", "vectorize",
    "ai_search_namespaces", "ai_search", "agent_memory", "hyperdrive", "services",
    "analytics_engine_datasets", "dispatch_namespaces", "mtls_certificates", "pipelines",
    "secrets_store_secrets", "artifacts", "unsafe_hello_world", "flagship", "worker_loaders",
    "ratelimits", "vpc_services", "vpc_networks", "k2",
})  # fmt: skip
# Single ``{binding, remote}`` objects (``validateNamedSimpleBinding``).
_SIMPLE_BINDING_FIELDS = frozenset({"browser", "analytics", "images", "stream", "media"})

_VECTORIZE_KEYS = ("binding", "index_name", "remote")
MAX_INDEX_NAME_BYTES = 64
# The Vectorize API's index-name pattern and Cloudflare's wording of it (its Terraform
# provider's validator). ``validate --strict`` and ``workers-env vectorize create`` apply it.
INDEX_NAME_RE = re.compile(r"^([a-z]+[a-z0-9_-]*[a-z0-9]+)$")
INDEX_NAME_RULE = (
    "Name must start with a lowercase letter, end with an alphanumeric character, and contain only "
    "lowercase letters, numbers, hyphens, and underscores."
)
_WORKER_NAME_RE = re.compile(r"^$|^[a-z0-9_][a-z0-9\-_]*$")
_JS_RESERVED_WORDS = frozenset(
    "await break case catch class const continue debugger default delete do else enum export "
    "extends false finally for function if implements import in instanceof interface let new "
    "null package private protected public return static super switch this throw true try "
    "typeof var void while with yield".split()
)

PYTHON_FLAG_ERROR = "The `python_workers` compatibility flag is required to use Python."
DUPLICATE_BINDINGS_ERROR = (
    "Bindings must have unique names, so that they can all be referenced in the worker.\n"
    "Please change your bindings to have unique names."
)
LEGACY_ENV_ERROR = (
    'The "legacy_env" field is no longer supported, so please remove it from your configuration file.\n'
    'Service environments have been removed, and each environment is now deployed as its own Worker named '
    '"<name>-<environment>". This matches the behaviour of "legacy_env = true", which was the default, '
    "so removing the field will not change how your Worker is deployed.\n"
    "Refer to https://developers.cloudflare.com/workers/wrangler/environments/ for more information."
)
NODE_COMPAT_ERROR = (
    'Removed: "node_compat":\n'
    'The "node_compat" field is no longer supported as of Wrangler v4. Instead, use the `nodejs_compat` '
    "compatibility flag. This includes the functionality from legacy `node_compat` polyfills and natively "
    "implemented Node.js APIs. See https://developers.cloudflare.com/workers/runtime-apis/nodejs for more "
    "information."
)


# -- the report ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Diagnostic:
    """One error or warning: the field it concerns and wrangler's message.

    ``env`` is ``None`` for the top level, else the name of the selected environment whose
    section the diagnostic is rendered under.
    """

    path: str | None
    message: str
    env: str | None = None
    #: wrangler stops with this one and prints it on its own (a parse error, the missing
    #: ``python_workers`` flag), without the ``Processing ...`` report.
    alone: bool = False
    #: the heading of the nested block it is listed under (a Durable Object binding's
    #: ``"durable_objects.bindings[0]": {...}``), or ``None``
    group: str | None = None

    @property
    def is_top_level(self) -> bool:
        return self.env is None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message, "env": self.env}


@dataclass(frozen=True)
class Report:
    """Everything wrong with one configuration, ready to print or to serialise."""

    path: Path | None
    environment: str | None
    errors: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed), which is when wrangler goes on."""
        return not self.errors

    def display_path(self, cwd: str | Path | None = None) -> str:
        """The config's path relative to ``cwd`` (default: the current folder), as wrangler shows it."""
        return "wrangler" if self.path is None else _relative(self.path, cwd)

    def heading(self, cwd: str | Path | None = None) -> str:
        """``Processing <path relative to cwd> configuration:``, as wrangler starts its report."""
        return f"Processing {self.display_path(cwd)} configuration:"

    def render(self, cwd: str | Path | None = None) -> str:
        """The warnings block, then the errors block, each laid out as wrangler does.

        Returns ``""`` when there is nothing to report.
        """
        alone = next((d for d in self.errors if d.alone), None)
        if alone is not None:
            return alone.message
        blocks = [
            _render_tree(self.heading(cwd), items, self.environment)
            for items in (self.warnings, self.errors)
            if items
        ]
        return "\n\n".join(blocks)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "config": None if self.path is None else str(self.path),
            "environment": self.environment,
            "errors": [d.to_json() for d in self.errors],
            "warnings": [d.to_json() for d in self.warnings],
        }


def _relative(path: Path, cwd: str | Path | None) -> str:
    base = Path.cwd() if cwd is None else Path(cwd)
    try:
        return os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        return str(path)


def _indent_text(text: str) -> str:
    """Indent all but the first line by two spaces; blank lines become empty (wrangler's)."""
    lines = text.split("\n")
    out = [line if i == 0 else f"  {line}" for i, line in enumerate(lines)]
    return "\n".join("" if not line.strip() else line for line in out)


def _render_node(description: str, messages: list[str], children: list[str]) -> str:
    body = "\n".join(f"- {_indent_text(m)}" for m in messages)
    body += "\n".join("\n- " + child for child in children)
    return _indent_text(f"{description}\n{body}")


def _render_tree(heading: str, items: tuple[Diagnostic, ...], environment: str | None) -> str:
    def section(of: list[Diagnostic]) -> tuple[list[str], list[str]]:
        groups: dict[str, list[str]] = {}
        for d in of:
            if d.group is not None:
                groups.setdefault(d.group, []).append(d.message)
        children = [_render_node(group, messages, []) for group, messages in groups.items()]
        return [d.message for d in of if d.group is None], children

    top, children = section([d for d in items if d.env is None])
    nested = [d for d in items if d.env is not None]
    if nested:
        messages, grandchildren = section(nested)
        children.append(_render_node(f'"env.{environment}" environment configuration', messages, grandchildren))
    return _render_node(heading, top, children)


# -- JavaScript-flavoured helpers ------------------------------------------------------------
def _to_js(value: Any) -> Any:
    """What ``JSON.stringify`` would see: integral floats as ints, NaN as null, dates as ISO."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 1e21:
            return int(value)
        return value
    if isinstance(value, (_dt.date, _dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Mapping):
        items = {str(k): _to_js(v) for k, v in value.items()}
        return {k: items[k] for k in js_key_order(list(items))}
    if isinstance(value, (list, tuple)):
        return [_to_js(v) for v in value]
    return str(value)


def js_json(value: Any) -> str:
    """Compact JSON as JavaScript's ``JSON.stringify`` prints it (non-ASCII kept)."""
    return json.dumps(_to_js(value), separators=(",", ":"), ensure_ascii=False)


def _js_key(value: Any) -> str:
    return value if isinstance(value, str) else js_json(value)


def _js_list(items: list[str]) -> str:
    """``Intl.ListFormat("en-US")``: ``A``, ``A and B``, ``A, B, and C``."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"


def _is_object(value: Any) -> bool:
    """JavaScript ``typeof value === "object" && value !== null`` (arrays included)."""
    return isinstance(value, (dict, list))


def _keys(value: Any) -> list[str]:
    """``Object.keys`` of an object or array (integer-like keys first, as JavaScript orders them)."""
    if isinstance(value, dict):
        return js_key_order([str(k) for k in value])
    if isinstance(value, list):
        return [str(i) for i in range(len(value))]
    return []


def _has_str(value: Any, key: str) -> bool:
    return isinstance(value, dict) and isinstance(value.get(key), str)


def _optional_bool(value: Any, key: str) -> bool:
    return not isinstance(value, dict) or key not in value or isinstance(value[key], bool)


def config_file_name(path: Path | str | None) -> str:
    """wrangler's ``configFileName``: how hints name the config file."""
    name = str(path or "")
    if name.endswith("toml"):
        return "wrangler.toml"
    if name.endswith("jsonc"):
        return "wrangler.jsonc"
    if name.endswith("json"):
        return "wrangler.json"
    return "Wrangler configuration"


def is_js_identifier(name: str) -> bool:
    """A JavaScript IdentifierName: letters, digits, ``_`` and ``$``, not starting with a digit."""
    return bool(name) and name.replace("$", "_").isidentifier()


# -- collecting diagnostics ------------------------------------------------------------------
@dataclass
class _Sink:
    """Where one validation pass (top level or the selected environment) puts its findings."""

    env: str | None
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    group: str | None = None

    def error(self, path: str | None, message: str) -> None:
        self.errors.append(Diagnostic(path, message.rstrip("\n"), self.env, group=self.group))

    def warn(self, path: str | None, message: str) -> None:
        self.warnings.append(Diagnostic(path, message.rstrip("\n"), self.env, group=self.group))

    def wrong_type(self, field_path: str, expected: str, value: Any) -> None:
        """wrangler's ``The field "x" should be an object but got ...`` (``expected``: "an object")."""
        self.error(field_path, f'The field "{field_path}" should be {expected} but got {js_json(value)}.')

    def unexpected_fields(self, field_path: str, keys: list[str], known: tuple[str, ...] | frozenset[str]) -> bool:
        rest = [k for k in dict.fromkeys(keys) if k not in known]
        if rest:
            fields = ",".join(f'"{k}"' for k in rest)
            self.warn(field_path, f"Unexpected fields found in {field_path} field: {fields}")
            return False
        return True


def _is_string(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and not isinstance(value, str):
        sink.error(name, f'Expected "{name}" to be of type string but got {js_json(value)}.')


def _is_boolean(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and not isinstance(value, bool):
        sink.error(name, f'Expected "{name}" to be of type boolean but got {js_json(value)}.')


def _is_string_array(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
        sink.error(name, f'Expected "{name}" to be of type string array but got {js_json(value)}.')


def _is_valid_name(sink: _Sink, name: str, value: Any) -> None:
    if value is MISSING or (isinstance(value, str) and _WORKER_NAME_RE.match(value)):
        return
    sink.error(
        name,
        f'Expected "{name}" to be of type string, alphanumeric and lowercase with dashes only '
        f"but got {js_json(value)}.",
    )


def _is_compliance_region(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and value not in ("public", "fedramp_high"):
        sink.error(name, f'Expected "{name}" field to be one of ["public","fedramp_high"] but got {js_json(value)}.')


_ISO_DATE = re.compile(
    r"(?P<y>[+-]\d{6}|\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?"
    r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?Z?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _is_date_string(text: str) -> bool:
    """Whether JavaScript's ``new Date(text)`` is a valid date (V8): the ISO forms exactly,
    then an approximation of V8's lenient legacy parser (``2024-1-5``, ``2024/05/01``,
    ``05/01/2024``, ``May 1 2024``, ``2024-05-01 10:00``; words before the first number are
    ignored). Day numbers are checked against 31, not the month (``2024-02-30`` is valid)."""
    text = text.strip()
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        m, d, hh, mm, ss = (iso.group(k) for k in ("m", "d", "H", "M", "S"))
        if iso.group("y") in ("-000000",):
            return False
        return (
            (m is None or 1 <= int(m) <= 12) and (d is None or 1 <= int(d) <= 31)
            and (hh is None or int(hh) <= 24) and (mm is None or int(mm) <= 59) and (ss is None or int(ss) <= 59)
        )
    tokens = re.findall(r"\d+|[A-Za-z]+|:|[^\sA-Za-z\d]", text)
    numbers: list[str] = []
    month_word = None
    time_seen = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.isdigit():
            if i + 2 < len(tokens) and tokens[i + 1] == ":" and tokens[i + 2].isdigit():  # a time
                if int(tok) > 24 or int(tokens[i + 2]) > 59:
                    return False
                i += 3
                while i + 1 < len(tokens) and tokens[i] == ":" and tokens[i + 1].isdigit():
                    i += 2
                time_seen = True
                continue
            numbers.append(tok)
        elif tok.isalpha():
            low = tok.lower()
            if low[:3] in _MONTHS and len(low) >= 3:
                month_word = _MONTHS.index(low[:3]) + 1
            elif low in ("am", "pm", "z", "utc", "gmt", "t"):
                pass
            elif numbers or month_word or time_seen:
                return False  # V8 ignores unknown words only before the first number
        elif tok in "-/,.":
            pass
        else:
            return False
        i += 1
    if not numbers:
        return False
    if any(len(n) > 6 for n in numbers):
        return False
    values = [int(n) for n in numbers]
    if month_word is not None:
        if len(values) == 1:
            return True
        day, year = (values[0], values[1]) if values[0] <= 31 else (values[1], values[0])
        return 1 <= day <= 31 and len(values) == 2
    if len(values) == 1:
        return len(numbers[0]) <= 4
    if len(values) == 2:
        year, month = values
        return len(numbers[0]) >= 3 and 1 <= month <= 12
    if len(values) == 3:
        if len(numbers[0]) >= 3:
            year, month, day = values
        else:
            month, day, year = values
            if len(numbers[2]) < 3 and year < 32:
                return False
        return 1 <= month <= 12 and 1 <= day <= 31
    return False


def _compatibility_date(sink: _Sink, name: str, value: Any) -> None:
    if value is MISSING:
        return
    if not isinstance(value, str):
        sink.error(name, f'Expected "{name}" to be of type string but got {js_json(value)}.')
        return
    if "\u2013" in value or "\u2014" in value:
        sink.error(
            name,
            f'"{name}" field should use ISO-8601 accepted hyphens (-) rather than en-dashes (\u2013) '
            "or em-dashes (\u2014).",
        )
    if not _is_date_string(re.sub("[\u2013\u2014]", "-", value)):
        sink.error(name, f'"{name}" field should be a valid ISO-8601 date (YYYY-MM-DD), but got {js_json(value)}.')


#: wrangler's ``validateAssetsConfig``: the choices, in its order
ASSETS_HTML_HANDLING = ("auto-trailing-slash", "force-trailing-slash", "drop-trailing-slash", "none")
ASSETS_NOT_FOUND_HANDLING = ("single-page-application", "404-page", "none")


def _validate_assets(sink: _Sink, name: str, value: Any) -> None:
    """wrangler's ``validateAssetsConfig`` (the ``assets`` table, inheritable into envs)."""
    if value is MISSING:
        return
    if not _is_object(value):
        kind = "object" if value is None else _js_typeof(value)
        sink.error(name, f'"{name}" should be an object, but got value {js_json(name)} of type {kind}')
        return
    table = value if isinstance(value, dict) else {}
    for key, choices in (("directory", None), ("binding", None), ("html_handling", ASSETS_HTML_HANDLING),
                         ("not_found_handling", ASSETS_NOT_FOUND_HANDLING)):
        if key not in table:
            continue
        item = table[key]
        if not isinstance(item, str):
            sink.error(name, f'Expected "{name}.{key}" to be of type string but got {js_json(item)}.')
        elif choices is not None and item not in choices:
            sink.error(name, f'Expected "{name}.{key}" field to be one of {js_json(list(choices))} but got {js_json(item)}.')
    if "run_worker_first" in table:
        first = table["run_worker_first"]
        if isinstance(first, list):
            for i, item in enumerate(first):
                if not isinstance(item, str):
                    sink.error(name, f'Expected "{name}.run_worker_first.[{i}]" to be of type string but got {js_json(item)}.')
        elif not isinstance(first, bool):
            sink.error(name, f'The field "{name}.run_worker_first" should be an array of strings or a boolean, '
                             f"but got {js_json(first)}.")
    sink.unexpected_fields(name, _keys(value), ("directory", "binding", "html_handling", "not_found_handling",
                                                "run_worker_first"))


# -- one environment (or the top level) -------------------------------------------------------
@dataclass(frozen=True)
class _Pass:
    """The context of validating one section: the top level (``env is None``) or a named env."""

    sink: _Sink
    env: str | None
    raw_top: Mapping[str, Any]
    strict: bool
    config_path: Path | None = None

    def path(self, name: str) -> str:
        return name if self.env is None else f"env.{self.env}.{name}"

    def top(self, name: str) -> Any:
        """The top level's normalised value, which environments are compared against."""
        return None if self.env is None else self.raw_top.get(name)


def _binding_names_of_array(value: Any) -> list[Any]:
    """``value.map((entry) => entry.binding)``: ``MISSING`` where an entry has none."""
    return [entry.get("binding", MISSING) if isinstance(entry, dict) else MISSING for entry in value]


def _same_value_key(value: Any) -> tuple[str, str]:
    """A key that tells values apart as a JavaScript ``Set`` does (``1`` is not ``"1"``)."""
    if value is MISSING:
        return ("undefined", "")
    kind = _js_typeof(value)
    return (kind, js_json(value) if kind != "object" or value is None else str(id(value)))


def _js_template(value: Any) -> str:
    """``${value}`` in a JavaScript template string."""
    if value is MISSING:
        return "undefined"
    if value is None:
        return "null"
    return _js_join_item(value)


def _validate_binding_array(
    p: _Pass, name: str, value: Any, entry: Callable[[_Pass, str, Any], bool] | None
) -> bool:
    """wrangler's ``validateBindingArray``: an array, each entry checked, none left behind."""
    field_path = p.path(name)
    if not isinstance(value, list):
        p.sink.wrong_type(field_path, "an array", value)
        return False
    valid = True
    if entry is not None:
        for i, item in enumerate(value):
            valid = entry(p, f"{field_path}[{i}]", item) and valid
    top_value = p.top(name)
    if isinstance(top_value, list) and top_value:
        env_names = {_same_value_key(n) for n in _binding_names_of_array(value)}
        for top_name in _binding_names_of_array(top_value):
            shown = _js_template(top_name)
            if _same_value_key(top_name) not in env_names:
                p.sink.warn(
                    field_path,
                    f'There is a {name} binding with name "{shown}" at the top level, but not on "env.{p.env}".\n'
                    f'This is not what you probably want, since "{name}" configuration is not inherited by environments.\n'
                    f'Please add a binding for "{shown}" to "env.{p.env}.{name}.bindings".',
                )
    return valid


def _remote_ok(p: _Pass, field_path: str, value: Any) -> bool:
    if not _optional_bool(value, "remote"):
        p.sink.error(
            field_path,
            f'"{field_path}" should, optionally, have a boolean "remote" field but got {js_json(value)}.',
        )
        return False
    return True


def _strict_binding_name(p: _Pass, field_path: str, name: str) -> bool:
    """``--strict``: a binding name the Worker can reach as ``env.NAME`` in JavaScript."""
    if not is_js_identifier(name):
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have a "binding" field that is a valid JavaScript identifier '
            f'(letters, digits, "_" or "$", not starting with a digit) but got {js_json(name)}.',
        )
        return False
    if name in _JS_RESERVED_WORDS:
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have a "binding" field that is not a JavaScript reserved word '
            f"but got {js_json(name)}.",
        )
        return False
    if keyword.iskeyword(name):  # legal for the service, awkward for a Python Worker
        p.sink.warn(
            field_path,
            f'"{field_path}" binding {js_json(name)} is a Python keyword: a Python Worker cannot write '
            f'self.env.{name} and must use getattr(self.env, {js_json(name)}).',
        )
    return True


def _strict_index_name(p: _Pass, field_path: str, name: str) -> bool:
    """``--strict``: what the Vectorize service accepts as an index name."""
    size = len(name.encode("utf-8"))
    valid = True
    if size > MAX_INDEX_NAME_BYTES:
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have an "index_name" of at most {MAX_INDEX_NAME_BYTES} bytes '
            f"but got {size} bytes: {js_json(name)}.",
        )
        valid = False
    if not INDEX_NAME_RE.match(name):
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have an "index_name" the Vectorize service accepts but got '
            f"{js_json(name)}. {INDEX_NAME_RULE}",
        )
        valid = False
    return valid


def _vectorize_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateVectorizeBinding`` (plus the ``--strict`` naming rules)."""
    if not _is_object(value):
        p.sink.error(field_path, f'"vectorize" bindings should be objects, but got {js_json(value)}')
        return False
    valid = True
    if not _has_str(value, "binding"):
        p.sink.error(
            field_path, f'"{field_path}" bindings should have a string "binding" field but got {js_json(value)}.'
        )
        valid = False
    if not _has_str(value, "index_name"):
        p.sink.error(field_path, f'"{field_path}" bindings must have an "index_name" field but got {js_json(value)}.')
        valid = False
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), _VECTORIZE_KEYS)
    if p.strict:
        if _has_str(value, "binding"):
            valid = _strict_binding_name(p, field_path, value["binding"]) and valid
        if _has_str(value, "index_name"):
            valid = _strict_index_name(p, field_path, value["index_name"]) and valid
    return valid


def _string_field(p: _Pass, field_path: str, value: Any, key: str, wording: str, *, non_empty: bool = False) -> bool:
    """An optional string property; ``wording`` completes ``"<path>" bindings ...``."""
    present = isinstance(value, dict) and key in value
    bad = present and not isinstance(value[key], str)
    if non_empty and present and value[key] == "":
        bad = True
    if bad:
        p.sink.error(field_path, f'"{field_path}" bindings {wording} but got {js_json(value)}.')
        return False
    return True


def _binding_string(p: _Pass, field_path: str, value: Any) -> bool:
    if not _has_str(value, "binding"):
        p.sink.error(field_path, f'"{field_path}" bindings should have a string "binding" field but got {js_json(value)}.')
        return False
    return True


_R2_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
_R2_BUCKET_RULE = (
    "Bucket names must begin and end with an alphanumeric character, only contain lowercase letters, "
    "numbers, and hyphens, and be between 3 and 63 characters long."
)


def _kv_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateKVBinding``."""
    if not _is_object(value):
        p.sink.error(field_path, f'"kv_namespaces" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(p, field_path, value, "id", 'should have a string "id" field', non_empty=True) and valid
    valid = _string_field(p, field_path, value, "preview_id", 'should, optionally, have a string "preview_id" field') and valid
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "id", "preview_id", "remote"))
    return valid


def _r2_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateR2Binding`` (without ``local_dev``'s experimental credentials)."""
    if not _is_object(value):
        p.sink.error(field_path, f'"r2_buckets" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(p, field_path, value, "bucket_name", 'should have a string "bucket_name" field', non_empty=True) and valid
    if valid and isinstance(value, dict) and "bucket_name" in value and not _R2_BUCKET_RE.match(value["bucket_name"]):
        p.sink.error(field_path, f"{field_path}.bucket_name={js_json(value['bucket_name'])} is invalid. {_R2_BUCKET_RULE}")
        valid = False
    valid = _string_field(
        p, field_path, value, "preview_bucket_name", 'should, optionally, have a string "preview_bucket_name" field'
    ) and valid
    if valid and isinstance(value, dict) and "preview_bucket_name" in value and not _R2_BUCKET_RE.match(value["preview_bucket_name"]):
        p.sink.error(
            field_path,
            f"{field_path}.preview_bucket_name= {js_json(value['preview_bucket_name'])} is invalid. {_R2_BUCKET_RULE}",
        )
        valid = False
    valid = _string_field(p, field_path, value, "jurisdiction", 'should, optionally, have a string "jurisdiction" field') and valid
    valid = _remote_ok(p, field_path, value) and valid
    if isinstance(value, dict) and "local_dev" in value and not isinstance(value["local_dev"], (dict, list)):
        p.sink.error(
            field_path, f'"{field_path}" bindings should, optionally, have an object "local_dev" field but got {js_json(value)}.'
        )
        valid = False
    p.sink.unexpected_fields(
        field_path, _keys(value), ("binding", "bucket_name", "preview_bucket_name", "jurisdiction", "remote", "local_dev")
    )
    return valid


_D1_OPTIONAL_STRINGS = (
    "preview_database_id", "migrations_pattern", "database_name", "jurisdiction", "migrations_dir",
    "migrations_table", "database_internal_env",
)  # fmt: skip


def _d1_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateD1Binding``."""
    if not _is_object(value):
        p.sink.error(field_path, f'"d1_databases" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(p, field_path, value, "database_id", 'must have a "database_id" field') and valid
    for key in _D1_OPTIONAL_STRINGS[:1]:
        valid = _string_field(p, field_path, value, key, f'should, optionally, have a string "{key}" field') and valid
    valid = _remote_ok(p, field_path, value) and valid
    for key in _D1_OPTIONAL_STRINGS[1:]:
        valid = _string_field(p, field_path, value, key, f'should, optionally, have a string "{key}" field') and valid
    p.sink.unexpected_fields(
        field_path, _keys(value),
        ("binding", "database_id", "database_internal_env", "database_name", "jurisdiction", "migrations_dir",
         "migrations_pattern", "migrations_table", "preview_database_id", "remote"),
    )
    return valid


def _services_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateServiceBinding`` (without the local ``dev`` plugin block)."""
    if not _is_object(value):
        p.sink.error(field_path, f'"services" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    if not _has_str(value, "service"):
        p.sink.error(field_path, f'"{field_path}" bindings should have a string "service" field but got {js_json(value)}.')
        valid = False
    for key in ("environment", "entrypoint"):
        valid = _string_field(p, field_path, value, key, f'should have a string "{key}" field') and valid
    return _remote_ok(p, field_path, value) and valid


def _hyperdrive_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateHyperdriveBinding``."""
    if not _is_object(value):
        p.sink.error(field_path, f'"hyperdrive" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    if not _has_str(value, "id"):
        p.sink.error(field_path, f'"{field_path}" bindings must have a "id" field but got {js_json(value)}.')
        valid = False
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "id", "localConnectionString", "remote"))
    return valid


def _analytics_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateAnalyticsEngineBinding``."""
    if not _is_object(value):
        p.sink.error(field_path, f'"analytics_engine" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(
        p, field_path, value, "dataset", 'should, optionally, have a string "dataset" field', non_empty=True
    ) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "dataset", "remote"))
    return _remote_ok(p, field_path, value) and valid


# -- the other binding arrays (wrangler's validate<Kind>Binding, one each) ---------------------
def _has(value: Any, key: str) -> bool:
    """JavaScript ``key in value`` for a config object."""
    return isinstance(value, dict) and key in value


def _required(value: Any, key: str, kind: str) -> bool:
    """wrangler's ``isRequiredProperty`` (``typeof`` compared, so ``null`` is an "object")."""
    return _has(value, key) and _js_typeof(value[key]) == kind


def _optional(value: Any, key: str, kind: str) -> bool:
    """wrangler's ``isOptionalProperty``."""
    return not _has(value, key) or _js_typeof(value[key]) == kind


def _check(p: _Pass, field_path: str, value: Any, ok: bool, wording: str) -> bool:
    """``"<path>" bindings <wording> but got <value>.`` unless ``ok``."""
    if not ok:
        p.sink.error(field_path, f'"{field_path}" bindings {wording} but got {js_json(value)}.')
    return ok


def _objects(p: _Pass, field_path: str, value: Any, label: str) -> bool:
    """``"<label>" bindings should be objects, but got ...`` for a non-object entry."""
    if not _is_object(value):
        p.sink.error(field_path, f'"{label}" bindings should be objects, but got {js_json(value)}')
        return False
    return True


_WORKFLOW_NAME_RE = re.compile(r"[a-zA-Z0-9_][a-zA-Z0-9_-]*")
WORKFLOW_NAME_RULE = (
    "Workflow names must be 1-64 characters long, start with a letter, number, or underscore, "
    "and may only contain letters, numbers, underscores, or hyphens."
)
_WORKFLOW_JURISDICTIONS = ("eu", "fedramp", "us")


def _js_or_list(items: list[str]) -> str:
    """``Intl.ListFormat("en-US", {type: "disjunction"})``."""
    if len(items) <= 2:
        return " or ".join(items)
    return ", ".join(items[:-1]) + f", or {items[-1]}"


def _positive_int(value: Any) -> bool:
    return _js_typeof(value) == "number" and float(value).is_integer() and value >= 1


def _workflow_settings(p: _Pass, field_path: str, value: dict[str, Any]) -> bool:
    """wrangler's ``validateWorkflowSchedules``/``Limits``/``DefaultRetention``/``Concurrency``/``Jurisdiction``."""
    sink, valid = p.sink, True
    head = f'"{field_path}" bindings'
    schedules = value.get("schedules", MISSING)
    if schedules is not MISSING:
        if isinstance(schedules, str):
            if schedules == "":
                sink.error(field_path, f'{head} "schedules" field must not be an empty string.')
                valid = False
        elif isinstance(schedules, list) and not schedules:
            sink.error(field_path, f'{head} "schedules" field must not be an empty array.')
            valid = False
        elif isinstance(schedules, list) and all(isinstance(s, str) for s in schedules):
            if "" in schedules:
                sink.error(field_path, f'{head} "schedules" field must not contain empty strings.')
                valid = False
        else:
            sink.error(field_path, f'{head} should, optionally, have a string or array of strings "schedules" field '
                                   f"but got {js_json(value)}.")
            valid = False
    limits = value.get("limits", MISSING)
    if limits is not MISSING:
        if not isinstance(limits, dict):
            sink.error(field_path, f'{head} should, optionally, have an object "limits" field but got {js_json(value)}.')
            valid = False
        else:
            steps = limits.get("steps", MISSING)
            if steps is not MISSING:
                if not _positive_int(steps):
                    sink.error(field_path, f'{head} "limits.steps" field must be a positive integer but got {js_json(steps)}.')
                    valid = False
                elif steps > 25000:
                    sink.warn(field_path, f'"{field_path}" has a step limit of {js_json(steps)}, which exceeds the production '
                                          "maximum of 25,000. This configuration may not work when deployed.")
            sink.unexpected_fields(f"{field_path}.limits", _keys(limits), ("steps",))
    retention = value.get("default_retention", MISSING)
    if retention is not MISSING:
        if not isinstance(retention, dict):
            sink.error(field_path, f'{head} should, optionally, have an object "default_retention" field but got {js_json(value)}.')
            valid = False
        else:
            for key in ("success_retention", "error_retention"):
                item = retention.get(key, MISSING)
                if item is MISSING or (_positive_int(item)) or (isinstance(item, str) and item):
                    continue
                sink.error(field_path, f'{head} "default_retention.{key}" field must be a positive integer of milliseconds '
                                       f'or a duration string such as "3 days", but got {js_json(item)}.')
                valid = False
            sink.unexpected_fields(f"{field_path}.default_retention", _keys(retention),
                                   ("success_retention", "error_retention"))
    concurrency = value.get("concurrency", MISSING)
    if concurrency is not MISSING:
        if not isinstance(concurrency, dict):
            sink.error(field_path, f'{head} should, optionally, have an object "concurrency" field but got {js_json(value)}.')
            valid = False
        else:
            limit = concurrency.get("limit", MISSING)
            if limit is not MISSING and not _positive_int(limit):
                sink.error(field_path, f'{head} "concurrency.limit" field must be a positive integer but got {js_json(limit)}.')
                valid = False
            sink.unexpected_fields(f"{field_path}.concurrency", _keys(concurrency), ("limit",))
    jurisdiction = value.get("jurisdiction", MISSING)
    if jurisdiction is not MISSING and jurisdiction not in _WORKFLOW_JURISDICTIONS:
        choices = _js_or_list([js_json(j) for j in _WORKFLOW_JURISDICTIONS])
        sink.error(field_path, f'{head} "jurisdiction" field must be one of {choices}, but got {js_json(jurisdiction)}.')
        valid = False
    return valid


def _workflow_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateWorkflowBinding``."""
    if not _objects(p, field_path, value, "workflows"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'should have a string "binding" field')
    if not _required(value, "name", "string"):
        valid = _check(p, field_path, value, False, 'should have a string "name" field')
    elif len(value["name"]) > 64 or not _WORKFLOW_NAME_RE.fullmatch(value["name"]):
        p.sink.error(field_path, f'"{field_path}" binding "name" field is invalid. {WORKFLOW_NAME_RULE}')
        valid = False
    valid = _check(p, field_path, value, _required(value, "class_name", "string"), 'should have a string "class_name" field') and valid
    valid = _check(p, field_path, value, _optional(value, "script_name", "string"),
                   'should, optionally, have a string "script_name" field') and valid
    if isinstance(value, dict):
        valid = _workflow_settings(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "name", "class_name", "script_name", "limits",
                                                        "concurrency", "schedules", "default_retention", "jurisdiction"))
    return valid


def _js_join_item(item: Any) -> str:
    """How ``Array.prototype.join`` prints one item."""
    if item is None or item is MISSING:
        return ""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, list):
        return ",".join(_js_join_item(i) for i in item)
    if isinstance(item, dict):
        return "[object Object]"
    return _js_key(item)


def _unique_workflow_names(p: _Pass, value: Any) -> None:
    """wrangler's ``validateUniqueNameProperty`` (the field named without the environment)."""
    if not isinstance(value, list):
        return
    counts: dict[Any, int] = {}
    order: list[Any] = []
    for entry in value:
        name = entry.get("name", MISSING) if isinstance(entry, dict) else MISSING
        key = (type(name).__name__, js_json(name) if name is not MISSING else "undefined")
        if key not in counts:
            order.append((key, name))
        counts[key] = counts.get(key, 0) + 1
    duplicates = [_js_join_item(name) for key, name in order if counts[key] > 1]
    if duplicates:
        listed = '", "'.join(duplicates)
        p.sink.error("workflows", f'"workflows" bindings must have unique "name" values; duplicate(s) found: "{listed}"')


def _send_email_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateSendEmailBinding``."""
    if not _objects(p, field_path, value, "send_email"):
        return False
    valid = _check(p, field_path, value, _required(value, "name", "string"), 'should have a string "name" field')
    valid = _check(p, field_path, value, _optional(value, "destination_address", "string"),
                   'should, optionally, have a string "destination_address" field') and valid
    for key in ("allowed_destination_addresses", "allowed_sender_addresses"):
        valid = _check(p, field_path, value, _optional(value, key, "object"),
                       f'should, optionally, have a []string "{key}" field') and valid
    if _has(value, "destination_address") and _has(value, "allowed_destination_addresses"):
        p.sink.error(field_path, f'"{field_path}" bindings should have either a "destination_address" or '
                                 '"allowed_destination_addresses" field, but not both.')
        valid = False
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("allowed_sender_addresses", "allowed_destination_addresses",
                                                        "destination_address", "name", "binding", "remote"))
    return valid


def _dispatch_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateWorkerNamespaceBinding`` (with ``validateWorkerNamespaceOutbound``)."""
    if not _is_object(value):
        p.sink.error(field_path, f'"{field_path}" binding should be objects, but got {js_json(value)}')
        return False
    valid = True
    if not _required(value, "binding", "string"):
        p.sink.error(field_path, f'"{field_path}" should have a string "binding" field but got {js_json(value)}.')
        valid = False
    if not _optional(value, "namespace", "string"):
        p.sink.error(field_path, f'"{field_path}" should optionally have a string "namespace" field but got {js_json(value)}.')
        valid = False
    if _has(value, "outbound"):
        outbound = value["outbound"]
        outbound = {} if outbound is None else outbound
        where = f"{field_path}.outbound"
        ok = True
        if not _is_object(outbound):
            p.sink.error(field_path, f'"{where}" should be an object, but got {js_json(outbound)}')
            ok = False
        else:
            fields = outbound if isinstance(outbound, dict) else {}
            service = fields.get("service", MISSING)
            if service is MISSING:
                p.sink.error(field_path, f'"{where}.service" is a required field.')
                ok = False
            elif not isinstance(service, str):
                p.sink.error(field_path, f'Expected "{where}.service" to be of type string but got {js_json(service)}.')
                ok = False
            if ok and "environment" in fields and not isinstance(fields["environment"], str):
                p.sink.error(field_path, f'Expected "{where}.environment" to be of type string but got '
                                         f'{js_json(fields["environment"])}.')
                ok = False
            if ok and "parameters" in fields:
                before = len(p.sink.errors)
                _typed_string_array(p.sink, f"{where}.parameters", fields["parameters"])
                ok = len(p.sink.errors) == before
        if not ok:
            p.sink.error(field_path, f'"{field_path}" has an invalid outbound definition.')
            valid = False
    return _remote_ok(p, field_path, value) and valid


def _mtls_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateMTlsCertificateBinding``."""
    if not _objects(p, field_path, value, "mtls_certificates"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'should have a string "binding" field')
    valid = _check(p, field_path, value, _required(value, "certificate_id", "string") and value["certificate_id"] != "",
                   'should have a string "certificate_id" field') and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "certificate_id", "remote"))
    return _remote_ok(p, field_path, value) and valid


def _pipeline_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validatePipelineBinding`` (``pipeline`` is the deprecated name of ``stream``)."""
    if not _objects(p, field_path, value, "pipeline"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'must have a string "binding" field')
    fields = value if isinstance(value, dict) else {}
    if _optional(value, "stream", "string") and fields.get("stream"):
        pass
    elif _optional(value, "pipeline", "string") and fields.get("pipeline"):
        p.sink.warn(field_path, f'The "pipeline" field in "{field_path}" bindings is deprecated. Use "stream" instead.')
    else:
        valid = _check(p, field_path, value, False, 'must have a string "stream" field')
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "stream", "pipeline", "remote"))
    return valid


def _k2_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateK2Binding``."""
    if not isinstance(value, dict):
        p.sink.error(field_path, f'"{field_path}" bindings should be objects, but got {js_json(value)}')
        return False
    valid = True
    for key in ("binding", "stream"):
        if not _required(value, key, "string"):
            p.sink.error(field_path, f'"{field_path}" must have a string "{key}" field.')
            valid = False
    valid = _remote_ok(p, field_path, value) and valid
    if value.get("remote", MISSING) is False:
        p.sink.error(field_path, f'"{field_path}" does not support `remote: false`. K2 bindings always access remote '
                                 'resources; omit "remote" or set `remote: true`.')
        valid = False
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "stream", "remote"))
    return valid


def _must_strings(label: str, keys: tuple[str, ...], known: tuple[str, ...], remote: str | None) -> Callable[[_Pass, str, Any], bool]:
    """An entry validator of wrangler's common shape: every key in ``keys`` ``must have a string``
    field; ``remote`` says whether ``isRemoteValid`` runs "before" or "after" the unknown-field check."""
    def entry(p: _Pass, field_path: str, value: Any) -> bool:
        if not _objects(p, field_path, value, label):
            return False
        valid = True
        for key in keys:
            valid = _check(p, field_path, value, _required(value, key, "string"), f'must have a string "{key}" field') and valid
        if remote == "before":
            valid = _remote_ok(p, field_path, value) and valid
        p.sink.unexpected_fields(field_path, _keys(value), known)
        if remote == "after":
            valid = _remote_ok(p, field_path, value) and valid
        return valid
    return entry


def _named_entry(label: str, key: str, article: str, known: tuple[str, ...], *, remote: bool = True) -> Callable[[_Pass, str, Any], bool]:
    """``binding`` plus one required string ``key`` (``must have a "key" field``): AI Search, Agent
    Memory, VPC services."""
    def entry(p: _Pass, field_path: str, value: Any) -> bool:
        if not _objects(p, field_path, value, label):
            return False
        valid = _binding_string(p, field_path, value)
        valid = _check(p, field_path, value, _required(value, key, "string"), f'must have {article} "{key}" field') and valid
        if remote:
            valid = _remote_ok(p, field_path, value) and valid
        p.sink.unexpected_fields(field_path, _keys(value), known)
        return valid
    return entry


def _hello_world_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateHelloWorldBinding``."""
    if not _objects(p, field_path, value, "unsafe_hello_world"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'must have a string "binding" field')
    valid = _check(p, field_path, value, _optional(value, "enable_timer", "boolean"),
                   'must have a boolean "enable_timer" field') and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "enable_timer"))
    return valid


def _flagship_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateFlagshipBinding``."""
    if not _objects(p, field_path, value, "flagship"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'must have a string "binding" field')
    valid = _check(p, field_path, value, _optional(value, "app_id", "string"), 'may have a string "app_id" field') and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "app_id", "remote"))
    return _remote_ok(p, field_path, value) and valid


def _ratelimit_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateRateLimitBinding``."""
    if not _objects(p, field_path, value, "ratelimits"):
        return False
    valid = _check(p, field_path, value, _required(value, "name", "string"), 'must have a string "name" field')
    valid = _check(p, field_path, value, _required(value, "namespace_id", "string"),
                   'must have a string "namespace_id" field') and valid
    simple = value.get("simple", MISSING) if isinstance(value, dict) else MISSING
    if not _is_object(simple):
        valid = _check(p, field_path, value, False, 'must have a "simple" configuration object')
    else:
        if not _required(simple, "limit", "number"):
            p.sink.error(field_path, f'"{field_path}" bindings "simple.limit" must be a number but got {js_json(simple)}.')
            valid = False
        if not _required(simple, "period", "number"):
            p.sink.error(field_path, f'"{field_path}" bindings "simple.period" is required and must be a number '
                                     f"but got {js_json(simple)}.")
            valid = False
        elif simple["period"] not in (10, 60):
            p.sink.error(field_path, f'"{field_path}" bindings "simple.period" must be either 10 or 60 '
                                     f'but got {js_json(simple["period"])}.')
            valid = False
        p.sink.unexpected_fields(f"{field_path}.simple", _keys(simple), ("limit", "period"))
    p.sink.unexpected_fields(field_path, _keys(value), ("name", "namespace_id", "simple"))
    return valid


def _vpc_network_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateVpcNetworkBinding``."""
    if not _objects(p, field_path, value, "vpc_networks"):
        return False
    valid = _binding_string(p, field_path, value)
    tunnel, network = _has(value, "tunnel_id"), _has(value, "network_id")
    if tunnel and network:
        p.sink.error(field_path, f'"{field_path}" bindings must have either a "tunnel_id" or "network_id", but not both.')
        valid = False
    elif not tunnel and not network:
        valid = _check(p, field_path, value, False, 'must have either a "tunnel_id" or "network_id" field')
    elif tunnel and not isinstance(value["tunnel_id"], str):
        valid = _check(p, field_path, value, False, 'must have a string "tunnel_id" field')
    elif network and not isinstance(value["network_id"], str):
        valid = _check(p, field_path, value, False, 'must have a string "network_id" field')
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "tunnel_id", "network_id", "remote"))
    return valid


_MORE_ENTRY_VALIDATORS: dict[str, Callable[[_Pass, str, Any], bool]] = {
    "workflows": _workflow_entry,
    "send_email": _send_email_entry,
    "dispatch_namespaces": _dispatch_entry,
    "mtls_certificates": _mtls_entry,
    "pipelines": _pipeline_entry,
    "k2": _k2_entry,
    "secrets_store_secrets": _must_strings("secrets_store_secrets", ("binding", "store_id", "secret_name"),
                                           ("binding", "store_id", "secret_name"), None),
    "artifacts": _must_strings("artifacts", ("binding", "namespace"), ("binding", "namespace", "remote"), "after"),
    "worker_loaders": _must_strings("worker_loader", ("binding",), ("binding",), None),
    "unsafe_hello_world": _hello_world_entry,
    "flagship": _flagship_entry,
    "ratelimits": _ratelimit_entry,
    "ai_search_namespaces": _named_entry("ai_search_namespaces", "namespace", "a", ("binding", "namespace", "remote")),
    "ai_search": _named_entry("ai_search", "instance_name", "an", ("binding", "instance_name", "remote")),
    "agent_memory": _named_entry("agent_memory", "namespace", "a", ("binding", "namespace", "remote")),
    "vpc_services": _named_entry("vpc_services", "service_id", "a", ("binding", "service_id", "remote"), remote=False),
    "vpc_networks": _vpc_network_entry,
}


def _validate_build(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``normalizeAndValidateBuild`` on the section's ``build``, else the top level's."""
    build = raw_env.get("build")
    inherited = build is None and p.env is not None
    if inherited:  # the top level's build as wrangler normalised it: only its three fields
        build = p.raw_top.get("build")
        build = {k: v for k, v in build.items() if k in ("command", "cwd", "watch_dir")} if isinstance(build, dict) else None
    fields = _destructured(build)
    p.sink.unexpected_fields("build", [k for k in _keys(fields) if k not in ("command", "cwd", "watch_dir")], ())
    build = fields
    for key in ("command", "cwd"):
        if key in build and not isinstance(build[key], str):
            p.sink.error(f"build.{key}", f'Expected "build.{key}" to be of type string but got {js_json(build[key])}.')
    watch = build.get("watch_dir", "./src")
    if isinstance(watch, list):
        for i, item in enumerate(watch):
            if not isinstance(item, str):
                p.sink.error("build.watch_dir", f'Expected "build.watch_dir.[{i}]" to be of type string but got {js_json(item)}.')
    elif not isinstance(watch, str):
        p.sink.error("build.watch_dir", f'Expected "build.watch_dir" to be of type string but got {js_json(watch)}.')


def _validate_limits(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``normalizeAndValidateLimits``: ``cpu_ms`` and ``subrequests`` are numbers."""
    limits = raw_env.get("limits")
    if isinstance(limits, dict):
        for key in ("cpu_ms", "subrequests"):
            if key in limits and _js_typeof(limits[key]) != "number":
                p.sink.error(f"limits.{key}", f'Expected "limits.{key}" to be of type number but got {js_json(limits[key])}.')


def _queue_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateQueueBinding`` (a producer)."""
    if not _is_object(value):
        p.sink.error(field_path, f'"queue" bindings should be objects, but got {js_json(value)}')
        return False
    if not p.sink.unexpected_fields(field_path, _keys(value), ("binding", "queue", "delivery_delay", "remote")):
        return False  # wrangler checks nothing else of an entry with an unknown field
    valid = _binding_string(p, field_path, value)
    if isinstance(value, dict) and "queue" in value and (not isinstance(value["queue"], str) or value["queue"] == ""):
        p.sink.error(
            field_path, f'"{field_path}" bindings should optionally have a non-empty string "queue" field but got {js_json(value)}.'
        )
        valid = False
    if isinstance(value, dict) and "delivery_delay" in value:
        if _js_typeof(value["delivery_delay"]) != "number":
            p.sink.error(
                field_path, f'"{field_path}" should, optionally, have a number "delivery_delay" field but got {js_json(value)}.'
            )
            valid = False
        p.sink.warn(
            field_path,
            f'The "delivery_delay" field in "{field_path}" is deprecated and has no effect. Queue-level settings '
            'should be configured using "wrangler queues update" instead. This setting will be removed in a future version.',
        )
    return _remote_ok(p, field_path, value) and valid


_CONSUMER_OPTIONS = (
    ("type", "string"), ("max_batch_size", "number"), ("max_batch_timeout", "number"), ("max_retries", "number"),
    ("dead_letter_queue", "string"), ("max_concurrency", "number"), ("visibility_timeout_ms", "number"),
    ("retry_delay", "number"),
)  # fmt: skip


def _queue_consumer(sink: _Sink, where: str, value: Any) -> None:
    """wrangler's ``validateConsumer``."""
    if not _is_object(value):
        sink.error(where, f'"{where}" should be a objects, but got {js_json(value)}')
        return
    sink.unexpected_fields(where, _keys(value), ("queue",) + tuple(k for k, _ in _CONSUMER_OPTIONS))
    if not _required(value, "queue", "string"):
        sink.error(where, f'"{where}" should have a string "queue" field but got {js_json(value)}.')
    kind = value.get("type", MISSING) if isinstance(value, dict) else MISSING
    if kind is not MISSING and kind != "worker":
        sink.error(where, f'"{where}.type" has an invalid value "{_js_template(kind)}". Only "worker" consumers can be '
                          "configured in your Wrangler configuration.")
    for key, kind_name in _CONSUMER_OPTIONS:
        if not _optional(value, key, kind_name):
            sink.error(where, f'"{where}" should, optionally, have a {kind_name} "{key}" field but got {js_json(value)}.')


def _validate_queues(p: _Pass, value: Any) -> None:
    """wrangler's ``validateQueues``: producers checked entry by entry, consumers as an array."""
    field_path = p.path("queues")
    if not isinstance(value, dict):
        p.sink.wrong_type(field_path, "an object", value)
        return
    p.sink.unexpected_fields(field_path, _keys(value), ("consumers", "producers"))
    if "consumers" in value:
        if not isinstance(value["consumers"], list):
            p.sink.wrong_type(f"{field_path}.consumers", "an array", value["consumers"])
        else:
            for i, consumer in enumerate(value["consumers"]):
                _queue_consumer(p.sink, f"{field_path}.consumers[{i}]", consumer)
    if "producers" in value:
        top = p.top("queues")
        sub = _Pass(p.sink, p.env, {"queues.producers": top.get("producers") if isinstance(top, dict) else None}, p.strict)
        _validate_binding_array(sub, "queues.producers", value["producers"], _queue_entry)


def _at_least_one(sink: _Sink, container: str, props: list[tuple[str, Any, str]]) -> None:
    """wrangler's ``validateAtLeastOnePropertyRequired``."""
    if all(v is MISSING for _, v, _ in props):
        sink.error(container, " or ".join(f'"{container}.{k}"' for k, _, _ in props) + " is required.")
        return
    if any(_js_typeof(v) == kind for _, v, kind in props):
        return
    for key, v, kind in props:
        shown = "undefined" if v is MISSING else js_json(v)
        sink.error(container, f'Expected "{container}.{key}" to be of type {kind} but got {shown}.')


def _optional_typed(sink: _Sink, container: str, key: str, value: Any, kind: str) -> None:
    """wrangler's ``validateOptionalProperty`` (no choices)."""
    if value is not MISSING and _js_typeof(value) != kind:
        sink.error(container, f'Expected "{container}.{key}" to be of type {kind} but got {js_json(value)}.')


def _validate_observability(p: _Pass, value: Any) -> None:
    """wrangler's ``validateObservability``."""
    if value is MISSING:
        return
    sink = p.sink
    if not _is_object(value):
        sink.error("observability", f'"observability" should be an object but got {js_json(value)}.')
        return
    val = value if isinstance(value, dict) else {}

    def sub(name: str, key: str) -> Any:
        inner = val.get(name, MISSING)
        return inner.get(key, MISSING) if isinstance(inner, dict) else MISSING

    _at_least_one(sink, "observability", [
        ("enabled", val.get("enabled", MISSING), "boolean"), ("logs.enabled", sub("logs", "enabled"), "boolean"),
        ("traces.enabled", sub("traces", "enabled"), "boolean"), ("issues.enabled", sub("issues", "enabled"), "boolean"),
    ])
    _optional_typed(sink, "observability", "head_sampling_rate", val.get("head_sampling_rate", MISSING), "number")
    _optional_typed(sink, "observability", "redact_query_string", val.get("redact_query_string", MISSING), "boolean")
    issues = val.get("issues", MISSING)
    issues_ok = issues is MISSING or isinstance(issues, dict)
    if not issues_ok:
        sink.error("observability", f'"observability.issues" should be an object but got {js_json(issues)}.')
    _optional_typed(sink, "observability", "logs", val.get("logs", MISSING), "object")
    _optional_typed(sink, "observability", "traces", val.get("traces", MISSING), "object")
    sink.unexpected_fields(
        "observability", _keys(value), ("enabled", "head_sampling_rate", "redact_query_string", "issues", "logs", "traces")
    )
    if isinstance(issues, dict):
        _optional_typed(sink, "observability.issues", "enabled", issues.get("enabled", MISSING), "boolean")
        sink.unexpected_fields("observability.issues", _keys(issues), ("enabled",))
    for name, known in (("logs", ("enabled", "head_sampling_rate", "invocation_logs", "destinations", "persist")),
                        ("traces", ("enabled", "head_sampling_rate", "destinations", "persist"))):
        inner = val.get(name, MISSING)
        if not _is_object(inner):
            continue
        fields = inner if isinstance(inner, dict) else {}
        for key, kind in (("enabled", "boolean"), ("head_sampling_rate", "number"), ("invocation_logs", "boolean"),
                          ("destinations", None), ("persist", "boolean")):
            if key not in known:
                continue
            if kind is None:
                _typed_string_array(sink, f"{name}.destinations", fields.get("destinations", MISSING))
            else:
                _optional_typed(sink, "observability", f"{name}.{key}", fields.get(key, MISSING), kind)
        sink.unexpected_fields("observability", _keys(inner), known)
    for key, rate in (("head_sampling_rate", val.get("head_sampling_rate", MISSING)),
                      ("logs.head_sampling_rate", sub("logs", "head_sampling_rate")),
                      ("traces.head_sampling_rate", sub("traces", "head_sampling_rate"))):
        if _js_truthy(rate) and _js_number(rate) is not None and not 0 <= _js_number(rate) <= 1:  # type: ignore[operator]
            sink.error("observability", f'"observability.{key}" must be a value between 0 and 1.')


def _js_number(value: Any) -> float | None:
    """``Number(value)`` for the comparisons JavaScript makes (``"2" > 1``); ``None`` when NaN."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip() or "0")
        except ValueError:
            return None
    if isinstance(value, list) and len(value) <= 1:
        return _js_number(value[0]) if value else 0.0
    return None


def _required_typed(sink: _Sink, container: str, key: str, value: Any, kind: str,
                    choices: tuple[str, ...] | None = None) -> None:
    """wrangler's ``validateRequiredProperty``."""
    if value is MISSING:
        sink.error(container, f'"{container}.{key}" is a required field.')
    elif _js_typeof(value) != kind:
        sink.error(container, f'Expected "{container}.{key}" to be of type {kind} but got {js_json(value)}.')
    elif choices is not None and value not in choices:
        sink.error(container, f'Expected "{container}.{key}" field to be one of {js_json(list(choices))} but got {js_json(value)}.')


def _validate_placement(p: _Pass, value: Any) -> None:
    """wrangler's ``normalizeAndValidatePlacement``: the smart (``hint``), targeted
    (``region``/``host``/``hostname``) and plain (``mode``) forms."""
    if value is MISSING:
        return
    sink = p.sink
    if not isinstance(value, dict):
        sink.error("placement", f'The field "placement" should be an object but got {js_json(value)}.')
        return
    targeted = [k for k in ("region", "host", "hostname") if k in value]
    mode = value.get("mode", MISSING)
    if "hint" in value and targeted:
        sink.error("placement", '"placement" cannot have both "hint" (smart format) and "region"/"host"/"hostname" (targeted format) fields')
    elif "hint" in value:
        _required_typed(sink, "placement", "mode", mode, "string", ("off", "smart"))
        hint = value["hint"]
        if not isinstance(hint, str):
            sink.error("placement", f'"placement.hint" must be a string when "placement.mode" is "{_js_template(mode)}"')
        if _js_truthy(hint) and mode != "smart":
            sink.error("placement", '"placement.hint" can only be set when "placement.mode" is "smart"')
    elif targeted:
        if mode is not MISSING:
            _required_typed(sink, "placement", "mode", mode, "string", ("targeted",))
        for key in targeted:
            _required_typed(sink, "placement", key, value[key], "string")
            if value[key] == "":
                sink.error("placement", f'"placement.{key}" must be a non-empty string.')
        if len(targeted) > 1:
            listed = ", ".join(f'"{k}"' for k in targeted)
            sink.error("placement", f'"placement" fields {listed} are mutually exclusive. Only one can be specified.')
    else:
        _required_typed(sink, "placement", "mode", mode, "string", ("off", "smart", "targeted"))
        if mode == "targeted":
            _at_least_one(sink, "placement", [(k, value.get(k, MISSING), "string") for k in ("region", "host", "hostname")])


_RULE_TYPES = ("ESModule", "CommonJS", "CompiledWasm", "Text", "Data")


def _validate_rules(p: _Pass, value: Any) -> None:
    """wrangler's ``validateRules``/``validateRule``."""
    if not _js_truthy(value):  # wrangler's `if (!envValue)`: an empty table still counts
        return
    field_path = p.path("rules")
    if not isinstance(value, list):
        p.sink.wrong_type(field_path, "an array", value)
        return
    for i, rule in enumerate(value):
        where = f"{field_path}[{i}]"
        if not isinstance(rule, (dict, list)):
            p.sink.error(where, f'"{where}" should be an object but got {js_json(rule)}.')
            continue
        rule = rule if isinstance(rule, dict) else {}
        if rule.get("type") not in _RULE_TYPES:
            p.sink.error(
                where,
                'bindings should have a string "type" field, which contains one of "ESModule", "CommonJS", '
                '"CompiledWasm", "Text", or "Data".',
            )
        globs = rule.get("globs", MISSING)
        if not isinstance(globs, list):
            shown = "undefined" if globs is MISSING else js_json(globs)
            p.sink.error(where, f'Expected "{where}.globs" to be an array of strings but got {shown}')
        else:
            for j, glob in enumerate(globs):
                if not isinstance(glob, str):
                    p.sink.error(where, f'Expected "{where}.globs.[{j}]" to be of type string but got {js_json(glob)}.')
        if "fallthrough" in rule and not isinstance(rule["fallthrough"], bool):
            p.sink.error(where, 'the field "fallthrough", when present, should be a boolean.')


def _typed_string_array(sink: _Sink, container: str, value: Any) -> None:
    """wrangler's ``validateTypedArray(..., "string")`` for an optional field."""
    if value is MISSING:
        return
    if not isinstance(value, list):
        sink.error(container, f'Expected "{container}" to be an array of strings but got {js_json(value)}')
        return
    for i, item in enumerate(value):
        if not isinstance(item, str):
            sink.error(container, f'Expected "{container}.[{i}]" to be of type string but got {js_json(item)}.')


def _validate_migrations(p: _Pass, value: Any) -> None:
    """The main rules of wrangler's ``validateMigrations`` (tags and class lists)."""
    if value is MISSING or value is None:
        return
    if not isinstance(value, list):
        p.sink.error("migrations", f'The optional "migrations" field should be an array, but got {js_json(value)}')
        return
    known = ("tag", "new_classes", "new_sqlite_classes", "renamed_classes", "deleted_classes", "transferred_classes")
    for i, migration in enumerate(value):
        entry = _destructured(migration)
        p.sink.unexpected_fields("migrations", [k for k in _keys(entry) if k not in known], ())
        tag = entry.get("tag", MISSING)
        if tag is MISSING:
            p.sink.error("migrations", f'"migrations[{i}].tag" is a required field.')
        elif not isinstance(tag, str):
            p.sink.error("migrations", f'Expected "migrations[{i}].tag" to be of type string but got {js_json(tag)}.')
        for key in ("new_classes", "new_sqlite_classes"):
            _typed_string_array(p.sink, f"migrations[{i}].{key}", entry.get(key, MISSING))
        for key, shape, fields in (
            ("renamed_classes", "{from: string, to: string}", ("from", "to")),
            ("transferred_classes", "{from: string, from_script: string, to: string}", ("from", "from_script", "to")),
        ):
            got = entry.get(key, MISSING)
            if got is MISSING:
                continue
            if not isinstance(got, list) or any(
                not isinstance(c, dict) or not all(isinstance(c.get(f), str) for f in fields) for c in got
            ):
                p.sink.error(
                    "migrations", f'Expected "migrations[{i}].{key}" to be an array of "{shape}" objects but got {js_json(got)}.'
                )
        _typed_string_array(p.sink, f"migrations[{i}].deleted_classes", entry.get("deleted_classes", MISSING))


# -- routes, triggers, dev ---------------------------------------------------------------------
_ROUTE_SHAPE = "{ pattern, custom_domain, zone_id | zone_name, enabled, previews_enabled }"


def _is_route_value(item: Any) -> bool:
    """wrangler's ``isValidRouteValue``."""
    if item is None or item is False or item == "" or item == 0:
        return False
    if isinstance(item, str):
        return True
    if isinstance(item, list):
        return False
    if not isinstance(item, dict) or not isinstance(item.get("pattern"), str):
        return False
    zone_id = isinstance(item.get("zone_id"), str)
    zone_name = isinstance(item.get("zone_name"), str)
    custom = isinstance(item.get("custom_domain"), bool)
    enabled = isinstance(item.get("enabled"), bool)
    previews = isinstance(item.get("previews_enabled"), bool)
    if sum((zone_id, zone_name, custom, enabled, previews)) != len(item) - 1:
        return False
    if zone_id and zone_name:
        return False
    if (enabled or previews) and not custom:
        return False
    return zone_id or zone_name or custom


def _validate_route(p: _Pass, raw_env: Mapping[str, Any]) -> Any:
    """wrangler's ``normalizeAndValidateRoute``; returns ``route`` as the rest sees it (``""`` is dropped)."""
    route = raw_env.get("route", MISSING)
    if route == "":
        p.sink.warn(
            "route",
            'The "route" field in your configuration is an empty string and will be ignored.\n'
            'Please remove the "route" field from your configuration.',
        )
        return MISSING
    if route is not MISSING and not _is_route_value(route):
        p.sink.error(
            "route",
            f'Expected "route" to be either a string, or an object with shape {_ROUTE_SHAPE}, but got {js_json(route)}.',
        )
    return route


def _validate_routes_field(p: _Pass, raw_env: Mapping[str, Any], route: Any) -> None:
    """wrangler's ``validateRoutes`` (wrangler names the field without the environment prefix)."""
    routes = raw_env.get("routes", MISSING)
    if routes is not MISSING:
        if not isinstance(routes, list):
            p.sink.error("routes", f'Expected "routes" to be an array but got {js_json(routes)}.')
        else:
            invalid = [item for item in routes if not _is_route_value(item)]
            if invalid:
                shown = json.dumps(_to_js(invalid), indent=2, ensure_ascii=False)
                p.sink.error(
                    "routes",
                    f'Expected "routes" to be an array of either strings or objects with the shape {_ROUTE_SHAPE}, '
                    f"but these weren't valid: {shown}.",
                )
        if route is not MISSING:
            p.sink.error("routes", 'Expected exactly one of the following fields ["routes","route"].')
        return
    top_routes = p.top("routes")
    if p.env is None or not isinstance(top_routes, list):
        return
    domains = [r.get("pattern") for r in top_routes if isinstance(r, dict) and r.get("custom_domain") is True]
    if domains:
        listed = ", ".join(_js_join_item(d) for d in domains)
        p.sink.warn(
            "routes",
            f'The "env.{p.env}" environment inherits the top-level `routes` configuration, which includes the custom '
            f"domain(s): {listed}. Deploying this environment will reassign these custom domains away from the "
            f'top-level Worker. Add `"routes": []` to "env.{p.env}" to prevent inheritance, or copy the route '
            "configuration from the top level to hide this warning.",
        )


def _validate_triggers(sink: _Sink, value: Any) -> None:
    """wrangler's ``validateTriggers`` (crons; events belong to Artifacts)."""
    if value is MISSING or value is None:
        return
    if not isinstance(value, dict):
        sink.error("triggers", f'Expected "triggers" to be of type object but got {js_json(value)}.')
        return
    if "crons" in value and not isinstance(value["crons"], list):
        sink.error("triggers", f'Expected "triggers.crons" to be of type array, but got {js_json(value)}.')
    if "events" in value and not isinstance(value["events"], list):
        sink.error("triggers", f'Expected "triggers.events" to be of type array, but got {js_json(value)}.')
    sink.unexpected_fields("triggers", _keys(value), ("crons", "events"))


_DEV_FIELDS: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("ip", "string", None), ("port", "number", None), ("inspector_port", "number", None),
    ("inspector_ip", "string", None), ("local_protocol", "string", ("http", "https")),
    ("upstream_protocol", "string", ("http", "https")), ("host", "string", None),
    ("enable_containers", "boolean", None), ("container_engine", "string", None),
    ("generate_types", "boolean", None),
)  # fmt: skip


def _js_typeof(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "undefined" if value is MISSING else "object"


def _destructured(value: Any) -> dict[str, Any]:
    """The properties ``const {...rest} = value`` sees: an array's or a string's indexes too."""
    if isinstance(value, dict):
        return value
    if isinstance(value, (list, str)):
        return {str(i): v for i, v in enumerate(value)}
    return {}


def _validate_dev(sink: _Sink, raw_dev: Any) -> None:
    """wrangler's ``normalizeAndValidateDev`` (top level only)."""
    if raw_dev is None:
        raw_dev = {}
    fields = _destructured(raw_dev)
    known = {name for name, _, _ in _DEV_FIELDS}
    sink.unexpected_fields("dev", [k for k in _keys(fields) if k not in known], ())
    for name, kind, choices in _DEV_FIELDS:
        value = fields.get(name, MISSING)
        if name == "upstream_protocol" and value is MISSING:
            value = fields.get("local_protocol", MISSING)  # it defaults to local_protocol
        if value is MISSING:
            continue
        if _js_typeof(value) != kind:
            sink.error(f"dev.{name}", f'Expected "dev.{name}" to be of type {kind} but got {js_json(value)}.')
        elif choices is not None and value not in choices:
            sink.error(f"dev.{name}", f'Expected "dev.{name}" field to be one of {js_json(list(choices))} but got {js_json(value)}.')


def _validate_vars(p: _Pass, value: Any) -> None:
    """wrangler's ``validateVars``: an object, no TOML dates, none left behind."""
    field_path = p.path("vars")
    if not isinstance(value, (dict, list)):  # an array passes, as typeof [] is "object"
        p.sink.wrong_type(field_path, "an object", value)
        return
    entries = value.items() if isinstance(value, dict) else ((str(i), v) for i, v in enumerate(value))
    for var_name, var_value in entries:
        if isinstance(var_value, (_dt.date, _dt.time)):
            p.sink.error(
                f"{field_path}.{var_name}",
                f'The field "{field_path}.{var_name}" is a TOML date, which is not supported. '
                f'Please use a string instead, e.g. {var_name} = "2025-12-19".',
            )
    top_vars = p.top("vars")
    if isinstance(top_vars, list):
        top_vars = {str(i): v for i, v in enumerate(top_vars)}
    if isinstance(top_vars, dict) and top_vars:
        have = set(_keys(value))
        missing = [k for k in _keys(top_vars) if k not in have]
        if missing:
            p.sink.warn(
                field_path,
                f'The following vars exist at the top level, but not on "{field_path}".\n'
                'This is probably not what you want, since "vars" configuration is not inherited by environments.\n'
                f'Please add these vars to "env.{p.env}.vars":\n' + "\n".join(f"- {k}" for k in missing),
            )


def _validate_single_binding(p: _Pass, name: str, value: Any, *, known_keys: tuple[str, ...] | None) -> None:
    """``validateAIBinding`` (no unknown-field check) and ``validateNamedSimpleBinding``."""
    field_path = p.path(name)
    if not isinstance(value, dict):
        p.sink.wrong_type(field_path, "an object", value)
        return
    if not _has_str(value, "binding"):
        p.sink.error(field_path, 'binding should have a string "binding" field.')
    _remote_ok(p, name, value)
    if known_keys is not None:
        p.sink.unexpected_fields(name, _keys(value), known_keys)
    if p.strict and name == "ai" and _has_str(value, "binding"):
        _strict_binding_name(p, field_path, value["binding"])


def _durable_object_entry(sink: _Sink, where: str, value: Any) -> bool:
    """wrangler's ``validateDurableObjectBinding`` (its messages go under the binding's own heading)."""
    if not _is_object(value):
        sink.error(where, f'Expected "{where}" to be an object but got {js_json(value)}')
        return False
    valid = True
    for key in ("name", "class_name"):
        if not _required(value, key, "string"):
            sink.error(where, f'binding should have a string "{key}" field.')
            valid = False
    for key in ("script_name", "environment"):
        if not _optional(value, key, "string"):
            sink.error(where, f'the field "{key}", when present, should be a string.')
            valid = False
    if _has(value, "environment") and not _has(value, "script_name"):
        sink.error(where, 'binding should have a "script_name" field if "environment" is present.')
        valid = False
    if not _optional(value, "remote", "boolean"):
        sink.error(where, f'"{where}" should, optionally, have a boolean "remote" field but got {js_json(value)}.')
        valid = False
    sink.unexpected_fields(where, _keys(value), ("class_name", "environment", "name", "script_name"))
    return valid


def _warn_durable_objects_without_lifecycle(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``warnIfDurableObjectsHaveNoLifecycleConfig``: this Worker's own Durable
    Object classes need a ``migrations`` entry or a live ``exports`` entry."""
    def seen(name: str, default: Any) -> Any:
        value = raw_env.get(name)
        if value is None and p.env is not None:
            value = p.raw_top.get(name)
        return default if value is None else value

    objects = raw_env.get("durable_objects")
    bindings = objects.get("bindings") if isinstance(objects, dict) else None
    if not isinstance(bindings, list) or not bindings:
        return
    migrations = seen("migrations", [])
    exports = seen("exports", {})
    own = [b for b in bindings if not (isinstance(b, dict) and _js_truthy(b.get("script_name", MISSING)))]

    def covered(class_name: Any) -> bool:
        entry = exports.get(class_name) if isinstance(exports, dict) and isinstance(class_name, str) else None
        return isinstance(entry, dict) and entry.get("type") == "durable-object" and entry.get("state", "created") in (
            "created", "expecting-transfer")

    uncovered = [b for b in own if not isinstance(b, dict) or not isinstance(b.get("class_name"), str)
                 or not covered(b["class_name"])]
    has_migrations = isinstance(migrations, (list, str)) and len(migrations) > 0
    if not uncovered or has_migrations:
        return
    if any(not isinstance(b, dict) or not isinstance(b.get("class_name"), str) for b in uncovered):
        return
    names = [b["class_name"] for b in uncovered]
    suggested = {"exports": {n: {"type": "durable-object", "storage": "sqlite"} for n in names}}
    name = config_file_name(p.config_path)
    if name == "wrangler.toml":
        snippet = "".join(
            f'[exports.{_toml_key(n)}]\ntype = "durable-object"\nstorage = "sqlite"\n\n' for n in dict.fromkeys(names)
        )[:-1]
    else:
        snippet = json.dumps(suggested, indent=2, ensure_ascii=False)
    p.sink.warn(
        "durable_objects",
        f"In your {name} file, you have configured `durable_objects` exported by this Worker ({', '.join(names)}), "
        "but no live `exports` entry for them. This may not work as expected until you add a live `durable-object` "
        f"entry to `exports` for each. Add the following configuration:\n\n```\n{snippet}\n```",
    )


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _validate_durable_objects(p: _Pass, value: Any) -> None:
    """The container checks and the left-behind warning of ``validateBindingsProperty``."""
    field_path = p.path("durable_objects")
    if not isinstance(value, dict):
        p.sink.wrong_type(field_path, "an object", value)
        return
    p.sink.unexpected_fields(field_path, _keys(value), ("bindings", "code_update_strategy"))
    if "bindings" not in value:  # wrangler takes a missing list as empty
        value = {**value, "bindings": []}
    if not isinstance(value["bindings"], list):
        p.sink.wrong_type(f"{field_path}.bindings", "an array", value["bindings"])
        return
    valid = True
    for i, binding in enumerate(value["bindings"]):
        where = f"{field_path}.bindings[{i}]"
        child = _Sink(env=p.sink.env, group=f'"{where}": {js_json(binding)}')
        valid = _durable_object_entry(child, where, binding) and valid
        p.sink.errors.extend(child.errors)
        p.sink.warnings.extend(child.warnings)
    top_names = _binding_names(p.top("durable_objects"))
    if valid and top_names:
        env_names = set(_binding_names(value))
        missing = [n for n in top_names if n not in env_names]
        if missing:
            p.sink.warn(
                field_path,
                f'The following bindings are at the top level, but not on "env.{p.env}".\n'
                'This is not what you probably want, since "durable_objects" configuration is not inherited by environments.\n'
                f'Please add a binding for each to "{field_path}.bindings":\n' + "\n".join(f"- {n}" for n in missing),
            )


def _validate_not_inheritable(p: _Pass, raw_env: Mapping[str, Any], name: str) -> None:
    """wrangler's ``notInheritable``: validate when present, warn when only the top level has it."""
    value = raw_env.get(name, MISSING)
    if value is MISSING:
        if p.env is not None and name in p.raw_top:
            p.sink.warn(
                p.path(name),
                f'"{name}" exists at the top level, but not on "env.{p.env}".\n'
                f'This is not what you probably want, since "{name}" is not inherited by environments.\n'
                f'Please add "{name}" to "env.{p.env}".',
            )
        return
    if name == "vars":
        _validate_vars(p, value)
    elif name == "vectorize":
        _validate_binding_array(p, name, value, _vectorize_entry)
    elif name == "queues":
        _validate_queues(p, value)
    elif name in _ENTRY_VALIDATORS:
        _validate_binding_array(p, name, value, _ENTRY_VALIDATORS[name])
    elif name in _BINDING_ARRAY_FIELDS:
        _validate_binding_array(p, name, value, None)
    elif name == "ai":
        _validate_single_binding(p, name, value, known_keys=None)
    elif name in _SIMPLE_BINDING_FIELDS:
        _validate_single_binding(p, name, value, known_keys=("binding", "remote"))
    elif name == "durable_objects":
        _validate_durable_objects(p, value)
    elif name == "secrets":
        _validate_secrets(p, value)
    elif name == "define":
        _validate_define(p, value)
    elif name in ("tail_consumers", "streaming_tail_consumers"):
        _validate_tail_consumers(p, name, value)
    elif name == "version_metadata":
        _validate_version_metadata(p, value)
    if name == "workflows":
        _unique_workflow_names(p, value)


_ENTRY_VALIDATORS: dict[str, Callable[[_Pass, str, Any], bool]] = {
    "kv_namespaces": _kv_entry, "r2_buckets": _r2_entry, "d1_databases": _d1_entry,
    "services": _services_entry, "hyperdrive": _hyperdrive_entry, "analytics_engine_datasets": _analytics_entry,
    **_MORE_ENTRY_VALIDATORS,
}


def _validate_secrets(p: _Pass, value: Any) -> None:
    """wrangler's ``validateSecrets``: ``{required: string[]}``."""
    field_path = p.path("secrets")
    if not isinstance(value, dict):
        p.sink.wrong_type(field_path, "an object", value)
        return
    p.sink.unexpected_fields(field_path, _keys(value), ("required",))
    _typed_string_array(p.sink, f"{field_path}.required", value.get("required", MISSING))


def _validate_define(p: _Pass, value: Any) -> None:
    """wrangler's ``validateDefines``: string values; an environment only overrides the top level's."""
    field_path = p.path("define")
    if _is_object(value):
        entries = value.items() if isinstance(value, dict) else ((str(i), v) for i, v in enumerate(value))
        for name, item in entries:
            if not isinstance(item, str):
                p.sink.error(f"{field_path}.{name}", f'The field "{field_path}.{name}" should be a string but got {js_json(item)}.')
    else:
        p.sink.wrong_type(field_path, "an object", value)
    top = p.top("define")
    top_names = _keys(top) if _is_object(top) else []
    if not top_names or not _is_object(value):
        return
    names = _keys(value)
    missing = [n for n in top_names if n not in names]
    if missing:
        p.sink.warn(
            field_path,
            f'The following define entries exist at the top level, but not on "{field_path}".\n'
            'This is probably not what you want, since "define" configuration is not inherited by environments.\n'
            f'Please add these entries to "env.{p.env}.define":\n' + "\n".join(f"- {n}" for n in missing),
        )
    for name in names:
        if name not in top_names:
            p.sink.warn(
                field_path,
                f'"{name}" exists on "env.{p.env}", but not on the top level.\n'
                'This is not what you probably want, since "define" configuration within environments can only '
                'override existing top level "define" configuration\n'
                f'Please remove "{field_path}.{name}", or add "define.{name}".',
            )


def _validate_tail_consumers(p: _Pass, name: str, value: Any) -> None:
    """wrangler's ``validateTailConsumers`` / ``validateStreamingTailConsumers`` (field named without the env)."""
    if not _js_truthy(value):
        return
    if not isinstance(value, list):
        p.sink.error(name, f'Expected "{name}" to be an array but got {js_json(value)}.')
        return
    for i, item in enumerate(value):
        where = f"{name}[{i}]"
        if not _is_object(item) or (name == "streaming_tail_consumers" and isinstance(item, list)):
            p.sink.error(where, f'"{where}" should be an object but got {js_json(item)}.')
            continue
        fields = item if isinstance(item, dict) else {}
        service = fields.get("service", MISSING)
        if service is MISSING:
            p.sink.error(where, f'"{where}.service" is a required field.')
        elif not isinstance(service, str):
            p.sink.error(where, f'Expected "{where}.service" to be of type string but got {js_json(service)}.')
        elif name == "tail_consumers" and "environment" in fields and not isinstance(fields["environment"], str):
            p.sink.error(where, f'Expected "{where}.environment" to be of type string but got {js_json(fields["environment"])}.')


def _js_truthy(value: Any) -> bool:
    return value is not MISSING and value is not None and value is not False and value != "" and not (
        isinstance(value, (int, float)) and not isinstance(value, bool) and (value == 0 or (isinstance(value, float) and math.isnan(value)))
    )


def _validate_python_modules(sink: _Sink, value: Any) -> None:
    """wrangler's ``validatePythonModules``: ``{exclude: string[]}``."""
    if value is MISSING:
        return
    if not isinstance(value, dict):
        sink.error("python_modules", f'"python_modules" should be an object but got {js_json(value)}.')
        return
    if "exclude" in value:
        _is_string_array(sink, "python_modules.exclude", value["exclude"])


def _validate_version_metadata(p: _Pass, value: Any) -> None:
    """wrangler's ``validateVersionMetadataBinding``: only a string ``binding`` is checked."""
    if not isinstance(value, dict):
        p.sink.wrong_type(p.path("version_metadata"), "an object", value)
        return
    if not _has_str(value, "binding"):
        p.sink.error(p.path("version_metadata"), 'binding should have a string "binding" field.')


_OTHER_BOOLEANS = ("no_bundle", "minify", "keep_names", "first_party_worker", "logpush", "upload_source_maps")


def _validate_environment(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``normalizeAndValidateEnvironment``, field by field in its order (so the report
    lists its findings in wrangler's order)."""
    sink = p.sink

    def get(name: str) -> Any:
        return raw_env.get(name, MISSING)

    if "node_compat" in raw_env:
        sink.error(p.path("node_compat"), NODE_COMPAT_ERROR)
    if (p.env is None or "unsafe" not in p.raw_top) and "unsafe" in raw_env:
        if "WRANGLER_DISABLE_EXPERIMENTAL_WARNING" not in os.environ:
            sink.warn(p.path("unsafe"), '"unsafe" fields are experimental and may change or break at any time.')
    route = _validate_route(p, raw_env)
    if get("account_id") == "":
        sink.warn(
            "account_id",
            'The "account_id" field in your configuration is an empty string and will be ignored.\n'
            'Please remove the "account_id" field from your configuration.',
        )
    else:
        _is_string(sink, "account_id", get("account_id"))
    _validate_routes_field(p, raw_env, route)
    _is_boolean(sink, "workers_dev", get("workers_dev"))
    _is_boolean(sink, "preview_urls", get("preview_urls"))
    _validate_build(p, raw_env)
    _compatibility_date(sink, "compatibility_date", get("compatibility_date"))
    _is_string_array(sink, "compatibility_flags", get("compatibility_flags"))
    for name in ("jsx_factory", "jsx_fragment", "tsconfig"):
        _is_string(sink, name, get(name))
    _validate_rules(p, get("rules"))
    _is_valid_name(sink, "name", get("name"))
    _is_string(sink, "main", get("main"))
    _is_boolean(sink, "find_additional_modules", get("find_additional_modules"))
    _is_boolean(sink, "preserve_file_names", get("preserve_file_names"))
    _is_string(sink, "base_dir", get("base_dir"))
    _validate_triggers(sink, get("triggers"))
    _validate_assets(sink, "assets", get("assets"))
    _validate_limits(p, raw_env)
    _validate_placement(p, get("placement"))
    for name in NOT_INHERITABLE_FIELDS:
        _validate_not_inheritable(p, raw_env, name)
        if name == "workflows":
            _validate_migrations(p, get("migrations"))
    for name in _OTHER_BOOLEANS:
        _is_boolean(sink, name, get(name))
    _validate_observability(p, get("observability"))
    _is_compliance_region(sink, "compliance_region", get("compliance_region"))
    _validate_python_modules(sink, get("python_modules"))
    _warn_durable_objects_without_lifecycle(p, raw_env)
    if p.env is not None:
        sink.unexpected_fields(
            f"env.{p.env}", [k for k in _keys(raw_env) if k != "node_compat"], frozenset(ENVIRONMENT_FIELDS)
        )


# -- whole-config rules --------------------------------------------------------------------
def _binding_names(value: Any) -> list[str]:
    """wrangler's ``getBindingNames``: the names a binding field puts on ``env``."""
    if not _is_object(value):
        return []
    if (
        isinstance(value, dict)
        and isinstance(value.get("bindings"), list)
        and all(isinstance(b, dict) and isinstance(b.get("name"), str) for b in value["bindings"])
    ):
        return [b["name"] for b in value["bindings"]]
    if isinstance(value, list):
        if all(isinstance(e, dict) and isinstance(e.get("binding"), str) for e in value):
            return [e["binding"] for e in value]
        return []
    if value.get("binding") is not None:
        return [_js_key(value["binding"])]
    return [str(k) for k, v in value.items()]


def _validate_unique_names(sink: _Sink, merged: Mapping[str, Any]) -> None:
    """wrangler's ``validateBindingsHaveUniqueNames`` over the selected, merged config."""
    grouped: dict[str, list[str]] = {}
    kinds = list(_FRIENDLY_BINDING_NAMES)
    for config_field, kind in kinds:
        value = merged.get(config_field)
        if config_field == "queues":
            value = value.get("producers") if isinstance(value, dict) else None
        for name in _binding_names(value):
            grouped.setdefault(name, []).append(kind)
    secrets = merged.get("secrets")
    required = secrets.get("required") if isinstance(secrets, dict) else None
    for name in required if isinstance(required, list) else []:
        grouped.setdefault(_js_key(name), []).append("Secret")

    has_duplicates = False
    for name in js_key_order(list(grouped)):
        kinds_of_name = grouped[name]
        if len(kinds_of_name) < 2:
            continue
        has_duplicates = True
        different = list(dict.fromkeys(kinds_of_name))
        same = list(dict.fromkeys(k for i, k in enumerate(kinds_of_name) if kinds_of_name.index(k) != i))
        if len(different) > 1:
            sink.error(name, f"{name} assigned to {_js_list(different)} bindings.")
        for kind in same:
            sink.error(name, f"{name} assigned to multiple {kind} bindings.")
    if has_duplicates:
        sink.error(None, DUPLICATE_BINDINGS_ERROR)


def _unknown_environment(raw: Mapping[str, Any], environment: str, config_path: Path | None) -> tuple[bool, str]:
    """The message for ``--env NAME`` without ``[env.NAME]``; an error only if other envs exist."""
    envs = raw.get("env")
    env_names = ""
    if envs:  # JavaScript truthiness: an empty table still counts
        names = list(envs) if isinstance(envs, dict) else []
        env_names = f"The available configured environment names are: {js_json(names)}\n"
    message = (
        f'No environment found in configuration with name "{environment}".\n'
        f"Before using `--env={environment}` there should be an equivalent environment section in the configuration.\n"
        f"{env_names}\n"
        f"Consider adding an environment configuration section to the {config_file_name(config_path)} file:\n"
        f"```\n[env.{environment}]\n```\n"
    )
    return bool(env_names), message


def _validate_top_level_only(sink: _Sink, raw: Mapping[str, Any]) -> None:
    """The fields ``normalizeAndValidateConfig`` checks before the top-level environment."""
    _optional_typed_top(sink, "send_metrics", raw.get("send_metrics", MISSING), "boolean")
    instrumentation = raw.get("dependencies_instrumentation", MISSING)
    if _optional_typed_top(sink, "dependencies_instrumentation", instrumentation, "object") and _is_object(instrumentation):
        fields = instrumentation if isinstance(instrumentation, dict) else {}
        _optional_typed(sink, "dependencies_instrumentation", "enabled", fields.get("enabled", MISSING), "boolean")
        _typed_string_array(sink, "dependencies_instrumentation.exclude_packages", fields.get("exclude_packages", MISSING))
        sink.unexpected_fields("dependencies_instrumentation", _keys(instrumentation), ("enabled", "exclude_packages"))
    _optional_typed_top(sink, "keep_vars", raw.get("keep_vars", MISSING), "boolean")
    _typed_string_array(sink, "addresses", raw.get("addresses", MISSING))
    _optional_typed_top(sink, "pages_build_output_dir", raw.get("pages_build_output_dir", MISSING), "string")
    _optional_typed_top(sink, "$schema", raw.get("$schema", MISSING), "string")


def _optional_typed_top(sink: _Sink, key: str, value: Any, kind: str) -> bool:
    """``validateOptionalProperty(diagnostics, "", key, ...)``: a top-level field of one type."""
    if value is not MISSING and _js_typeof(value) != kind:
        sink.error(key, f'Expected "{key}" to be of type {kind} but got {js_json(value)}.')
        return False
    return True


@dataclass(frozen=True)
class Validation:
    """The result of :func:`validate`: the diagnostics, split by severity."""

    errors: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]


def validate(
    raw: Mapping[str, Any],
    merged: Mapping[str, Any],
    *,
    environment: str | None,
    config_path: Path | None = None,
    strict: bool = False,
) -> Validation:
    """Apply every rule to a parsed config ``raw`` whose selected view is ``merged``.

    ``merged`` holds each environment field as the selected environment sees it (see
    :func:`workers_env.config.wrangler.merge_environment`); the binding-name and Python rules
    judge that view, the rest judge what is written.
    """
    top = _Sink(env=None)
    if "legacy_env" in raw:
        top.error("legacy_env", LEGACY_ENV_ERROR)
    _validate_top_level_only(top, raw)
    _validate_environment(_Pass(top, None, raw, strict, config_path), raw)

    env_sink = _Sink(env=environment)
    if environment:
        envs = raw.get("env")
        raw_env = envs.get(environment, MISSING) if isinstance(envs, dict) else MISSING
        if envs is not None and not isinstance(envs, dict):
            top.wrong_type("env", "an object", envs)
        if isinstance(raw_env, list):  # an object to wrangler: no known field, every index unknown
            raw_env = {str(i): v for i, v in enumerate(raw_env)}
        if isinstance(raw_env, dict):
            _validate_environment(_Pass(env_sink, environment, raw, strict, config_path), raw_env)
        elif raw_env is not MISSING:
            env_sink.wrong_type(f"env.{environment}", "an object", raw_env)
        elif "pages_build_output_dir" not in raw:  # a Pages config says nothing (isPagesConfig)
            is_error, message = _unknown_environment(raw, environment, config_path)
            (top.error if is_error else top.warn)("env", message)
    elif "env" in raw and not isinstance(raw["env"], dict):
        top.wrong_type("env", "an object", raw["env"])

    if "dev" in raw:
        _validate_dev(top, raw["dev"])
    _validate_unique_names(top, merged)
    top.unexpected_fields(
        "top-level",
        [k for k in _keys(raw) if k not in ("legacy_env", "node_compat")],
        frozenset(ENVIRONMENT_FIELDS + TOP_LEVEL_ONLY_FIELDS),
    )
    main = merged.get("main")
    flags = merged.get("compatibility_flags")
    if flags is None:
        flags = []
    # wrangler's applyPythonConfig throws at the end of validation, before any diagnostic is
    # printed; ``flags.includes(...)`` also finds the flag inside a string. Flags that are
    # neither make wrangler's own code fail ("includes is not a function"): the report, which
    # names the wrong type, is said instead.
    if isinstance(main, str) and main.endswith(".py") and isinstance(flags, (list, str)) and "python_workers" not in flags:
        return Validation(errors=(Diagnostic("compatibility_flags", PYTHON_FLAG_ERROR, alone=True),), warnings=())
    return Validation(
        errors=tuple(top.errors + env_sink.errors),
        warnings=tuple(top.warnings + env_sink.warnings),
    )
