"""One environment (or the top level): wrangler's ``normalizeAndValidateEnvironment``,
which runs every field's rule in wrangler's order so the report lists findings as it does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env.config.diagnostics.access import validate_access
from workers_env.config.diagnostics.assets import _validate_assets
from workers_env.config.diagnostics.bindings import (
    _validate_binding_array,
    _validate_single_binding,
    _validate_version_metadata,
)
from workers_env.config.diagnostics.checks import (
    _is_boolean,
    _is_compliance_region,
    _is_string,
    _is_string_array,
    _is_valid_name,
)
from workers_env.config.diagnostics.cloudchamber import validate_cloudchamber
from workers_env.config.diagnostics.container_links import validate_container_links
from workers_env.config.diagnostics.connect import validate_connect
from workers_env.config.diagnostics.containers import validate_container_apps
from workers_env.config.diagnostics.dates import _compatibility_date
from workers_env.config.diagnostics.durable_objects import (
    _validate_durable_objects,
    _warn_durable_objects_without_lifecycle,
)
from workers_env.config.diagnostics.exports import exports_at_section_end, validate_exports
from workers_env.config.diagnostics.fields import (
    _BINDING_ARRAY_FIELDS,
    _SIMPLE_BINDING_FIELDS,
    ENVIRONMENT_FIELDS,
    NODE_COMPAT_ERROR,
    NOT_INHERITABLE_FIELDS,
)
from workers_env.config.diagnostics.images import _url_transformations_left_behind, _validate_images
from workers_env.config.diagnostics.jsvalues import MISSING, _keys
from workers_env.config.diagnostics.logfwdr import validate_logfwdr
from workers_env.config.diagnostics.other_entries import ENTRY_VALIDATORS
from workers_env.config.diagnostics.previews import _validate_cache, _validate_previews
from workers_env.config.diagnostics.queues import _validate_queues
from workers_env.config.diagnostics.routes import (
    _validate_route,
    _validate_routes_field,
    _validate_triggers,
)
from workers_env.config.diagnostics.settings import (
    _validate_build,
    _validate_limits,
    _validate_migrations,
    _validate_observability,
    _validate_placement,
    _validate_python_modules,
    _validate_rules,
    _validate_tail_consumers,
)
from workers_env.config.diagnostics.sink import _Pass
from workers_env.config.diagnostics.unsafe import validate_unsafe
from workers_env.config.diagnostics.variables import (
    _validate_define,
    _validate_secrets,
    _validate_vars,
)
from workers_env.config.diagnostics.workflows import _unique_workflow_names


def _validate_not_inheritable(p: _Pass, raw_env: Mapping[str, Any], name: str) -> None:
    """wrangler's ``notInheritable``: validate when present, warn when only the top level has it."""
    value = raw_env.get(name, MISSING)
    if value is MISSING:
        if p.env is not None and name in p.raw_top:
            p.sink.warn(
                p.path(name),
                f'"{name}" exists at the top level, but not on "env.{p.env}".\n'
                f'This is not what you probably want, since "{name}" is not inherited by environments.\n'
                f'Please add "{name}" to "env.{p.env}".',
            )
        return
    if name == "vars":
        _validate_vars(p, value)
    elif name == "queues":
        _validate_queues(p, value)
    elif name == "connect":
        validate_connect(p, name, value)
    elif name in ENTRY_VALIDATORS:
        _validate_binding_array(p, name, value, ENTRY_VALIDATORS[name])
    elif name in _BINDING_ARRAY_FIELDS:
        _validate_binding_array(p, name, value, None)
    elif name == "ai":
        _validate_single_binding(p, name, value, known_keys=None)
    elif name == "images":
        _validate_images(p, value)
    elif name in _SIMPLE_BINDING_FIELDS:
        _validate_single_binding(p, name, value, known_keys=("binding", "remote"))
    elif name == "durable_objects":
        _validate_durable_objects(p, value)
    elif name == "secrets":
        _validate_secrets(p, value)
    elif name == "define":
        _validate_define(p, value)
    elif name in ("tail_consumers", "streaming_tail_consumers"):
        _validate_tail_consumers(p, name, value)
    elif name == "version_metadata":
        _validate_version_metadata(p, value)
    elif name == "unsafe":
        validate_unsafe(p, name, value)
    elif name == "cloudchamber":
        validate_cloudchamber(p.sink, name, value)
    elif name == "containers":
        validate_container_apps(p.sink, name, value, worker_name=p.own_or_top(raw_env, "name"),
                                config_path=p.config_path, compliance_region=p.own_or_top(raw_env, "compliance_region"))
    if name == "workflows":
        _unique_workflow_names(p, value)


