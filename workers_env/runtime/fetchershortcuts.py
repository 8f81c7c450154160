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
Each is one promise, its steps workerd's C++ (:func:`in_one_chain`): a Worker awaiting one waits
the loop turns of the binding's ``fetch`` alone, reading the answer adds none (leftovers58).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from workers_env._errors import JsException
from workers_env._jsvalues import UNDEFINED
from workers_env.runtime.jsbase import JsNull
from workers_env.runtime.jsconversions import to_js_string
from workers_env.runtime.jsnumbers import jsg_int
from workers_env.runtime.jsproxy import JsObject
from workers_env.runtime.jsweb import JsResponse
from workers_env.runtime.stalls import follows, settler_of
from workers_env.runtime.webloop import PyodideFuture, begun_at_once, promise_instead

__all__ = ["SHORTCUTS", "in_one_chain", "shortcut"]

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


async def in_one_chain(steps: Coroutine[Any, Any, Any]) -> Any:
    """``steps`` (a shortcut's) run as workerd runs ``Fetcher::get``'s promise chain: each promise
    it awaits that is settled (or can settle now: a body already there) goes on at once, one
    still pending (the binding's answer) goes on as it settles -- no task of its own, so no loop
    turn beyond the binding's. Measured in workerd (wrangler 4.164.0, 2024-03-25, a JavaScript
    Worker counting ``setTimeout(0)`` turns beside each): ``get`` of every type, ``put``,
    ``delete`` and a 404's ``null`` take what ``fetch`` takes; here they took 4 or 5 loop turns
    where the binding's ``fetch`` took 1 (review87). Begun by :func:`~workers_env.runtime.webloop.unawaited`,
    it hands out its own promise while the answer is pending."""
    chain = _Chain(steps)
    if not chain.future.done() and begun_at_once():
        promise_instead(chain.future)
        return None
    return await chain.future


class _Chain:
    """:func:`in_one_chain`'s driver: ``future`` takes the outcome of ``steps``; ``waiting``: the
    pending promise they wait on."""

    def __init__(self, steps: Coroutine[Any, Any, Any]) -> None:
        self.steps = steps
        self.future = PyodideFuture()
        self.waiting: asyncio.Future[Any] | None = None
        self.step()

    def resume(self, _done: Any = None) -> None:
        """On once ``waiting`` is settled: called by its done callback, and first by that of the
        task settling it (:func:`~workers_env.runtime.stalls.settler_of`), which runs in the turn
        the binding's answer comes, as the wakeup of a Worker awaiting its ``fetch`` does."""
        if self.waiting is not None and self.waiting.done():
            self.waiting = None
            self.step()

    def step(self) -> None:
        while True:
            try:
                waited = self.steps.send(None)
            except StopIteration as stop:
                if not self.future.done():  # (cancelled by the awaiting task meanwhile: nothing to settle)
                    self.future.set_result(stop.value)
                return
            except asyncio.CancelledError:
                self.future.cancel()
                return
            except Exception as error:  # noqa: BLE001 - the chain's rejection
                if not self.future.done():
                    self.future.set_exception(error)
                return
            if not asyncio.isfuture(waited):  # a bare yield (asyncio.sleep(0)): on at the next turn
                self.future.get_loop().call_soon(self.step)
                return
            waited._asyncio_future_blocking = False
            getattr(waited, "workers_env_settle_if_ready", _nothing)()  # (run_sync's: a body already there)
            if not waited.done():
                follows(self.future, waited)  # waiting on it is waiting on the binding (runtime/stalls.py)
                self.waiting = waited
                settler = settler_of(waited)
                if settler is not None and not settler.done():
                    settler.add_done_callback(self.resume)
                waited.add_done_callback(self.resume)
                return


def _nothing() -> None:
    pass
