"""``ReadableStream.pipeTo``/``pipeThrough`` and workerd's ``FixedLengthStream``.

A Worker that streams a body on to something else (a request body into an R2 ``put`` through
``new FixedLengthStream(length)``, so R2 knows its size) pipes one stream into another's
``writable``: the pipe starts at once, as a JavaScript promise's work does, and the promise
settles when the source has been read to its end. The options are workerd's ``PipeToOptions``
(streams/common.h) and act as internal.c++ ``tryPipeFrom`` has them: ``preventClose``,
``preventAbort`` (the source's error does not abort the destination), ``preventCancel`` (the
destination's error or close does not cancel the source) and ``signal`` (an aborted one stops
the pipe with its reason). ``FixedLengthStream`` is workerd's ``IdentityTransformStream`` with
an expected byte count (``identity-transform-stream.c++``), counted as reads take the bytes:
more bytes, or a close before all of them, errors the stream with workerd's texts at that
read; a Response whose body it is goes out with that ``Content-Length`` (``tryGetLength``).
"""

from __future__ import annotations

import asyncio
import math
import re
from types import SimpleNamespace
from typing import Any

from workers_env._errors import JsException
from workers_env._jsvalues import JS_WHITESPACE, MAX_SAFE_INTEGER
from workers_env.runtime.abort import JsAbortSignal
from workers_env.runtime.current import GLOBAL_SCOPE_ERROR, current_runtime, in_global_scope
from workers_env.runtime.jsbase import js_type_error, jsnull
from workers_env.runtime.jspromise import JsPromise
from workers_env.runtime.jsproxy import JsLiteralMap, JsMap, JsObject
from workers_env.runtime.jspyproxies import pyproxy_options
from workers_env.runtime.jsreadable import READER_LOCKED, JsReadableStream
from workers_env.runtime.jsstreams import JsTransformStream
from workers_env.runtime.jswritable import JsWritableStream, _writer_closed_now
from workers_env.runtime.livebytestream import ByteSink, _waiter, buffer_of
from workers_env.runtime.queuingstrategy import count_bytes, strategy_mark
from workers_env.runtime.stalls import gathers

__all__ = ["fixed_length_stream_class", "pipe_through", "pipe_to"]

#: workerd's texts (readable.c++ ``pipeTo``; ``pipeThrough`` ends its writer text with a period)
_WRITER_LOCKED = "This WritableStream is currently locked to a writer"
_DESTINATION_CLOSED = "This destination writable stream is closed."  # internal.c++ tryPipeFrom
_TOO_MANY = "Attempt to write too many bytes through a FixedLengthStream."
_TOO_FEW = "FixedLengthStream did not see all expected bytes before close()."
_TOO_LONG = "FixedLengthStream requires an integer expected length less than 2^53."
#: what jsg says of an argument that is not a ``Transform`` (jsg/struct.h: an undefined or null
#: one is named by its struct's name from workerd 1.20261123.1 -- 1.20261117.1, wrangler 4.164.0's,
#: gave ``typeid(T).name()``, ``N7workerd3api14ReadableStream9TransformE`` -- measured to 1.20261201.1)
_TRANSFORM_MISSING = "Cannot initialize Transform with required members from an undefined or null value."
_NOT_A_TRANSFORM = "Failed to execute 'pipeThrough' on 'ReadableStream': parameter 1 is not of type 'Transform'."


def _properties(value: Any, where: str) -> dict[str, Any] | None:
    """An argument's properties as jsg reads a struct from it (``None``: not an object)."""
    if isinstance(value, JsLiteralMap):
        return value.read_properties()
    if isinstance(value, JsObject):
        return dict(value._props)
    if isinstance(value, JsMap):
        return {}
    if type(value) is dict:  # a PyProxy: Pyodide 0.28 reads its keys, 0.26 none
        return pyproxy_options(value, where)
    if value is None or value is jsnull or isinstance(value, (bool, int, float, str)):
        return None
    return {name: getattr(value, name, None) for name in ("readable", "writable", "preventAbort", "preventCancel",
                                                         "preventClose", "signal")}


