"""The entries of the storage and service binding arrays: Vectorize, KV, R2, D1,
services, Hyperdrive and Analytics Engine (wrangler's ``validate<Kind>Binding``, one each).
"""

from __future__ import annotations

import re
from typing import Any

from workers_env.config.diagnostics.bindings import (
    _binding_string,
    _remote_ok,
    _strict_binding_name,
    _strict_index_name,
    _string_field,
)
from workers_env.config.diagnostics.fields import _VECTORIZE_KEYS
from workers_env.config.diagnostics.jsvalues import _has_str, _keys, is_js_object, js_json
from workers_env.config.diagnostics.sink import _Pass


def _vectorize_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateVectorizeBinding`` (plus the ``--strict`` naming rules)."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"vectorize" bindings should be objects, but got {js_json(value)}')
        return False
    valid = True
    if not _has_str(value, "binding"):
        p.sink.error(
            field_path, f'"{field_path}" bindings should have a string "binding" field but got {js_json(value)}.'
        )
        valid = False
    if not _has_str(value, "index_name"):
        p.sink.error(field_path, f'"{field_path}" bindings must have an "index_name" field but got {js_json(value)}.')
        valid = False
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), _VECTORIZE_KEYS)
    if p.strict:
        if _has_str(value, "binding"):
            valid = _strict_binding_name(p, field_path, value["binding"]) and valid
        if _has_str(value, "index_name"):
            valid = _strict_index_name(p, field_path, value["index_name"]) and valid
    return valid


_R2_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
_R2_BUCKET_RULE = (
    "Bucket names must begin and end with an alphanumeric character, only contain lowercase letters, "
    "numbers, and hyphens, and be between 3 and 63 characters long."
)


def _kv_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateKVBinding``."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"kv_namespaces" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(p, field_path, value, "id", 'should have a string "id" field', non_empty=True) and valid
    valid = _string_field(p, field_path, value, "preview_id", 'should, optionally, have a string "preview_id" field') and valid
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "id", "preview_id", "remote"))
    return valid


def _r2_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateR2Binding``."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"r2_buckets" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(p, field_path, value, "bucket_name", 'should have a string "bucket_name" field', non_empty=True) and valid
    if valid and isinstance(value, dict) and "bucket_name" in value and not _R2_BUCKET_RE.match(value["bucket_name"]):
        p.sink.error(field_path, f"{field_path}.bucket_name={js_json(value['bucket_name'])} is invalid. {_R2_BUCKET_RULE}")
        valid = False
    valid = _string_field(
        p, field_path, value, "preview_bucket_name", 'should, optionally, have a string "preview_bucket_name" field'
    ) and valid
    if valid and isinstance(value, dict) and "preview_bucket_name" in value and not _R2_BUCKET_RE.match(value["preview_bucket_name"]):
        p.sink.error(
            field_path,
            f"{field_path}.preview_bucket_name= {js_json(value['preview_bucket_name'])} is invalid. {_R2_BUCKET_RULE}",
        )
        valid = False
    valid = _string_field(p, field_path, value, "jurisdiction", 'should, optionally, have a string "jurisdiction" field') and valid
    valid = _remote_ok(p, field_path, value) and valid
    if isinstance(value, dict) and "local_dev" in value:
        valid = _r2_local_dev(p, field_path, value) and valid
    p.sink.unexpected_fields(
        field_path, _keys(value), ("binding", "bucket_name", "preview_bucket_name", "jurisdiction", "remote", "local_dev")
    )
    return valid


def _r2_local_dev(p: _Pass, field_path: str, value: dict[str, Any]) -> bool:
    """``validateR2Binding``'s ``local_dev``: an object (an array or a TOML date is one to
    JavaScript), whose ``experimental_s3_credentials`` is warned of as experimental and must hold
    string ``accessKeyId`` and ``secretAccessKey``; its other fields are unexpected."""
    local_dev = value["local_dev"]
    if not is_js_object(local_dev):
        p.sink.error(
            field_path, f'"{field_path}" bindings should, optionally, have an object "local_dev" field but got {js_json(value)}.'
        )
        return False
    valid = True
    if isinstance(local_dev, dict) and "experimental_s3_credentials" in local_dev:
        p.sink.experimental(field_path, "local_dev.experimental_s3_credentials")
        credentials = local_dev["experimental_s3_credentials"]
        if not (_has_str(credentials, "accessKeyId") and _has_str(credentials, "secretAccessKey")):
            p.sink.error(field_path, f'"{field_path}" bindings should, optionally, have a "local_dev.experimental_s3_credentials" '
                                     f'field with string "accessKeyId" and "secretAccessKey" fields, but got {js_json(value)}.')
            valid = False
    p.sink.unexpected_fields(f"{field_path}.local_dev", _keys(local_dev), ("experimental_s3_credentials",))
    return valid


_D1_OPTIONAL_STRINGS = (
    "preview_database_id", "migrations_pattern", "database_name", "jurisdiction", "migrations_dir",
    "migrations_table", "database_internal_env",
)  # fmt: skip


def _d1_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateD1Binding``."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"d1_databases" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(p, field_path, value, "database_id", 'must have a "database_id" field') and valid
    for key in _D1_OPTIONAL_STRINGS[:1]:
        valid = _string_field(p, field_path, value, key, f'should, optionally, have a string "{key}" field') and valid
    valid = _remote_ok(p, field_path, value) and valid
    for key in _D1_OPTIONAL_STRINGS[1:]:
        valid = _string_field(p, field_path, value, key, f'should, optionally, have a string "{key}" field') and valid
    p.sink.unexpected_fields(
        field_path, _keys(value),
        ("binding", "database_id", "database_internal_env", "database_name", "jurisdiction", "migrations_dir",
         "migrations_pattern", "migrations_table", "preview_database_id", "remote"),
    )
    return valid


def _services_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateServiceBinding`` (without the local ``dev`` plugin block)."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"services" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    if not _has_str(value, "service"):
        p.sink.error(field_path, f'"{field_path}" bindings should have a string "service" field but got {js_json(value)}.')
        valid = False
    for key in ("environment", "entrypoint"):
        valid = _string_field(p, field_path, value, key, f'should have a string "{key}" field') and valid
    return _remote_ok(p, field_path, value) and valid


def _hyperdrive_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateHyperdriveBinding``."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"hyperdrive" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    if not _has_str(value, "id"):
        p.sink.error(field_path, f'"{field_path}" bindings must have a "id" field but got {js_json(value)}.')
        valid = False
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "id", "localConnectionString", "remote"))
    return valid


def _analytics_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateAnalyticsEngineBinding``."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"analytics_engine" bindings should be objects, but got {js_json(value)}')
        return False
    valid = _binding_string(p, field_path, value)
    valid = _string_field(
        p, field_path, value, "dataset", 'should, optionally, have a string "dataset" field', non_empty=True
    ) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "dataset", "remote"))
    return _remote_ok(p, field_path, value) and valid
