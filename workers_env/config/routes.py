"""What a config's routes say about the Worker's zone, as ``wrangler dev`` reads them.

The one use today: the ``CF-Worker`` header of a Worker's outgoing ``fetch``, which Cloudflare
sets to the zone the Worker runs on and ``wrangler dev`` (Miniflare's outbound worker) to the
first route's ``zone_name``, else the dev host (``dev.host``, else the first route's host),
else ``<name>.example.com`` (wrangler 4.164.0: ``getZoneForCfWorkerHeader``,
``getInferredHost``, ``getHostFromUrl``; miniflare ``cfWorkerValue``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["cf_worker_zone"]


def _host_from_url(url_like: str) -> str | None:
    """wrangler's ``getHostFromUrl``: a route pattern's host, wildcards dropped."""
    if url_like.startswith(("*/", "http://*/", "https://*/")):
        return None
    url_like = re.sub(r"\*(\.)?", "", url_like)
    if not url_like.startswith(("http://", "https://")):
        url_like = "http://" + url_like
    try:
        return urlsplit(url_like).hostname or None
    except ValueError:
        return None


def _host_from_route(route: Any) -> str | None:
    if isinstance(route, str):
        return _host_from_url(route)
    if isinstance(route, dict):
        pattern = route.get("pattern")
        host = _host_from_url(pattern) if isinstance(pattern, str) else None
        zone = route.get("zone_name")
        if host is None and isinstance(zone, str):
            host = _host_from_url(zone)
        return host
    return None


def cf_worker_zone(config: Any) -> str:
    """The ``CF-Worker`` value ``wrangler dev`` gives the Worker of ``config``."""
    merged = getattr(config, "merged", None) or {}
    routes = merged.get("routes")
    route = merged.get("route")
    first = routes[0] if isinstance(routes, list) and routes else route
    if isinstance(first, dict) and isinstance(first.get("zone_name"), str) and first["zone_name"]:
        return first["zone_name"]
    dev = (getattr(config, "raw", None) or {}).get("dev")
    host = dev.get("host") if isinstance(dev, dict) and isinstance(dev.get("host"), str) else None
    if host is None and first is not None:
        host = _host_from_route(first)
    if host:
        return host
    return f"{getattr(config, 'name', None) or 'worker'}.example.com"