def _pipe_options(options: Any, method: str) -> tuple[bool, bool, bool, JsAbortSignal | None]:
    """``(preventAbort, preventCancel, preventClose, signal)`` of jsg's ``PipeToOptions``: each
    flag read by truthiness, ``signal`` an ``AbortSignal`` or absent."""
    if options is None or options is jsnull:
        return False, False, False, None
    props = _properties(options, f"options of ReadableStream.{method}()")
    if props is None:
        raise js_type_error(f"Failed to execute '{method}' on 'ReadableStream': parameter 2 is not of type "
                            "'PipeToOptions'.")
    from workers_env._jscoercions import js_truthy

    flags = [js_truthy(props.get(name)) for name in ("preventAbort", "preventCancel", "preventClose")]
    signal = props.get("signal")
    if signal is not None and not isinstance(signal, JsAbortSignal):
        raise js_type_error("Incorrect type for the 'signal' field on 'PipeToOptions': the provided value is not of "
                            "type 'AbortSignal'.")
    return flags[0], flags[1], flags[2], signal


def pipe_to(stream: JsReadableStream, destination: Any, options: Any = None) -> JsPromise:
    """``stream.pipeTo(destination, options)``: a promise; both streams stay locked while the
    chunks flow; the destination is closed at the end (unless ``preventClose``) and aborted
    with the source's error (unless ``preventAbort``); the destination's error or close
    cancels the source (unless ``preventCancel``); an aborted ``signal`` stops it all."""
    promise = JsPromise()
    try:
        _start_pipe(stream, destination, options, "pipeTo", promise)
    except Exception as exc:  # noqa: BLE001 - jsg turns a promise-returning method's throw into a rejection
        promise._settle("rejected", exc)
    return promise


