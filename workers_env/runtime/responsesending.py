"""Sending a Worker's response over the wire: its head as KJ writes it (:func:`_head`), whether
wrangler dev's ``HTMLRewriter`` makes it chunked (:func:`through_rewriter`), and a client that hangs
up before it is complete (:class:`_ClientGone` and the helpers that hear of it).

Split out of runtime/server.py; the ASGI app that uses them is runtime/workerapp.py's ``WorkerApp``:
the rules for the bytes that go out, apart from the dispatch that makes them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from workers_env.runtime.statusline import BARE_HEAD_HEADER, REASON_HEADER, reason_value
from workers_env.runtime.wireheaders import CONNECTION_LEVEL, wire_order

__all__ = [
    "Receive",
    "Scope",
    "Send",
    "through_rewriter",
]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

#: the connection-level headers KJ's HTTP layer owns (``KJ_HTTP_FOR_EACH_BUILTIN_HEADER``): a
#: Worker neither sees a client's nor sends its own; the framing is the server's
_CONNECTION_HEADERS = CONNECTION_LEVEL


class _ClientGone(Exception):
    """A piece of a body still being written could not be sent: its client has hung up (KJ's
    failed write to the socket, where workerd hears of it)."""


def _refuse_when_gone(message: MutableMapping[str, Any], state: dict[str, Any]) -> None:
    """A piece of the body sent once the client is known gone (``state["gone"]``) fails, as KJ's
    write to the closed socket fails (:class:`_ClientGone`)."""
    if state.get("gone") and message["type"] == "http.response.body":
        raise _ClientGone


def _sending_till_gone(send: Send, state: dict[str, Any]) -> Send:
    """``send``, failing a piece of the body once the client is known gone (:func:`_refuse_when_gone`)."""
    async def sending(message: MutableMapping[str, Any]) -> None:
        _refuse_when_gone(message, state)
        await send(message)
    return sending


def _unheard(answered: dict[str, Any]) -> bool:
    """Whether the request's client hung up mid-body (its answer goes nowhere, unlogged)."""
    upload = answered.get("upload")
    return upload is not None and upload.lost


async def _client_gone(receive: Receive) -> bool:
    """Whether the client hangs up before its response is complete. Once a request's body has
    been read, uvicorn's ``receive()`` waits and answers ``http.disconnect`` when the connection
    is lost (or the response is complete, by when the answer is no longer awaited); ``False``
    from a caller whose ``receive()`` answers anything else (or fails)."""
    try:
        return (await receive()).get("type") == "http.disconnect"
    except Exception:  # noqa: BLE001 - no word of the client: it is taken as still there
        return False


def through_rewriter(response: Any) -> bool:
    """Whether ``wrangler dev`` sends ``response`` through ``HTMLRewriter``: its ProxyWorker
    transforms every answer whose ``Content-Type`` starts with ``text/html`` (as written:
    ``Text/HTML`` is not; ``text/htmlx`` is), live reload or not (``insertLiveReloadScript``,
    wrangler 4.164.0), and the transformed body has no length, so it goes chunked, without
    ``Content-Length`` -- an asset's HTML page, an empty or null body, a 404 page alike."""
    content_type = next((v for k, v in response.headers.items() if k == "content-type"), None)
    return content_type is not None and content_type.startswith("text/html")


def _head(headers: Iterable[tuple[str, str]], status_text: str, *, head: bool = False,
          length: int | None = None) -> list[tuple[bytes, bytes]]:
    """A Worker response's headers as ASGI sends them, as workerd sends them: values in UTF-8
    (workerd's quirk for non-ASCII values; a lone surrogate's bytes as ``Headers`` hold them:
    ``JsHeaders.lines``), without a header whose name is not ASCII (wrangler dev
    4.164.0 sends none of ``x-é``, ``x-€``), without the connection-level headers KJ owns (the
    framing is the server's: ``length``, the body's, as ``Content-Length``), in the order and
    spelling KJ writes them (:mod:`.wireheaders`), and its ``statusText`` (if any) for the status line
    (:mod:`.statusline`; one that is not ASCII is sent empty, as wrangler dev 4.164.0 sends it).
    An answer to HEAD keeps the Worker's own ``Content-Length`` and otherwise has no framing
    header, as KJ's ``HttpServer`` sends it."""
    raw = [(k.encode("ascii"), v.encode("utf-8", "surrogateescape")) for k, v in headers  # a non-ASCII name
           if k.isascii() and (k.lower() not in _CONNECTION_HEADERS  # is not sent
                               or (head and k.lower() == "content-length"))]
    if length is not None:
        raw.append((b"content-length", str(length).encode()))
    raw = wire_order(raw)
    if status_text:
        raw.append((REASON_HEADER, reason_value(status_text.encode("ascii") if status_text.isascii() else b"")))
    if head and not any(k.lower() == b"content-length" for k, _ in raw):
        raw.append((BARE_HEAD_HEADER, b"1"))
    return raw
