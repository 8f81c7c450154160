"""The whole-config rules and :func:`validate`: top-level-only fields, ``dev``, the
unknown ``--env``, unique binding names and the Python flag, around the environment passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workers_env._jsvalues import js_key_order
from workers_env.config.diagnostics.bindings import _binding_names, normalised_durable_objects
from workers_env.config.diagnostics.checks import _optional_typed, _typed_string_array
from workers_env.config.diagnostics.environment import _validate_environment
from workers_env.config.diagnostics.fields import (
    _FRIENDLY_BINDING_NAMES,
    DUPLICATE_BINDINGS_ERROR,
    ENVIRONMENT_FIELDS,
    LEGACY_ENV_ERROR,
    PYTHON_FLAG_ERROR,
    TOP_LEVEL_ONLY_FIELDS,
    config_file_name,
)
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _js_template,
    _js_list,
    _js_truthy,
    _js_typeof,
    _keys,
    is_js_object,
    js_json,
    object_keys,
)
from workers_env.config.diagnostics.report import Diagnostic
from workers_env.config.diagnostics.sink import _Pass, _Sink
from workers_env.config.diagnostics.top_level_tables import (
    MODULE_PATH_FIELDS,
    module_path_names,
    validate_top_level_tables,
)

__all__ = ["Validation", "validate"]

_DEV_FIELDS: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("ip", "string", None), ("port", "number", None), ("inspector_port", "number", None),
    ("inspector_ip", "string", None), ("local_protocol", "string", ("http", "https")),
    ("upstream_protocol", "string", ("http", "https")), ("host", "string", None),
    ("enable_containers", "boolean", None), ("container_engine", "string", None),
    ("generate_types", "boolean", None),
)  # fmt: skip


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


def _validate_unique_names(sink: _Sink, merged: Mapping[str, Any], *, pages: bool = False) -> None:
    """wrangler's ``validateBindingsHaveUniqueNames`` over the selected, merged config; ``pages``:
    the config is a Pages project's (``isPagesConfig``: it has ``pages_build_output_dir``, of any
    value), where every binding named ``ASSETS`` is an error of its own, met as the names are grouped."""
    grouped: dict[str, list[str]] = {}

    def group(name: str, kind: str) -> None:
        if name == "ASSETS" and pages:
            sink.error(name, f"The name 'ASSETS' is reserved in Pages projects. Please use a different name for your {kind} binding.")
        grouped.setdefault(name, []).append(kind)

    kinds = list(_FRIENDLY_BINDING_NAMES)
    for config_field, kind in kinds:
        value = merged.get(config_field)
        if config_field == "queues":
            value = value.get("producers") if isinstance(value, dict) else None
        elif config_field == "images" and not (isinstance(value, dict) and "binding" in value):
            value = None  # wrangler takes no names from an images table without a binding
        elif config_field == "durable_objects":
            value = normalised_durable_objects(MISSING if value is None else value)
        for name in module_path_names(value) if config_field in MODULE_PATH_FIELDS else _binding_names(value):
            group(name, kind)
    secrets = merged.get("secrets")
    required = secrets.get("required") if isinstance(secrets, dict) else None
    for name in required if isinstance(required, list) else []:
        group(_js_template(name), "Secret")  # String(): the name as a key

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


def _python_rules(top: _Sink, env_sink: _Sink, raw: Mapping[str, Any], rules: Any) -> None:
    """A Python Worker's ``rules`` that no check refused (0, ``false``, ``""``: ``validateRules`` skips a
    falsy value) yet is no array: wrangler 4.168.0's ``applyPythonConfig`` then stops on ``config.rules.some
    is not a function``; the report names the field instead."""
    if rules is None or isinstance(rules, list) or _js_truthy(rules):
        return
    envs = raw.get("env")
    own = env_sink.env is not None and isinstance(envs, dict) and isinstance(envs.get(env_sink.env), dict) \
        and envs[env_sink.env].get("rules") is not None
    (env_sink if own else top).wrong_type(f"env.{env_sink.env}.rules" if own else "rules", "an array", rules)


def _unknown_environment(raw: Mapping[str, Any], environment: str, config_path: Path | None) -> tuple[bool, str]:
    """The message for ``--env NAME`` without ``[env.NAME]``; an error only if other envs exist."""
    envs = raw.get("env")
    env_names = ""
    if _js_truthy(envs):  # JavaScript truthiness: an empty table (or list) still counts
        names = object_keys(envs)  # of a string: its UTF-16 indices
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
    if _optional_typed_top(sink, "dependencies_instrumentation", instrumentation, "object") and is_js_object(instrumentation):
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
        # an "env" that is no object holds no environment: wrangler says only that (no type error)
        raw_env = envs.get(environment, MISSING) if isinstance(envs, dict) else MISSING
        if is_js_object(raw_env):  # an array, or a TOML date, is an object to wrangler: its indexes its fields
            raw_env = _destructured(raw_env)
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
    validate_top_level_tables(top, raw, merged.get("main", MISSING))
    _validate_unique_names(top, merged, pages="pages_build_output_dir" in raw)
    top.unexpected_fields(
        "top-level",
        [k for k in _keys(raw) if k not in ("legacy_env", "node_compat")],
        frozenset(ENVIRONMENT_FIELDS + TOP_LEVEL_ONLY_FIELDS),
    )
    main = merged.get("main")
    if isinstance(main, str) and main.endswith(".py"):
        _python_rules(top, env_sink, raw, merged.get("rules"))
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
