"""Local secrets as ``wrangler dev`` reads them: ``.dev.vars``, else ``.env`` files.

With an environment selected, ``.dev.vars.<env>`` is used when it exists, otherwise
``.dev.vars`` (the two are not merged, as in wrangler). The format is dotenv, read by the
``python-dotenv`` package (wrangler uses its JavaScript twin, ``dotenv``): ``KEY=VALUE``
lines, ``export`` prefixes, ``#`` comments, quotes, multi-line quoted values. Values are
not interpolated (``${OTHER}`` stays as written, as in wrangler); lines that cannot be
parsed are skipped; keys without ``=`` are dropped.

Without a ``.dev.vars`` file, wrangler 4 (``getVarsForDev``) reads ``.env``, ``.env.local``,
``.env.<env>`` and ``.env.<env>.local`` beside the config, later files winning, and expands
``${VAR}`` references as ``dotenv-expand`` 12 does -- unless ``CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV``
is ``false``; ``CLOUDFLARE_INCLUDE_PROCESS_ENV=true`` adds the process's environment too.
"""

from __future__ import annotations

import io
import logging
import os
import re
from pathlib import Path
from typing import Any

from dotenv import dotenv_values

from workers_env._errors import ConfigError

__all__ = ["dev_vars_path", "dot_env_paths", "missing_secrets", "parse_dotenv", "read_dev_vars", "secrets_kept"]


def parse_dotenv(text: str) -> dict[str, str]:
    """The ``KEY=VALUE`` pairs of a dotenv text; a later key wins."""
    quiet = logging.getLogger("dotenv.main")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # python-dotenv warns per unparsable line; wrangler is silent
    try:
        values = dotenv_values(stream=io.StringIO(text), interpolate=False)
    finally:
        quiet.setLevel(level)
    return {k: v for k, v in values.items() if v is not None}


def dev_vars_path(root: Path, environment: str | None = None) -> Path | None:
    """The file wrangler would read: ``.dev.vars.<env>`` if present, else ``.dev.vars``."""
    if environment:
        specific = Path(root) / f".dev.vars.{environment}"
        if specific.is_file():
            return specific
    default = Path(root) / ".dev.vars"
    return default if default.is_file() else None


def read_dev_vars(root: Path, environment: str | None = None) -> dict[str, str]:
    """The local secrets for the Worker in ``root``: its ``.dev.vars`` file, else its ``.env``
    files (see the module's docstring; {} when there are none)."""
    path = dev_vars_path(root, environment)
    if path is not None:
        return parse_dotenv(_read(path))
    if not _flag("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", default=True):
        return {}
    parsed: dict[str, str] = {}
    for env_file in dot_env_paths(root, environment):
        if env_file.is_file():
            parsed.update(parse_dotenv(_read(env_file)))  # dotenv.config(..., override: true)
    process = dict(os.environ) if _flag("CLOUDFLARE_INCLUDE_PROCESS_ENV", default=False) else {}
    return _expand(parsed, process)


def _required(merged: Any) -> list[str] | None:
    """The config's ``secrets.required`` names (``None`` without a ``secrets`` table)."""
    secrets = merged.get("secrets") if isinstance(merged, dict) else None
    if not isinstance(secrets, dict):
        return None
    required = secrets.get("required")
    return [name for name in required if isinstance(name, str)] if isinstance(required, list) else []


def secrets_kept(loaded: dict[str, str], merged: Any, var_names: Any) -> dict[str, str]:
    """The local secrets a Worker gets, as wrangler's ``getVarsForDev``: all of them, or, when
    the config has a ``secrets`` table, only those it requires or that override a var."""
    required = _required(merged)
    if required is None:
        return loaded
    return {key: value for key, value in loaded.items() if key in var_names or key in required}


def missing_secrets(root: Path, environment: str | None, merged: Any) -> list[str]:
    """``secrets.required`` names no local secrets file provides (wrangler dev warns of them)."""
    required = _required(merged)
    if not required:
        return []
    loaded = read_dev_vars(root, environment)
    return [name for name in required if name not in loaded]


