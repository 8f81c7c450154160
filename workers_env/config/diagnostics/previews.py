"""``previews``: the bindings and settings a Worker's preview deployments get, wrangler's
``validatePreviewsConfig`` (workers-utils; the same in wrangler 4.164.0 and 4.168.0, which adds
``"previews.images.url_transformations" is not supported in previews``).

Every finding names the field ``previews.<name>``, in an environment too (wrangler validates an
environment's own ``previews`` under that name, and the top level's whatever ``--env`` says), and no
field is compared with the top level's (no "exists at the top level, but not on" warning). The
container apps are checked first for what only previews refuse (a ``name``, a ``durable_object``
scheduling policy, a class twice), then as the top level's are (:mod:`.containers`).
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.bindings import (
    _validate_binding_array,
    _validate_single_binding,
    _validate_version_metadata,
)
from workers_env.config.diagnostics.checks import _is_boolean, _optional_typed, _required_typed
from workers_env.config.diagnostics.containers import validate_container_apps
from workers_env.config.diagnostics.durable_objects import _validate_durable_objects
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_template,
    _keys,
    is_js_object,
    js_json,
)
from workers_env.config.diagnostics.other_entries import ENTRY_VALIDATORS
from workers_env.config.diagnostics.queues import _validate_queues
from workers_env.config.diagnostics.settings import (
    _validate_limits,
    _validate_observability,
    _validate_placement,
    _validate_tail_consumers,
)
from workers_env.config.diagnostics.sink import _Pass
from workers_env.config.diagnostics.unsafe import validate_unsafe
from workers_env.config.diagnostics.variables import _validate_define, _validate_vars
from workers_env.config.diagnostics.workflows import _unique_workflow_names

#: The fields a ``previews`` table takes, in wrangler's order (its unknown-field warning's list).
PREVIEWS_FIELDS: tuple[str, ...] = (
    "vars", "define", "durable_objects", "workflows", "kv_namespaces", "send_email", "queues",
    "d1_databases", "r2_buckets", "vectorize", "ai_search_namespaces", "ai_search", "hyperdrive",
    "services", "analytics_engine_datasets", "dispatch_namespaces", "mtls_certificates",
    "tail_consumers", "streaming_tail_consumers", "unsafe", "browser", "analytics", "ai", "images",
    "stream", "media", "pipelines", "k2", "secrets_store_secrets", "artifacts", "unsafe_hello_world",
    "flagship", "worker_loaders", "ratelimits", "vpc_services", "version_metadata", "containers",
    "logpush", "observability", "limits", "placement", "cache",
)  # fmt: skip

#: The binding arrays in the order wrangler checks them, each after the fields before it.
_ARRAYS_BEFORE_QUEUES = ("kv_namespaces", "send_email")
_ARRAYS_AFTER_QUEUES = (
    "d1_databases", "r2_buckets", "vectorize", "ai_search_namespaces", "ai_search", "hyperdrive", "services",
    "analytics_engine_datasets", "dispatch_namespaces", "mtls_certificates",
)  # fmt: skip
_ARRAYS_AFTER_BINDINGS = (
    "pipelines", "secrets_store_secrets", "k2", "artifacts", "unsafe_hello_world", "flagship", "worker_loaders",
    "ratelimits", "vpc_services",
)  # fmt: skip

FIELD = "previews"


def _validate_previews(p: _Pass, value: Any) -> None:
    """wrangler's ``validatePreviewsConfig`` of one section's ``previews`` (``value``)."""
    if value is MISSING:
        return
    sink = p.sink
    if not _is_record(value):
        sink.wrong_type(FIELD, "an object", value)
        return
    value = _destructured(value)  # a TOML date: an object without fields
    # the fields are named "previews.<name>" and compared with no top level
    pp = _Pass(sink, None, {}, p.strict, p.config_path)

    def get(name: str) -> Any:
        return value.get(name, MISSING)

    def path(name: str) -> str:
        return f"{FIELD}.{name}"

    def arrays(names: tuple[str, ...]) -> None:
        for name in names:
            if get(name) is not MISSING:
                _validate_binding_array(pp, path(name), get(name), ENTRY_VALIDATORS[name])

    sink.unexpected_fields(FIELD, _keys(value), PREVIEWS_FIELDS)
    if get("vars") is not MISSING:
        _validate_vars(pp, get("vars"), path("vars"))
    if get("define") is not MISSING:
        _validate_define(pp, get("define"), path("define"))
    _validate_placement(pp, get("placement"), path("placement"))
    if get("durable_objects") is not MISSING:
        _validate_durable_objects(pp, get("durable_objects"), path("durable_objects"), in_previews=True)
    if get("workflows") is not MISSING:
        _validate_binding_array(pp, path("workflows"), get("workflows"), ENTRY_VALIDATORS["workflows"])
        _unique_workflow_names(pp, get("workflows"), path("workflows"))
    arrays(_ARRAYS_BEFORE_QUEUES)
    if get("queues") is not MISSING:
        _validate_queues(pp, get("queues"), path("queues"))
    arrays(_ARRAYS_AFTER_QUEUES)
    for name in ("tail_consumers", "streaming_tail_consumers"):
        _validate_tail_consumers(pp, path(name), get(name))
    if get("unsafe") is not MISSING:
        validate_unsafe(pp, path("unsafe"), get("unsafe"))
    for name in ("browser", "analytics", "ai", "images", "stream", "media"):
        item = get(name)
        if item is MISSING:
            continue
        if name == "images" and isinstance(item, dict) and "url_transformations" in item:
            # wrangler 4.168.0; the binding check after it warns of the field as unexpected
            sink.error(path(name), f'The field "{path(name)}.url_transformations" is not supported in previews.')
        _validate_single_binding(pp, path(name), item, known_keys=None if name == "ai" else ("binding", "remote"))
    arrays(_ARRAYS_AFTER_BINDINGS)
    if get("version_metadata") is not MISSING:
        _validate_version_metadata(pp, get("version_metadata"), path("version_metadata"))
    if get("containers") is not MISSING:
        _validate_previews_containers(pp, path("containers"), get("containers"))
    _is_boolean(sink, path("logpush"), get("logpush"))
    _validate_observability(pp, get("observability"), path("observability"))
    _validate_limits(pp, value, path("limits"))
    _validate_cache(pp, path("cache"), get("cache"))


def _validate_previews_containers(p: _Pass, field_path: str, value: Any) -> None:
    """wrangler's ``validatePreviewsContainers``: what previews refuse of a container app, then
    (none refused) the apps checked as the top level's are, with no name made for them."""
    if isinstance(value, list) and _refused_in_previews(p, field_path, value):
        return
    validate_container_apps(p.sink, field_path, value, worker_name=None, config_path=p.config_path,
                            compliance_region=MISSING, default_name=False)


