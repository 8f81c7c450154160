"""``cloudchamber``: the settings of wrangler's older Cloudchamber deployments, checked as wrangler
4.168.0's ``validateCloudchamberConfig`` checks them: an object whose ``memory``, ``image``,
``location``, ``ipv4`` and ``vcpu`` have their types, and an ``instance_type`` from wrangler's list
that ``memory`` and ``vcpu`` do not come with. Other fields pass unremarked, as in wrangler.
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.jsvalues import MISSING, _is_record, _js_template, _js_typeof, js_json
from workers_env.config.diagnostics.sink import _Sink

__all__ = ["INSTANCE_TYPES", "validate_cloudchamber"]

#: wrangler's ``ALLOWED_INSTANCE_TYPES`` (its message names the first six)
INSTANCE_TYPES = ("lite", "basic", "standard-1", "standard-2", "standard-3", "standard-4", "dev", "standard")
_TYPED_FIELDS = (("string", ("memory", "image", "location")), ("boolean", ("ipv4",)), ("number", ("vcpu",)))


def validate_cloudchamber(sink: _Sink, name: str, value: Any) -> None:
    """wrangler's ``validateCloudchamberConfig`` of a section's ``cloudchamber`` (``name``)."""
    if not _is_record(value):
        sink.error(name, f'"cloudchamber" should be an object, but got {js_json(value)}')
        return
    fields = value if isinstance(value, dict) else {}
    for kind, keys in _TYPED_FIELDS:
        for key in keys:
            if key in fields and _js_typeof(fields[key]) != kind:
                sink.error(name, f'"{name}" bindings should, optionally, have a {kind} "{key}" field but got '
                                 f"{js_json(value)}.")
    instance_type = fields.get("instance_type", MISSING)
    if instance_type is MISSING:
        return
    if not isinstance(instance_type, str) or instance_type not in INSTANCE_TYPES:
        sink.error(name, "\"instance_type\" should be one of 'lite', 'basic', 'standard-1', 'standard-2', "
                         f"'standard-3', or 'standard-4', but got {_js_template(instance_type)}")
    if fields.get("memory", MISSING) is not MISSING or fields.get("vcpu", MISSING) is not MISSING:
        sink.error(name, f'"{name}" configuration should not set either "memory" or "vcpu" with "instance_type"')
