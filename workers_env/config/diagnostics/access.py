"""``access``: wrangler's ``validateAccess``, the Cloudflare Access settings ``wrangler dev`` uses
(``dev.aud``, the application's audience tag, and an optional ``dev.identity`` object). Inherited:
an ``[env.NAME]``'s own is checked under the same name, ``access``.
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.checks import _optional_typed, _required_typed
from workers_env.config.diagnostics.jsvalues import MISSING, _keys, is_js_object, js_json
from workers_env.config.diagnostics.sink import _Sink


def validate_access(sink: _Sink, value: Any, field: str = "access") -> None:
    """An object whose optional ``dev`` object needs a string ``aud`` and may have an ``identity`` object."""
    if value is MISSING:
        return
    if not is_js_object(value):
        sink.error(field, f'"{field}" should be an object but got {js_json(value)}.')
        return
    dev = value.get("dev", MISSING) if isinstance(value, dict) else MISSING
    _optional_typed(sink, field, "dev", dev, "object")
    sink.unexpected_fields(field, _keys(value), ("dev",))
    if dev is MISSING or not is_js_object(dev):
        return
    fields = dev if isinstance(dev, dict) else {}
    where = f"{field}.dev"
    _required_typed(sink, where, "aud", fields.get("aud", MISSING), "string")
    _optional_typed(sink, where, "identity", fields.get("identity", MISSING), "object")
    sink.unexpected_fields(where, _keys(dev), ("aud", "identity"))
