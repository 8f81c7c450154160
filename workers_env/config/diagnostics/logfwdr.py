"""``logfwdr``: wrangler's ``validateCflogfwdrObject``, the log-forwarding bindings (an inheritable
field: an ``[env.NAME]`` without one takes the top level's, unremarked).
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.bindings import bindings_entries, heading_entry_strings
from workers_env.config.diagnostics.jsvalues import MISSING, _destructured, _is_record, _keys
from workers_env.config.diagnostics.sink import _Pass, _Sink


def _logfwdr_binding(sink: _Sink, where: str, value: Any) -> bool:
    """wrangler's ``validateCflogfwdrBinding`` (its messages go under the binding's own heading)."""
    valid = heading_entry_strings(sink, where, value, ("name", "destination"))
    if valid is None:
        return False
    sink.unexpected_fields(where, _keys(value), ("destination", "name"))
    return valid


def validate_logfwdr(p: _Pass, value: Any, name: str = "logfwdr") -> None:
    """``validateBindingsProperty`` of ``logfwdr`` (``bindings`` required), then its old ``schema``."""
    if value is MISSING:
        return
    field_path = p.path(name)
    if not _is_record(value):
        p.sink.wrong_type(field_path, "an object", value)
        return
    value = _destructured(value)  # a TOML date: an object without fields
    if not bindings_entries(p, name, field_path, value.get("bindings", MISSING), _logfwdr_binding):
        return
    if "schema" in value:
        p.sink.error(name, f'"{name}" binding "schema" property has been replaced with the "unsafe.capnp" object, which '
                           'expects a "base_path" and an array of "source_schemas" to compile, or a "compiled_schema" '
                           "property.")
