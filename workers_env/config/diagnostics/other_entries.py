"""The entries of the remaining binding arrays (send_email, dispatch namespaces, mTLS,
pipelines, K2, secrets store, artifacts, worker loaders, AI Search, Agent Memory, rate limits,
Flagship, VPC...), one wrangler ``validate<Kind>Binding`` each, and the table naming them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workers_env.config.diagnostics.bindings import (
    _binding_string,
    _check,
    _has,
    _objects,
    _optional,
    _remote_ok,
    _required,
)
from workers_env.config.diagnostics.checks import _typed_string_array
from workers_env.config.diagnostics.entries import (
    _analytics_entry,
    _d1_entry,
    _hyperdrive_entry,
    _kv_entry,
    _r2_entry,
    _services_entry,
    _vectorize_entry,
)
from workers_env.config.diagnostics.jsvalues import MISSING, _keys, is_js_object, js_json
from workers_env.config.diagnostics.sink import _Pass
from workers_env.config.diagnostics.workflows import _workflow_entry


def _send_email_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateSendEmailBinding``."""
    if not _objects(p, field_path, value, "send_email"):
        return False
    valid = _check(p, field_path, value, _required(value, "name", "string"), 'should have a string "name" field')
    valid = _check(p, field_path, value, _optional(value, "destination_address", "string"),
                   'should, optionally, have a string "destination_address" field') and valid
    for key in ("allowed_destination_addresses", "allowed_sender_addresses"):
        valid = _check(p, field_path, value, _optional(value, key, "object"),
                       f'should, optionally, have a []string "{key}" field') and valid
    if _has(value, "destination_address") and _has(value, "allowed_destination_addresses"):
        p.sink.error(field_path, f'"{field_path}" bindings should have either a "destination_address" or '
                                 '"allowed_destination_addresses" field, but not both.')
        valid = False
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("allowed_sender_addresses", "allowed_destination_addresses",
                                                        "destination_address", "name", "binding", "remote"))
    return valid


def _dispatch_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateWorkerNamespaceBinding`` (with ``validateWorkerNamespaceOutbound``)."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"{field_path}" binding should be objects, but got {js_json(value)}')
        return False
    valid = True
    if not _required(value, "binding", "string"):
        p.sink.error(field_path, f'"{field_path}" should have a string "binding" field but got {js_json(value)}.')
        valid = False
    if not _optional(value, "namespace", "string"):
        p.sink.error(field_path, f'"{field_path}" should optionally have a string "namespace" field but got {js_json(value)}.')
        valid = False
    if _has(value, "outbound"):
        outbound = value["outbound"]
        outbound = {} if outbound is None else outbound
        where = f"{field_path}.outbound"
        ok = True
        if not is_js_object(outbound):
            p.sink.error(field_path, f'"{where}" should be an object, but got {js_json(outbound)}')
            ok = False
        else:
            fields = outbound if isinstance(outbound, dict) else {}
            service = fields.get("service", MISSING)
            if service is MISSING:
                p.sink.error(field_path, f'"{where}.service" is a required field.')
                ok = False
            elif not isinstance(service, str):
                p.sink.error(field_path, f'Expected "{where}.service" to be of type string but got {js_json(service)}.')
                ok = False
            if ok and "environment" in fields and not isinstance(fields["environment"], str):
                p.sink.error(field_path, f'Expected "{where}.environment" to be of type string but got '
                                         f'{js_json(fields["environment"])}.')
                ok = False
            if ok and "parameters" in fields:
                before = len(p.sink.errors)
                _typed_string_array(p.sink, f"{where}.parameters", fields["parameters"])
                ok = len(p.sink.errors) == before
        if not ok:
            p.sink.error(field_path, f'"{field_path}" has an invalid outbound definition.')
            valid = False
    return _remote_ok(p, field_path, value) and valid