_OTHER_BOOLEANS = ("no_bundle", "minify", "keep_names", "first_party_worker", "logpush", "upload_source_maps")


def _validate_environment(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``normalizeAndValidateEnvironment``, field by field in its order (so the report
    lists its findings in wrangler's order)."""
    sink = p.sink

    def get(name: str) -> Any:
        return raw_env.get(name, MISSING)

    if "node_compat" in raw_env:
        sink.error(p.path("node_compat"), NODE_COMPAT_ERROR)
    if (p.env is None or "unsafe" not in p.raw_top) and "unsafe" in raw_env:
        sink.experimental(p.path("unsafe"), "unsafe")
    route = _validate_route(p, raw_env)
    if get("account_id") == "":
        sink.warn(
            "account_id",
            'The "account_id" field in your configuration is an empty string and will be ignored.\n'
            'Please remove the "account_id" field from your configuration.',
        )
    else:
        _is_string(sink, "account_id", get("account_id"))
    _validate_routes_field(p, raw_env, route)
    _is_boolean(sink, "workers_dev", get("workers_dev"))
    _is_boolean(sink, "preview_urls", get("preview_urls"))
    _validate_build(p, raw_env)
    _compatibility_date(sink, "compatibility_date", get("compatibility_date"))
    _is_string_array(sink, "compatibility_flags", get("compatibility_flags"))
    for name in ("jsx_factory", "jsx_fragment", "tsconfig"):
        _is_string(sink, name, get(name))
    _validate_rules(p, get("rules"))
    _is_valid_name(sink, "name", get("name"))
    _is_string(sink, "main", get("main"))
    _is_boolean(sink, "find_additional_modules", get("find_additional_modules"))
    _is_boolean(sink, "preserve_file_names", get("preserve_file_names"))
    _is_string(sink, "base_dir", get("base_dir"))
    _validate_triggers(sink, get("triggers"))
    _validate_assets(sink, "assets", get("assets"))
    _validate_limits(p, raw_env)
    _validate_placement(p, get("placement"))
    for name in NOT_INHERITABLE_FIELDS:
        _validate_not_inheritable(p, raw_env, name)
        if name == "images":
            _url_transformations_left_behind(p, raw_env.get("images", MISSING))
        if name == "workflows":
            _validate_migrations(p, get("migrations"))
            validate_exports(p, get("exports"))
    validate_logfwdr(p, get("logfwdr"))
    for name in _OTHER_BOOLEANS:
        _is_boolean(sink, name, get(name))
    _validate_observability(p, get("observability"))
    validate_access(sink, get("access"))
    _validate_cache(p, "cache", get("cache"))
    _is_compliance_region(sink, "compliance_region", get("compliance_region"))
    _validate_python_modules(sink, get("python_modules"))
    _validate_previews(p, get("previews"))
    _warn_durable_objects_without_lifecycle(p, raw_env)
    exports_at_section_end(p, raw_env)
    validate_container_links(p, raw_env)
    if p.env is not None:
        sink.unexpected_fields(
            f"env.{p.env}", [k for k in _keys(raw_env) if k != "node_compat"], frozenset(ENVIRONMENT_FIELDS)
        )
