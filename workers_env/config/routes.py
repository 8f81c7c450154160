"""What a config's routes say about the Worker's origin and zone, as ``wrangler dev`` reads them.

The dev host -- the host of the URL the Worker sees under dev -- is ``--host`` (else
``--local-upstream``), else ``[dev] host``, else the first route's host (``--routes`` over the
config's ``route``/``routes``; unless ``--no-infer-origin-from-routes``), else none (wrangler
4.164.0: ``getHostAndRoutes``, ``getInferredHost``, ``getHostFromRoute``). The ``CF-Worker`` header
of a Worker's outgoing ``fetch``, which Cloudflare sets to the zone the Worker runs on, is under
``wrangler dev`` (Miniflare's outbound worker) the first route's ``zone_name``, else the dev host,
else ``<name>.example.com`` (``getZoneForCfWorkerHeader``; miniflare ``cfWorkerValue``).
"""

from __future__ import annotations

import json
import re
from typing import Any

import ada_url

__all__ = ["cf_worker_zone", "dev_host", "inferred_host_problem"]


def _host_from_url(url_like: str) -> str | None:
    """wrangler's ``getHostFromUrl``: a route pattern's host as Node's ``new URL(...).host`` gives
    it (ada, the WHATWG parser Node and workerd share: lower case, a non-ASCII name in punycode,
    with a port other than the scheme's), wildcards dropped; None where that URL fails."""
    if url_like.startswith(("*/", "http://*/", "https://*/")):
        return None
    url_like = re.sub(r"\*(\.)?", "", url_like)
    if not url_like.startswith(("http://", "https://")):
        url_like = "http://" + url_like
    try:
        return str(ada_url.URL(url_like).host) or None
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


def _routes(config: Any, given: list[str] | None) -> list[Any]:
    """The routes dev reads: ``--routes``, else the config's ``route``, else its ``routes``."""
    if given:
        return list(given)
    merged = getattr(config, "merged", None) or {}
    route, routes = merged.get("route"), merged.get("routes")
    if route:
        return [route]
    return list(routes) if isinstance(routes, list) else []


def _first_route_host(config: Any, routes: list[str] | None) -> tuple[bool, str | None]:
    """``(whether there is a route, the first one's host)``."""
    found = _routes(config, routes)
    return bool(found), _host_from_route(found[0]) if found else None


def dev_host(config: Any, *, host: str | None = None, routes: list[str] | None = None,
             infer: bool = True) -> str | None:
    """The dev host: ``host`` (``--host``/``--local-upstream``), ``[dev] host``, else (``infer``)
    the first route's; None when there is none (or the first route names no host: see
    :func:`inferred_host_problem`)."""
    if host:
        return host
    dev = (getattr(config, "raw", None) or {}).get("dev")
    own = dev.get("host") if isinstance(dev, dict) and isinstance(dev.get("host"), str) else None
    if own:
        return own
    return _first_route_host(config, routes)[1] if infer else None


def inferred_host_problem(config: Any, *, host: str | None = None, routes: list[str] | None = None,
                          infer: bool = True) -> str | None:
    """wrangler dev's refusal when the dev host is to come from a first route that names none
    (``*/*``), else None."""
    if dev_host(config, host=host, routes=routes, infer=False) is not None or not infer:
        return None
    found = _routes(config, routes)
    if not found or _host_from_route(found[0]) is not None:
        return None
    first = found[0]
    if isinstance(first, dict) and not any(k in first for k in ("custom_domain", "zone_id", "zone_name")):
        first = first.get("pattern")  # (getHostAndRoutes keeps a bare pattern's text)
    path = getattr(config, "path", None)
    name = path.name if path is not None else "wrangler.toml"
    snippet = '{\n  "dev": {\n    "host": "example.com"\n  }\n}' if name.endswith((".json", ".jsonc")) \
        else '[dev]\nhost = "example.com"\n'
    return (f"Cannot infer host from first route: {json.dumps(first, separators=(',', ':'), ensure_ascii=False)}.\n"
            f"You can explicitly set the `dev.host` configuration in your {name} file, for example:\n\n"
            f"\t```\n\t{snippet}\n\t```\n")


def cf_worker_zone(config: Any, *, host: str | None = None, routes: list[str] | None = None,
                   infer: bool = True) -> str:
    """The ``CF-Worker`` value ``wrangler dev`` gives the Worker of ``config`` (``host``,
    ``routes``, ``infer``: dev's ``--host``, ``--routes``, ``--infer-origin-from-routes``)."""
    found = _routes(config, routes)
    first = found[0] if found else None
    if isinstance(first, dict) and isinstance(first.get("zone_name"), str) and first["zone_name"]:
        return first["zone_name"]
    origin = dev_host(config, host=host, routes=routes, infer=infer)
    if origin:
        return origin
    return f"{getattr(config, 'name', None) or 'worker'}.example.com"