def _mtls_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateMTlsCertificateBinding``."""
    if not _objects(p, field_path, value, "mtls_certificates"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'should have a string "binding" field')
    valid = _check(p, field_path, value, _required(value, "certificate_id", "string") and value["certificate_id"] != "",
                   'should have a string "certificate_id" field') and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "certificate_id", "remote"))
    return _remote_ok(p, field_path, value) and valid


def _pipeline_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validatePipelineBinding`` (``pipeline`` is the deprecated name of ``stream``)."""
    if not _objects(p, field_path, value, "pipeline"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'must have a string "binding" field')
    fields = value if isinstance(value, dict) else {}
    if _optional(value, "stream", "string") and fields.get("stream"):
        pass
    elif _optional(value, "pipeline", "string") and fields.get("pipeline"):
        p.sink.warn(field_path, f'The "pipeline" field in "{field_path}" bindings is deprecated. Use "stream" instead.')
    else:
        valid = _check(p, field_path, value, False, 'must have a string "stream" field')
    valid = _remote_ok(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "stream", "pipeline", "remote"))
    return valid


def _k2_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateK2Binding``."""
    if not is_js_object(value) or isinstance(value, list):
        p.sink.error(field_path, f'"{field_path}" bindings should be objects, but got {js_json(value)}')
        return False
    valid = True
    for key in ("binding", "stream"):
        if not _required(value, key, "string"):
            p.sink.error(field_path, f'"{field_path}" must have a string "{key}" field.')
            valid = False
    valid = _remote_ok(p, field_path, value) and valid
    if _has(value, "remote") and value["remote"] is False:
        p.sink.error(field_path, f'"{field_path}" does not support `remote: false`. K2 bindings always access remote '
                                 'resources; omit "remote" or set `remote: true`.')
        valid = False
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "stream", "remote"))
    return valid


def _must_strings(label: str, keys: tuple[str, ...], known: tuple[str, ...], remote: str | None) -> Callable[[_Pass, str, Any], bool]:
    """An entry validator of wrangler's common shape: every key in ``keys`` ``must have a string``
    field; ``remote`` says whether ``isRemoteValid`` runs "before" or "after" the unknown-field check."""
    def entry(p: _Pass, field_path: str, value: Any) -> bool:
        if not _objects(p, field_path, value, label):
            return False
        valid = True
        for key in keys:
            valid = _check(p, field_path, value, _required(value, key, "string"), f'must have a string "{key}" field') and valid
        if remote == "before":
            valid = _remote_ok(p, field_path, value) and valid
        p.sink.unexpected_fields(field_path, _keys(value), known)
        if remote == "after":
            valid = _remote_ok(p, field_path, value) and valid
        return valid
    return entry


def _named_entry(label: str, key: str, article: str, known: tuple[str, ...], *, remote: bool = True) -> Callable[[_Pass, str, Any], bool]:
    """``binding`` plus one required string ``key`` (``must have a "key" field``): AI Search, Agent
    Memory, VPC services."""
    def entry(p: _Pass, field_path: str, value: Any) -> bool:
        if not _objects(p, field_path, value, label):
            return False
        valid = _binding_string(p, field_path, value)
        valid = _check(p, field_path, value, _required(value, key, "string"), f'must have {article} "{key}" field') and valid
        if remote:
            valid = _remote_ok(p, field_path, value) and valid
        p.sink.unexpected_fields(field_path, _keys(value), known)
        return valid
    return entry


def _hello_world_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateHelloWorldBinding``."""
    if not _objects(p, field_path, value, "unsafe_hello_world"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'must have a string "binding" field')
    valid = _check(p, field_path, value, _optional(value, "enable_timer", "boolean"),
                   'must have a boolean "enable_timer" field') and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "enable_timer"))
    return valid


