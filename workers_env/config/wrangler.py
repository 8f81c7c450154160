"""Finding, parsing and reading a wrangler configuration, the way wrangler does.

:func:`find_config` searches like wrangler; :func:`check_config` parses the file and applies
every rule of :mod:`workers_env.config.diagnostics`; :func:`load_config` does the same and raises
one :class:`~workers_env._errors.ConfigError` listing every error, or returns the selected
environment as a :class:`WorkerConfig`.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workers_env._deep import ROOMY_FROM, more_room
from workers_env._errors import ConfigError, add_hint
from workers_env._jsontext import surrogate_pairs_joined
from workers_env._oneload import resolved
from workers_env._tomlparses import parsed_toml
from workers_env.config import smol_toml
from workers_env.config.diagnostics import (
    INHERITABLE_FIELDS,
    NOT_INHERITABLE_FIELDS,
    Diagnostic,
    Report,
    validate,
)
from workers_env.config.diagnostics.jsvalues import toml_date_text
from workers_env.config.syntax import (
    format_syntax_error,
    format_tomllib_error,
    jsonc_first_error,
    jsonc_value,
    line_and_column,
)

__all__ = [
    "CONFIG_FILE_NAMES",
    "VectorizeBindingConfig",
    "WorkerConfig",
    "find_config",
    "load_config",
    "check_config",
    "checked_config",
    "display_path",
    "merge_environment",
    "read_config_file",
    "toml_date_text",
]


#: wrangler's search order: each name is searched upward before the next is tried.
CONFIG_FILE_NAMES: tuple[str, ...] = ("wrangler.json", "wrangler.jsonc", "wrangler.toml")

_UNSUPPORTED_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
)
_UTF8_BOM = b"\xef\xbb\xbf"
#: what a path's stat fails with when there is no such file (Path.exists' answer up to 3.13:
#: these errnos, and on Windows a drive not ready, an invalid name, one that cannot be resolved)
_NO_SUCH_FILE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_NO_SUCH_FILE_WINDOWS = (21, 123, 1921)


@dataclass(frozen=True)
class VectorizeBindingConfig:
    """One ``[[vectorize]]`` entry: the ``env`` attribute name and the index behind it."""

    binding: str
    index_name: str
    remote: bool | None = None


@dataclass(frozen=True)
class WorkerConfig:
    """The selected environment of a wrangler config, as wrangler would run it."""

    path: Path
    environment: str | None
    name: str | None
    main: str | None
    compatibility_date: str | None
    compatibility_flags: tuple[str, ...]
    vars: dict[str, Any]
    vectorize: tuple[VectorizeBindingConfig, ...]
    ai_binding: str | None
    pyproject_indexes: dict[str, dict[str, Any]]
    warnings: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False)
    #: every field as the selected environment sees it (bindings not inherited, as wrangler)
    merged: dict[str, Any] = field(default_factory=dict, repr=False)
    #: the raw ``[tool.workers-env]`` table of the ``pyproject.toml`` beside the config
    tool: dict[str, Any] = field(default_factory=dict, repr=False)
    #: how a ``compatibility_date`` given instead of the config's was written (``{date}`` in it),
    #: so a malformed one's hint names that option, not the config file; ``None``: the config's
    compatibility_date_given_as: str | None = field(default=None, repr=False)
    #: how ``compatibility_flags`` given instead of the config's were written (``--compatibility-flags``),
    #: so the hint after workerd's refusal names that option; ``None``: the config's key
    compatibility_flags_given_as: str | None = field(default=None, repr=False)

    def entries(self, field_name: str) -> list[Any]:
        """The selected environment's entries of a binding array (``"d1_databases"`` ...)."""
        value = self.merged.get(field_name)
        return list(value) if isinstance(value, list) else []

    @property
    def root(self) -> Path:
        """The folder holding the config; relative paths in it are resolved against this."""
        return self.path.parent

    def with_compatibility(self, date: str | None = None, flags: Iterable[str] | None = None, *,
                           given_as: str = 'compatibility_date="{date}"',
                           flags_given_as: str = "compatibility_flags") -> WorkerConfig:
        """This config run on another ``compatibility_date`` and/or ``compatibility_flags``, as
        ``wrangler dev --compatibility-date D --compatibility-flags F ...`` runs it: each given one
        replaces the config's (the flags as a whole list, not added to it, as wrangler's
        ``args.compatibilityFlags ?? config.compatibility_flags``); ``None`` keeps the config's.
        ``given_as``: how the date was written (``{date}`` in it), for a malformed one's hint;
        ``flags_given_as``: how the flags were, for the hint after an unknown one's refusal."""
        if date is not None and not isinstance(date, str):
            raise ConfigError(f'compatibility_date= must be a date as the config writes it, a str such as "2026-11-17", '
                              f"got {type(date).__name__} {date!r}")
        if flags is not None:
            if isinstance(flags, (str, bytes)) or not isinstance(flags, Iterable):
                raise ConfigError('compatibility_flags= must be a list of flag names, such as ["python_workers"], '
                                  f"got {type(flags).__name__} {flags!r}")
            flags = tuple(flags)
            wrong = [f for f in flags if not isinstance(f, str)]
            if wrong:
                raise ConfigError(f"compatibility_flags= must hold flag names (str), got {type(wrong[0]).__name__} "
                                  f"{wrong[0]!r}")
        if date is None and flags is None:
            return self
        merged = dict(self.merged)
        if date is not None:
            merged["compatibility_date"] = date
        if flags is not None:
            merged["compatibility_flags"] = list(flags)
        return replace(self, compatibility_date=self.compatibility_date if date is None else date,
                       compatibility_flags=self.compatibility_flags if flags is None else tuple(flags),
                       merged=merged,
                       compatibility_date_given_as=self.compatibility_date_given_as if date is None else given_as,
                       compatibility_flags_given_as=self.compatibility_flags_given_as if flags is None else flags_given_as)

    @property
    def main_path(self) -> Path | None:
        """``main`` resolved against :attr:`root`, or ``None`` when no ``main`` is set."""
        if self.main is None:
            return None
        return resolved(self.root / self.main)  # (once a load's reading: _oneload.py)


