"""Where the Worker is reached and woken: ``route``/``routes`` (wrangler's
``isValidRouteValue``) and ``triggers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_join_item,
    _js_shown,
    _keys,
    js_json,
)
from workers_env.config.diagnostics.sink import _Pass, _Sink

_ROUTE_SHAPE = "{ pattern, custom_domain, zone_id | zone_name, enabled, previews_enabled }"


def _is_route_value(item: Any) -> bool:
    """wrangler's ``isValidRouteValue``."""
    if item is None or item is False or item == "" or item == 0:
        return False
    if isinstance(item, str):
        return True
    if isinstance(item, list):
        return False
    if not isinstance(item, dict) or not isinstance(item.get("pattern"), str):
        return False
    zone_id = isinstance(item.get("zone_id"), str)
    zone_name = isinstance(item.get("zone_name"), str)
    custom = isinstance(item.get("custom_domain"), bool)
    enabled = isinstance(item.get("enabled"), bool)
    previews = isinstance(item.get("previews_enabled"), bool)
    if sum((zone_id, zone_name, custom, enabled, previews)) != len(item) - 1:
        return False
    if zone_id and zone_name:
        return False
    if (enabled or previews) and not custom:
        return False
    return zone_id or zone_name or custom


def _validate_route(p: _Pass, raw_env: Mapping[str, Any]) -> Any:
    """wrangler's ``normalizeAndValidateRoute``; returns ``route`` as the rest sees it (``""`` is dropped)."""
    route = raw_env.get("route", MISSING)
    if route == "":
        p.sink.warn(
            "route",
            'The "route" field in your configuration is an empty string and will be ignored.\n'
            'Please remove the "route" field from your configuration.',
        )
        return MISSING
    if route is not MISSING and not _is_route_value(route):
        p.sink.error(
            "route",
            f'Expected "route" to be either a string, or an object with shape {_ROUTE_SHAPE}, but got {js_json(route)}.',
        )
    return route


def _validate_routes_field(p: _Pass, raw_env: Mapping[str, Any], route: Any) -> None:
    """wrangler's ``validateRoutes`` (wrangler names the field without the environment prefix)."""
    routes = raw_env.get("routes", MISSING)
    if routes is not MISSING:
        if not isinstance(routes, list):
            p.sink.error("routes", f'Expected "routes" to be an array but got {js_json(routes)}.')
        else:
            invalid = [item for item in routes if not _is_route_value(item)]
            if invalid:
                shown = js_json(invalid, "  ")
                p.sink.error(
                    "routes",
                    f'Expected "routes" to be an array of either strings or objects with the shape {_ROUTE_SHAPE}, '
                    f"but these weren't valid: {shown}.",
                )
        if route is not MISSING:
            p.sink.error("routes", 'Expected exactly one of the following fields ["routes","route"].')
        return
    top_routes = p.top("routes")
    if p.env is None or not isinstance(top_routes, list):
        return
    domains = [r.get("pattern") for r in top_routes if isinstance(r, dict) and r.get("custom_domain") is True]
    if domains:
        listed = ", ".join(_js_join_item(d) for d in domains)
        p.sink.warn(
            "routes",
            f'The "env.{p.env}" environment inherits the top-level `routes` configuration, which includes the custom '
            f"domain(s): {listed}. Deploying this environment will reassign these custom domains away from the "
            f'top-level Worker. Add `"routes": []` to "env.{p.env}" to prevent inheritance, or copy the route '
            "configuration from the top level to hide this warning.",
        )


def _validate_triggers(sink: _Sink, value: Any) -> None:
    """wrangler's ``validateTriggers``: ``crons`` an array, ``events`` an array of Artifacts events
    (:func:`_trigger_event`); a TOML date is an object without fields."""
    if value is MISSING or value is None:
        return
    if not _is_record(value):
        sink.error("triggers", f'Expected "triggers" to be of type object but got {js_json(value)}.')
        return
    fields = _destructured(value)
    if "crons" in fields and not isinstance(fields["crons"], list):
        sink.error("triggers", f'Expected "triggers.crons" to be of type array, but got {js_json(value)}.')
    events = fields.get("events", MISSING)
    if events is not MISSING and not isinstance(events, list):
        sink.error("triggers", f'Expected "triggers.events" to be of type array, but got {js_json(value)}.')
    elif events is not MISSING:
        for i, event in enumerate(events):
            _trigger_event(sink, f"triggers.events[{i}]", event)
    sink.unexpected_fields("triggers", _keys(value), ("crons", "events"))


#: wrangler 4.168.0's ``ARTIFACTS_EVENT_TYPES``
ARTIFACTS_EVENT_TYPES = tuple(f"cf.artifacts.repo.{kind}" for kind in (
    "created", "deleted", "forked", "imported", "pushed", "cloned", "fetched", "token.created", "token.revoked"))


def _trigger_event(sink: _Sink, where: str, event: Any) -> None:
    """One ``triggers.events`` entry: a supported ``type``, an optional ``filter`` of non-empty string
    ``namespace``/``repo_name`` fields, a non-empty array of workflow ``targets``."""
    if not _is_record(event):
        sink.error("triggers", f'Expected "{where}" to be of type object, but got {js_json(event)}.')
        return
    fields = _destructured(event)
    kind = fields.get("type", MISSING)
    if not isinstance(kind, str) or kind not in ARTIFACTS_EVENT_TYPES:
        sink.error("triggers", f'Expected "{where}.type" to be a supported Artifacts event type, but got {_js_shown(kind)}.')
    if "filter" in fields:
        found = fields["filter"]
        if not _is_record(found):
            sink.error("triggers", f'Expected "{where}.filter" to be of type object, but got {js_json(found)}.')
        elif any(k not in ("namespace", "repo_name") or not isinstance(v, str) or not v
                 for k, v in _destructured(found).items()):
            sink.error("triggers", f'Expected "{where}.filter" to contain only non-empty string "namespace" and '
                                   f'"repo_name" fields, but got {js_json(found)}.')
    targets = fields.get("targets", MISSING)
    if not isinstance(targets, list) or not targets:
        sink.error("triggers", f'Expected "{where}.targets" to be a non-empty array, but got {_js_shown(targets)}.')
    else:
        for j, target in enumerate(targets):
            name = target.get("workflow_name") if isinstance(target, dict) else None
            if not isinstance(target, dict) or target.get("type") != "workflow" or not isinstance(name, str) or not name:
                sink.error("triggers", f'Expected "{where}.targets[{j}]" to be a workflow target with a non-empty '
                                       f'"workflow_name", but got {js_json(target)}.')
                continue
            sink.unexpected_fields(f"{where}.targets[{j}]", _keys(target), ("type", "workflow_name"))
    sink.unexpected_fields(where, _keys(event), ("type", "filter", "targets"))