def _flagship_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateFlagshipBinding``."""
    if not _objects(p, field_path, value, "flagship"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'must have a string "binding" field')
    valid = _check(p, field_path, value, _optional(value, "app_id", "string"), 'may have a string "app_id" field') and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "app_id", "remote"))
    return _remote_ok(p, field_path, value) and valid


def _ratelimit_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateRateLimitBinding``."""
    if not _objects(p, field_path, value, "ratelimits"):
        return False
    valid = _check(p, field_path, value, _required(value, "name", "string"), 'must have a string "name" field')
    valid = _check(p, field_path, value, _required(value, "namespace_id", "string"),
                   'must have a string "namespace_id" field') and valid
    simple = value.get("simple", MISSING) if isinstance(value, dict) else MISSING
    if not is_js_object(simple):
        valid = _check(p, field_path, value, False, 'must have a "simple" configuration object')
    else:
        if not _required(simple, "limit", "number"):
            p.sink.error(field_path, f'"{field_path}" bindings "simple.limit" must be a number but got {js_json(simple)}.')
            valid = False
        if not _required(simple, "period", "number"):
            p.sink.error(field_path, f'"{field_path}" bindings "simple.period" is required and must be a number '
                                     f"but got {js_json(simple)}.")
            valid = False
        elif simple["period"] not in (10, 60):
            p.sink.error(field_path, f'"{field_path}" bindings "simple.period" must be either 10 or 60 '
                                     f'but got {js_json(simple["period"])}.')
            valid = False
        p.sink.unexpected_fields(f"{field_path}.simple", _keys(simple), ("limit", "period"))
    p.sink.unexpected_fields(field_path, _keys(value), ("name", "namespace_id", "simple"))
    return valid


def _vpc_network_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateVpcNetworkBinding``."""
    if not _objects(p, field_path, value, "vpc_networks"):
        return False
    valid = _binding_string(p, field_path, value)
    tunnel, network = _has(value, "tunnel_id"), _has(value, "network_id")
    if tunnel and network:
        p.sink.error(field_path, f'"{field_path}" bindings must have either a "tunnel_id" or "network_id", but not both.')
        valid = False
    elif not tunnel and not network:
        valid = _check(p, field_path, value, False, 'must have either a "tunnel_id" or "network_id" field')
    elif tunnel and not isinstance(value["tunnel_id"], str):
        valid = _check(p, field_path, value, False, 'must have a string "tunnel_id" field')
    elif network and not isinstance(value["network_id"], str):
        valid = _check(p, field_path, value, False, 'must have a string "network_id" field')
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "tunnel_id", "network_id", "remote"))
    return valid


#: each binding array's entry check, by field (a section's and a ``previews`` table's alike)
ENTRY_VALIDATORS: dict[str, Callable[[_Pass, str, Any], bool]] = {
    "kv_namespaces": _kv_entry, "r2_buckets": _r2_entry, "d1_databases": _d1_entry, "vectorize": _vectorize_entry,
    "services": _services_entry, "hyperdrive": _hyperdrive_entry, "analytics_engine_datasets": _analytics_entry,
    "workflows": _workflow_entry,
    "send_email": _send_email_entry,
    "dispatch_namespaces": _dispatch_entry,
    "mtls_certificates": _mtls_entry,
    "pipelines": _pipeline_entry,
    "k2": _k2_entry,
    "secrets_store_secrets": _must_strings("secrets_store_secrets", ("binding", "store_id", "secret_name"),
                                           ("binding", "store_id", "secret_name"), None),
    "artifacts": _must_strings("artifacts", ("binding", "namespace"), ("binding", "namespace", "remote"), "after"),
    "worker_loaders": _must_strings("worker_loader", ("binding",), ("binding",), None),
    "unsafe_hello_world": _hello_world_entry,
    "flagship": _flagship_entry,
    "ratelimits": _ratelimit_entry,
    "ai_search_namespaces": _named_entry("ai_search_namespaces", "namespace", "a", ("binding", "namespace", "remote")),
    "ai_search": _named_entry("ai_search", "instance_name", "an", ("binding", "instance_name", "remote")),
    "agent_memory": _named_entry("agent_memory", "namespace", "a", ("binding", "namespace", "remote")),
    "vpc_services": _named_entry("vpc_services", "service_id", "a", ("binding", "service_id", "remote"), remote=False),
    "vpc_networks": _vpc_network_entry,
}
