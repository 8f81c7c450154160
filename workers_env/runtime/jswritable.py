"""The writable side of a stream written while it is read: ``WritableStream`` and its
``WritableStreamDefaultWriter`` (``write``, ``close``, ``abort``, ``releaseLock``, ``ready``,
``closed``, ``desiredSize``), for a ``TransformStream``'s and workerd's internal streams.

Apart from the readable side (runtime/jslivereadable.py) and from ``TransformStream`` itself
(runtime/jsstreams.py), which makes one of these over its byte channel: the writer meets the
reader only through that channel (runtime/livebytestream.py).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.current import current_runtime
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.jstopy import js_null
from workers_env.runtime.livebytestream import (
    _WRITER_RELEASED,
    ByteSink,
    LiveByteStream,
    _closing,
    _crossed_chunk,
    _error_of,
    undefined_reason,
)
from workers_env.runtime.queuingstrategy import _jsg_uint64
from workers_env.runtime.stalls import wait
from workers_env.runtime.webloop import js_call, kept_promise

__all__ = ["JsWritableStream"]

#: a writer's write or close once its stream closed -- or, for an internal stream, errored:
#: workerd detaches an internal stream's writer then (internal.c++ ``doError`` drops the
#: ``WriterLocked``, whose destructor detaches it) and the writer refuses (writable.c++)
_CLOSED = "This WritableStream has been closed."
#: a JavaScript ``TransformStream``'s write while its close is queued (standard.c++ ``WritableImpl::write``)
_CLOSING_WRITE = "This ReadableStream is closed."
#: its second ``close()`` while the first is queued (standard.c++ ``WritableImpl::close``)
_CLOSING_CLOSE = "Cannot close a writer that is already being closed"
#: what an internal stream's reader meets once the writer aborted while a write waited for a
#: read (identity-transform-stream.c++: the canceled write leaves a ``DISCONNECTED`` error)
_CONNECTION_LOST = "Network connection lost."


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
