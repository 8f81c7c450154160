"""``env.ASSETS`` (``[assets] binding = "ASSETS"``): a Fetcher whose ``fetch(request)`` is the
asset worker's answer, ``not_found_handling`` included, and a 404 with no body where the
assets have none (the Worker is never called from here)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from workers_env._errors import NotEmulatedError
from workers_env._jsvalues import HttpResponse, js_type_error
from workers_env.assets.server import AssetServer

__all__ = ["AssetsBinding"]

_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def _headers_of(value: Any) -> dict[str, str]:
    """The header names and values of a Request's or an init's ``headers``; an object with no
    items and not iterable has none, as the Headers workerd makes of it (a PyProxy lists no own
    properties; the caller's Request check has warned of it)."""
    if value is None:
        return {}
    items = value.items() if hasattr(value, "items") else value
    if not hasattr(items, "__iter__"):
        return {}
    return {str(k): str(v) for k, v in items}


class AssetsBinding:
    """The assets Fetcher: ``await env.ASSETS.fetch(request_or_url)``."""

    JS_METHODS = frozenset({"fetch", "connect"})

    def __init__(self, server: AssetServer, *, binding: str = "ASSETS"):
        self.server = server
        self._binding = binding

    def __repr__(self) -> str:
        return f"<AssetsBinding {self._binding} {self.server.manifest.directory}>"

    def fetch_sync(self, request: Any, init: Any = None) -> HttpResponse:
        """The asset worker's response to a request object (``url``, ``method``, ``headers``)
        or an absolute URL string, ``init``'s ``method`` and ``headers`` over either -- as the
        Request workerd builds of them (a POST Request with ``{"method": "GET", "body": None}``
        is a GET: 200, not 405, measured under ``wrangler dev`` 4.164.0)."""
        options = init if isinstance(init, Mapping) else {}
        if isinstance(request, str):
            if not _ABSOLUTE.match(request):
                raise js_type_error(f"Fetch API cannot load: {request}")
            url, method, headers = request, str(options.get("method") or "GET"), _headers_of(options.get("headers"))
        else:
            url = str(getattr(request, "url", ""))
            method = str(options.get("method") or getattr(request, "method", "GET") or "GET")
            given = options.get("headers")
            headers = _headers_of(given if given is not None else getattr(request, "headers", None))
        return self.server.respond(method, url, headers)

    async def fetch(self, request: Any = None, init: Any = None, /) -> HttpResponse:
        return self.fetch_sync(request, init)

    def connect(self, *args: Any) -> Any:
        raise NotEmulatedError(f"{self._binding}.connect() (TCP sockets) is not emulated by workers-env")
