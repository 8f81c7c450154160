"""A Fetcher's ``get``, ``put`` and ``delete`` before compatibility date 2024-03-26.

Without ``fetcher_no_get_put_delete`` a service binding or Durable Object stub has them on its
prototype: workerd's undocumented shortcuts for ``fetch()`` with that method
(``Fetcher::get``/``put``/``delete_``, src/workerd/api/http.c++), each a request through the
binding's own ``fetch`` -- its URL checks, its redirects -- whose answer they read:

- ``get(url, type)``: ``null`` for a 404 or 410; another status that is not ok rejects with
  ``Error: HTTP GET request failed: <status> <statusText>``; else the body as ``type`` says --
  ``"text"`` (the default), ``"arrayBuffer"``, ``"json"``, ``"stream"`` (an empty stream for no
  body) -- another a ``TypeError`` (asked only once the answer is ok);
- ``put(url, body, {expiration, expirationTtl})``: a PUT of ``body`` (required), the options
  (jsg ``int``s) appended to the URL's query as ``expiration`` and ``expiration_ttl``;
- ``delete(url)``: a DELETE; ``put`` and ``delete`` resolve ``undefined`` for a 2xx, else reject
  with ``Error: HTTP PUT|DELETE request failed: <status> <statusText>``.

Measured under wrangler dev 4.164.0 at 2024-03-25 (tools/wrangler/fetcher_get_put_delete_differential.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from workers_env._errors import JsException
from workers_env._jsvalues import UNDEFINED
from workers_env.runtime.jsbase import JsNull
from workers_env.runtime.jsconversions import to_js_string
from workers_env.runtime.jsnumbers import jsg_int
from workers_env.runtime.jsproxy import JsObject
from workers_env.runtime.jsweb import JsResponse

__all__ = ["SHORTCUTS", "shortcut"]

#: ``Fetcher.prototype``'s names for them (``delete`` is ``delete_`` in C++)
SHORTCUTS = ("get", "put", "delete")

#: ``get``'s answer types (``parseResponse``)
_TYPES = ("text", "arrayBuffer", "json", "stream")
_UNKNOWN_TYPE = 'Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".'
#: jsg's words for ``put``'s missing body (``Body::Initializer``), as workerd 1.20261117.1 says them
_NO_BODY = ("Failed to execute 'put' on 'Fetcher': parameter 2 is not of type 'JsReadableStream or string or "
            "BufferSource or Blob or FormData or URLSearchParams or URLSearchParams or JsUrlSearchParams or "
            "AsyncGenerator'.")


def shortcut(name: str, fetch: Callable[..., Awaitable[Any]], null: Any,
             options: Callable[[Any], dict[str, Any]]) -> Callable[..., Awaitable[Any]]:
    """The coroutine function of ``name`` (one of :data:`SHORTCUTS`) over the binding's ``fetch``
    (its JavaScript method: a promise of its Response); ``null``: JavaScript's ``null`` as the
    Worker's Pyodide hands it over; ``options``: ``put``'s options object as JavaScript reads it."""

    async def get(url: Any = UNDEFINED, kind: Any = UNDEFINED, *_ignored: Any) -> Any:
        response = await fetch(to_js_string(url), JsObject({"method": "GET"}))
        if response.status in (404, 410):
            return null
        _check(response, "GET")
        chosen = "text" if kind is UNDEFINED or kind is None else to_js_string(kind)
        if chosen not in _TYPES:
            raise JsException(_UNKNOWN_TYPE, name="TypeError")
        if chosen == "stream":
            body = response.body
            return body if body is not None and not isinstance(body, JsNull) else JsResponse.new("").body
        return await getattr(response, chosen)()

    async def put(url: Any = UNDEFINED, body: Any = UNDEFINED, given: Any = UNDEFINED, *_ignored: Any) -> None:
        if body is UNDEFINED or body is None:
            raise JsException(_NO_BODY, name="TypeError")
        read = {} if given is UNDEFINED or given is None else options(given)
        query = [(key, jsg_int(read[member])) for key, member in (("expiration", "expiration"),
                                                                  ("expiration_ttl", "expirationTtl"))
                 if read.get(member, UNDEFINED) is not UNDEFINED]
        _check(await fetch(_with_query(to_js_string(url), query), JsObject({"method": "PUT", "body": body})), "PUT")

    async def delete(url: Any = UNDEFINED, *_ignored: Any) -> None:
        _check(await fetch(to_js_string(url), JsObject({"method": "DELETE"})), "DELETE")

    made: dict[str, Callable[..., Awaitable[Any]]] = {"get": get, "put": put, "delete": delete}
    return made[name]


def _check(response: Any, method: str) -> None:
    """``throwOnError``'s refusal of a status outside 200-299 (``get``: of one not ``ok``, the same)."""
    if not 200 <= response.status < 300:
        raise JsException(f"HTTP {method} request failed: {response.status} {response.statusText}", name="Error")


def _with_query(url: str, query: list[tuple[str, int]]) -> str:
    """``url`` with ``query``'s pairs appended to its own (``kj::Url::query.add``); one that does not
    parse is left to ``fetch``'s refusal."""
    if not query:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    added = "&".join(f"{key}={value}" for key, value in query)
    return urlunsplit(parts._replace(query=f"{parts.query}&{added}" if parts.query else added, fragment=""))
