"""The channel under every stream written while it is read: :class:`LiveByteStream` (chunks a
writer adds over time and readers take, each write resolving once a read has taken its chunk) and
:class:`ByteSink`, the kind workerd's internal streams have, with the helpers for chunks and errors
that the readable and writable sides share.

Apart from the JavaScript objects over it -- the reader and ``ReadableStream`` in
runtime/jslivereadable.py, the writer and ``WritableStream`` in runtime/jswritable.py,
``TransformStream`` and ``new ReadableStream(source)`` in runtime/jsstreams.py -- which all use
this channel while it uses none of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import weakref
from typing import Any

from workers_env._loglevel import WORKERD_WARNING
from workers_env._errors import JsException, NotEmulatedError, add_hint
from workers_env._jsvalues import ByteStream, js_number
from workers_env.runtime.chunklog import ChunkLog
from workers_env.runtime.current import acting_for, adopt_task, counts_task, current_context, current_runtime
from workers_env.runtime.heldreads import HeldRead, HeldReads
from workers_env.runtime.jsbase import js_type_error
from workers_env.runtime.jsbuffers import JsBufferSource
from workers_env.runtime.jspromise import JsPromise, microtask, rejection
from workers_env.runtime.jsproxy import JsArray, JsObject, JsTypedArray
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.stalls import wait
from workers_env.runtime.tracebacks import as_rejection
from workers_env.runtime.webloop import PyodideFuture

__all__ = ["STILL_WRITTEN", "ByteSink", "buffer_of", "open_sources", "LiveByteStream", "cancel_error", "live_source"]


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
#: a JavaScript ``TransformStream``'s writes still waiting when its readable side is canceled
#: (standard.c++ ``TransformStreamDefaultController::enqueue``)
_NO_LONGER_READABLE = "The readable side of this TransformStream is no longer readable."

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


def _closing(sink: LiveByteStream) -> bool:
    """The writer's ``close()`` is queued behind writes not yet taken (or has not completed)."""
    return (not sink._open and not sink._close_done and sink._canceled is None and not sink._aborted
            and (sink._error is None or sink._error is sink._short))


def _error_stream(sink: LiveByteStream, reason: Any) -> None:
    """A ``new ReadableStream``'s source errors it (``controller.error(reason)``, a ``start`` or
    ``pull`` that throws): unless closed already, the chunks queued are dropped and reads reject
    with ``reason`` -- ``undefined`` too (the spec's ``ReadableStreamDefaultControllerError``:
    ``ResetQueue``; a wrangler dev probe)."""
    if not sink.closed:
        sink.abort(reason)