# -- finding -------------------------------------------------------------------------------------
def find_config(start: str | os.PathLike[str] | None = None) -> Path:
    """Return the config wrangler would use, searching upward from ``start`` (default: cwd).

    A file path is returned as given (made absolute); a folder is searched upward for
    ``wrangler.json``, then upward for ``wrangler.jsonc``, then for ``wrangler.toml``.
    """
    begin = Path.cwd() if start is None else Path(start).absolute()
    try:  # (not Path.is_file/exists: from Python 3.14 they answer False for every OSError)
        mode: int | None = begin.stat().st_mode
    except ValueError:  # a NUL in the name: no such file, as Path.exists says
        mode = None
    except OSError as exc:
        missing = exc.errno in _NO_SUCH_FILE or getattr(exc, "winerror", None) in _NO_SUCH_FILE_WINDOWS
        if not missing:  # a name the system cannot look up: too long, say
            raise ConfigError(f"Configuration file cannot be looked up: {exc.strerror}: {str(begin)[:200]}\n"
                              "Check the path you passed.", path=str(begin)) from None
        mode = None
    is_file, exists = mode is not None and stat.S_ISREG(mode), mode is not None
    if is_file:
        return begin
    if not exists:
        raise ConfigError(
            f"Configuration file not found: {begin}\n"
            "Check the path, or pass the folder holding wrangler.toml / wrangler.json(c) instead.",
            path=str(begin),
        )
    folders = [begin, *begin.parents]
    for file_name in CONFIG_FILE_NAMES:
        for folder in folders:
            candidate = folder / file_name
            if candidate.is_file():
                return candidate
    raise ConfigError(
        f"No wrangler.json, wrangler.jsonc or wrangler.toml found in {begin} or any folder above it.\n"
        "Create one there (for a Python Worker at least name, main and compatibility_date, "
        'with compatibility_flags = ["python_workers"]), or pass the path to your config file.'
    )


