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
import inspect
import logging
from typing import Any

from workers_env._loglevel import WORKERD_WARNING
from workers_env._errors import JsException
from workers_env.runtime.byidentity import WeakIdentitySet
from workers_env.runtime.chunklog import ChunkLog
from workers_env.runtime.current import current_context, current_runtime, scheduled_by
from workers_env.runtime.heldreads import HeldReads
from workers_env.runtime.jsbase import JsProxy, js_text, js_type_error
from workers_env.runtime.jsbuffers import READ_BUFFER_SIZE, JsBufferSource, read_buffer_view
from workers_env.runtime.jspromise import JsPromise
from workers_env.runtime.jsproxy import JsArray, JsObject, js_null
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
from workers_env.runtime.jswritable import _CONNECTION_LOST, JsWritableStream
from workers_env.runtime.livebytestream import (
    _HELD,
    END,
    ByteSink,
    LiveByteStream,
    _crossed_chunk,
    _error_of,
    _error_stream,
    _read_value,
    _size_of,
    cancel_error,
    undefined_reason,
)
from workers_env.runtime.queuingstrategy import (
    _jsg_uint64,
    _source_fields,
    _strategy,
    count_bytes,
    refuse_queuing_strategy,
    strategy_mark,
)
from workers_env.runtime.stalls import HANGING
from workers_env.runtime.webloop import begun_at_once, js_call, kept_promise, promise_instead

__all__ = ["HANGING", "READER_RELEASED", "JsTransformStream",
           "live_readable", "readable_stream_class", "transform_stream_class"]

_MISSING: Any = object()
_ONE_READ_AT_A_TIME = ONE_READ_AT_A_TIME
_RELEASE_WHILE_READING = RELEASE_WHILE_READING


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