def dot_env_paths(root: Path, environment: str | None = None) -> list[Path]:
    """wrangler's ``getDefaultEnvFiles``: the ``.env`` files read without a ``.dev.vars``, in order."""
    names = [".env", ".env.local"] + ([f".env.{environment}", f".env.{environment}.local"] if environment else [])
    return [Path(root) / name for name in names]


def _read(path: Path) -> str:
    try:  # as wrangler's dotenv.parse(readFileSync(path)): a byte that is not UTF-8 becomes U+FFFD
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise ConfigError(f"Could not read {path}: {exc.strerror or exc}", path=str(path)) from None


def _flag(name: str, *, default: bool) -> bool:
    """wrangler's boolean environment variables: unset is the default, else "true" or "false"."""
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ConfigError(f'Expected {name} to be "true" or "false", but got "{value}"')


_MAX_ROUNDS, _MAX_LENGTH = 1_000, 65_536  # past these an expansion is taken to run forever
_REFERENCE = re.compile(r"(?<!\\)\$\{([^{}]+)\}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)")
_OPERATOR = re.compile(r":\+|\+|:-|-")


def _expand(parsed: dict[str, str], process: dict[str, str]) -> dict[str, str]:
    """``dotenv-expand`` 12.0.2's ``expand({processEnv: process, parsed})``: each value's
    references resolved against the values before it and ``process`` (a key ``process`` already
    holds keeps that value), ``\\$`` unescaped; returns ``process`` with the values added."""
    running: dict[str, str] = {}
    for key, value in parsed.items():
        if process.get(key) and process[key] != value:
            value = process[key]
        else:
            value = _expand_value(key, value, process, running)
        parsed[key] = running[key] = value.replace("\\$", "$")
    process.update(parsed)
    return process


def _expand_value(name: str, value: str, process: dict[str, str], running: dict[str, str]) -> str:
    """``dotenv-expand``'s ``expandValue``: ``${KEY}``, ``$KEY``, ``${KEY:-default}``,
    ``${KEY-default}``, ``${KEY:+alt}``, ``${KEY+alt}``, replaced one at a time from the start.
    A value whose replacements never end (wrangler then never starts) is refused by name."""
    env = {**running, **process}
    result = value
    seen: set[str] = set()
    for rounds in range(_MAX_ROUNDS + 1):
        match = _REFERENCE.search(result)
        if match is None:
            break
        if rounds == _MAX_ROUNDS or len(result) > _MAX_LENGTH:
            raise ConfigError(
                f"the .env value of {name} never finishes expanding: its ${{...}} references keep "
                "producing new ones (wrangler dev hangs on it); escape the $ as \\$ where it is meant "
                "literally, or remove the reference")
        seen.add(result)
        template = match.group(0)
        expression = match.group(1) or match.group(2)
        operator = _OPERATOR.search(expression)
        splitter = operator.group(0) if operator else "null"  # JavaScript's split(null) splits on "null"
        key, *rest = expression.split(splitter)
        if splitter in (":+", "+"):
            default, found = (splitter.join(rest) if env.get(key) else ""), None
        else:
            default, found = splitter.join(rest), env.get(key)
        replacement = (default if found in seen else found) if found else default
        at = result.index(template)  # String.replace(string, ...): the first occurrence
        result = result[:at] + _js_replacement(replacement, template, result, at) + result[at + len(template):]
        if result == running.get(key):
            break
    return result


def _js_replacement(replacement: str, matched: str, whole: str, at: int) -> str:
    """A replacement string as JavaScript's ``String.prototype.replace`` reads it: ``$$`` is
    ``$``, ``$&`` the matched text, ``$`\u0060`` and ``$'`` what precedes and follows it."""
    if "$" not in replacement:
        return replacement
    table = {"$": "$", "&": matched, "`": whole[:at], "'": whole[at + len(matched):]}
    return re.sub(r"\$([$&`'])", lambda m: table[m.group(1)], replacement)
