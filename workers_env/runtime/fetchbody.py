"""The body of a ``fetch()`` answer, handed to the Worker while it still arrives.

workerd resolves ``fetch()`` once the answer's head is in: its ``body`` is a stream fed from the
connection as the origin sends, so a Worker proxying server-sent events (``return resp``, ``new
Response(resp.body)``) hands each on as it comes, and ``body.getReader().read()`` returns the first
piece before the origin is done. Here :class:`FetchedBody` is that stream -- read as an incoming
request's body is read (runtime/requestbody.py): ``text()``/``json()``/``arrayBuffer()`` wait for
its end, a reader or ``async for`` gets each piece as it comes, ``workers-env dev`` sends it on
piece by piece -- fed by :func:`pump` from the connection, one read at a time in a thread, no more
than :data:`~workers_env.runtime.requestbody.READ_AHEAD` bytes ahead of the Worker's reads. A read
waiting for the origin waits on the network, never the hung-request error (runtime/stalls.py). A
cancel of the body, an abort of the fetch's signal or the end of the request that made it closes
the connection, which ends the read under way and frees its thread.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from typing import Any

from workers_env.runtime.requestbody import READ_AHEAD, IncomingBody

__all__ = ["PIECE", "FetchedBody", "pump", "start_pump"]

#: the most one read of the connection takes (what has arrived, up to this)
PIECE = READ_AHEAD

_STILL_ARRIVING = ("a fetch() answer's body still arriving, waited for whole from synchronous code, is emulated by "
                   "workers-env only on the event loop that fetched it (not from another thread): await "
                   "response.text() (or arrayBuffer()) first, then use the bytes")


class FetchedBody(IncomingBody):
    """The stream of a ``fetch()`` answer's body the origin is still sending: :func:`pump` writes
    each piece as it comes, then closes it (or errors it: the connection lost, the signal
    aborted). Canceling it closes the connection (``stop``)."""

    _still_arriving = _STILL_ARRIVING

    def __init__(self, stop: Callable[[], None]) -> None:
        super().__init__()
        self._stop = stop

    def cancel(self, reason: Any = None) -> None:
        super().cancel(reason)
        self._stop()


def start_pump(body: FetchedBody, read: Callable[[], bytes], failed: Callable[[BaseException], BaseException],
               done: Callable[[], None]) -> asyncio.Task[None]:
    """Run :func:`pump` as a task of no request (empty context): it is the connection's, not
    the Worker's code, so it neither holds the request open nor counts as one of its tasks."""
    return asyncio.get_running_loop().create_task(pump(body, read, failed, done), context=contextvars.Context())


async def pump(body: FetchedBody, read: Callable[[], bytes], failed: Callable[[BaseException], BaseException],
               done: Callable[[], None]) -> None:
    """Feed ``body`` with ``read()`` -- run in a thread: the next piece of the answer as it
    arrives, ``b""`` at its end -- whenever the body wants more (a read waits, or less than
    ``READ_AHEAD`` bytes wait unread), until its end, a failure (readers meet ``failed(error)``)
    or the body is closed (canceled, aborted); then ``done()`` (the connection closed)."""
    try:
        while True:
            while not body.wants_more():
                await body.read_on()
            if body.closed:
                return
            try:
                piece = await asyncio.to_thread(read)
            except Exception as exc:  # noqa: BLE001 - the connection's failure: the stream's error
                body.ended(failed(exc))
                return
            if not piece:
                body.ended()
                return
            body.received(piece)
    finally:
        done()