def _refused_in_previews(p: _Pass, field_path: str, value: list[Any]) -> bool:
    """A ``durable_object`` scheduling policy, a ``name``, a class twice: the first found, reported."""
    entries = list(enumerate(value))
    policies = [f'"{field_path}[{i}].scheduling_policy"' for i, e in entries
                if isinstance(e, dict) and e.get("scheduling_policy") == "durable_object"]
    if policies:
        p.sink.error(field_path, f'{", ".join(policies)} cannot be "durable_object". Durable Object-managed Containers '
                                 'are configured only in the top-level "containers" array.')
        return True
    names = [f'"{field_path}[{i}].name"' for i, e in entries if isinstance(e, dict) and "name" in e]
    if names:
        p.sink.error(field_path, f'{", ".join(names)} cannot be set. A preview container\'s application name is '
                                 "generated from the worker name, preview slug, and Durable Object class name, so that "
                                 "separate previews of the same Worker do not collide. Remove it and identify the "
                                 'container with "class_name".')
        return True
    seen: set[str] = set()
    duplicates: dict[str, None] = {}
    for entry in value:
        if isinstance(entry, dict) and isinstance(entry.get("class_name"), str):
            if entry["class_name"] in seen:
                duplicates[entry["class_name"]] = None
            seen.add(entry["class_name"])
    if duplicates:
        listed = ", ".join(f'"{_js_template(c)}"' for c in duplicates)
        p.sink.error(field_path, f'"{field_path}" declares more than one container for the Durable Object class '
                                 f"{listed}; each Durable Object class may appear at most once.")
        return True
    return False


def _validate_cache(p: _Pass, field_path: str, value: Any) -> None:
    """wrangler's ``validateCache``: ``{enabled, cross_version_cache?}``."""
    if value is MISSING:
        return
    if not is_js_object(value):
        p.sink.error(field_path, f'"{field_path}" should be an object but got {js_json(value)}.')
        return
    fields = value if isinstance(value, dict) else {}
    _required_typed(p.sink, field_path, "enabled", fields.get("enabled", MISSING), "boolean")
    _optional_typed(p.sink, field_path, "cross_version_cache", fields.get("cross_version_cache", MISSING), "boolean")
    p.sink.unexpected_fields(field_path, _keys(value), ("enabled", "cross_version_cache"))
