"""``TransformStream`` (and workerd's ``IdentityTransformStream``) and ``new ReadableStream(source)``:
a body written while it is read.

The streaming pattern of Workers: make a ``TransformStream``, hand its ``readable`` to
``new Response(...)`` at once, and write to ``writable.getWriter()`` from a task that goes on
after the handler returns (``ctx.waitUntil`` or a plain task), closing the writer at the end.
Here the chunks go through a :class:`LiveByteStream`: ``workers-env dev`` sends each chunk as
it is written (a chunked response, as ``wrangler dev`` streams it), ``worker.fetch`` reads the
body as it is written, and a reader (``getReader().read()``, ``async for``) gets the chunks as
they come. A write resolves once a read has taken its chunk, as workerd's do (no buffering:
identity-transform-stream.c++ ``writeHelper``; a JavaScript ``TransformStream``'s write waits
for a read's pull while its readable side's highWaterMark is 0, standard.c++
``TransformStreamDefaultController::write``), so a write (or an awaited ``pipeTo``) nothing
will read is workerd's hung-request error (runtime/stalls.py), as is a body whose writer can no
longer be closed. ``new ReadableStream(source)`` fills the same kind of stream from the
source's ``start``/``pull``: asked as workerd asks it (``pullIfNeeded``, standard.c++) once
``start`` settles and whenever a read finds nothing or fewer chunks than its highWaterMark wait,
its ``pull`` run as code of the stream's request whichever task reads it, and a read it leaves
empty checked by the same rule. The texts and error rules were checked with probes under
``wrangler dev`` 4.164.0 and against workerd's sources.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import inspect
import logging
import math
import weakref
from typing import Any

from workers_env._loglevel import WORKERD_WARNING
from workers_env._errors import JsException, NotEmulatedError, add_hint
from workers_env._jsvalues import BigInt, ByteStream, is_safe_int, js_number
from workers_env.runtime.byidentity import WeakIdentitySet
from workers_env.runtime.chunklog import ChunkLog
from workers_env.runtime.current import (
    acting_for,
    adopt_task,
    counts_task,
    current_context,
    current_runtime,
    scheduled_by,
)
from workers_env.runtime.heldreads import HeldRead, HeldReads
from workers_env.runtime.jsbase import JsProxy, js_text, js_type_error
from workers_env.runtime.jsbuffers import READ_BUFFER_SIZE, JsBufferSource, read_buffer_view
from workers_env.runtime.jsnumbers import to_number
from workers_env.runtime.jspromise import JsPromise, microtask, rejection
from workers_env.runtime.jsproxy import JsArray, JsObject, JsTypedArray, js_null
from workers_env.runtime.jsreadable import (
    ONE_READ_AT_A_TIME,
    READER_LOCKED,
    READER_RELEASED,
    RELEASE_WHILE_READING,
    TEE_LOCKED,
    JsgObject,
    JsReadableStream,
    byob_mode,
    byob_not_emulated,
)
from workers_env.runtime.stalls import HANGING, wait
from workers_env.runtime.tracebacks import as_rejection
from workers_env.runtime.webloop import (
    PyodideFuture,
    begun_at_once,
    js_call,
    kept_promise,
    promise_instead,
)

__all__ = ["HANGING", "READER_RELEASED", "STILL_WRITTEN", "ByteSink", "buffer_of", "open_sources", "JsTransformStream", "JsWritableStream", "LiveByteStream", "cancel_error",
           "count_bytes", "live_readable", "live_source", "readable_stream_class", "refuse_queuing_strategy",
           "strategy_mark", "transform_stream_class"]

_MISSING: Any = object()
#: the end of a stream, as :meth:`LiveByteStream.next_value` says it (a chunk may be ``None``: ``undefined``)
END: Any = object()
_NOT_BYTES = "This ReadableStream did not return bytes."
#: workerd's internal writable given neither bytes nor a string (internal.c++ ``write``)
_NOT_A_BYTE_CHUNK = ("This TransformStream is being used as a byte stream, but received an object of "
                     "non-ArrayBuffer/ArrayBufferView type on its writable side.")
#: a stream whose writer is still open, read whole where workers-env cannot wait for it
STILL_WRITTEN = ("a ReadableStream still being written (a TransformStream's or FixedLengthStream's readable, a "
                 "pipe's destination) read whole at once is not emulated by workers-env: pass it as an argument of "
                 "an async binding method, which reads it as it is written, or read it first (await "
                 "Response.new(stream).arrayBuffer()) and pass the bytes; awaiting the pipe (or the writes) first "
                 "would hang, as nothing reads the stream meanwhile")
#: workerd's writer after ``releaseLock()`` (writable.c++ ``WritableStreamDefaultWriter``)
_WRITER_RELEASED = "This WritableStream writer has been released."
#: a writer's write or close once its stream closed -- or, for an internal stream, errored:
#: workerd detaches an internal stream's writer then (internal.c++ ``doError`` drops the
#: ``WriterLocked``, whose destructor detaches it) and the writer refuses (writable.c++)
_CLOSED = "This WritableStream has been closed."
#: a JavaScript ``TransformStream``'s write while its close is queued (standard.c++ ``WritableImpl::write``)
_CLOSING_WRITE = "This ReadableStream is closed."
#: its second ``close()`` while the first is queued (standard.c++ ``WritableImpl::close``)
_CLOSING_CLOSE = "Cannot close a writer that is already being closed"
#: a JavaScript ``TransformStream``'s writes still waiting when its readable side is canceled
#: (standard.c++ ``TransformStreamDefaultController::enqueue``)
_NO_LONGER_READABLE = "The readable side of this TransformStream is no longer readable."
_ONE_READ_AT_A_TIME = ONE_READ_AT_A_TIME
_RELEASE_WHILE_READING = RELEASE_WHILE_READING
#: what an internal stream's reader meets once the writer aborted while a write waited for a
#: read (identity-transform-stream.c++: the canceled write leaves a ``DISCONNECTED`` error)
_CONNECTION_LOST = "Network connection lost."


#: every live stream not yet collected: binding calls look for open ones in their arguments
#: only while there is any (:func:`open_sources`), so the usual call pays nothing for it
_MADE: weakref.WeakSet[LiveByteStream] = weakref.WeakSet()

#: values :func:`open_sources` need not look into
_SCALARS = frozenset({int, float, str, bool, type(None)})


class LiveByteStream(ByteStream):
    """Chunks a writer adds over time; closed (or errored) once. Readers wait for more, and a
    write waits until its chunk has been taken (by a reader, or by a whole read of the body)."""

    #: a body method (``text()``...) of the Request or Response over it reads it whole now: the
    #: body is used and its stream locked from that call on, as JavaScript's (not the runtime's
    #: own whole reads, which Worker code does not see)
    body_read = False

    def __init__(self) -> None:
        super().__init__([])
        self._chunks = ChunkLog()  # type: ignore[assignment]  # indexed as a list, its read prefix dropped
        self._open = True
        self._error: Any = None
        self._read_at = 0  # chunks already handed to a live reader
        self._taken = 0  # chunks taken off the writer's hands (read, or kept for a whole read)
        #: a ``ReadableStream``'s ``pull(controller)`` (see :meth:`pull_if_needed`)
        self.puller: Any = None
        #: how many chunks waiting unread the source is asked to keep (its queuing strategy's); a
        #: ``TransformStream``'s or internal stream's: its writable side's (``writableStrategy``)
        self.high_water_mark = 1
        self._pulling = False
        #: asked for more while a pull ran: asked again once it settles (the spec's ``pullAgain``)
        self._pull_again = False
        #: the task of a ``start(controller)`` not settled yet: no pull before it is
        self.started: Any = None
        #: what a write meets once the readable side was canceled (its reason)
        self._canceled: BaseException | None = None
        self._aborted = False  # the writer's abort(): writes still waiting fail with its reason
        #: a write or close has met the cancel: an internal stream's writable learns of it only
        #: then (identity-transform-stream.c++ ``cancel``: "TODO(conform): Proactively put
        #: WritableStream into Errored state"), so its writer's ``closed`` rejects from then on
        self._cancel_met = False
        #: what waits for any change (a read for the next chunk, ``ready``, ``closed``)
        self._waiters: list[asyncio.Future[Any]] = []
        #: the writes waiting for a read to take their chunk, ``(index, n, future)`` by index: a
        #: read wakes only those it satisfies (waking every one made n un-awaited writes O(n^2))
        self._deliveries: list[tuple[int, int, asyncio.Future[Any]]] = []
        self._delivery_count = 0
        self._ctx = current_context()  # the request whose code writes and reads it (runtime/stalls.py)
        #: a read waits for the next chunk (a write hands its chunk over at once, as workerd's
        #: does to a pending read); ``_draining``: a whole read of the body takes every chunk
        self._read_pending = False
        self._draining = False
        #: how many bytes the read waiting can take (``None``: a whole chunk), see :meth:`next_value`
        self._read_limit: int | None = None
        #: how many bytes of chunk ``_read_at`` reads have taken already (an internal stream's read
        #: takes at most its buffer's size of a chunk: the rest waits for the next read)
        self._piece_at = 0
        self._consumer: Any = None  # the last task outside the request that read it (the response's)
        #: a ``TransformStream`` before ``fixup-transform-stream-backpressure`` (2024-12-16):
        #: back-pressure is set once at the start and lifted by the first read's pull, never
        #: set again (standard.c++ ``TransformStreamDefaultController::write``), so from then
        #: on each chunk is passed to the readable's queue at once and its write resolves
        self.backpressure_once = False
        self._pulled = False
        _MADE.add(self)

    #: :meth:`hold` waiting for a read to make room in its buffer
    _room: asyncio.Future[Any] | None = None
    #: the chunks before this index were read and taken, and let go of (:meth:`_release`)
    _released = 0
    #: each chunk's size, for a ``new ReadableStream`` whose strategy has a ``size`` or whose
    #: source is ``type: "bytes"`` (its byte length); ``None``: each chunk counts 1
    sizes: ChunkLog | None = None

    #: a ``TransformStream``'s ``writableStrategy.size`` (``None``: each chunk counts 1)
    write_size: Any = None
    #: an internal stream made with a ``highWaterMark``: its writer's ``desiredSize`` counts
    #: bytes waiting, and each write or completed write that leaves it at 0 or below gives the
    #: writer a new pending ``ready`` (internal.c++ ``adjustWriteBufferSize``)
    counts_bytes = False
    #: how many times such a stream's writer got a new pending ``ready``
    ready_replaced = 0

    def desired_size(self) -> int:
        """workerd's ``desiredSize``: the highWaterMark less what waits unread, as the C ``int``
        its queue's ``ssize_t`` is cut to (queue.h ``desiredSize``, standard.c++
        ``getDesiredSize``): 32 bits, wrapping -- a ``size`` of 2**32 leaves it where it was.
        The writable side's likewise (standard.c++ ``WritableStreamJsController::getDesiredSize``,
        internal.c++ ``getDesiredSize``), while its back-pressure reads :meth:`room` whole."""
        return ((self.room() + 2**31) & 0xFFFFFFFF) - 2**31

    def room(self) -> int:
        """The highWaterMark less what waits unread, uncut (workerd's ``ssize_t``/``int64_t``):
        back-pressure while it is 0 or below (standard.c++ ``updateBackpressure``)."""
        return self.high_water_mark - self.queued()

    def queued(self) -> int:
        """How much waits unread, against the highWaterMark: the chunks, or their sizes (workerd's
        queue ``size()``, standard.c++ ``getDesiredSize``)."""
        written = len(self._chunks or [])
        if self.sizes is None:
            return written - self._taken
        return sum(self.sizes[self._taken:written])
    #: a FixedLengthStream's close short of its length: its readable side's error, not its writer's
    _short: Any = None
    #: what the readable side meets instead of the abort's reason (see :data:`_CONNECTION_LOST`)
    _readable_error: Any = None
    #: the writer's ``close()`` has completed (every chunk taken): from then on a JavaScript
    #: ``TransformStream``'s writer refuses with "has been closed", not the texts of a queued close
    _close_done = False
    #: an internal stream's writable errored by the cancel a write or close met (see :func:`_meeting_cancel`)
    writer_detached = False
    #: the writer's ``close()`` was called: an internal stream's writes are refused as closed
    #: from then on, even while that close fails with a cancel's error (internal.c++ ``isClosedOrClosing``)
    close_requested = False
    #: a JavaScript ``TransformStream`` whose start has not settled yet (the turn that made it):
    #: no write is in flight, every one is still queued
    start_pending = False
    #: an internal stream's state as its reads found it (see :func:`_reader_closed`): ``True``
    #: a read met its end (or it was canceled), an error a read met it
    _read_outcome: Any = None
    #: how many times back-pressure began (a chunk written while none waited): a JavaScript
    #: stream's writer gets a new ``ready`` promise each time (standard.c++ ``updateBackpressure``)
    backpressure_began = 0
    #: a JavaScript ``TransformStream``'s writer aborted while a write is in flight: the abort's
    #: reason, kept until the stream errors (the spec's "erroring" state, standard.c++
    #: ``startErroring``): the in-flight write waits for a read (which then fails it), ``ready``
    #: rejects, new writes are refused, ``desiredSize`` still counts the chunks
    erroring: Any = None
    #: a JavaScript ``TransformStream`` whose writable side a ``size`` that threw errored: its
    #: readable side is not errored (the spec errors the writable alone, no sink abort runs), so a
    #: read finds no chunk and waits for ever -- workerd's hang check ends it (a wrangler dev probe)
    readable_left_open = False
    #: the readable side was canceled while the stream was erroring: the abort's reason, which a
    #: ``close()`` queued behind the write in flight rejects with (the spec's ``FinishErroring``)
    erroring_canceled: Any = None
    #: a JavaScript ``TransformStream``'s: a read of a write in flight settles a promise's reaction
    #: later, as the transform runs (see :mod:`heldreads`)
    holds_reads = False
    #: its reader's reads held (:mod:`heldreads`), if any
    held: HeldReads | None = None
    #: an internal stream's held read that took the last piece of a write, and that chunk's index:
    #: workerd resolves the write an I/O turn after the read took it (the read's ``awaitIo``), so
    #: the writer's abort in the read's turn still fails it (see :meth:`delivered`)
    held_take: tuple[int, HeldRead] | None = None
    #: the write so failed: its chunk's index and the abort's reason
    _write_failed: tuple[int, Any] | None = None
    #: a JavaScript ``TransformStream`` canceled with writes waiting: how many chunks were written
    #: then and which was in flight -- a write among them fails as :meth:`cancel` failed the
    #: waiting ones, also one that was not waiting at that moment (woken by a ``close()``)
    _waiting_at_cancel: tuple[int, int] | None = None
    #: a JavaScript ``TransformStream`` canceled with a write in flight: the ``TypeError`` that write
    #: failed with, once it has -- the writer's ``ready`` is then replaced by a promise rejected with
    #: it, while ``closed`` and later writes get the cancel's reason. Until that write fails ``ready``
    #: is resolved: the cancel errors the writable and resolves the ``ready`` it had, the failing
    #: write errors it again (standard.c++ ``WritableStreamJsController::doError``, then
    #: ``finishInFlightWrite``: ``startErroring``, ``maybeRejectReadyPromise``; wrangler dev 4.164.0
    #: probes: a reader's ``cancel()``, the body pump's when its client has gone)
    ready_error: BaseException | None = None
    #: the index of that write in flight, until it fails
    _ready_fails_with: int | None = None

    #: an internal stream (workerd's ``ReadableStreamInternalController``): a read fills a 4 KiB buffer
    #: of its own with at most that much of a chunk (see :meth:`next_value`), a JavaScript stream's
    #: read gives the chunk as it was written
    read_buffered = False

    @property
    def closed(self) -> bool:
        return not self._open

    def met_cancel(self) -> BaseException:
        """The cancel's error, which a write or close of the writer meets now."""
        assert self._canceled is not None
        if not self._cancel_met:
            self._cancel_met = True
            self._changed()  # a ``closed`` waiting rejects
        return self._canceled

    def refusal(self) -> BaseException | None:
        """What a write meets now, if anything: the cancel's error, an abort's (or a pipe's
        source error's: the stream errored, internal.c++ ``write``'s ``Errored`` case), or
        ``This WritableStream has been closed.`` once closed or closing."""
        if self._canceled is not None:
            return self.met_cancel()
        if self._open:
            return None
        if self._aborted or (self._error is not None and self._error is not self._short):
            return _error_of(self._error)
        return js_type_error("This WritableStream has been closed.")

    def refuse(self) -> None:
        """Raise what a write meets now, if anything (:meth:`refusal`)."""
        refusal = self.refusal()
        if refusal is not None:
            raise refusal

    def push(self, chunk: Any, size: int = 1) -> int | None:
        """Add ``chunk``; its index, for :meth:`delivered`. ``size``: what it counts against the
        highWaterMark, where the stream keeps sizes (:attr:`sizes`)."""
        if self._canceled is not None or not self._open:  # (else nothing to refuse: no call a chunk)
            self.refuse()
        chunks = self._chunks
        assert chunks is not None
        sizes = self.sizes
        plain = sizes is None and self.high_water_mark == 1
        had_room = plain or self.room() > 0
        chunks.append(chunk)
        if sizes is not None:
            sizes.append(size)
        index = len(chunks) - 1
        if (index == self._taken) if plain else (had_room and self.room() <= 0):
            self.backpressure_began += 1  # back-pressure begins (a pending read lifts it at once)
        if self.counts_bytes and self.room() <= 0:
            self.ready_replaced += 1
        if self._pulled or self._draining or (self._read_pending and self._taken == index and (
                self._read_limit is None or len(chunk) <= self._read_limit)):
            self._read_pending = False
            self._take(index + 1)  # a read was waiting for it: taken as it is written (a bigger one
            # than an internal stream's read holds is taken by the reads of its pieces, see next_value)
        self._changed()
        if self.puller is not None:  # (none to ask: no call a chunk)
            self.pull_if_needed()  # workerd's enqueue ends with pullIfNeeded
        return index

    def close(self, error: Any = None) -> None:
        self._open, self._error = False, error
        self._wake_all()

    def abort(self, error: Any) -> None:
        """The writer's ``abort()``: errored, and writes still waiting fail with ``error``."""
        self._aborted = True
        self.close(error)

    def finish_erroring(self) -> None:
        """A read came while the writer's abort waited for the write in flight: that write fails
        with the abort's reason (the spec's TransformStreamDefaultSinkWriteAlgorithm finds the
        writable erroring), then the ones queued behind it, and the readable side errors with it
        (``finishErroring``, then the sink's abort algorithm), so the read rejects."""
        reason, self.erroring = self.erroring, None
        if reason is None or self._aborted or not (self._open or _closing(self)):
            return
        self._fail_deliveries(lambda: _error_of(reason))
        self.abort(reason)

    def cancel(self, reason: Any = None) -> None:
        """The readable side canceled: what was not read yet is dropped (also after the writer
        closed), readers see the end, and a write from now on fails with ``reason`` (workerd's ``Stream was cancelled.``
        when none is given, internal.c++ ``reasonToException``) -- as do the writes still
        waiting for a read, and a ``close()`` queued behind them (identity-transform-stream.c++
        ``cancel`` rejects the pending write; the spec's TransformStream errors its writable)."""
        if self._error is not None:
            return  # an errored stream stays errored
        self.settle_held()  # (its reader's cancel took its reads back first)
        if self._read_outcome is None:
            self._read_outcome = True  # its reader's ``closed`` resolves (the spec's ReadableStreamCancel)
        if self._open or self._taken < len(self._chunks or []):
            internal = isinstance(self, ByteSink)
            erroring, self.erroring = self.erroring, None  # an abort waiting for the write in flight: that write fails here
            self._canceled = cancel_error(reason) if internal or reason is not None else undefined_reason()
            self._open = False
            if not internal and self.start_pending:  # writes made before its start settled: they resolve
                self._take(len(self._chunks or []))  # (a wrangler dev probe), their chunks dropped below
            elif not internal:  # the spec's TransformStream: its waiting writes (and a close behind
                # them) fail at the enqueue of the readable side that is gone -- when an abort waited
                # for the write in flight, only that write: the stream then errors with the abort's
                # reason, which the writes queued behind it and a close meet (``FinishErroring``;
                # a wrangler dev probe)
                if erroring is not None:
                    self.erroring_canceled = erroring
                    self._fail_deliveries(lambda: _error_of(erroring), after=self._taken)
                elif self._taken < len(self._chunks or []):  # a write in flight: ``ready`` rejects with its error
                    self._ready_fails_with = self._taken  # once it fails (see ``delivered``)
                self._fail_deliveries(lambda: js_type_error(_NO_LONGER_READABLE))
                self._waiting_at_cancel = (len(self._chunks or []), self._taken)
        if self._chunks is not None:  # chunks written but not read yet are dropped, as the spec's ResetQueue
            self._chunks = ChunkLog()  # type: ignore[assignment]
            if self.sizes is not None:
                self.sizes = ChunkLog(blank=0)
            self._read_at = self._taken = self._piece_at = self._released = 0
        self._wake_all()

    def settle_held(self) -> None:
        """Settle the reads held now (see :mod:`heldreads`), before the stream changes under them."""
        held = self.held
        if held is not None and held.reads:
            held.settle()

    def settle_one(self, read: HeldRead) -> None:
        """A held read settles: a JavaScript ``TransformStream``'s chunk is taken off the
        writer's hands now (its write resolves) -- unless the writer's abort came in the read's
        turn: the transform then finds the stream erroring, which fails the write in flight and
        the read with the abort's reason (standard.c++, the spec's
        TransformStreamDefaultSinkWriteAlgorithm; a wrangler dev probe)."""
        index = read.index
        if index >= 0:
            if self.erroring is not None:
                self._read_at = index
                self.finish_erroring()
            if self._aborted:
                read.set_exception(_error_of(self._readable_error if self._readable_error is not None
                                             else self._error))
                return
            self._take(index + 1)
        read.set_result(read.outcome)

    def _fail_deliveries(self, error: Any, after: int = -1) -> None:
        """The writes waiting for chunks past index ``after`` fail with ``error()`` each."""
        kept = [entry for entry in self._deliveries if entry[0] <= after]
        for index, _n, waiter in self._deliveries:
            if index > after and not waiter.done():
                waiter.set_exception(error())
        heapq.heapify(kept)
        self._deliveries = kept

    def drop_queued(self) -> None:
        """A JavaScript ``TransformStream``'s writer released: the writes queued behind the one in
        flight fail with the released writer's ``TypeError`` and their chunks are dropped; the one
        in flight goes on (standard.c++ ``releaseWriter``: ``cancelPendingWrites``)."""
        self.settle_held()
        chunks = self._chunks or []
        in_flight = 0 if self.start_pending else 1  # none before its start settled: every write is queued
        if len(chunks) <= self._taken + in_flight:
            return
        self._fail_deliveries(lambda: js_type_error(_WRITER_RELEASED), after=self._taken + in_flight - 1)
        del chunks[self._taken + in_flight:]
        if self.sizes is not None:
            del self.sizes[self._taken + in_flight:]

    def _take(self, upto: int) -> None:
        """Chunks up to ``upto`` (excluded) have been taken by a read: their writes resolve."""
        if upto <= self._taken:
            return
        self._taken = upto
        self._release()
        if self.counts_bytes and self.room() <= 0:
            self.ready_replaced += 1
        deliveries = self._deliveries
        while deliveries and deliveries[0][0] < upto:
            _wake(heapq.heappop(deliveries)[2], True)
        self._changed()  # ``ready`` may resolve now

    def _release(self) -> None:
        """Let go of the chunks both read and taken, which nothing reads again (:meth:`take`
        gives what reads have not had): a long stream read as it is written holds the chunks
        waiting, not every chunk it carried -- nor a slot for each (:class:`ChunkLog`), as
        indices count the chunks written; a sized stream's sizes likewise."""
        chunks = self._chunks
        if chunks is None:
            return
        start, upto = self._released, min(self._read_at, self._taken, len(chunks))
        if upto <= start:
            return
        if type(chunks) is ChunkLog:
            chunks.release(start, upto)
            if self.sizes is not None:
                self.sizes.release(start, upto)
        else:  # (a body whose chunks were cut: it errored)
            for index in range(start, upto):
                chunks[index] = _RELEASED
        self._released = upto

    def _changed(self) -> None:
        """Wake what waits for any change (not the writes: :meth:`_take` wakes each of those)."""
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            _wake(waiter)

    def _wake_all(self) -> None:
        """The stream ended, errored or was canceled: every wait looks again."""
        deliveries, self._deliveries = self._deliveries, []
        for _index, _n, waiter in deliveries:
            _wake(waiter)
        self._changed()

    async def _next_change(self) -> None:
        """Wait until a chunk is written or taken, or the stream ends; workerd's hung-request
        error when nothing could do that any more."""
        waiter = _waiter()
        self._waiters.append(waiter)
        await wait(waiter, self._ctx)

    async def delivered(self, index: int | None) -> None:
        """Wait until chunk ``index`` (``None``: none written) has been taken by a read, as a
        workerd write's promise does; a canceled stream's reason (or an abort's) fails it."""
        if index is None:
            return
        try:
            while self._taken <= index:
                if self._canceled is not None:
                    waiting = self._waiting_at_cancel
                    if waiting is not None and index < waiting[0]:  # it was waiting: failed as the others
                        if self.erroring_canceled is not None and index > waiting[1]:
                            raise _error_of(self.erroring_canceled)
                        raise js_type_error(_NO_LONGER_READABLE)
                    raise self.met_cancel()
                if self._aborted:
                    raise _error_of(self._error)
                if index >= len(self._chunks or []):
                    return  # dropped unread by a cancel after the close: nothing left to wait for
                waiter = _waiter()
                self._delivery_count += 1
                heapq.heappush(self._deliveries, (index, self._delivery_count, waiter))
                if await wait(waiter, self._ctx):
                    break  # taken (a cancel right after may have reset the count: it stays written)
        except Exception as exc:
            if index == self._ready_fails_with:  # the write in flight at a cancel: ``ready`` rejects from now on
                self._ready_fails_with, self.ready_error = None, exc
                self._changed()
            raise
        failed = self._write_failed
        if failed is not None and failed[0] == index:  # taken by a read whose turn the writer's abort came in
            raise _error_of(failed[1])

    async def all_delivered(self) -> None:
        """Wait until every chunk written so far has been taken (what ``close()`` waits for)."""
        await self.delivered(len(self._chunks or []) - 1 if self._chunks else None)

    def take(self) -> list[bytes]:
        """Every chunk no reader has had yet, once the writer has closed (as ``new Response(stream)``
        reads it, a binding's pump of a JavaScript stream a released reader read from goes on): what
        reads took -- chunks, and pieces of one -- is not given again."""
        if self._open:
            raise NotEmulatedError(STILL_WRITTEN)
        if self._error is None:
            self._take(len(self._chunks or []))  # may error the stream (a FixedLengthStream's count)
        if self._error is not None:
            raise _error_of(self._readable_error if self._readable_error is not None else self._error)
        chunks: list[Any] = super().take()
        start, at = self._read_at, self._piece_at
        if start or at:
            chunks = chunks[start:]
            if at and chunks:
                chunks[0] = memoryview(chunks[0])[at:]
        return [_bytes_of(c) for c in chunks]

    async def _want_more(self, seen: int, ask: bool = True) -> None:
        """A reader found no chunk past ``seen``: the source is asked (``ask``: once a read, as
        workerd's consumer asks its controller), then the read waits for a chunk or the end; it
        fails as workerd does when nothing is left that could add one or close (a ``pull`` that
        settled having enqueued nothing is not asked again until a chunk is enqueued or another
        read comes, so the read waits for other code of the request: a timer, a task holding the
        controller; runtime/stalls.py)."""
        if self.started is not None:
            if not isinstance(self.started, asyncio.Future):  # made where no loop ran: started now
                self.start_with(self.started)
            await asyncio.wait((self.started,))  # its settling asks the source for this read
            return
        if ask:
            self.pull_if_needed()
        if self._open and len(self._chunks or []) <= seen:
            await self._next_change()

    def start_with(self, started: Any) -> None:
        """``start(controller)`` returned ``started`` (an awaitable): no pull until it settles,
        then the source is asked as workerd asks it after ``start`` (``ReadableImpl::start``)."""
        task = asyncio.ensure_future(started)
        self.started = task

        def settled(_: Any) -> None:
            self.started = None
            self.pull_if_needed()

        task.add_done_callback(settled)

    def pull_if_needed(self) -> None:
        """workerd's ``pullIfNeeded`` (standard.c++): once ``start`` has settled and while the
        stream is open, ``pull`` is asked when a read waits or :meth:`desired_size` is above 0
        (fewer chunks than the highWaterMark, 1 by default, wait unread) -- so one chunk ahead
        of the reads; a pull
        still running is asked again once it settles (``pullAgain``), which is a promise's
        reaction for a ``pull`` that returns at once."""
        if self.puller is None or self.started is not None or not self._open:
            return
        if not (self._read_pending or self._draining or self.desired_size() > 0):
            return
        if self._pulling:
            self._pull_again = True
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a stream made outside any event loop: asked at its first read
            return
        self._pulling = True
        result = self._as_request_code(self.puller)
        if isinstance(result, JsPromise):  # a JavaScript promise's reaction: a microtask once it settles, so
            # a pull asked again meanwhile is made before a read it fed resumes (as workerd: audit24)
            result._on_settle(lambda: microtask(lambda: self._pull_reacted(result)))
        elif isinstance(result, asyncio.Future):
            result.add_done_callback(self._pull_settled)
        else:
            loop.call_soon(self._pull_settled, None)

    def _pull_reacted(self, promise: JsPromise) -> None:
        """``pull``'s promise settled: a rejection errors the stream (as ``await``ing it raises)."""
        if promise._state == "rejected" and not self.closed:
            _error_stream(self, as_rejection(rejection(promise._value)))
        self._pull_settled(None)

    def _pull_settled(self, _: Any) -> None:
        self._pulling = False
        if self._pull_again:
            self._pull_again = False
            self.pull_if_needed()

    def _as_request_code(self, call: Any) -> Any:
        """``call()`` (a source's ``pull``) as code of the request the stream belongs to,
        whichever task reads it (the dev server's, ``worker.fetch``'s reader): in its scope, its
        timers and tasks the request's, as in workerd, where the stream's IoContext runs it; a
        coroutine it returns runs as a task (of the request)."""
        ctx = self._ctx
        scope = getattr(ctx, "_scope", None)
        with (acting_for(ctx) if ctx is not None else contextlib.nullcontext()), \
                (scope if scope is not None else contextlib.nullcontext()):
            result = call()
            return asyncio.ensure_future(result) if asyncio.iscoroutine(result) else result

    async def settle(self) -> None:
        """Read the stream to its end as a body is read whole (``text()``, a binding given it),
        keeping the chunks for :meth:`take`: each write is taken as it comes, so the writer
        goes on; each time the chunks run out, the source is asked for more."""
        self._reading()
        self._draining = True
        asked = -1
        try:
            while True:
                written = len(self._chunks or [])
                self._take(written)
                if not self._open:
                    return
                await self._want_more(written, ask=written != asked)  # each read asks once
                asked = written
        finally:
            self._draining = False

    async def hold(self, limit: int, size: int) -> None:
        """Read the stream to its end as a client reading a response does, into a buffer the
        stream's own reads then read from: each chunk is taken off the writer's hands (its write
        resolves) while fewer than ``limit`` chunks and ``size`` bytes wait unread there; then the
        writer waits until a read takes one, as for a client that stopped reading (a wait outside
        the request, so no hung request). A cancel of the stream ends it."""
        self._reading()
        asked = -1
        before = ChunkLog([0], blank=0)  # before[i]: the bytes of the chunks ahead of chunk i
        freed = 0  # the sums below this one let go of (the chunks ahead of them read)
        while True:
            chunks = self._chunks or []
            written = len(chunks)
            del before[written + 1:]  # (the stream was reset: its chunks dropped)
            for chunk in chunks[len(before) - 1:written]:
                before.append(before[-1] + _size_of(chunk))
            upto, start = self._taken, min(self._read_at, written)
            before.release(freed, start)  # (the sums ahead of what was read are not needed again)
            freed = max(freed, start)
            while upto < written and upto - start < limit and before[upto] - before[start] < size:
                upto += 1
            self._take(upto)
            if not self._open:
                return
            if self._taken < written:  # the buffer is full: until a read takes a chunk
                waiter = _waiter()
                self._waiters.append(waiter)  # an end or a cancel wakes it, and a read (_room)
                self._room = waiter
                await waiter
                continue
            await self._want_more(written, ask=written != asked)  # each read asks once
            asked = written

    def _reading(self) -> None:
        """A read began. Before 2024-12-16 a ``TransformStream``'s first read lifts its
        back-pressure for good (see ``backpressure_once``). A read from a task not of the request (the dev server sending the response, the
        reader ``worker.fetch`` starts, a calling Worker's): that task is one the request's
        outcome waits for, so while it is busy elsewhere (a slow client) the request is not
        hung (runtime/stalls.py)."""
        if self.erroring is not None:
            self.finish_erroring()
        if self.backpressure_once and not self._pulled:
            self._pulled = True
            self._take(len(self._chunks or []))  # the waiting writes go on into the readable's queue
        if self._ctx is None:
            return
        task = asyncio.current_task()
        if task is None or task is self._consumer or counts_task(self._ctx, task):
            return
        self._consumer = task
        adopt_task(self._ctx, task, root=True)

    async def next_chunk(self) -> bytes | None:
        """The next chunk as bytes (``None`` at the end), as the body pump and a whole read
        need it: a chunk that is not a buffer is workerd's ``did not return bytes``."""
        chunk = await self.next_value()
        return None if chunk is END else _bytes_of(chunk)

    def _read_met(self, outcome: Any) -> Any:
        """A read met the end (``True``) or an error: what an internal stream's reader's
        ``closed`` settles with (internal.c++: its state becomes closed or errored at the read)."""
        if self._read_outcome is None:
            self._read_outcome = outcome
            self._changed()
        return outcome

    def _take_piece(self, size: int) -> bool:
        """A read took ``size`` bytes of chunk ``_read_at``, not all of what is left of it;
        ``False`` when that errored the stream instead (a ``FixedLengthStream`` past its length)."""
        return True

    async def next_value(self, give_up: Any = None, hold: bool = False, limit: int | None = None) -> Any:
        """The next chunk as it was written (:data:`END` at the end), what a JavaScript reader
        gets; none once the writer aborted, whose reason errors the readable side (chunks not
        read yet dropped). ``give_up()``, called each time the read looks, may raise instead
        (a reader released while its read waits). ``hold``: a ``TransformStream``'s chunk of a
        write in flight found at once is read but not taken, given as ``(_HELD, chunk, index)``
        (the read's promise is held, see :mod:`heldreads`). ``limit``: an internal stream's read,
        which takes at most that many bytes of a chunk (its buffer's size), the rest left for the
        next read and the chunk's write resolving once its last piece is read
        (identity-transform-stream.c++ ``readHelper``); a piece as a ``memoryview``."""
        self._reading()
        asked = False
        while True:
            if give_up is not None:
                give_up()
            if self._aborted:
                if self.readable_left_open:  # nothing will come, nor an end: a hung wait
                    await wait(asyncio.get_running_loop().create_future(), self._ctx)
                raise self._read_met(_error_of(self._readable_error if self._readable_error is not None
                                               else self._error))
            chunks = self._chunks or []
            if self._read_at < len(chunks):
                if hold and self._read_at >= self._taken and self.holds_reads:
                    self._read_at += 1
                    return (_HELD, chunks[self._read_at - 1], self._read_at - 1)
                at = self._piece_at
                if limit is not None and len(chunks[self._read_at]) - at > limit:
                    if not self._take_piece(limit):
                        continue  # it went past a FixedLengthStream's length: the stream errored
                    self._piece_at = at + limit
                    return memoryview(chunks[self._read_at])[at:at + limit]
                self._take(self._read_at + 1)  # may error the stream instead (a FixedLengthStream's count)
                chunks = self._chunks or []
                if self._read_at >= len(chunks):
                    continue
                chunk: Any = chunks[self._read_at]
                if self._piece_at:  # the last piece of a chunk read in pieces
                    chunk, self._piece_at = memoryview(chunk)[self._piece_at:], 0
                self._read_at += 1
                self._release()
                if self._room is not None:  # a held chunk read: :meth:`hold` takes one more
                    _wake(self._room)
                    self._room = None
                return chunk
            if not self._open:
                if self._error is not None:
                    raise self._read_met(_error_of(self._error))
                self._read_met(True)
                return END
            self._read_pending, self._read_limit = True, limit
            try:
                await self._want_more(len(chunks), ask=not asked)
            finally:
                self._read_pending, self._read_limit = False, None
            asked, hold = True, False


#: what stands in the place of a chunk let go of (:meth:`LiveByteStream._release`)
_RELEASED = b""
#: marks a chunk :meth:`LiveByteStream.next_value` read but did not take: ``(_HELD, chunk, index)``
_HELD: Any = object()


class ByteSink(LiveByteStream):
    """The writable side of workerd's internal streams (``IdentityTransformStream``,
    ``FixedLengthStream``; internal.c++ ``WritableStreamInternalController::write``): a string
    is written as its UTF-8 bytes, ``undefined`` and an empty buffer write nothing, anything
    else that is not bytes -- a Python ``bytes`` too, which reaches JavaScript as a PyProxy --
    is refused with workerd's ``TypeError`` (and its console warning,
    ``throwTypeErrorAndConsoleWarn``), not passed on to fail the reader, as a JavaScript
    ``TransformStream`` passes it."""

    read_buffered = True

    def __init__(self) -> None:
        super().__init__()
        runtime = current_runtime()
        #: ``internal_writable_stream_abort_clears_queue`` (see :meth:`_Writer.abort`)
        self.abort_clears_queue = runtime is None or runtime.internal_abort_clears_queue

    def refuse_when_done(self) -> None:
        """Closed, closing or errored: the write is refused before its chunk is looked at
        (internal.c++ ``write``); a cancel the writable learns only at the write, after that."""
        if self._canceled is None and not self._open:
            self.refuse()

    def push(self, chunk: Any, size: int = 1) -> int | None:
        self.refuse_when_done()
        data = self.chunk_bytes(chunk)
        if data:
            return super().push(data, len(data))
        if self._canceled is not None:
            self.refuse()  # the canceled stream's own error
        return None  # an empty write resolves at once (internal.c++ ``write``)

    @staticmethod
    def chunk_bytes(chunk: Any) -> bytes:
        if chunk is None:  # undefined
            return b""
        if isinstance(chunk, str):
            return chunk.encode("utf-8", "surrogatepass")
        data = buffer_of(chunk)  # (bytes too: the project's own chunks, a pipe's, a tee's)
        if data is not None:
            return data
        logging.getLogger("workers_env.runtime").warning(_NOT_A_BYTE_CHUNK, extra=WORKERD_WARNING)
        raise _with_hint(js_type_error(_NOT_A_BYTE_CHUNK), chunk) from None


class _PyProxyChunk:
    """A Python ``bytes``/``bytearray``/``memoryview`` that Worker code wrote to a stream (or
    enqueued) unconverted: Pyodide converts only ``int``, ``float``, ``str``, ``bool`` and
    ``None`` implicitly and proxies the rest, so JavaScript holds a PyProxy, not a buffer
    (Pyodide's type-conversions docs; the SDKs convert nothing on this path)."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value


def _crossed_chunk(chunk: Any) -> Any:
    """``chunk`` as a stream written by Worker code gets it from Pyodide (see :class:`_PyProxyChunk`)."""
    return _PyProxyChunk(chunk) if isinstance(chunk, (bytes, bytearray, memoryview)) else chunk


def _with_hint(error: JsException, chunk: Any) -> JsException:
    """``error`` (workerd's text, unchanged), with a note saying how to write a Python buffer."""
    if isinstance(chunk, _PyProxyChunk):
        kind = type(chunk.value).__name__
        add_hint(error, f"workers-env: a Python {kind} reaches JavaScript as a PyProxy, not a Uint8Array (Pyodide "
                       "converts only int, float, str, bool and None); write to_js(data) (from pyodide.ffi), which is one")
    return error


def _waiter() -> asyncio.Future[Any]:
    """A future only the stream's own code waits on (a read for a chunk, a write for its read):
    in Worker code the ``PyodideFuture`` the loop's ``create_future()`` makes there, without the
    done callback that names Pyodide's loop in its repr (runtime/unhandled.py's ``WebLoop``), which
    no one sees here and which cost a callback on the loop each time one settled -- every chunk."""
    loop = asyncio.get_running_loop()
    return PyodideFuture(loop=loop) if current_runtime() is not None else loop.create_future()


def _wake(waiter: asyncio.Future[Any], taken: bool | None = None) -> None:
    if not waiter.done():
        waiter.set_result(taken)


#: ``isinstance(chunk, JsBufferSource)`` without the proxy metaclass's ``__instancecheck__`` (a Python
#: call, twice a chunk), which adds nothing for this class: a JS ``Set`` only counts for ``JsProxy``
#: itself, flags only for Worker code's own classes (runtime/jsbase.py ``_ProxyType``)
_is_js_buffer = type.__instancecheck__.__get__(JsBufferSource)


def buffer_of(chunk: Any) -> bytes | None:
    """The bytes of a chunk that is a buffer (an ArrayBuffer or a view, or the project's own
    ``bytes``); ``None`` for anything else, a Python ``bytes`` Worker code wrote (a PyProxy) too."""
    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return bytes(chunk)
    if _is_js_buffer(chunk):
        return chunk.to_bytes()  # type: ignore[no-any-return]
    return None


def _size_of(chunk: Any) -> int:
    """How many bytes a chunk holds (0 for a value that is no buffer: it fails the body)."""
    if isinstance(chunk, (bytes, bytearray)):
        return len(chunk)
    if isinstance(chunk, memoryview):
        return chunk.nbytes
    return chunk.byteLength if _is_js_buffer(chunk) else 0  # type: ignore[no-any-return]


def _bytes_of(chunk: Any) -> bytes:
    data = buffer_of(chunk)
    if data is None:
        raise _with_hint(js_type_error(_NOT_BYTES), chunk)
    return data


def _read_value(chunk: Any) -> Any:
    """A chunk as a reader's ``read()`` gives it to Python: a JS buffer (an ``ArrayBuffer``, a
    view) as it was written -- the same object, its offset and buffer kept (a wrangler dev probe;
    a pipe from an internal stream passes on each read's view of its 4 KiB buffer) --, the
    project's own ``bytes`` as a ``Uint8Array`` of them; any other value written to a JavaScript stream (a ``TransformStream``'s, a
    ``ReadableStream``'s) as Pyodide hands the JS value back -- a ``str``, a number (a whole
    one an ``int``), ``None`` for ``undefined``, the object itself -- as workerd's reader of a
    JavaScript stream passes it on: only the body pump and whole reads need bytes (standard.c++
    ``AllReader``). A Python ``bytes`` written unconverted (a PyProxy) is refused as a body
    would refuse it, with the note saying to write ``to_js(data)``."""
    if isinstance(chunk, _PyProxyChunk):
        _bytes_of(chunk)  # raises
    if _is_js_buffer(chunk):
        return chunk
    data = buffer_of(chunk)
    return js_number(chunk) if data is None else JsTypedArray("Uint8Array", data)


def _error_of(reason: Any) -> BaseException:
    return reason if isinstance(reason, BaseException) else JsException(str(reason))


def undefined_reason() -> JsException:
    """``abort()`` without a reason: the stream's stored error is ``undefined`` (internal.c++
    ``abort``, the spec's ``WritableStreamAbort``), which Python code gets as an ``Error``
    carrying it, as an internal stream's reader meets it in workerd (``Error: undefined``)."""
    return JsException("undefined")


def cancel_error(reason: Any) -> BaseException:
    """The error a stream canceled with ``reason`` gives its writer (``None``: workerd's own)."""
    return JsException("Stream was cancelled.", name="Error") if reason is None else _error_of(reason)


def open_sources(values: Any, limit: int = 100_000) -> list[LiveByteStream]:
    """The streams still being written anywhere in ``values`` (an argument list): in it, or
    nested in its JS objects, arrays and Python containers, each container looked at once
    (a cycle ends) and at most ``limit`` values in all."""
    if not _MADE or all(stream.closed for stream in list(_MADE)):  # no stream is being written anywhere
        return []
    from workers_env.runtime.jsfunctions import JsDoubleProxy
    from workers_env.runtime.jsproxy import JsLiteralMap

    found: list[LiveByteStream] = []
    seen: set[int] = set()
    pending: list[Any] = [values]
    while pending and limit > 0:
        value = pending.pop()
        limit -= 1
        if isinstance(value, JsDoubleProxy):
            value = value.unwrap()
        if isinstance(value, JsReadableStream):
            source = live_source(value)
            if source is not None and not source.closed and all(source is not f for f in found):
                found.append(source)
            continue
        children: Any = None
        if isinstance(value, JsObject):
            children = value._props.values()
        elif isinstance(value, JsArray):
            children = value._items
        elif isinstance(value, JsLiteralMap):
            children = value._entries.values()
        elif type(value) is dict:
            children = value.values()
        elif type(value) in (list, tuple):
            children = value
        if children is not None and id(value) not in seen:
            seen.add(id(value))
            if not _SCALARS.issuperset(map(type, children)):  # a vector of numbers holds no stream
                pending.extend(child for child in children if type(child) not in _SCALARS)
    return found


def live_source(body: Any) -> LiveByteStream | None:
    """The open live stream a body reads, if it is one (else ``None``)."""
    source = getattr(body, "_source", None) if isinstance(body, JsReadableStream) else None
    return source if isinstance(source, LiveByteStream) and not source.consumed else None


class _LiveReader(JsgObject, JsProxy):
    """``ReadableStreamDefaultReader`` of a live stream: ``read()`` waits for the next chunk."""

    _js_name = "ReadableStreamDefaultReader"

    def __init__(self, source: LiveByteStream, stream: JsReadableStream | None = None):
        self._source = source
        self._stream = stream
        self._released = False
        self._pending = 0  # reads under way
        self._turn: asyncio.Lock | None = None
        #: how ``closed`` stood at ``releaseLock()`` (see :func:`_reader_closed`)
        self._closed_kept: Any = None
        #: an internal stream's reader canceled while a read waits: that read rejects with it
        self._read_canceled: BaseException | None = None

    def _unreleased(self) -> None:
        if self._released:
            raise js_type_error(READER_RELEASED)

    def _give_up(self) -> None:
        """What a waiting read meets as it looks again: the release, an internal stream's cancel."""
        if self._released:
            raise js_type_error(READER_RELEASED)
        canceled = self._read_canceled
        if canceled is not None:
            self._read_canceled = None
            raise canceled

    def _holding(self) -> bool:
        """Whether a read is held (see :mod:`heldreads`)."""
        held = self._source.held
        return held is not None and bool(held.reads)

    def _holds(self) -> HeldReads:
        source = self._source
        if source.held is None:
            source.held = HeldReads(source.settle_one)
        return source.held

    @js_call
    async def read(self) -> JsObject:
        """The next chunk. Held (see :mod:`heldreads`) when it settles later in workerd: an
        internal stream's read of a stream not yet closed or errored (it waits for an I/O turn,
        internal.c++ ``read``), a ``TransformStream``'s read of a write in flight."""
        if self._released:  # (not _unreleased(): a call less on the path of every chunk)
            raise js_type_error(READER_RELEASED)
        source = self._source
        internal = isinstance(source, ByteSink)
        if internal and (self._pending or self._holding()):
            raise js_type_error(_ONE_READ_AT_A_TIME)
        if self._turn is None:
            self._turn = asyncio.Lock()
        if self._stream is not None:
            self._stream._read_from = True
        readable = source._read_outcome is None
        buffered = source.read_buffered
        self._pending += 1
        try:
            async with self._turn:  # a JavaScript stream's reads are answered in the order made
                chunk = await source.next_value(self._give_up, not internal and begun_at_once(),
                                                READ_BUFFER_SIZE if buffered else None)
        finally:
            self._pending -= 1
        if type(chunk) is tuple and chunk[0] is _HELD:
            result = JsObject({"done": False, "value": _read_value(chunk[1])})
            held = source.held
            if held is None:
                held = source.held = HeldReads(source.settle_one)
            promise_instead(held.hold(result, chunk[2]))
            return result
        result = JsObject({"done": True, "value": None}) if chunk is END else JsObject(
            {"done": False, "value": read_buffer_view(chunk) if buffered else _read_value(chunk)})
        if internal and readable and begun_at_once():
            promise = self._holds().hold(result)
            if chunk is not END and source._piece_at == 0:  # it took the last piece of a write
                source.held_take = (source._read_at - 1, promise)
            promise_instead(promise)
        return result

    def releaseLock(self) -> None:  # noqa: N802 - JS name
        """Unlock the stream: a new reader (or a pipe) may read on where this one stopped. An
        internal stream's reader refuses while a read waits (or is held); a JavaScript stream's
        reads still waiting (or held) reject with the released reader's ``TypeError``, as its
        ``closed`` does unless it had settled (readable.c++, internal.c++ and standard.c++
        ``releaseReader``)."""
        if isinstance(self._source, ByteSink) and self._stream is not None and (self._pending or self._holding()):
            raise js_type_error(_RELEASE_WHILE_READING)
        self.release()

    def release(self) -> None:
        """``releaseLock()`` without its check, as a pipe releases its source when it stops
        (workerd's native pipe holds no JavaScript reader): a read waiting goes on. A
        ``TransformStream``'s reads held are taken back: each rejects as released, the write in
        flight is done all the same (the transform the first read's pull began runs) and its
        chunk waits for the next reader (a wrangler dev probe)."""
        if self._stream is None:
            return
        source = self._source
        if self._holding():
            if isinstance(source, ByteSink):
                source.settle_held()
            else:
                reads = self._holds().take_back()
                source._read_at = reads[0].index
                if source.erroring is not None:
                    source.finish_erroring()
                elif not source.start_pending:
                    source._take(reads[0].index + 1)
                for read in reads:
                    read.set_exception(js_type_error(READER_RELEASED))
        self._closed_kept = _reader_closed_now(self._source)
        stream, self._stream = self._stream, None
        self._released = True
        if stream._reader is self:
            stream._reader = None
        self._source._changed()  # a read waiting rejects, a ``closed`` waiting settles

    @property
    def closed(self) -> Any:
        """Resolves once the stream has closed and its chunks are read, rejects with its error
        -- an internal stream's once a read has met its end or its error; after
        ``releaseLock()`` the released reader's ``TypeError`` (see :func:`_reader_closed`)."""
        return kept_promise(self, "_closed_promise", lambda: _reader_closed(self))  # the same each time

    @js_call
    async def cancel(self, reason: Any = None) -> None:
        """Cancel the stream. Its reads held are taken back: an internal stream's reject with
        the cancel's error, as one waiting does (internal.c++ ``doCancel`` cancels the read's
        I/O), a ``TransformStream``'s are done, their chunks never read (the spec's
        ReadableStreamCancel closes the stream before the transform runs; wrangler dev probes)."""
        if self._released:
            raise js_type_error(READER_RELEASED)
        source = self._source
        if isinstance(source, ByteSink) and source._error is None:
            if self._pending:
                self._read_canceled = cancel_error(reason)
            if self._holding():
                error = cancel_error(reason)
                for read in self._holds().take_back():
                    read.set_exception(error)
        elif self._holding():
            reads = self._holds().take_back()
            source._read_at = reads[0].index
            for read in reads:
                read.set_result(JsObject({"done": True, "value": None}))
        if self._stream is not None:
            await self._stream._cancel(reason)
        else:
            source.cancel(reason)


class _Tee:
    """The two branches of a live stream's ``tee()`` and the one reading of the stream they share."""

    def __init__(self, source: LiveByteStream, stream: _LiveReadableStream | None = None):
        self.source = source
        self.branches = (_TeeBranch(self), _TeeBranch(self))
        self.lock = asyncio.Lock()
        #: the stream teed, and the branches canceled so far (see :meth:`branch_canceled`)
        self.stream = stream
        self.canceled: set[int] = set()

    async def branch_canceled(self, branch: _TeeBranch, reason: Any) -> None:
        """``branch`` was canceled. Once both are, a JavaScript stream teed is canceled with
        this last reason -- its source's ``cancel`` called, a writer's writes failing: workerd's
        branches are consumers of the stream's one queue, and the last consumer's cancel cancels
        the stream (standard.c++ ``ReadableImpl::cancel``). An internal stream's tee leaves its
        source as it is (a write waits on, as under wrangler dev)."""
        self.canceled.add(id(branch))
        if len(self.canceled) < len(self.branches) or self.stream is None or self.source.read_buffered:
            return
        stream, self.stream = self.stream, None
        await stream._cancel(reason)

    async def pump(self, branch: LiveByteStream, seen: int) -> None:
        """``branch`` found no chunk past ``seen``: the source's next chunk (or its end, or its
        error) goes to every branch still open."""
        async with self.lock:
            if len(branch._chunks or []) > seen or branch.closed:  # the other branch pumped meanwhile
                return
            source = self.source
            try:  # an internal stream's branches read it as its reader would, 4 KiB at most at a time
                chunk = await source.next_value(limit=READ_BUFFER_SIZE if source.read_buffered else None)
            except Exception as error:  # noqa: BLE001 - the source's error is each branch's
                for each in self.branches:
                    if not each.closed:
                        each.close(error)
                return
            for each in self.branches:
                if each.closed:
                    continue
                if chunk is END:
                    each.close()
                else:
                    each.push(bytes(chunk) if type(chunk) is memoryview else chunk)  # as it was written: each branch's reader gets the same value


class _TeeBranch(LiveByteStream):
    """One branch of :class:`_Tee`: asks the shared source when its own chunks run out."""

    def __init__(self, tee: _Tee):
        super().__init__()
        self._tee = tee
        self.read_buffered = tee.source.read_buffered  # an internal stream's branches are internal streams

    async def _want_more(self, seen: int, ask: bool = True) -> None:
        await self._tee.pump(self, seen)


class _LiveReadableStream(JsReadableStream):
    """The ``readable`` side: a body for ``new Response``, or read chunk by chunk."""

    _byte_source = False  #: a ``new ReadableStream({type: "bytes"})``, whose BYOB reader is not emulated

    def __init__(self, source: LiveByteStream):
        super().__init__(source)

    @property
    def locked(self) -> bool:
        """Locked to a reader, or to a body read under way (``text()`` of a Response over it,
        locked from the call as JavaScript's is)."""
        return self._reader is not None or self._source.body_read  # type: ignore[attr-defined]

    def getReader(self, options: Any = None, *_ignored: Any) -> Any:  # noqa: N802 - JS name
        if self.locked:
            raise js_type_error(READER_LOCKED)
        if isinstance(self._source, ByteSink) or self._byte_source:  # a byte stream's BYOB reader: not emulated
            byob_not_emulated(options)
        elif byob_mode(options):  # a JavaScript stream of values (standard.c++ getReader)
            raise js_type_error("This ReadableStream does not support BYOB reads.")
        self._reader = _LiveReader(self._source, self)  # type: ignore[assignment, arg-type]
        return self._reader

    def tee(self) -> JsArray:
        """``[branch1, branch2]``: each gets every chunk this stream gives from now on, read
        from it as either branch asks for more; this one is locked."""
        if self._reader is not None:
            raise js_type_error(TEE_LOCKED)
        self._reader = _LiveReader(self._source)  # type: ignore[assignment, arg-type]
        self._read_from = True
        tee = _Tee(self._source, self)  # type: ignore[arg-type]
        return JsArray([_LiveReadableStream(branch) for branch in tee.branches])

    async def _cancel(self, reason: Any = None) -> None:
        self._read_from = True  # disturbed, whether or not it was read: a body refuses it (a wrangler dev probe)
        _refuse_cancel_when_errored(self._source)  # type: ignore[arg-type]
        self._source.cancel(reason)  # type: ignore[attr-defined]
        if isinstance(self._source, _TeeBranch):  # a tee's branch: the last one canceled cancels the stream teed
            await self._source._tee.branch_canceled(self._source, reason)


def _refuse_cancel_when_errored(source: LiveByteStream) -> None:
    """``cancel()`` of a JavaScript stream that errored (its controller's ``error()``, its
    writer's abort) rejects with the stored error (standard.c++ ``ReadableImpl::cancel``); an
    internal stream's resolves (a wrangler dev probe)."""
    if not isinstance(source, ByteSink) and source._error is not None and not source._open:
        raise _error_of(source._error)


def _reader_closed_now(source: LiveByteStream) -> Any:
    """How a reader's ``closed`` stands: ``True`` resolved, an error rejected, ``None`` pending.
    A JavaScript stream is closed once its writer (or controller) closed it and every chunk has
    been read, or it was canceled; errored at once (standard.c++ ``ReadableImpl``). An internal
    stream is closed or errored only once a read has met that (internal.c++ ``doClose``,
    ``doError`` from the read), or canceled."""
    if isinstance(source, ByteSink):
        return source._read_outcome
    if source._read_outcome is not None and not isinstance(source._read_outcome, BaseException):
        return True
    if source.readable_left_open:
        return None
    if source._error is not None and source._error is not source._short and not source._open:
        return _error_of(source._readable_error if source._readable_error is not None else source._error)
    if not source._open and source._read_at >= len(source._chunks or []):
        return True
    return None


async def _reader_closed(reader: _LiveReader) -> None:
    """``reader.closed`` (:func:`_reader_closed_now`). Once released, as it stood then if it had
    settled, else the released reader's ``TypeError`` (``maybeRejectPromise`` of a settled
    promise leaves it as it was)."""
    source = reader._source
    while True:
        state = reader._closed_kept if reader._released else _reader_closed_now(source)
        if state is True:
            return
        if isinstance(state, BaseException):
            raise state
        if reader._released:
            raise js_type_error(READER_RELEASED)
        await source._next_change()


def live_readable(source: LiveByteStream) -> JsReadableStream:
    """``response.body`` of a Response made from a live stream: that stream, readable as it fills."""
    return _LiveReadableStream(source)


class _Writer(JsgObject, JsProxy):
    """``WritableStreamDefaultWriter``: ``write``, ``close``, ``abort``, ``releaseLock``.

    A write's promise resolves once a read has taken its chunk, ``close()``'s once every chunk
    has been (workerd queues the close behind the writes, internal.c++ ``closeImpl``). The
    work begins at the call, as a JavaScript method's does, awaited or not. Once released,
    the writer refuses everything with workerd's ``TypeError`` and its ``closed`` rejects with
    it (writable.c++). An internal stream's writer (``IdentityTransformStream``,
    ``FixedLengthStream``) is detached once its stream closes or errors: then its ``write`` and
    ``close`` are ``This WritableStream has been closed.``, its ``abort`` resolves, its
    ``desiredSize`` is 0 and its ``ready`` resolved (writable.c++, internal.c++ ``doError``)."""

    _js_name = "WritableStreamDefaultWriter"

    def __init__(self, stream: JsWritableStream):
        self._stream = stream
        self._released = False
        runtime = current_runtime()
        #: ``writable_stream_spec_compliant_writer`` (see :func:`_ready`)
        self._spec_writer = runtime is None or runtime.writable_stream_spec_compliant_writer
        #: before that flag, how ``ready`` stood at ``releaseLock()`` (``True``: resolved, an
        #: error: rejected with it, ``None``: pending, rejected by the release)
        self._ready_kept: Any = None
        #: how ``closed`` stood at ``releaseLock()``: one that had settled stays so (writable.c++,
        #: ``maybeRejectPromise`` of a settled promise does nothing), a pending one rejects
        self._closed_kept: Any = None
        #: its first ``ready`` resolved at ``getWriter()`` but not settled yet (see :func:`_ready`)
        self._ready_resolving = False

    def _unreleased(self) -> None:
        if self._released:
            raise js_type_error(_WRITER_RELEASED)

    def _detached(self) -> bool:
        """An internal stream's writer once its writable side closed or errored (a write or
        close has met the readable side's cancel, the writer aborted): it refuses as closed."""
        sink = self._stream._sink
        return isinstance(sink, ByteSink) and (sink._aborted or sink.writer_detached or sink._close_done)

    @js_call
    async def write(self, chunk: Any = None, *_ignored: Any) -> None:
        if self._released:  # (not _unreleased(): a call less on the path of every chunk)
            raise js_type_error(_WRITER_RELEASED)
        sink = self._stream._sink
        internal = isinstance(sink, ByteSink)
        if internal and (sink._aborted or sink.writer_detached or sink._close_done or sink.close_requested):
            raise js_type_error(_CLOSED)  # (:meth:`_detached`)
        size = 1 if sink.write_size is None else _write_size(sink, chunk)
        if not internal and _closing(sink):  # before erroring (the spec's writer write)
            raise js_type_error(_CLOSING_WRITE)
        if sink.erroring is not None:  # the spec's writer write: an erroring stream's stored error
            raise _error_of(sink.erroring)
        try:  # (:class:`_meeting_cancel`, inline: two coroutines less on the path of every chunk)
            index = sink.push(_crossed_chunk(chunk), size)
            if index is not None and (sink._taken <= index or sink._write_failed is not None):
                await sink.delivered(index)  # (a chunk a read took already: nothing to wait for)
        except BaseException as exc:
            if internal and sink._cancel_met and exc is sink._canceled:
                await _meeting_cancel(sink).__aexit__(type(exc), exc, None)
            raise

    @js_call
    async def close(self) -> None:
        self._unreleased()
        sink = self._stream._sink
        if self._detached():
            raise js_type_error(_CLOSED)
        if isinstance(sink, ByteSink):
            if sink.close_requested:  # a close already queued: resolved at once (internal.c++ ``closeImpl``)
                return
            sink.close_requested = True
        elif _closing(sink):  # a JavaScript stream's is refused (standard.c++ ``WritableImpl::close``)
            raise js_type_error(_CLOSING_CLOSE)
        elif sink.erroring is not None:  # queued behind the abort: rejected once the stream errors --
            await _errored(sink)  # with the abort's reason, also when the readable side's cancel ended it
            if sink.erroring_canceled is not None:
                raise _error_of(sink.erroring_canceled)
            raise sink.refusal() or js_type_error(_CLOSED)
        async with _meeting_cancel(sink):
            _refused_by_sink(sink)
            if sink.closed:  # an errored stream's close rejects with its error (standard.c++
                # ``WritableImpl::close``, internal.c++ ``closeImpl``): an abort's or a cancel's reason
                raise sink.refusal() or js_type_error(_CLOSED)
            sink.close()
            try:
                await sink.all_delivered()
            except Exception:
                if sink.erroring_canceled is not None:  # canceled while an abort waited (see ``cancel``)
                    raise _error_of(sink.erroring_canceled) from None
                raise
            _refused_by_sink(sink)
        await asyncio.sleep(0)  # the close completes as a promise's reaction, after the calls made with it
        sink._close_done = True

    @js_call
    async def abort(self, reason: Any = None) -> None:
        self._unreleased()
        sink = self._stream._sink
        if self._detached():
            return
        reason = undefined_reason() if reason is None else reason
        if isinstance(sink, ByteSink):
            if sink._error is not None and sink._error is not sink._short and sink._canceled is None:
                return  # errored already
            if sink._taken < len(sink._chunks or []) and sink.abort_clears_queue:  # a write waits for a
                # read: workerd cancels it, and the reads meet the canceled write's error (_CONNECTION_LOST)
                sink._readable_error = JsException(_CONNECTION_LOST)
            elif sink._taken < len(sink._chunks or []):  # before 2024-09-02 the abort waits for the
                # write in flight (a read taking its chunk), then fails the rest (internal.c++ ``doAbort``)
                with contextlib.suppress(Exception):
                    await sink.delivered(sink._taken)
                if self._detached() or (sink._error is not None and sink._error is not sink._short
                                        and sink._canceled is None):
                    return
            taken = sink.held_take
            if taken is not None and not taken[1].done() and sink.abort_clears_queue:
                sink._write_failed = (taken[0], reason)  # a write a read took in this turn fails too
            sink._canceled = None  # the abort's error is the stream's now
            sink.abort(reason)
        elif sink.erroring is not None:  # a second abort: settles with the first (standard.c++ ``abort``)
            await _errored(sink)
        elif not sink.closed or (_closing(sink) and (sink._taken < len(sink._chunks or []) or sink.start_pending)):
            if sink._taken < len(sink._chunks or []) and not sink.start_pending:
                # a write in flight: the stream errors once it is done (a read fails it, see
                # :meth:`LiveByteStream.finish_erroring`) or the readable side is canceled -- also
                # with a ``close()`` queued behind it, which then rejects with the reason (the
                # spec's stream is still "writable" until its close is in flight: WritableStreamAbort)
                sink.erroring = reason
                sink._changed()  # a ``ready`` waiting rejects
                await _errored(sink)
                return
            sink.abort(reason)  # none in flight: errored now -- but before its start settled (the turn
            if sink.start_pending:  # that made it) its ``desiredSize`` still counts the chunks till then
                sink.erroring = reason
                await asyncio.sleep(0)
                if sink.erroring is reason:
                    sink.erroring = None

    def releaseLock(self) -> None:  # noqa: N802 - JS name
        if self._stream._writer is self:
            if not self._spec_writer:
                self._ready_kept = _ready_now(self)
            self._closed_kept = _writer_closed_now(self._stream._sink)  # a settled ``closed`` stays so
            self._stream._writer = None
            self._released = True
            sink = self._stream._sink
            if not isinstance(sink, ByteSink) and sink._open:
                sink.drop_queued()
            sink._changed()  # a ``closed`` waiting rejects

    @property
    def desiredSize(self) -> int | None:  # noqa: N802 - JS name
        """workerd's: an internal stream without a highWaterMark reports 1 while writable, with
        one its highWaterMark less the bytes still waiting for a read, and 0 once its writer is
        detached (internal.c++ ``getDesiredSize``, writable.c++); a JavaScript
        ``TransformStream``'s writable its ``writableStrategy``'s highWaterMark (1 by default) less
        the sizes of the chunks still waiting for a read; 0 once closed, null once errored. Cut to
        32 bits as workerd's ``int`` (:meth:`LiveByteStream.desired_size`)."""
        self._unreleased()
        sink = self._stream._sink
        if isinstance(sink, ByteSink):
            if self._detached() or (sink.closed and sink._canceled is None and not _closing(sink)):
                return 0
            # a close queued behind writes leaves it writable until done (a wrangler dev probe)
            return sink.desired_size() if sink.counts_bytes else 1
        if sink.erroring is not None:  # standard.c++ ``getDesiredSize``: the chunks, until errored
            return sink.desired_size()
        if sink._error is not None or sink._canceled is not None:
            return js_null()
        if sink.closed:
            return 0
        return sink.desired_size()

    @property
    def ready(self) -> Any:
        """Resolved while ``desiredSize`` is above 0, else once a read brings it there; an
        internal stream's always resolved (its writer released, errored or closed too);
        a JavaScript ``TransformStream``'s rejected once the writer aborted (standard.c++
        ``startErroring``) or released -- before ``writable_stream_spec_compliant_writer``
        (2026-03-24) a ``ready`` that had resolved stays resolved after the release. Marked
        handled, as ``closed``: the writer's lock marks both (internal.c++, standard.c++). The
        same promise each time it is read until workerd replaces it, pending or not: a JavaScript
        stream's when back-pressure begins, and one already settled when the writer aborts or (from
        ``writable_stream_spec_compliant_writer``) is released (standard.c++
        ``updateBackpressure``, ``maybeRejectReadyPromise``, ``releaseWriter``); an internal
        stream's at each write or completed write that leaves it at 0 or below, the one it
        replaces then never settling (internal.c++ ``updateBackpressure`` drops its resolver;
        ``tools/wrangler/writable_ready_probe.py``)."""
        sink = self._stream._sink
        kept = self.__dict__.get("_ready_promise")
        if isinstance(sink, ByteSink):  # replaced by back-pressure only where it counts bytes
            replaced = sink.ready_replaced
            if kept is not None and kept[1] != replaced:
                del self.__dict__["_ready_promise"]  # (a pending one too: see _ready)
            return kept_promise(self, "_ready_promise", lambda: _ready(self, replaced), replaced)
        era = (sink.backpressure_began, sink._aborted or sink.erroring is not None, self._released and self._spec_writer,
               sink.ready_error is not None)
        if kept is not None and kept[1][0] != sink.backpressure_began and not kept[0].done():
            del self.__dict__["_ready_promise"]  # back-pressure began anew: the old one resolves (see _ready)
            kept = None
        if self._ready_resolving and kept is not None and kept[1] != era:  # resolved at getWriter(), its
            del self.__dict__["_ready_promise"]  # reaction still to run: replaced as a settled one is
            self._ready_resolving = False
        # settled in place (an abort or release while it was pending): of the era it settled in -- but
        # one resolved at getWriter() settled then, whatever its reaction found (see above)
        return kept_promise(self, "_ready_promise", lambda: _ready(self), era, (
            lambda made: made if self._ready_resolving else (
                made[0], sink._aborted or sink.erroring is not None, self._released and self._spec_writer,
                made[3])))  # (one made before a write in flight at a cancel failed: the cancel resolved it)

    @property
    def closed(self) -> Any:
        """The same promise each time it is read (workerd's ``MemoizedIdentity``, never replaced)."""
        return kept_promise(self, "_closed_promise", lambda: _closed(self))


class _meeting_cancel:  # noqa: N801 - used as the function it was
    """A write or close of an internal stream that fails with the readable side's cancel (met
    only now) errors the writable, detaching the writer, before its promise rejects -- as
    workerd's write loop fails it (internal.c++ ``writeLoop``): a call made before that is
    queued behind it and meets the same error, one made after is ``has been closed``.

    A class, not an ``asynccontextmanager``: its async generator would be closed by the loop's
    ``shutdown_asyncgens`` under a write still waiting when a request's loop ends, and that
    write, closed later (collected), then fails in ``__aexit__`` with ``generator didn't stop
    after athrow()``, an unraisable exception (every CPython from 3.11 to 3.14)."""

    __slots__ = ("sink",)

    def __init__(self, sink: LiveByteStream) -> None:
        self.sink = sink

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, kind: Any, exc: BaseException | None, tb: Any) -> bool:
        sink = self.sink
        if exc is not None and isinstance(sink, ByteSink) and sink._cancel_met and exc is sink._canceled:
            await asyncio.sleep(0)
            sink.writer_detached = True
        return False


def _write_size(sink: LiveByteStream, chunk: Any) -> int:
    """What a ``TransformStream``'s ``writableStrategy.size`` says ``chunk`` counts, as jsg reads
    it (:func:`_jsg_uint64`); asked first, while the stream is not closed or errored. What it
    throws (jsg's ``TypeError`` for an answer that is no ``uint64``) errors the stream and the
    write rejects with it (standard.c++ ``WritableImpl::write``: ``startErroring``)."""
    if sink.closed and not _closing(sink):
        return 1  # refused below, unasked (``WritableStreamJsController::write``)
    try:
        return _jsg_uint64(sink.write_size(chunk))
    except Exception as exc:  # noqa: BLE001 - what the Worker's size function throws errors the stream
        if sink.erroring is None and not sink.closed:
            if sink._taken < len(sink._chunks or []) and not sink.start_pending:
                sink.erroring = exc  # a write in flight: errored once it is done (see ``abort``)
                sink._changed()
            else:
                sink.abort(exc)
                sink.readable_left_open = True  # the writable side alone errors (a wrangler dev probe)
                if sink.start_pending:  # before its start settled (the turn that made it) its
                    _erroring_till_started(sink, exc)  # ``desiredSize`` still counts, as an abort's
        raise


def _erroring_till_started(sink: LiveByteStream, reason: Any) -> None:
    """Keep ``sink`` erroring with ``reason`` until the loop's next step, when a stream made in
    this turn has started: workerd errors it then, ``desiredSize`` counting the chunks till then
    (a JavaScript twin under wrangler dev 4.164.0: 5, then null, for a highWaterMark of 5)."""
    sink.erroring = reason

    def started() -> None:
        if sink.erroring is reason:
            sink.erroring = None

    asyncio.get_running_loop().call_soon(started)


async def _errored(sink: LiveByteStream) -> None:
    """Wait until a JavaScript stream erroring (see ``LiveByteStream.erroring``) has errored:
    aborted once a read met the write in flight, or its readable side canceled."""
    while sink.erroring is not None and (sink._open or _closing(sink)):
        await sink._next_change()
    sink.erroring = None


def _closing(sink: LiveByteStream) -> bool:
    """The writer's ``close()`` is queued behind writes not yet taken (or has not completed)."""
    return (not sink._open and not sink._close_done and sink._canceled is None and not sink._aborted
            and (sink._error is None or sink._error is sink._short))


def _refused_by_sink(sink: LiveByteStream) -> None:
    """An internal stream whose readable side failed it (a cancel, a FixedLengthStream's read of
    too many bytes) refuses the close with that error, as its ``end()`` meets it
    (identity-transform-stream.c++ ``writeHelper``): the writable side learns it only then."""
    if isinstance(sink, ByteSink) and sink._canceled is not None:
        raise sink.met_cancel()


def _ready_now(writer: _Writer, started: bool = False) -> Any:
    """How a JavaScript ``TransformStream`` writer's ``ready`` stands now (before
    ``writable_stream_spec_compliant_writer``): ``True`` resolved, an error rejected, ``None``
    pending -- as before the stream's start settled (standard.c++ ``lockWriter``: ``isStarted``;
    ``started``: as if it had, the spec's writer)."""
    sink = writer._stream._sink
    if isinstance(sink, ByteSink):
        return True
    if sink._aborted or sink.erroring is not None:
        return _error_of(sink._error if sink._aborted else sink.erroring)
    if sink.ready_error is not None:
        return sink.ready_error
    if sink.start_pending and not started:
        return None
    return True if sink.room() > 0 or not sink._open else None


async def _ready(writer: _Writer, replaced: int = 0) -> None:
    """``writer.ready``. From ``writable_stream_spec_compliant_writer`` (2026-03-24) it is
    resolved at ``getWriter()`` while nothing waits, and the release rejects it even once
    resolved; before it, it resolves once the stream's start has settled (a promise's reaction
    later) and a release leaves a settled one as it was (standard.c++ ``lockWriter``,
    ``releaseWriter``)."""
    sink = writer._stream._sink
    if isinstance(sink, ByteSink):
        if replaced:  # made by back-pressure: pending until a read brings the bytes waiting under the highWaterMark
            while sink.room() <= 0 and sink._open and not writer._detached() and sink.ready_replaced == replaced:
                await sink._next_change()
            if sink.ready_replaced != replaced:  # replaced meanwhile: workerd dropped its resolver, so
                await wait(asyncio.get_running_loop().create_future(), sink._ctx)  # only a hang ends it
        return
    began = sink.backpressure_began  # began again since: this promise resolved when it was lifted
    failed = sink.ready_error  # a write in flight at a cancel that failed since: resolved by the cancel
    if sink.start_pending:  # settled a promise's reaction later, after the stream's start
        resolved = writer._spec_writer and not writer._released and _ready_now(writer, started=True) is True
        writer._ready_resolving = resolved  # settled already as far as a replacement goes (see ``ready``)
        await asyncio.sleep(0)
        if resolved:  # resolved at getWriter(): a release meanwhile does not change it
            return
        if not writer._released and not sink._aborted and sink.erroring is None:
            return  # the start settled: workerd resolves the writer's ready then, whatever the desiredSize
            # (standard.c++ ``WritableImpl::setup``: ``maybeResolveReadyPromise``; a wrangler dev probe)
    while True:
        if writer._released:
            kept = writer._ready_kept
            if kept is True:
                return
            raise kept if isinstance(kept, BaseException) else js_type_error(_WRITER_RELEASED)
        if sink._aborted or sink.erroring is not None:
            raise _error_of(sink._error if sink._aborted else sink.erroring)
        if failed is not None:
            raise failed
        if sink.room() > 0 or not sink._open or sink.backpressure_began != began:  # (uncut: not desiredSize)
            return
        await sink._next_change()


async def _closed(writer: _Writer) -> None:
    """``writer.closed``: resolves once the writer's close is done (every chunk taken, as its
    ``close()`` resolves), rejects once the stream errors: with the reason of an ``abort()``, of
    the readable side's ``cancel()`` (a JavaScript ``TransformStream``'s errors its writable at
    once, the spec's ``TransformStreamDefaultSourceCancelAlgorithm``; an internal stream's writer
    learns it at its next write or close), of a pipe's source error (writable.c++, internal.c++
    ``doError`` rejects the closed promise)."""
    sink = writer._stream._sink
    while True:
        state = writer._closed_kept if writer._released else _writer_closed_now(sink)
        if state is True:
            return
        if isinstance(state, BaseException):
            raise state
        writer._unreleased()
        await sink._next_change()


def _writer_closed_now(sink: LiveByteStream) -> Any:
    """How ``writer.closed`` stands (see :func:`_closed`): ``True`` resolved, an error rejected,
    ``None`` pending."""
    if sink._aborted:
        return _error_of(sink._error)
    if sink._canceled is not None:
        return sink._canceled if sink._cancel_met or not isinstance(sink, ByteSink) else None
    if sink.closed:
        if sink._error is not None and sink._error is not sink._short:
            return _error_of(sink._error)
        if sink._taken >= len(sink._chunks or []):
            return True
    return None


class JsWritableStream(JsgObject, JsProxy):
    """The ``writable`` side of a ``TransformStream``."""

    _js_name = "WritableStream"

    def __init__(self, sink: LiveByteStream):
        self._sink = sink
        self._writer: _Writer | None = None

    @property
    def locked(self) -> bool:
        return self._writer is not None

    def getWriter(self) -> _Writer:  # noqa: N802 - JS name
        if self._writer is not None:
            raise js_type_error("This WritableStream is currently locked to a writer.")  # writable.c++
        self._writer = _Writer(self)
        return self._writer


class JsTransformStream(JsgObject, JsProxy):
    """``new TransformStream()`` (no transformer: chunks pass through as written)."""

    _js_name = "TransformStream"

    def __init__(self, sink: LiveByteStream | None = None) -> None:
        if sink is None:
            sink = LiveByteStream()
            runtime = current_runtime()
            sink.backpressure_once = runtime is not None and not runtime.transform_stream_backpressure
            sink.holds_reads = True
            with contextlib.suppress(RuntimeError):  # (made where no loop runs: started already at its use)
                asyncio.get_running_loop().call_soon(_started, sink)
                sink.start_pending = True
        self.readable = _LiveReadableStream(sink)
        self.writable = JsWritableStream(sink)


def _started(sink: LiveByteStream) -> None:
    sink.start_pending = False


class JsIdentityTransformStream(JsTransformStream):
    """workerd's ``new IdentityTransformStream()``: a byte stream (see :class:`ByteSink`)."""

    _js_name = "IdentityTransformStream"

    def __init__(self) -> None:
        super().__init__(ByteSink())


class _Controller(JsProxy):
    """``ReadableStreamDefaultController``: what ``start``/``pull`` get to fill the stream."""

    _js_name = "ReadableStreamDefaultController"

    def __init__(self, sink: LiveByteStream, size: Any = None, byte_source: bool = False):
        self._sink = sink
        self._size = size  # the strategy's ``size`` function, if any
        self._byte_source = byte_source

    def enqueue(self, chunk: Any = None, *_ignored: Any) -> None:
        """Queue ``chunk``, counted as the strategy's ``size(chunk)`` says (called with it alone;
        a ``type: "bytes"`` source's chunk counts its bytes, ``size`` unread, and one of no bytes
        is refused): a ``size`` that throws, or answers what is no ``uint64``, errors the stream
        with that error and the enqueue returns; a chunk of size 0 is dropped, as workerd's
        queue drops it (standard.c++ ``ReadableStreamDefaultController::enqueue``,
        ``ReadableByteStreamController::enqueue``; queue.h)."""
        sink = self._sink
        if self._byte_source and _size_of(chunk) == 0 and isinstance(chunk, (JsBufferSource, bytes, bytearray, memoryview)):
            raise js_type_error("Cannot enqueue a zero-length ArrayBuffer.")  # checked first (ReadableByteStreamController)
        if sink.closed:  # closed, canceled or errored (standard.c++ ``enqueue``)
            raise js_type_error("Unable to enqueue")
        size = 1
        if self._byte_source:
            size = _size_of(chunk)
        elif self._size is not None:
            try:
                size = _jsg_uint64(self._size(chunk))
            except Exception as exc:  # noqa: BLE001 - what the Worker's size function throws errors the stream
                _error_stream(sink, exc)
                return
            if sink.closed:  # the size function errored (or closed) the stream itself
                return
            if size == 0:  # queue.h ``ConsumerImpl::push``: an entry of size 0 reaches no reader
                sink.pull_if_needed()
                return
        sink.push(_crossed_chunk(chunk), size)

    def close(self) -> None:
        if self._sink.closed:  # standard.c++ ``ReadableImpl::close``
            raise js_type_error("This ReadableStream is closed.")
        self._sink.close()

    def error(self, reason: Any = _MISSING, *_ignored: Any) -> None:
        if reason is _MISSING:
            raise js_type_error("Failed to execute 'error' on 'ReadableStreamDefaultController': parameter 1 is not "
                                "of type 'Value'.")
        _error_stream(self._sink, undefined_reason() if reason is None else reason)

    @property
    def desiredSize(self) -> Any:  # noqa: N802 - JS name
        """workerd's: the highWaterMark less the chunks waiting unread; 0 once closed or
        canceled, null once errored (standard.c++ ``getDesiredSize``)."""
        sink = self._sink
        if sink._error is not None:
            return js_null()
        if sink.closed:
            return 0
        return sink.desired_size()


def _source_fields(source: Any, names: tuple[str, ...] = ("start", "pull", "cancel", "type"),
                   where: str = "underlying source of a ReadableStream") -> dict[str, Any]:
    """An underlying source's ``start``/``pull``/``cancel``/``type`` (or a queuing strategy's
    ``names``) as JavaScript reads them: a JS object's properties; none of a ``Map``
    (``to_js(dict)`` without ``dict_converter``); a Python dict's keys as the Worker's Pyodide
    reads a PyProxy's; a Python object's attributes (its ``type`` the PyProxy's own: its type's name)."""
    from workers_env.runtime.jsproxy import JsLiteralMap, JsMap
    from workers_env.runtime.jspyproxies import pyproxy_attributes, pyproxy_options

    if isinstance(source, JsLiteralMap):  # to_js(dict) from Pyodide 0.27: its keys are properties
        return source.read_properties()
    if source is None or isinstance(source, JsMap):
        return {}
    if isinstance(source, JsObject):
        return dict(source._props)
    if type(source) is dict:  # a PyProxy: its own ``type`` ("dict") is what a ``type`` read gives
        return pyproxy_options(source, where, reads=frozenset(names))
    if not isinstance(source, JsProxy):  # another PyProxy: its attributes, its own ``type`` its type's name
        return pyproxy_attributes(source, names, where)
    return {name: getattr(source, name) for name in names if hasattr(source, name)}


def _strategy(strategy: Any, source_type: Any, where: str = "a ReadableStream") -> tuple[int, Any]:
    """A queuing strategy's ``highWaterMark`` as workerd reads it, a ``uint64_t``
    (:func:`_jsg_uint64`); without one 1, or 0 for a ``type: "bytes"`` source (standard.c++
    ``getHighWaterMark``) -- and its ``size`` function (``None`` without one; anything else
    that is not a function, ``null`` too, is jsg's TypeError)."""
    fields = _source_fields(strategy, ("highWaterMark", "size"), "queuing strategy of " + where)
    value, size = fields.get("highWaterMark"), fields.get("size")
    if size is not None and not callable(size):
        raise js_type_error("Incorrect type for the 'size' field on 'StreamQueuingStrategy': the provided value is "
                            "not of type 'function'.")
    if value is None:  # undefined
        return (0 if source_type == "bytes" else 1), size
    return _jsg_uint64(value), size


def _jsg_uint64(value: Any) -> int:
    """``value`` as jsg converts it to a ``uint64_t`` (jsg/value.h): a BigInt that fits, else
    ``ToNumber`` -- finite, not negative, at most 2**64 - 1 -- truncated; otherwise jsg's
    TypeError (texts checked under wrangler dev 4.164.0, ``tools/wrangler/readable_size_probe.py``)."""
    if isinstance(value, BigInt) or (type(value) is int and not is_safe_int(value)):
        if not 0 <= value < 2**64:
            raise js_type_error("The value cannot be converted because it is either negative and this API expects a "
                                "positive bigint, or the value would be truncated.")
        return int(value)
    number = to_number(value)
    if not math.isfinite(number):
        raise js_type_error("The value cannot be converted because it is not an integer.")
    if number < 0:
        raise js_type_error("The value cannot be converted because it is negative and this API expects a positive "
                            "bigint.")
    if number > 2**64 - 1:
        raise js_type_error("Value out of range. Must be less than or equal to 18446744073709551615.")
    return int(number)


def _error_stream(sink: LiveByteStream, reason: Any) -> None:
    """A ``new ReadableStream``'s source errors it (``controller.error(reason)``, a ``start`` or
    ``pull`` that throws): unless closed already, the chunks queued are dropped and reads reject
    with ``reason`` -- ``undefined`` too (the spec's ``ReadableStreamDefaultControllerError``:
    ``ResetQueue``; a wrangler dev probe)."""
    if not sink.closed:
        sink.abort(reason)


def _guarded(sink: LiveByteStream, method: Any, controller: _Controller, promise: bool = False) -> Any:
    """Call a source's ``start``/``pull``: what it throws (at once or when awaited) errors the
    stream, unless the stream is already closed -- the constructor itself never throws, as in
    workerd (a wrangler dev probe: a read rejects with the thrown error). With ``promise``, a
    JavaScript promise it returns is handed back as it is."""
    try:
        result = method(controller)
    except Exception as exc:  # noqa: BLE001 - any error of the source's code errors the stream
        _error_stream(sink, exc)
        return None
    if not inspect.isawaitable(result) or (promise and isinstance(result, JsPromise)):
        return result  # (a pull's JavaScript promise: its reaction, see ``pull_if_needed``)

    async def settled() -> Any:
        try:
            return await result
        except Exception as exc:  # noqa: BLE001
            _error_stream(sink, exc)
            return None

    return settled()


class _SourcedReadableStream(_LiveReadableStream):
    """``new ReadableStream(source)``: filled by the source's ``start`` and ``pull``."""

    def __init__(self, source: Any = None, strategy: Any = None):
        fields = _source_fields(source)
        kind = fields.get("type")
        high_water_mark, size = _strategy(strategy, kind)
        if kind is not None and js_text(kind) not in ("", "bytes"):  # workerd's readable-source check
            raise js_type_error(f'"{js_text(kind)}" is not a valid type of ReadableStream.')
        super().__init__(LiveByteStream())
        self._byte_source = kind == "bytes"
        sink: LiveByteStream = self._source  # type: ignore[assignment]
        controller = _Controller(sink, size, self._byte_source)
        self._cancel_source = fields.get("cancel")
        sink.high_water_mark = high_water_mark
        if size is not None or self._byte_source:  # chunks counted by size (a byte source's: its bytes)
            sink.sizes = ChunkLog(blank=0)
        pull = fields.get("pull")
        if callable(pull):
            sink.puller = lambda: _guarded(sink, pull, controller, promise=True)
        start = fields.get("start")
        started = _guarded(sink, start, controller) if callable(start) else None
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # made outside any event loop: started (and the source asked) at the first read
            sink.started = started if inspect.isawaitable(started) else None
            return
        if inspect.isawaitable(started):  # runs on the Worker's loop; no pull before it settles
            sink.start_with(started)
        elif callable(start):  # settled as a promise's reaction: after the code that made the stream
            sink.start_with(asyncio.sleep(0))
        else:  # without a start, workerd's start() settles at once: the source is asked now
            sink.pull_if_needed()

    async def _cancel(self, reason: Any = None) -> None:
        self._read_from = True  # disturbed (the spec's ReadableStreamCancel, first of all)
        _refuse_cancel_when_errored(self._source)  # type: ignore[arg-type]
        if self._source.closed:  # type: ignore[attr-defined]
            # closed by its controller: workerd cleared the source's algorithms then
            # (standard.c++ ``ReadableImpl::close``, ``doClose``), so its cancel is not called, but
            # the chunks still queued are dropped (``ValueReadable::cancel`` cancels the consumer)
            self._source.cancel(reason)  # type: ignore[attr-defined]
            return
        if callable(self._cancel_source):
            result = self._cancel_source(reason)
            if inspect.isawaitable(result):
                await result
        self._source.cancel(reason)  # type: ignore[attr-defined]


async def cancel_for_disconnect(live: LiveByteStream, stream: Any) -> None:
    """A response body still being written (``live``; ``stream`` the ``ReadableStream`` the
    Worker gave, if it did) whose client hung up, canceled as workerd cancels it (wrangler dev
    4.164.0, a JS Worker): a ``ReadableStream``'s source without a reason (its ``cancel(undefined)``),
    an internal stream's (``IdentityTransformStream``, ``FixedLengthStream``) next write failing
    with ``Error: Network connection lost.``, a ``TransformStream``'s with ``undefined`` (which
    Python code meets as ``Error: undefined``, :func:`undefined_reason`)."""
    if isinstance(stream, _SourcedReadableStream):
        with contextlib.suppress(Exception):  # a source's cancel that fails: nobody to tell
            await stream._cancel(None)
    else:
        live.cancel(JsException(_CONNECTION_LOST) if isinstance(live, ByteSink) else None)


#: at most how many turns of the loop :func:`cancel_after_failed_send` leaves the Worker's code
#: woken by the last read to write again (a Python writer's ``await writer.write(...)`` resumes
#: a few task steps after the read took its chunk)
WOKEN_TURNS = 8


async def cancel_after_failed_send(live: LiveByteStream, stream: Any) -> None:
    """The body pump read a chunk whose sending found the client gone: cancel the body as
    workerd's pump cancels it then (standard.c++ ``pumpToImpl``: the stream is canceled after the
    sink's write fails, an I/O turn after the read), once the code the read woke has run --
    a writer that writes again at once has that write in flight, which fails with the
    ``TypeError`` of a canceled ``TransformStream`` (its ``ready`` too), while a writer that
    pauses between writes meets the cancel's reason at its next one (tools/wrangler/client_leaves_probe.py).
    Waits at most :data:`WOKEN_TURNS` turns, less once a write is in flight or the stream ended,
    or as soon as a timer of the request is due: a pause ends no sooner than that (else under load
    a writer's 20 ms pause could end within those turns, 2 of 30 runs, and its write be in flight)."""
    for _ in range(WOKEN_TURNS):
        if live.closed or live._taken < len(live._chunks or []) or _timer_due(live._ctx):
            break
        await asyncio.sleep(0)
    if not live.closed:
        await cancel_for_disconnect(live, stream)


def _timer_due(ctx: Any) -> bool:
    """Whether a timer request ``ctx``'s code scheduled fires in this turn of the loop: asyncio
    moves the timers due into its queue of callbacks at the start of a turn, behind those
    queued before (so this one's, looking now, runs first)."""
    ready = getattr(asyncio.get_running_loop(), "_ready", None)
    if ctx is None or ready is None:
        return False
    return bool(scheduled_by(ctx, [handle for handle in ready if isinstance(handle, asyncio.TimerHandle)]))


def readable_stream_class() -> Any:
    """``js.ReadableStream``: ``new(underlyingSource)`` with ``start``/``pull``/``cancel``."""
    from types import SimpleNamespace

    return SimpleNamespace(new=lambda source=None, strategy=None, *_ignored: _SourcedReadableStream(source, strategy),
                           name="ReadableStream")


#: workerd's warning for arguments to the old TransformStream constructor (streams/transform.c++)
_OLD_CONSTRUCTOR_ARGUMENTS = (
    "To use the new TransformStream() constructor with a custom transformer, enable the "
    "transformstream_enable_standard_constructor compatibility flag. Refer to the docs for more information: "
    "https://developers.cloudflare.com/workers/platform/compatibility-dates/#compatibility-flags")
_WARNED: WeakIdentitySet[Any] = WeakIdentitySet()  # requests (a ctx is an unhashable JsProxy)


def _warn_once(text: str) -> None:
    """Log ``text`` as a warning once per request, as workerd's ``logWarningOnce``."""
    ctx = current_context()
    try:
        if ctx is not None and ctx in _WARNED:
            return
        if ctx is not None:
            _WARNED.add(ctx)
    except TypeError:  # a context that takes no weak reference: warned each time
        pass
    logging.getLogger("workers_env.runtime").warning(text, extra=WORKERD_WARNING)


def refuse_queuing_strategy(where: str, strategy: Any, default: int | None = None,
                            names: tuple[str, ...] = ("highWaterMark",), unnamed: int | None = None) -> None:
    """Refuse a queuing strategy workerd would follow and workers-env's stream would not: one with
    a ``highWaterMark`` other than ``default`` (the one the stream models; ``None``: it models
    none, workerd's internal stream without one) or, among ``names``, a ``size`` -- run as if it
    were not given, its ``desiredSize`` and backpressure would silently be another stream's.
    ``unnamed``: the ``highWaterMark`` of a strategy given (``null`` too) that names none, where
    that is not ``default`` (a TransformStream's readable side: the standard's 1)."""
    if strategy is None or (strategy is js_null() and unnamed is None):
        return
    given = {} if strategy is js_null() else _source_fields(strategy, names, f"queuing strategy of {where}")
    fields = {key: value for key, value in given.items() if value is not None}
    if unnamed is not None and "highWaterMark" not in fields and unnamed != default:
        raise NotEmulatedError(f"{where} with a queuing strategy that names no highWaterMark (null, {{}}, or a dict "
                               f"whose keys production does not read) is not emulated by workers-env: workerd's "
                               f"stream then takes highWaterMark {unnamed}, workers-env's models only {default}; "
                               f"leave the strategy out or give highWaterMark {default}")
    mark = fields.get("highWaterMark")
    for field in ("size", "highWaterMark"):
        if field in fields and (field == "size" or default is None or to_number(mark) != default):
            raise NotEmulatedError(f"{where} with a queuing strategy's {field} is not emulated by workers-env"
                                   + ("" if default is None else f" (only highWaterMark {default}, the default, is)")
                                   + "; leave the strategy out")


def strategy_mark(strategy: Any, where: str) -> int | None:
    """An internal stream's queuing strategy's ``highWaterMark`` (``None``: none given), a
    ``uint64_t`` as jsg reads it (:func:`_jsg_uint64`); its ``size``, if any, is not read
    (identity-transform-stream.c++ ``QueuingStrategy``)."""
    if strategy is None or strategy is js_null():
        return None
    mark = _source_fields(strategy, ("highWaterMark",), "queuing strategy of " + where).get("highWaterMark")
    return None if mark is None else _jsg_uint64(mark)


def count_bytes(sink: LiveByteStream, mark: int | None) -> None:
    """Give an internal stream's writable side the highWaterMark ``mark`` (``None``: none, its
    ``desiredSize`` stays 1 while writable): bytes waiting count against it."""
    if mark is not None:
        sink.high_water_mark, sink.counts_bytes, sink.sizes = mark, True, ChunkLog(blank=0)


def transform_stream_class(name: str = "TransformStream") -> Any:
    """``js.TransformStream`` / ``js.IdentityTransformStream``: ``new()``; a transformer
    argument (chunks rewritten by JavaScript functions) is not emulated."""
    from types import SimpleNamespace

    from workers_env._errors import NotEmulatedError

    def new(transformer: Any = None, *strategies: Any) -> JsTransformStream:
        runtime = current_runtime()
        if name == "TransformStream" and runtime is not None and not runtime.transform_stream_standard:
            # before 2022-11-30 workerd's TransformStream is an IdentityTransformStream, and
            # arguments only bring a warning, once a request (streams/transform.c++)
            if transformer is not None or any(s is not None for s in strategies):
                _warn_once(_OLD_CONSTRUCTOR_ARGUMENTS)
            return JsIdentityTransformStream()
        if name == "IdentityTransformStream":  # its one parameter is a queuing strategy (identity-transform-stream.c++)
            identity = JsIdentityTransformStream()
            count_bytes(identity.writable._sink, strategy_mark(transformer, "an IdentityTransformStream"))
            return identity
        if transformer is not None:
            raise NotEmulatedError("new TransformStream(transformer) with transform functions is not emulated by "
                                   "workers-env; new TransformStream() (chunks passed through) is")
        writable = strategies[0] if strategies else None
        mark, size = (1, None) if writable is None or writable is js_null() else _strategy(
            writable, None, "a WritableStream")
        # (workerd's readable side takes highWaterMark 0 only with no strategy at all: one given, null
        # too, that names none is the standard's 1 -- streams/transform.c++, standard.c++ getHighWaterMark)
        refuse_queuing_strategy("new TransformStream(transformer, readableStrategy)",
                                strategies[1] if len(strategies) > 1 else None, 0, ("highWaterMark", "size"), unnamed=1)
        stream = JsTransformStream()
        sink = stream.writable._sink
        sink.high_water_mark, sink.write_size = mark, size
        if size is not None:  # each chunk counts what it says (workerd's ``WriteRequest.size``)
            sink.sizes = ChunkLog(blank=0)
        return stream

    return SimpleNamespace(new=new, name=name)
