"""The body of a request arriving over HTTP, handed to the Worker while it still arrives.

workerd hands a fetch handler its ``Request`` as soon as the request's head is in: ``request.body``
is a stream fed as the client sends, so a Worker can answer before reading the body, or read it
piece by piece as it comes (``request.body.getReader()``, ``async for chunk in request.body``).
``workers-env dev`` does the same: :class:`IncomingBody` is the body's stream, written by the
server (runtime/workerapp.py, :class:`Upload`) as each piece of the body is received, and read by
the Worker's code like any other stream -- ``await request.text()`` (``json()``, ``bytes()``...)
waits for its end. Code that needs the whole body at once from synchronous code (``clone()``,
``new Request(url, request)``, a ``fetch`` of it) waits for the rest as ``run_sync`` waits
(runtime/runsync.py), the event loop going on meanwhile. The server takes the body in only as
it is read, :data:`READ_AHEAD` bytes ahead of the reads (:meth:`Upload._demand`): a slow reader
holds the client back rather than the body piling up in memory, and a piece once read is not kept.

Checked against ``wrangler dev`` 4.164.0 serving a Worker without wrangler's bundling (as it serves
a Python Worker: no ``ensure-req-body-drained`` middleware): the answer of a Worker that does not
read the body goes out at once, before the body; a read gets each piece as the client sends it; a
client that hangs up mid-body fails the read with ``Error: Network connection lost.``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.livebytestream import ByteSink
from workers_env.runtime.runsync import _drivable, can_run_sync, run_sync

__all__ = ["CONNECTION_LOST", "READ_AHEAD", "REQUEST_BODY_AFTER_EXCEPTION", "REQUEST_BODY_AFTER_RESPONSE", "UPLOAD_GRACE",
           "IncomingBody", "Upload", "whole"]

Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]

#: what a read of the body meets once the client has gone mid-body (wrangler dev 4.164.0)
CONNECTION_LOST = "Network connection lost."
#: what a read of a body not all in meets once the answer is sent (workerd's global-scope.c++
#: ``makeNeuterException``: the request body is neutered when the response is done) ...
REQUEST_BODY_AFTER_RESPONSE = "Can't read from request stream after response has been sent."
#: ... or once the handler threw (answered with the 500)
REQUEST_BODY_AFTER_EXCEPTION = "Can't read from request stream after responding with an exception."
#: how many bytes of a body the server takes in ahead of the Worker's reads (unread, held in
#: memory): past that it receives no more until a read takes some, so uvicorn stops reading the
#: socket and TCP pushes back on the client, as workerd's stream does (a read, or a whole read
#: such as ``text()``, takes in everything it waits for)
READ_AHEAD = 65536
#: after the answer, the rest of a body not read is discarded while it keeps coming with gaps no
#: longer than this (seconds); a pause longer than this closes the connection instead
UPLOAD_GRACE = 0.05

_STILL_ARRIVING = ("the incoming request's body is still arriving, and waiting for it from synchronous code is "
                   "emulated by workers-env only on the event loop it arrives on (not from another thread): await "
                   "request.text() (or "
                   "arrayBuffer()) first, then use the bytes")


class IncomingBody(ByteSink):
    """The stream of a request body the client is still sending: the server writes each piece
    as it comes, then closes it (or errors it when the client hangs up). A read waiting for the
    next piece waits on the network, not on the request's own code: never workerd's hung-request
    error (runtime/stalls.py)."""

    #: the ``Content-Length`` the client declared (``None``: sent chunked), which the body keeps
    #: when handed on (``fetch(url, {body: request.body})``, ``new Response(request.body)``)
    expected_length: int | None = None
    #: the ``bodyUsed`` of the Request whose body this is (its ``_BodyCell``): a read or a cancel
    #: of the stream uses the body up, as it disturbs workerd's stream (``text()`` then refuses it)
    owner: Any = None

    #: something waits for the whole body from synchronous code (:meth:`wait_whole`): every
    #: piece is taken in as it comes
    _wanted_whole = False
    #: what a wait for the whole body from where it cannot be waited for says
    _still_arriving = _STILL_ARRIVING

    def __init__(self) -> None:
        super().__init__()
        try:
            self._loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None

    async def next_value(self, give_up: Any = None, hold: bool = False, limit: int | None = None) -> Any:
        self._used()
        value = await super().next_value(give_up, hold, limit)
        if self._read_at and self._chunks:  # a piece read is not kept: only what waits unread is held
            self._chunks[self._read_at - 1] = b""
        return value

    def kept_bytes(self) -> int:
        """How many bytes of the body the server has taken in that no read has had yet."""
        return sum(len(chunk) for chunk in self._chunks or ())

    def wants_more(self) -> bool:
        """Whether the server takes in the next piece now: fewer than :data:`READ_AHEAD` bytes
        wait unread, or a whole read waits for every piece, or the body is over (canceled,
        ended: what comes is dropped)."""
        if not self._open or self._draining or self._wanted_whole or self._read_pending:
            return True
        chunks = self._chunks or []
        return sum(len(chunk) for chunk in chunks[self._taken:]) < READ_AHEAD

    async def read_on(self) -> None:
        """Wait for a change that may let :meth:`wants_more` say yes (a read, a close, a cancel)."""
        await self._next_change()

    def nudge(self) -> None:
        """Wake :meth:`read_on` to look again."""
        self._changed()

    def cancel(self, reason: Any = None) -> None:
        self._used()
        super().cancel(reason)

    def _used(self) -> None:
        if self.owner is not None:
            self.owner.used = True

    async def _next_change(self) -> None:
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        await waiter

    def received(self, data: bytes) -> None:
        """A piece of the body came: readers get it. One the Worker's code canceled the body
        before is dropped, as the rest of a canceled body is."""
        if self._canceled is None and self._open:
            self.push(data)

    def ended(self, error: BaseException | None = None) -> None:
        """The body is complete (``error``: cut off with it)."""
        if self._open:
            self.close(error)

    def wait_whole(self) -> None:
        """From synchronous code: wait until every piece is in (the loop goes on meanwhile)."""
        if not self._open:
            return
        if not can_run_sync() or not self._on_its_loop():
            raise NotEmulatedError(self._still_arriving)
        self._wanted_whole = True
        self._changed()  # the server takes every piece in from now on
        run_sync(self._until_closed())

    def _on_its_loop(self) -> bool:
        """Whether the caller runs on the loop the body arrives on, which ``run_sync`` drives from
        inside (from another thread, the wait would block the loop that brings the body: refused)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        return loop is self._loop and _drivable(loop)

    async def _until_closed(self) -> None:
        while self._open:
            await self._next_change()


