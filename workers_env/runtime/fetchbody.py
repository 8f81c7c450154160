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

An answer in ``gzip`` or ``br`` (runtime/contentencoding.py) comes in as received and is decoded
from its first read on, piece by piece as it arrives, as workerd's ``EncodedAsyncInputStream``
decodes at its first ``tryRead`` (system-streams.c++): until then it can still be sent on as it
came (:meth:`FetchedBody.as_received`) -- a Worker returning the answer, or ``new
Response(answer.body, answer)``, has ``workers-env dev`` pass the encoded bytes on with the
answer's ``Content-Length``, as workerd pumps a stream to an output of its own encoding.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from typing import Any

from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.chunklog import ChunkLog
from workers_env.runtime.contentencoding import Decoder
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
    aborted). Canceling it closes the connection (``stop``). Its pieces come in ``encoding``
    (``None``: as they are read), decoded from the first read on."""

    _still_arriving = _STILL_ARRIVING
    _decoder: Decoder | None = None

    def __init__(self, stop: Callable[[], None], encoding: str | None = None, length: int | None = None) -> None:
        super().__init__()
        self._stop = stop
        #: the ``Content-Encoding`` its pieces still wait in, undecoded (``None``: read as they come)
        self.encoding = encoding
        #: the answer's ``Content-Length``: the length of the pieces as they come
        self.received_length = length
        self.expected_length = length if encoding is None else None  # decoded, its length is not known

    def cancel(self, reason: Any = None) -> None:
        super().cancel(reason)
        self._stop()

    def as_received(self) -> str | None:
        """Have the pieces read as they come, undecoded, when no read has decoded them yet (to
        send them on): the encoding they come in (``None``: none, or decoding began), the
        answer's ``Content-Length`` from now on the body's known length."""
        encoding, self.encoding = self.encoding, None
        if encoding is not None:
            self.expected_length = self.received_length
        return encoding

    def _decoding(self) -> None:
        """The first read: the pieces are decoded from now on, those waiting now first (workerd's
        ``ensureIdentityEncoding``). What does not decode errors the body after the pieces
        before it, and closes the connection."""
        encoding, self.encoding = self.encoding, None
        if encoding is None or self._canceled is not None:
            return
        chunks = self._chunks or []
        raw, decoded = chunks[self._read_at:], ChunkLog(chunks[:self._read_at])
        self._chunks = decoded  # type: ignore[assignment]  # indexed as a list
        try:
            self._decoder = Decoder(encoding, PIECE)
            for piece in raw:
                decoded += self._decoder.feed(piece)
            if not self._open and self._error is None:
                decoded += self._decoder.end()
        except (JsException, NotEmulatedError) as exc:
            self._failed(exc)

    def _failed(self, error: BaseException) -> None:
        """The body does not decode: readers meet ``error`` after what did."""
        if self._open:
            self.close(error)
            self._stop()
        else:
            self._error = error

    def received(self, data: bytes) -> None:
        if self._decoder is None:
            super().received(data)
        elif self._canceled is None and self._open:
            self._decoded(self._decoder.feed, data)

    def ended(self, error: BaseException | None = None) -> None:
        if error is None and self._decoder is not None and self._open:
            self._decoded(self._decoder.end)
        super().ended(error)

    def _decoded(self, decode: Callable[..., list[bytes]], *data: bytes) -> None:
        """Hand readers what ``decode(*data)`` gives; what fails to decode errors the body."""
        try:
            pieces = decode(*data)
        except (JsException, NotEmulatedError) as exc:
            self._failed(exc)
            return
        for piece in pieces:
            super().received(piece)

    def _reading(self) -> None:
        self._decoding()
        super()._reading()

    def take(self) -> list[bytes]:
        self._decoding()
        return super().take()


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