def _start_pipe(stream: JsReadableStream, destination: Any, options: Any, method: str, promise: JsPromise) -> None:
    """Check the arguments (raising what ``pipeThrough`` throws), then run the pipe, settling
    ``promise`` (at once when the signal is aborted or the destination closed already)."""
    if not isinstance(destination, JsWritableStream):
        raise js_type_error(f"Failed to execute '{method}' on 'ReadableStream': parameter 1 is not of type "
                            "'WritableStream'.")
    prevent_abort, prevent_cancel, prevent_close, signal = _pipe_options(options, method)
    if stream.locked:
        raise js_type_error(READER_LOCKED)
    if destination.locked:
        raise js_type_error(_WRITER_LOCKED + ("." if method == "pipeThrough" else ""))
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # outside any handler: there is no request for the pipe's I/O
        promise._settle("rejected", JsException(GLOBAL_SCOPE_ERROR))
        return
    stream._read_from = True  # piped at all: disturbed, a body refuses it (the spec's ReadableStreamPipeTo;
    # a wrangler dev probe: also with preventCancel, also when the destination was closed already)
    if signal is not None and signal.aborted:
        promise._settle("rejected", signal.reason)
        return
    sink = destination._sink
    if sink.closed:  # closed or errored already: the source is canceled with the reason
        error = (sink._error if sink._error is not None else sink._canceled if sink._canceled is not None
                 else js_type_error(_DESTINATION_CLOSED))
        if not prevent_cancel:
            loop.create_task(stream._cancel(error))
        promise._settle("rejected", error)
        return
    reader, writer = stream.getReader(), destination.getWriter()

    runtime = current_runtime()
    backward = runtime is None or runtime.pipe_to_backward_propagation

    async def run() -> None:
        aborted = loop.create_future()
        nonlocal_error: list[BaseException | None] = [None]  # the destination's error met during a read

        def on_abort(_event: Any) -> None:
            if not aborted.done():
                aborted.set_result(None)

        async def step(awaitable: Any, watch: bool = False) -> asyncio.Future[Any] | None:
            """``awaitable`` run as a future, awaited until it settles or the signal aborts
            (``None`` then); without a signal it is awaited directly, so a write nothing reads
            is seen as waiting on that read (runtime/stalls.py). ``watch`` (a read): the
            destination erroring meanwhile ends the wait too (``None``, its error in ``nonlocal_error``)."""
            future = asyncio.ensure_future(awaitable)
            if watch:
                watcher = loop.create_task(_destination_error(sink))
                await _first_of([future, watcher] + ([aborted] if signal is not None else []))
                if not watcher.done():
                    watcher.cancel()
                elif watcher.result() is not None and not future.done():
                    nonlocal_error[0] = watcher.result()
                    future.add_done_callback(_retrieved)
                    return None
                if future.done():
                    return future
                future.add_done_callback(_retrieved)
                return None
            if signal is None:
                try:
                    await future
                except Exception:  # noqa: BLE001, S110 - read from the future by the caller
                    pass
                return future
            await asyncio.wait({future, aborted}, return_when=asyncio.FIRST_COMPLETED)
            if future.done():
                return future
            future.add_done_callback(_retrieved)
            return None

        async def stop() -> None:
            reason = signal.reason if signal is not None else None
            if not prevent_cancel:
                await reader.cancel(reason)
            if not prevent_abort and not sink.closed:
                sink.abort(_as_exception(reason))
            promise._settle("rejected", reason)

        if signal is not None:
            signal._listen(on_abort, on_abort)  # workers-env's own listener: no borrowed proxy
        try:
            while True:
                read = await step(reader.read(), watch=True)
                if read is None and nonlocal_error[0] is not None:
                    # the destination errored while the source had nothing to give: the source is
                    # canceled with its error and, from ``pipe_to_backward_propagation``, the pipe
                    # rejects with it; before it, the pipe resolves (wrangler dev 4.164.0)
                    error = nonlocal_error[0]
                    if not prevent_cancel:
                        await reader.cancel(error)
                    if backward:
                        promise._settle("rejected", error)
                    else:
                        promise._settle("fulfilled", None)
                    return
                if read is None:
                    await stop()
                    return
                try:
                    result = read.result()
                except Exception as exc:  # noqa: BLE001 - the source's error is the pipe's
                    if not prevent_abort and not sink.closed:
                        sink.close(exc)
                    promise._settle("rejected", exc)
                    return
                if result.done:
                    break
                if isinstance(sink, ByteSink) and not _byte_chunk(result.value):
                    # an internal writable takes only bytes or a string: workerd's pipe loop
                    # aborts its sink (the readable side errors) and the pipe fails with that
                    # error, the source canceled (internal.c++ ``Pipe::noBytesError``, ``pipeLoop``)
                    error = js_type_error(_NO_BYTES)
                    sink.abort(error)
                    if not prevent_cancel:
                        await reader.cancel(error)
                    promise._settle("rejected", error)
                    return
                written = await step(writer.write(result.value))
                if written is None:
                    await stop()
                    return
                try:
                    written.result()
                except Exception as exc:  # noqa: BLE001 - the destination's error is the pipe's
                    if not prevent_cancel:
                        await reader.cancel(exc)
                    promise._settle("rejected", exc)
                    return
        finally:
            if signal is not None:
                signal._unlisten(on_abort)
            getattr(reader, "release", reader.releaseLock)()  # not refused while a read waits (jslivereadable)
            writer.releaseLock()
        if not prevent_close and isinstance(sink, ByteSink) and sink._canceled is not None:
            promise._settle("rejected", sink._canceled)  # the close meets the error a read gave the sink
            return
        if not prevent_close and not sink.closed:
            sink.close()
        promise._settle("fulfilled", None)

    promise._settler = loop.create_task(run())  # type: ignore[attr-defined] # awaiting it waits on the pipe


#: a pipe into an internal writable given a chunk that is neither bytes nor a string
_NO_BYTES = "This WritableStream only supports writing byte types."


def _byte_chunk(value: Any) -> bool:
    """A chunk an internal writable's pipe takes: a buffer or a string (internal.c++ ``pipeLoop``)."""
    return isinstance(value, str) or buffer_of(value) is not None


async def _destination_error(sink: Any) -> BaseException | None:
    """The error a pipe's destination comes to hold (as its writer's ``closed`` rejects): a
    JavaScript ``TransformStream`` errors its writable at once when its readable side is
    canceled; an internal stream learns that only at its next write (see jswritable
    ``_writer_closed_now``). ``None`` when it closes instead or nothing can change any more."""
    try:
        while True:
            state = _writer_closed_now(sink)
            if isinstance(state, BaseException):
                return state
            if state is True:
                return None
            await sink._next_change()
    except Exception:  # noqa: BLE001 - a hung stream: the read the pipe waits on reports it
        return None


class _FirstOf:
    """The inputs a :func:`_first_of` wait settles from, as the hung-request check reads a
    promise combinator's (``stall_parts``): the read a pipe waits on and the watch on its
    destination are both stream waits, so a pipe whose source never gives is still hung."""

    def __init__(self, parts: list[asyncio.Future[Any]]):
        self.parts = parts

    def stall_parts(self) -> list[asyncio.Future[Any]]:
        return [part for part in self.parts if not part.done()]