def whole(live: Any) -> None:
    """Before a synchronous read of ``live`` as a whole: an incoming body still arriving is
    waited for (anything else is left to its own rules)."""
    if isinstance(live, IncomingBody):
        live.wait_whole()


@dataclass
class Upload:
    """The request body as the server receives it (``receive``, ASGI's), each piece handed to
    ``body`` as the Worker's reads want it (:meth:`_demand`); :meth:`pump` then goes on to watch
    for the client hanging up."""

    receive: Receive
    body: IncomingBody
    limit: int
    received: int = 0
    complete: bool = False
    #: the client hung up mid-body
    lost: bool = False
    #: the answer is done with the body: the rest is taken in as it comes (see :meth:`rest_in`)
    discarding: bool = False
    _progress: asyncio.Event = field(default_factory=asyncio.Event)

    def discard(self) -> None:
        """The answer is done with the body: what still comes is taken in without waiting for reads."""
        self.discarding = True
        self.body.nudge()

    async def _demand(self) -> None:
        """Wait until the next piece is wanted: no more than :data:`READ_AHEAD` bytes are taken in
        ahead of the Worker's reads, so a slow reader holds the client back rather than filling
        memory (uvicorn stops reading the socket while ``receive()`` is not called). A client
        hanging up meanwhile is heard of at the next ``receive()``: a paused socket is not read,
        so not even its end is seen."""
        while not (self.discarding or self.body.wants_more()):
            await self.body.read_on()

    async def pump(self) -> str:
        """Receive the body, then wait for the client to hang up: ``"lost"`` (it hung up
        mid-body: the body's readers meet ``Error: Network connection lost.``), ``"too large"``
        (over ``limit``; the body is left open for the caller to end), ``"gone"`` (it hung up once the body was in), ``"done"`` (the response
        is complete, or the caller's ``receive()`` answered something else)."""
        while not self.complete:
            if self.received:  # (the first receive() at once: it answers an ``Expect: 100-continue``)
                await self._demand()
            try:
                message = await self.receive()
            except Exception:  # noqa: BLE001 - no word of the client: the body is cut off
                message = {"type": "http.disconnect"}
            if message.get("type") != "http.request":
                self.lost = True  # before the body's readers hear of it
                self.body.ended(JsException(CONNECTION_LOST))
                self._moved()
                return "lost"
            data = message.get("body", b"")
            self.received += len(data)
            if self.received > self.limit:  # the caller cuts the request off, then ends the body
                self._moved()
                return "too large"
            if data:
                self.body.received(bytes(data))
            if not message.get("more_body", False):
                self.complete = True
                self.body.ended()
            self._moved()
        try:
            return "gone" if (await self.receive()).get("type") == "http.disconnect" else "done"
        except Exception:  # noqa: BLE001 - no word of the client: it is taken as still there
            return "done"

    def _moved(self) -> None:
        self._progress.set()

    async def rest_in(self, grace: float = UPLOAD_GRACE) -> bool:
        """After the answer: wait for the rest of the body while it keeps coming (no gap over
        ``grace``); whether it is all in."""
        while not self.complete:
            self._progress.clear()
            try:
                await asyncio.wait_for(self._progress.wait(), grace)
            except asyncio.TimeoutError:
                return self.complete
        return True