# -- parsing -------------------------------------------------------------------------------------
def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` as wrangler shows a path: relative to the current folder (as given when on
    another drive, on Windows)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _decode(data: bytes, path: str | Path) -> str:
    """The file's text: UTF-8 with an optional BOM; other byte order marks are refused."""
    for bom, encoding in _UNSUPPORTED_BOMS:
        if data.startswith(bom):
            raise ConfigError(
                f"Configuration file contains {encoding} byte order marker\n"
                f'The file "{path}" appears to be encoded as {encoding}. '
                "Please save the file as UTF-8 without BOM.",
                path=str(path),
            )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    # wrangler reads the file with Node's readFileSync(path, "utf-8"): a byte that is no UTF-8
    # becomes U+FFFD (one per maximal invalid sequence, as Python's "replace" does too), and a
    # Latin-1 "é" in a comment or a string is no error
    return data.decode("utf-8", errors="replace")


def _syntax_error(path: str | Path, text: str, message: str, line: int, column: int, length: int = 0) -> ConfigError:
    """wrangler's report of a parse error (``line`` from 1, ``column`` from 0), naming the file
    as wrangler names it there: as it was read (:func:`read_config_file`'s ``path``)."""
    return ConfigError(format_syntax_error(message, str(path), text, line, column, length), path=str(path))


def _parse_pyproject(text: str, path: str | Path) -> dict[str, Any]:
    """A ``pyproject.toml`` read as Python's tools read it (pip, uv, pywrangler: TOML 1.0, with
    tomllib), not as wrangler reads a ``wrangler.toml`` (:func:`_parse_wrangler_toml`): wrangler
    never reads it. Any integer and any nesting tomllib reads is read; a refusal is tomllib's
    message at its line and column, the file named as ``path``."""
    try:
        return parsed_toml(text)  # (tomllib.loads: a text parsed before, copied)
    except tomllib.TOMLDecodeError as exc:
        message = format_tomllib_error(str(exc), str(path), text)
    except RecursionError:  # tomllib recurses once or more per level: Python's limit stops it
        message = (f"it is nested too deeply (tomllib stopped at Python's recursion limit, "
                   f"{sys.getrecursionlimit()}): nest its arrays and inline tables less deeply")
    raise ConfigError(f"Could not parse {path} with Python's tomllib: {message}", path=str(path))


def _parse_wrangler_toml(text: str, path: str | Path) -> dict[str, Any]:
    """A ``wrangler.toml`` read as wrangler 4.168.0 reads it (its smol-toml 1.9.0, ported:
    :mod:`workers_env.config.smol_toml`), a refusal in its words at its place."""
    brackets = text.count("[") + text.count("{")
    try:
        with more_room(min(brackets, smol_toml.MAX_DEPTH), 3) if brackets >= ROOMY_FROM else nullcontext():
            return parsed_toml(text, smol_toml.parse)
    except smol_toml.TomlError as exc:
        line, column = line_and_column(text, exc.at)
        raise _syntax_error(path, text, f"Invalid TOML document: {exc.message}", line, column) from None


#: The deepest nesting of arrays and objects (the top-level object counted) a wrangler.json(c)
#: may have: wrangler 4.164.0's jsonc-parser recurses on Node's stack and overflows it
#: ("Maximum call stack size exceeded") between 4,502 and 5,002 levels in a fresh process
#: (measured; a warmed-up process reads deeper, up to about 9,000). workers-env reads 5,000.
JSON_MAX_DEPTH = 5000


def _parse_json(text: str, path: str | Path) -> Any:
    brackets = text.count("[") + text.count("{")
    try:
        with more_room(min(brackets, JSON_MAX_DEPTH)) if brackets >= ROOMY_FROM else nullcontext():
            found = jsonc_first_error(text, max_depth=JSON_MAX_DEPTH)
    except RecursionError:  # wrangler's parser overflows its stack there too
        raise ConfigError(f"Could not parse {display_path(path)}: it is nested too deeply (wrangler: Maximum call stack "
                          "size exceeded)", path=str(path)) from None
    if found is not None:
        code, offset, length = found
        line, column = line_and_column(text, offset)
        raise _syntax_error(path, text, code, line, column, length)
    try:
        return jsonc_value(text, _pairs_joined)
    except ValueError as exc:  # jsonc-parser accepted it: so should this
        raise ConfigError(f"Could not parse {display_path(path)}: {exc}", path=str(path)) from None


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _pairs_joined(value: str) -> str:
    """A string with its UTF-16 surrogate pairs (``"\\ud83d\\ude00"`` escapes, which JSON
    decoding keeps as two lone surrogates) joined into the one character JavaScript reads them
    as; a lone surrogate stays as it is."""
    return surrogate_pairs_joined(value) if _SURROGATE_PAIR.search(value) else value


def _unsupported(file_path: Path) -> str:
    """Why a config path without a ``.toml``, ``.json`` or ``.jsonc`` suffix (spelt in lower
    case: ``WRANGLER.TOML`` has none, as wrangler's ``endsWith`` reads it) is refused."""
    spelt = next((s for s in (".toml", ".jsonc", ".json") if file_path.name.lower().endswith(s)), None)
    case = f"; {file_path.name[-len(spelt):]} is not {spelt}: wrangler reads the suffix case by case" if spelt else ""
    rename = f"rename it to {file_path.name[:-len(spelt)]}{spelt}" if spelt else "rename the file"
    return (f"Unsupported configuration file {display_path(file_path)}: "
            f"expected a .toml, .json or .jsonc file (wrangler.toml, wrangler.json or wrangler.jsonc){case}. "
            "wrangler 4.164.0 reads no config at all from a path without one of these suffixes (its commands then "
            f"find none of its bindings), so workers-env refuses it: {rename}, or pass the config's path.")


def read_config_file(path: str | Path) -> dict[str, Any]:
    """Parse one wrangler config file into a dict; any problem is a :class:`ConfigError`.

    ``.toml`` is TOML 1.0; ``.json`` and ``.jsonc`` are JSON with comments and trailing
    commas. A UTF-16/32 byte order mark or a syntax error is reported as wrangler reports it
    (the message, ``file:line:column`` and the line); an empty TOML file is ``{}``, as in
    wrangler, and an empty JSON file is jsonc-parser's ``ValueExpected``.
    """
    file_path = Path(path)
    # wrangler's parseRawConfigFile: `configPath.endsWith(".toml")`, else ".json"/".jsonc", else {}
    suffix = next((s for s in (".toml", ".json", ".jsonc") if file_path.name.endswith(s)), None)
    if suffix is None:
        raise ConfigError(_unsupported(file_path), path=str(file_path))
    try:
        data = file_path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"Could not read file: {file_path}\n{exc.strerror}", path=str(file_path)) from None
    name = os.fspath(path)  # as given: wrangler's messages name "./sub/wrangler.toml" so, not "sub/wrangler.toml"
    text = _decode(data, name)
    raw = _parse_wrangler_toml(text, name) if suffix == ".toml" else _parse_json(text, name)
    if not isinstance(raw, dict):
        raise ConfigError(
            f"The configuration file {display_path(file_path)} must hold an object (key/value pairs) "
            f"at the top level, but holds {_json_kind(raw)}.",
            path=str(file_path),
        )
    return raw


def _json_kind(value: object) -> str:
    """What a parsed JSON value is, in JSON's words (``an array``, ``null``), not Python's."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else "an array"


#: The keys of ``[tool.workers-env]``: index definitions, the AI binding's embedders and
#: replies, ``workers-env dev``'s supplied bindings, the Python SDK era.
PYPROJECT_KEYS = ("indexes", "ai", "bindings", "python-sdk")


def _misspells_our_table(key: str) -> bool:
    """Whether ``[tool.<key>]`` is ``[tool.workers-env]`` misspelt: the same name in another case
    or with ``_``/``.``/no dash, or one letter off (``worker-env``, ``workers-evn``). Not another
    tool's name that merely resembles ours: ``workers-dev``, ``workers-ext``, or one that extends
    it (``workers-envx``, ``workers_env_test``) -- refusing those would stop a project that uses
    such a tool from loading at all."""
    name = re.sub(r"[_. ]", "-", key.lower())
    if name.replace("-", "") == "workersenv":
        return True
    if name.startswith("workers-env") or abs(len(name) - len("workers-env")) > 1:
        return False
    return _one_edit_apart(name, "workers-env")


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, deleted or replaced character, or two
    neighbours swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _read_pyproject_tool(root: Path) -> dict[str, Any]:
    """The raw ``[tool.workers-env]`` table of ``root/pyproject.toml`` ({} if none).

    Its keys are checked against :data:`PYPROJECT_KEYS` (a misspelt table would otherwise be
    ignored without a word) and its ``indexes`` entry to be a table of tables here; every other
    key belongs to the binding or command that reads it.
    """
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return {}
    try:
        text = pyproject.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"Could not read {display_path(pyproject)}: {exc.strerror or exc}", path=str(pyproject)) from None
    except UnicodeDecodeError as exc:  # TOML is UTF-8, and so every tool that reads pyproject.toml wants it
        raise ConfigError(f"Could not read {display_path(pyproject)}: it is not valid UTF-8 ({exc.reason} at byte "
                          f"{exc.start}). Save it as UTF-8.", path=str(pyproject)) from None
    data = _parse_pyproject(text, display_path(pyproject))  # named as this function's other errors name it
    tool = data.get("tool", {})
    if isinstance(tool, dict) and "workers-env" not in tool:
        near = [k for k in tool if isinstance(k, str) and _misspells_our_table(k)]
        if near:  # [tool.workers_env] would otherwise be ignored without a word
            raise ConfigError(
                f"[tool.{near[0]}] in {display_path(pyproject)}: workers-env reads [tool.workers-env] "
                f"(with a dash); rename the table to [tool.workers-env]",
                path=str(pyproject),
            )
    section = tool.get("workers-env", {}) if isinstance(tool, dict) else {}
    if not isinstance(section, dict):
        section = {}
    unknown = sorted(set(section) - set(PYPROJECT_KEYS))
    if unknown:
        key = unknown[0]
        close = difflib.get_close_matches(key, PYPROJECT_KEYS, n=1)
        hint = (f" (it belongs in [tool.workers-env.ai.{key}])" if key in ("embedders", "replies")
                else f" (did you mean {close[0]!r}?)" if close else "")
        raise ConfigError(
            f"[tool.workers-env] in {display_path(pyproject)}: unknown key {key!r}{hint}; the keys are "
            + ", ".join(PYPROJECT_KEYS),
            path=str(pyproject),
        )
    indexes = section.get("indexes", {})
    if not isinstance(indexes, dict) or not all(isinstance(v, dict) for v in indexes.values()):
        raise ConfigError(
            f"[tool.workers-env.indexes] in {display_path(pyproject)} must be a table of tables, e.g.\n"
            '[tool.workers-env.indexes."my-index"]\ndimensions = 768\nmetric = "cosine"',
            path=str(pyproject),
        )
    return section


# -- environments --------------------------------------------------------------------------------
def merge_environment(raw: Mapping[str, Any], environment: str | None) -> dict[str, Any]:
    """Every environment field as the selected environment sees it.

    Inheritable fields (``main``, ``compatibility_*``, ...) fall back to the top level;
    bindings and ``vars`` never do; ``name`` becomes ``<name>-<env>`` unless the environment
    sets its own. An environment missing from the file behaves as wrangler does: the top
    level, renamed. Top-level-only binding maps (``wasm_modules`` ...) are carried over.
    """
    merged: dict[str, Any] = {k: raw[k] for k in ("wasm_modules", "text_blobs", "data_blobs") if k in raw}
    envs = raw.get("env")
    raw_env = envs.get(environment) if environment and isinstance(envs, dict) else None
    if isinstance(raw_env, list):  # an object to JavaScript: its fields are only indices, none known
        raw_env = {str(i): v for i, v in enumerate(raw_env)}
    if not environment or not isinstance(raw_env, dict):
        merged.update({k: raw.get(k) for k in INHERITABLE_FIELDS + NOT_INHERITABLE_FIELDS})
    else:
        # JavaScript's `??`: a null in the environment falls back like an absent key
        merged.update({k: raw.get(k) if raw_env.get(k) is None else raw_env[k] for k in INHERITABLE_FIELDS})
        merged.update({k: raw_env.get(k) for k in NOT_INHERITABLE_FIELDS})
    if environment and not (isinstance(raw_env, dict) and raw_env.get("name") is not None):
        top_name = raw.get("name")
        merged["name"] = f"{top_name}-{environment}" if top_name else None
    return merged


def _vectorize_bindings(value: Any) -> tuple[VectorizeBindingConfig, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        VectorizeBindingConfig(
            binding=entry["binding"],
            index_name=entry["index_name"],
            remote=entry.get("remote") if isinstance(entry.get("remote"), bool) else None,
        )
        for entry in value
        if isinstance(entry, dict) and isinstance(entry.get("binding"), str) and isinstance(entry.get("index_name"), str)
    )


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _build(path: Path, environment: str | None, raw: dict[str, Any], merged: Mapping[str, Any],
           tool: dict[str, Any], report: Report) -> WorkerConfig:  # fmt: skip
    flags = merged.get("compatibility_flags")
    vars_ = merged.get("vars")
    ai = merged.get("ai")
    return WorkerConfig(
        path=path,
        environment=environment,
        name=_str_or_none(merged.get("name")),
        main=_str_or_none(merged.get("main")),
        compatibility_date=_str_or_none(merged.get("compatibility_date")),
        compatibility_flags=tuple(f for f in flags if isinstance(f, str)) if isinstance(flags, list) else (),
        vars=dict(vars_) if isinstance(vars_, dict) else {str(i): v for i, v in enumerate(vars_ or [])} if isinstance(vars_, list) else {},
        vectorize=_vectorize_bindings(merged.get("vectorize")),
        ai_binding=_str_or_none(ai.get("binding")) if isinstance(ai, dict) else None,
        pyproject_indexes=dict(tool.get("indexes", {})),
        warnings=tuple(d.message for d in report.warnings),
        raw=raw,
        merged=dict(merged),
        tool=tool,
    )


# -- the public entry points ----------------------------------------------------------------------
def _analyse(
    path: str | os.PathLike[str] | None, environment: str | None, strict: bool
) -> tuple[Report, WorkerConfig | None]:
    config_path = resolved(find_config(path))  # (a path that is its own resolution told by lstat-s: _oneload.py)
    environment = environment or None
    # wrangler names the file in a parse error as it has it: as given, or absolute when found
    given = path is not None and Path(path).is_file()
    try:
        raw = read_config_file(os.fspath(path) if given and path is not None else config_path)
    except ConfigError as exc:  # wrangler reports a file it cannot read or parse on its own
        return Report(config_path, environment, errors=(Diagnostic(None, str(exc), alone=True),)), None
    merged = merge_environment(raw, environment)
    found = validate(raw, merged, environment=environment, config_path=config_path, strict=strict)
    errors = list(found.errors)
    tool: dict[str, Any] = {}
    try:
        tool = _read_pyproject_tool(config_path.parent)
    except ConfigError as exc:
        errors.append(Diagnostic("pyproject.toml", str(exc)))
    report = Report(config_path, environment, errors=tuple(errors), warnings=found.warnings)
    return report, _build(config_path, environment, raw, merged, tool, report)


def check_config(
    path: str | Path | None = None,
    *,
    environment: str | None = None,
    strict: bool = False,
    extra_checks: Iterable[Callable[[WorkerConfig], Iterable[Diagnostic]]] = (),
) -> Report:
    """Every wrangler check on the config at ``path`` (file or folder), without raising.

    Only a config that cannot be found raises :class:`ConfigError`; parse errors and rule
    violations are reported as the :class:`Report`'s errors. ``extra_checks`` are the
    bindings' own checks of what they read from the config (the Vectorize index definitions
    in ``pyproject.toml``, say); config knows no binding, so the caller passes them.
    """
    return checked_config(path, environment=environment, strict=strict, extra_checks=extra_checks)[0]


def checked_config(
    path: str | os.PathLike[str] | None = None,
    *,
    environment: str | None = None,
    strict: bool = False,
    extra_checks: Iterable[Callable[[WorkerConfig], Iterable[Diagnostic]]] = (),
) -> tuple[Report, Callable[[], WorkerConfig]]:
    """:func:`check_config`'s report and :func:`load_config`'s answer from one read and one
    validation, for a caller that prints the report's warnings before it takes the config (the
    CLI, as wrangler prints them before it stops at an error): the second item returns the config
    or raises load_config's :class:`ConfigError` (the extra checks' errors do not raise, as there)."""
    report, config = _analyse(path, environment, strict)

    def take() -> WorkerConfig:
        return _loaded(report, config)

    if config is None:
        return report, take
    extra = tuple(d for check in extra_checks for d in check(config))
    if not extra:
        return report, take
    return Report(report.path, report.environment, errors=report.errors + extra, warnings=report.warnings), take


def load_config(
    path: str | os.PathLike[str] | None = None, *, environment: str | None = None, strict: bool = False
) -> WorkerConfig:
    """The config at ``path`` (file or folder, default: search from cwd) for ``environment``.

    Raises one :class:`ConfigError` whose message is the wrangler-style report and whose
    ``problems`` list every error; warnings do not raise and end up in ``.warnings``. A broken
    config's warnings (the one naming a misspelt key explains the error below it) ride on the
    error: its ``config_warnings`` (wrangler's warnings block, ``""`` for none), and a note
    shown under its traceback -- not in its message, which the CLI prints after printing the
    warnings itself, as wrangler does.
    """
    return _loaded(*_analyse(path, environment, strict))


def _loaded(report: Report, config: WorkerConfig | None) -> WorkerConfig:
    """The analysed config, or load_config's error for a broken one."""
    if not report.ok or config is None:
        error = ConfigError(
            Report(report.path, report.environment, errors=report.errors).render(),
            problems=[d.message for d in report.errors],
            path=None if report.path is None else str(report.path),
        )
        alone = any(d.alone for d in report.errors)  # a parse error: wrangler reports nothing else
        error.config_warnings = "" if alone else Report(report.path, report.environment,
                                                         warnings=report.warnings).render()
        if error.config_warnings:
            add_hint(error, f"the config's warnings, which wrangler prints before its errors:\n{error.config_warnings}")
        raise error
    return config
