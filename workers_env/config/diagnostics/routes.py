"""Where the Worker is reached and woken: ``route``/``routes`` (wrangler's
``isValidRouteValue``) and ``triggers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _js_join_item,
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
    """wrangler's ``validateTriggers`` (crons; events belong to Artifacts)."""
    if value is MISSING or value is None:
        return
    if not isinstance(value, dict):
        sink.error("triggers", f'Expected "triggers" to be of type object but got {js_json(value)}.')
        return
    if "crons" in value and not isinstance(value["crons"], list):
        sink.error("triggers", f'Expected "triggers.crons" to be of type array, but got {js_json(value)}.')
    if "events" in value and not isinstance(value["events"], list):
        sink.error("triggers", f'Expected "triggers.events" to be of type array, but got {js_json(value)}.')
    sink.unexpected_fields("triggers", _keys(value), ("crons", "events"))
