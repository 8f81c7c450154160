"""``queues``: wrangler's ``validateQueues`` (producers as a binding array, consumers
checked one by one).
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.bindings import (
    _binding_string,
    _optional,
    _remote_ok,
    _required,
    _validate_binding_array,
)
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_template,
    _js_typeof,
    _keys,
    is_js_object,
    js_json,
)
from workers_env.config.diagnostics.sink import _Pass, _Sink


def _queue_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateQueueBinding`` (a producer)."""
    if not is_js_object(value):
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
    if not is_js_object(value):
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


def _validate_queues(p: _Pass, value: Any, name: str = "queues") -> None:
    """wrangler's ``validateQueues``: producers checked entry by entry, consumers as an array."""
    field_path = p.path(name)
    if not _is_record(value):
        p.sink.wrong_type(field_path, "an object", value)
        return
    value = _destructured(value)  # a TOML date: an object without fields
    p.sink.unexpected_fields(field_path, _keys(value), ("consumers", "producers"))
    if "consumers" in value:
        if not isinstance(value["consumers"], list):
            p.sink.wrong_type(f"{field_path}.consumers", "an array", value["consumers"])
        else:
            for i, consumer in enumerate(value["consumers"]):
                _queue_consumer(p.sink, f"{field_path}.consumers[{i}]", consumer)
    if "producers" in value:
        # wrangler's validateBindingArray compares with the top level's ``config["queues.producers"]``,
        # a key no normalised config has: an environment's producers are never compared with the
        # top level's, so there is no "at the top level, but not on" warning for them
        sub = _Pass(p.sink, p.env, {}, p.strict)
        _validate_binding_array(sub, f"{name}.producers", value["producers"], _queue_entry)
