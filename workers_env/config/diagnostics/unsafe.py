"""``unsafe``: the bindings, metadata and Cap'n Proto schemas wrangler passes through unchecked
to the upload, checked as wrangler 4.168.0's ``validateUnsafeSettings`` checks them.

Each ``unsafe.bindings`` entry needs a string ``name`` and ``type`` (each reported under its own
heading, as wrangler does); a ``type`` wrangler has a section of its own for is a warning, and so
is the old ``metadata`` type. The first problem with ``bindings``, ``metadata`` or ``capnp`` ends
the check, as wrangler's ``return false`` does.
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.bindings import _required, bindings_entries
from workers_env.config.diagnostics.checks import _typed_string_array
from workers_env.config.diagnostics.jsvalues import MISSING, _destructured, _is_record, _js_template, _keys, is_js_object, js_json
from workers_env.config.diagnostics.sink import _Pass, _Sink

#: the binding types wrangler configures in a section of their own (its warning's list)
DIRECTLY_SUPPORTED_TYPES = frozenset({
    "plain_text", "secret_text", "json", "wasm_module", "data_blob", "text_blob", "browser", "analytics", "ai",
    "ai_search_namespace", "ai_search", "agent_memory", "kv_namespace", "durable_object_namespace", "d1_database",
    "r2_bucket", "service", "logfwdr", "mtls_certificate", "pipeline", "k2", "worker_loader", "vpc_service",
    "flagship", "vpc_network", "stream", "media", "artifacts",
})  # fmt: skip
UNSAFE_FIELDS = ("bindings", "metadata", "capnp")


def _unsafe_binding(sink: _Sink, where: str, value: Any) -> bool:
    """wrangler's ``validateUnsafeBinding`` (its messages go under the binding's own heading)."""
    if not is_js_object(value):
        sink.error(where, f"Expected {where} to be an object but got {js_json(value)}.")
        return False
    valid = True
    if not _required(value, "name", "string"):
        sink.error(where, 'binding should have a string "name" field.')
        valid = False
    if not _required(value, "type", "string"):
        sink.error(where, 'binding should have a string "type" field.')
        return False
    kind = value["type"]
    if kind in DIRECTLY_SUPPORTED_TYPES:
        sink.warn(where, f'The binding type "{kind}" is directly supported by wrangler.\n'
                         f"Consider migrating this unsafe binding to a format for '{kind}' bindings that is supported "
                         "by wrangler for optimal support.\n"
                         "For more details, see https://developers.cloudflare.com/workers/cli-wrangler/configuration")
    if kind == "metadata" and valid:
        sink.warn(where, "The deployment object in the metadata binding is now deprecated. Please switch using the "
                         "version_metadata binding for access to version specific fields: "
                         "https://developers.cloudflare.com/workers/runtime-apis/bindings/version-metadata")
    return valid


def validate_unsafe(p: _Pass, name: str, value: Any) -> None:
    """wrangler's ``validateUnsafeSettings`` of ``value``, the section's ``name`` field
    (``unsafe``, or ``previews.unsafe`` with a pass that has no top level to compare with)."""
    field_path = p.path(name)
    sink = p.sink
    if not _is_record(value):
        sink.wrong_type(field_path, "an object", value)
        return
    value = _destructured(value)  # a TOML date: an object without fields
    if value.get("bindings", MISSING) is not MISSING and not bindings_entries(
            p, name, field_path, value["bindings"], _unsafe_binding):
        return
    metadata = value.get("metadata", MISSING)
    if metadata is not MISSING and not _is_record(metadata):
        sink.wrong_type(f"{field_path}.metadata", "an object", metadata)
        return
    capnp = value.get("capnp", MISSING)
    if capnp is not MISSING and not _capnp(sink, f"{field_path}.capnp", capnp):
        return
    sink.unexpected_fields(name, _keys(value), UNSAFE_FIELDS)


def _capnp(sink: _Sink, where: str, capnp: Any) -> bool:
    """``capnp``: a ``compiled_schema``, or a ``base_path`` with its ``source_schemas``."""
    if not _is_record(capnp):
        sink.wrong_type(where, "an object", capnp)
        return False
    capnp = _destructured(capnp)
    if "compiled_schema" in capnp:
        if "base_path" in capnp or "source_schemas" in capnp:
            sink.error(where, f'The field "{where}" cannot contain both "compiled_schema" and one of "base_path" or '
                              '"source_schemas".')
            return False
        if not isinstance(capnp["compiled_schema"], str):
            sink.error(where, f'The field "{where}.compiled_schema", when present, should be a string but got '
                              f'{js_json(capnp["compiled_schema"])}.')
            return False
        return True
    base_path = capnp.get("base_path", MISSING)
    if not isinstance(base_path, str):
        shown = _js_template(MISSING) if base_path is MISSING else js_json(base_path)
        sink.error(where, f'The field "{where}.base_path", when present, should be a string but got {shown}')
    return _typed_string_array(sink, f"{where}.source_schemas", capnp.get("source_schemas", MISSING), required=True)
