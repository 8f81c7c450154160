"""``durable_objects``: its bindings (each reported under its own heading, as wrangler
does) and the warning for this Worker's classes that have no migration or live export.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from workers_env.config.diagnostics.bindings import (
    _has,
    _optional,
    bindings_entries,
    heading_entry_strings,
    normalised_durable_objects,
)
from workers_env.config.diagnostics.checks import _optional_typed, _required_typed
from workers_env.config.diagnostics.fields import config_file_name
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_length_positive,
    _js_truthy,
    _keys,
    js_json,
)
from workers_env.config.diagnostics.sink import _Pass, _Sink

#: wrangler's ``DURABLE_OBJECTS_CODE_UPDATE_MAX_DELAY_SECONDS``
_MAX_DELAY_SECONDS = 86400


def _durable_object_entry(sink: _Sink, where: str, value: Any) -> bool:
    """wrangler's ``validateDurableObjectBinding`` (its messages go under the binding's own heading)."""
    valid = heading_entry_strings(sink, where, value, ("name", "class_name"))
    if valid is None:
        return False
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
    if not uncovered or _js_length_positive(migrations):
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
        snippet = js_json(suggested, "  ")
    p.sink.warn(
        "durable_objects",
        f"In your {name} file, you have configured `durable_objects` exported by this Worker ({', '.join(names)}), "
        "but no live `exports` entry for them. This may not work as expected until you add a live `durable-object` "
        f"entry to `exports` for each. Add the following configuration:\n\n```\n{snippet}\n```",
    )


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _validate_durable_objects(p: _Pass, value: Any, name: str = "durable_objects", *, in_previews: bool = False) -> None:
    """wrangler's ``validateDurableObjectsProperty``: the table, its ``bindings`` (missing, empty, but in
    ``previews`` an error) and, but in ``previews``, its ``code_update_strategy``."""
    field_path = p.path(name)
    if not _is_record(value):
        p.sink.wrong_type(field_path, "an object", value)
        return
    value = _destructured(value)  # a TOML date: an object without fields
    p.sink.unexpected_fields(field_path, _keys(value), ("bindings",) if in_previews else ("bindings", "code_update_strategy"))
    bindings = value.get("bindings", MISSING if in_previews else [])
    top = normalised_durable_objects(p.top("durable_objects"))  # the top level's as wrangler normalised it
    bindings_entries(p, "durable_objects", field_path, bindings, _durable_object_entry, top)
    strategy = value.get("code_update_strategy", MISSING)
    if not in_previews and strategy is not MISSING:
        _code_update_strategy(p.sink, f"{field_path}.code_update_strategy", strategy)


def _code_update_strategy(sink: _Sink, where: str, strategy: Any) -> None:
    """``code_update_strategy``: a ``mode`` of ``immediate`` or ``deferred``, and a ``max_delay`` of 0 to
    86400 seconds to the millisecond."""
    if not _is_record(strategy):  # a TOML date is an object without fields
        sink.wrong_type(where, "an object", strategy)
        return
    fields = _destructured(strategy)
    sink.unexpected_fields(where, _keys(strategy), ("mode", "max_delay"))
    _required_typed(sink, where, "mode", fields.get("mode", MISSING), "string", ("immediate", "deferred"))
    max_delay = fields.get("max_delay", MISSING)
    if not _optional_typed(sink, where, "max_delay", max_delay, "number") or max_delay is MISSING:
        return
    if not math.isfinite(max_delay) or not 0 <= max_delay <= _MAX_DELAY_SECONDS:
        sink.error(where, f'Expected "{where}.max_delay" to be between 0 and {_MAX_DELAY_SECONDS} seconds but got '
                          f"{js_json(max_delay)}.")
        return
    milliseconds = max_delay * 1000
    rounded = math.floor(milliseconds + 0.5)  # JavaScript's Math.round
    if (max_delay > 0 and rounded == 0) or abs(milliseconds - rounded) > 1e-6:
        sink.error(where, f'Expected "{where}.max_delay" to use millisecond precision but got {js_json(max_delay)}.')