async def _first_of(parts: list[asyncio.Future[Any]]) -> None:
    """Wait until the first of ``parts`` settles -- ``asyncio.wait(FIRST_COMPLETED)``, but on a
    future the hung-request check sees through (runtime/stalls.py ``gathers``)."""
    either = _waiter()  # (no one else sees it: no loop callback of Pyodide's a chunk)
    inputs = _FirstOf(parts)

    def settled(_: asyncio.Future[Any]) -> None:
        if not either.done():
            either.set_result(None)

    for part in parts:
        part.add_done_callback(settled)
    gathers(either, inputs)
    try:
        await either
    finally:
        for part in parts:
            part.remove_done_callback(settled)


def _retrieved(future: asyncio.Future[Any]) -> None:
    """A step the abort overtook: its outcome is no one's (marked seen, not logged)."""
    if not future.cancelled():
        future.exception()


def _as_exception(reason: Any) -> BaseException:
    return reason if isinstance(reason, BaseException) else JsException(str(reason))


def pipe_through(stream: JsReadableStream, transform: Any, options: Any = None) -> JsReadableStream:
    """``stream.pipeThrough({readable, writable})``: pipes into ``writable``, returns ``readable``;
    the argument read as jsg reads its ``Transform`` struct (``readable`` first)."""
    if transform is None or transform is jsnull:
        raise js_type_error(_TRANSFORM_MISSING)
    props = _properties(transform, "argument of ReadableStream.pipeThrough()")
    if props is None:
        raise js_type_error(_NOT_A_TRANSFORM)
    readable, writable = props.get("readable"), props.get("writable")
    if not isinstance(readable, JsReadableStream):
        raise js_type_error("Incorrect type for the 'readable' field on 'Transform': the provided value is not of "
                            "type 'ReadableStream'.")
    if not isinstance(writable, JsWritableStream):
        raise js_type_error("Incorrect type for the 'writable' field on 'Transform': the provided value is not of "
                            "type 'WritableStream'.")
    _start_pipe(stream, writable, options, "pipeThrough", JsPromise())  # its outcome is marked handled
    return readable


class _FixedLengthSink(ByteSink):
    """The bytes of a ``FixedLengthStream``: exactly ``expected`` of them, or the stream errors.

    workerd counts the bytes as reads take them (identity-transform-stream.c++
    ``tryReadInternal``): the read that takes a chunk (or a piece of it: a read takes at most its
    buffer's 4 KiB) past the length fails with ``Attempt to write too many bytes ...`` and
    cancels the stream with it; that chunk's write resolves if the read took all that was left
    of it, else fails with the error; a write or ``close()`` after it fails with the same error. A
    write nothing reads just waits, as any write does. Fewer bytes than expected: the reader
    meets ``did not see all expected bytes`` at the end, and the writer's ``close()`` resolves."""

    def __init__(self, expected: int):
        super().__init__()
        self.expected_length: int = expected  # (always known: a ByteStream's may be None)
        self._written = 0
        self._left = expected  # what reads may still take
        self._short: Any = None  # the error of a close before all the bytes, met at the end of the reads

    def push(self, chunk: Any, size: int = 1) -> int | None:
        self.refuse_when_done()
        data = self.chunk_bytes(chunk)
        index = super().push(data)
        if index is not None:
            self._written += len(data)
        return index

    def _take(self, upto: int) -> None:
        chunks = self._chunks or []
        for index in range(self._taken, min(upto, len(chunks))):
            size = len(chunks[index]) - (self._piece_at if index == self._read_at else 0)
            if size > self._left:
                self._overflow(index, whole=True)
                return
            self._left -= size
        super()._take(upto)

    def _take_piece(self, size: int) -> bool:
        if size > self._left:
            self._overflow(self._read_at, whole=False)
            return False
        self._left -= size
        return True

    def _overflow(self, index: int, whole: bool) -> None:
        """A read took (the rest of, when ``whole``) chunk ``index`` or a piece of it, past the
        length: the stream errors (its reader meets the error instead of the bytes) and is
        canceled with it (what the writer meets next). The chunk's write resolves when the read
        took all that was left of it, else fails with the error (identity-transform-stream.c++
        ``tryReadInternal``: ``cancel`` rejects the write still waiting)."""
        error = js_type_error(_TOO_MANY)
        if self._chunks is not None:
            del self._chunks[index:]
        self._canceled = self._error = error
        self._open = self._read_pending = False
        self._taken = index + 1 if whole else index  # taken whole: its write resolves
        self._piece_at = 0
        self._wake_all()

    def close(self, error: Any = None) -> None:
        if error is None and self._open and self._written < self.expected_length:
            error = self._short = js_type_error(_TOO_FEW)
        super().close(error)

    def cancel(self, reason: Any = None) -> None:
        if self._short is not None and self._error is self._short and self._taken < len(self._chunks or []):
            self._error = None  # closed short, but no read met the end yet: its writes still wait, the cancel fails them
        super().cancel(reason)


