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

This module holds what makes these streams and what only that needs: ``TransformStream`` and
``IdentityTransformStream``, ``new ReadableStream(source)`` with its controller, the ``js``
classes over them, and the cancel of a body whose client left. The stream under them is in
runtime/livebytestream.py, the readable side (reader, ``tee()``) in runtime/jslivereadable.py, the
writable side (writer) in runtime/jswritable.py, and queuing strategies as workerd reads them in
runtime/queuingstrategy.py; none of them imports this module.
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
from workers_env.runtime.jsbase import JsProxy, js_text, js_type_error
from workers_env.runtime.jsbuffers import JsBufferSource
from workers_env.runtime.jslivereadable import _LiveReadableStream, _refuse_cancel_when_errored
from workers_env.runtime.jspromise import JsPromise
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.jstopy import js_null
from workers_env.runtime.jswritable import _CONNECTION_LOST, JsWritableStream
from workers_env.runtime.livebytestream import (
    ByteSink,
    LiveByteStream,
    _crossed_chunk,
    _error_stream,
    _size_of,
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

__all__ = ["HANGING", "JsTransformStream", "readable_stream_class", "transform_stream_class"]

_MISSING: Any = object()


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
