"""The values a Worker reads: ``vars``, ``secrets`` and ``define`` (with their
top-level-but-not-in-this-environment warnings).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from workers_env.config.diagnostics.checks import _typed_string_array
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _keys,
    is_js_object,
    js_json,
    object_keys,
)
from workers_env.config.diagnostics.sink import _Pass


def _entries(value: Any) -> list[tuple[str, Any]]:
    """``Object.entries`` of a table, an array or a TOML date (none): integer-like keys first, as JavaScript
    orders them."""
    items = _destructured(value)
    return [(name, items[name]) for name in _keys(value)]


def _validate_vars(p: _Pass, value: Any, name: str = "vars") -> None:
    """wrangler's ``validateVars``: an object, no TOML dates, none left behind."""
    field_path = p.path(name)
    if not is_js_object(value):  # an array passes, as typeof [] is "object", and a TOML date
        p.sink.wrong_type(field_path, "an object", value)
        return
    for var_name, var_value in _entries(value):
        if isinstance(var_value, (_dt.date, _dt.time)):
            p.sink.error(
                f"{field_path}.{var_name}",
                f'The field "{field_path}.{var_name}" is a TOML date, which is not supported. '
                f'Please use a string instead, e.g. {var_name} = "2025-12-19".',
            )
    top_vars = object_keys(p.top("vars"))  # Object.keys(config?.vars ?? {}): a string's indexes too
    if top_vars:
        have = set(_keys(value))
        missing = [k for k in top_vars if k not in have]
        if missing:
            p.sink.warn(
                field_path,
                f'The following vars exist at the top level, but not on "{field_path}".\n'
                'This is probably not what you want, since "vars" configuration is not inherited by environments.\n'
                f'Please add these vars to "env.{p.env}.vars":\n' + "\n".join(f"- {k}" for k in missing),
            )


def _validate_secrets(p: _Pass, value: Any) -> None:
    """wrangler's ``validateSecrets``: ``{required: string[]}``."""
    field_path = p.path("secrets")
    if not _is_record(value):
        p.sink.wrong_type(field_path, "an object", value)
        return
    p.sink.unexpected_fields(field_path, _keys(value), ("required",))
    _typed_string_array(p.sink, f"{field_path}.required", _destructured(value).get("required", MISSING))


def _validate_define(p: _Pass, value: Any, name: str = "define") -> None:
    """wrangler's ``validateDefines``: string values; an environment only overrides the top level's."""
    field_path = p.path(name)
    if is_js_object(value):
        for name, item in _entries(value):
            if not isinstance(item, str):
                p.sink.error(f"{field_path}.{name}", f'The field "{field_path}.{name}" should be a string but got {js_json(item)}.')
    else:
        p.sink.wrong_type(field_path, "an object", value)
    top_names = object_keys(p.top("define"))  # Object.keys(config?.define ?? {}): a string's indexes too
    if not top_names or not is_js_object(value):
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