class JsFixedLengthStream(JsTransformStream):
    """``new FixedLengthStream(expectedLength)``."""

    _js_name = "FixedLengthStream"

    def __init__(self, expected: int):
        super().__init__(_FixedLengthSink(expected))


#: a decimal literal as JavaScript's ``ToNumber`` reads a string (no ``_``, no ``inf``/``nan``)
_JS_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _to_number(value: Any) -> float:
    """JavaScript's ``ToNumber`` of what a Python Worker passes (``None`` crosses as
    ``undefined``, NaN; ``null`` is 0; an object, as its string, NaN here)."""
    if value is jsnull:
        return 0.0
    if isinstance(value, (bool, int, float)):
        return float(value)
    if not isinstance(value, str):
        return float("nan")
    text = value.strip(JS_WHITESPACE)  # (what ``ToNumber`` trims)
    if not text:
        return 0.0
    if text in ("Infinity", "+Infinity", "-Infinity"):
        return float(text)
    if len(text) > 2 and text[0] == "0" and text[1] in "xXoObB":
        digits = {"x": "0123456789abcdefABCDEF", "o": "01234567", "b": "01"}[text[1].lower()]
        return float(int(text[2:], {"x": 16, "o": 8, "b": 2}[text[1].lower()])) if all(
            c in digits for c in text[2:]) else float("nan")
    return float(text) if _JS_DECIMAL.fullmatch(text) else float("nan")


def _expected_length(value: Any) -> int:
    """jsg's ``uint64_t`` reading of the constructor's argument (value.h), then workerd's 2^53
    check (identity-transform-stream.c++). A Python int past 2^53 reaches JavaScript as a
    BigInt (Pyodide's conversion), which jsg reads losslessly or refuses; any other value goes
    through ``ToNumber``."""
    if type(value) is int and abs(value) > MAX_SAFE_INTEGER:
        if not 0 <= value < 2**64:
            raise js_type_error("The value cannot be converted because it is either negative and this API expects a "
                                "positive bigint, or the value would be truncated.")
        raise js_type_error(_TOO_LONG)
    number = _to_number(value)
    if math.isnan(number) or math.isinf(number):
        raise js_type_error("The value cannot be converted because it is not an integer.")
    if number < 0:
        raise js_type_error("The value cannot be converted because it is negative and this API expects a positive "
                            "bigint.")
    if number > 2.0**64:  # jsg compares with kj::maxValue as a double, 2^64
        raise js_type_error("Value out of range. Must be less than or equal to 18446744073709551615.")
    if number > MAX_SAFE_INTEGER:
        raise js_type_error(_TOO_LONG)
    return int(number)


def fixed_length_stream_class() -> Any:
    """``js.FixedLengthStream``: ``new(expectedLength, queuingStrategy=None)``; a strategy's
    ``highWaterMark`` is its writable side's, at most ``expectedLength`` (:func:`~.queuingstrategy.count_bytes`)."""

    def new(expected_length: Any = None, strategy: Any = None) -> JsFixedLengthStream:
        expected = _expected_length(expected_length)  # jsg reads the arguments before the body runs
        mark = strategy_mark(strategy, "a FixedLengthStream")
        if in_global_scope():
            raise JsException(GLOBAL_SCOPE_ERROR)
        stream = JsFixedLengthStream(expected)  # its highWaterMark at most its length (identity-transform-stream.c++)
        count_bytes(stream.writable._sink, None if mark is None else min(mark, expected))
        return stream

    return SimpleNamespace(new=new, name="FixedLengthStream")
