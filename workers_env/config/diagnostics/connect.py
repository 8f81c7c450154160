"""``connect``: wrangler's ``validateConnectHandlers``, the TCP and UDP handlers a Worker
listens with (each checked alone, then no protocol/port pair twice).
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.bindings import _has, _optional, _required
from workers_env.config.diagnostics.jsvalues import _js_template, _js_typeof, _keys, is_js_object, js_json
from workers_env.config.diagnostics.sink import _Pass, _Sink

_UDP_OPTIONS = ("idle_timeout_ms", "max_pending_bytes")
_MAX_UDP_OPTION = 4294967295


def _js_integer(value: Any) -> bool:
    """``Number.isInteger(value)`` of a number."""
    return _js_typeof(value) == "number" and float(value).is_integer()


def _connect_handler(sink: _Sink, field: str, value: Any) -> bool:
    """wrangler's ``validateConnectHandler`` of one entry."""
    if not is_js_object(value):
        sink.error(field, f'"{field}" should be an object, but got {js_json(value)}')
        return False
    udp = _has(value, "protocol") and value["protocol"] == "udp"
    valid = sink.unexpected_fields(field, _keys(value), ("protocol", "port", "address") + (_UDP_OPTIONS if udp else ()))
    if not _has(value, "protocol"):
        sink.error(field, f'"{field}" should have a "protocol" field of "tcp" or "udp" but got {js_json(value)}.')
        valid = False
    elif value["protocol"] not in ("tcp", "udp"):
        sink.error(field, f'"{field}" should have a "protocol" field of "tcp" or "udp" but got {js_json(value["protocol"])}.')
        valid = False
    if not _required(value, "port", "number"):
        sink.error(field, f'"{field}" should have a number "port" field but got {js_json(value)}.')
        valid = False
    elif not _js_integer(value["port"]) or not 1 <= value["port"] <= 65535:
        sink.error(field, f'"{field}" should have an integer "port" field between 1 and 65535 but got {js_json(value)}.')
        valid = False
    if not _optional(value, "address", "string"):
        sink.error(field, f'"{field}" should, optionally, have a string "address" field but got {js_json(value)}.')
        valid = False
    for option in _UDP_OPTIONS if udp else ():
        if option in value and not (_js_integer(value[option]) and 0 <= value[option] <= _MAX_UDP_OPTION):
            sink.error(field, f'"{field}" should have an integer "{option}" field between 0 and {_MAX_UDP_OPTION} '
                              f"but got {js_json(value)}.")
            valid = False
    return valid


def validate_connect(p: _Pass, name: str, value: Any) -> bool:
    """wrangler's ``validateConnectHandlers``: an array of handlers, no protocol/port pair twice."""
    field_path = p.path(name)
    if not isinstance(value, list):
        p.sink.wrong_type(field_path, "an array", value)
        return False
    valid = True
    for i, handler in enumerate(value):
        valid = _connect_handler(p.sink, f"{field_path}[{i}]", handler) and valid
    first_index: dict[str, int] = {}
    for i, handler in enumerate(value):
        if not (isinstance(handler, dict) and _js_typeof(handler.get("port")) == "number"
                and isinstance(handler.get("protocol"), str)):
            continue
        protocol, port = handler["protocol"], _js_template(handler["port"])
        key = f"{protocol}:{port}"
        if key in first_index:
            p.sink.error(field_path, f'"{field_path}[{i}]" has the same "protocol" ({protocol}) and "port" ({port}) as '
                                     f'"{field_path}[{first_index[key]}]". Each entry in "connect" must use a unique '
                                     "protocol/port combination.")
            valid = False
        else:
            first_index[key] = i
    return valid
