"""``ReadableStream.pipeTo``/``pipeThrough`` and workerd's ``FixedLengthStream``.

A Worker that streams a body on to something else (a request body into an R2 ``put`` through
``new FixedLengthStream(length)``, so R2 knows its size) pipes one stream into another's
``writable``: the pipe starts at once, as a JavaScript promise's work does, and the promise
settles when the source has been read to its end. ``FixedLengthStream`` is workerd's
``IdentityTransformStream`` with an expected byte count (``identity-transform-stream.c++``):
more bytes, or a close before all of them, errors the stream with workerd's texts.
"""

from __future__ import annotations

import asyncio
import math
from types import SimpleNamespace
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.current import GLOBAL_SCOPE_ERROR, in_global_scope
from workers_env.runtime.jsbase import js_type_error
from workers_env.runtime.jspromise import JsPromise
from workers_env.runtime.jsproxy import READER_LOCKED, JsReadableStream
from workers_env.runtime.jsstreams import (
    JsTransformStream,
    JsWritableStream,
    LiveByteStream,
    live_readable,
)

__all__ = ["fixed_length_stream_class", "pipe_through", "pipe_to"]

#: workerd's texts (readable.c++ ``pipeTo``; ``pipeThrough`` ends its writer text with a period)
_WRITER_LOCKED = "This WritableStream is currently locked to a writer"
_TOO_MANY = "Attempt to write too many bytes through a FixedLengthStream."
_TOO_FEW = "FixedLengthStream did not see all expected bytes before close()."
_TOO_LONG = "FixedLengthStream requires an integer expected length less than 2^53."
_MAX_SAFE_INTEGER = 2**53 - 1


def _option(options: Any, name: str) -> bool:
    if options is None:
        return False
    value = options.get(name) if isinstance(options, dict) else getattr(options, name, None)
    return bool(value)


def pipe_to(stream: JsReadableStream, destination: Any, options: Any = None) -> JsPromise:
    """``stream.pipeTo(destination, options)``: a promise; both streams stay locked while the
    chunks flow; the destination is closed at the end (unless ``preventClose``) and aborted
    with the source's error (unless ``preventAbort``)."""
    promise = JsPromise()
    if not isinstance(destination, JsWritableStream):
        promise._settle("rejected", js_type_error(
            "Failed to execute 'pipeTo' on 'ReadableStream': parameter 1 is not of type 'WritableStream'."))
        return promise
    if stream.locked:
        promise._settle("rejected", js_type_error(READER_LOCKED))
        return promise
    if destination.locked:
        promise._settle("rejected", js_type_error(_WRITER_LOCKED))
        return promise
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # outside any handler: there is no request for the pipe's I/O
        promise._settle("rejected", JsException(GLOBAL_SCOPE_ERROR))
        return promise
    reader, writer = stream.getReader(), destination.getWriter()
    sink = destination._sink

    async def run() -> None:
        try:
            while not (result := await reader.read()).done:
                await writer.write(result.value)
        except Exception as exc:  # noqa: BLE001 - the source's (or the sink's) error is the pipe's
            if not _option(options, "preventAbort") and not sink.closed:
                sink.close(exc)
            promise._settle("rejected", exc)
            return
        finally:
            reader.releaseLock()
            writer.releaseLock()
        if not _option(options, "preventClose") and not sink.closed:
            sink.close()
        promise._settle("fulfilled", None)

    loop.create_task(run())
    return promise


def pipe_through(stream: JsReadableStream, transform: Any, options: Any = None) -> JsReadableStream:
    """``stream.pipeThrough({writable, readable})``: pipes into ``writable``, returns ``readable``."""
    writable = getattr(transform, "writable", None)
    readable = getattr(transform, "readable", None)
    if not isinstance(writable, JsWritableStream) or not isinstance(readable, JsReadableStream):
        raise js_type_error("Failed to execute 'pipeThrough' on 'ReadableStream': parameter 1 is not of type "
                            "'ReadableWritablePair'.")
    if stream.locked:
        raise js_type_error(READER_LOCKED)
    if writable.locked:
        raise js_type_error(_WRITER_LOCKED + ".")
    pipe_to(stream, writable, options)
    return readable


class _FixedLengthSink(LiveByteStream):
    """The bytes of a ``FixedLengthStream``: exactly ``expected`` of them, or the stream errors."""

    def __init__(self, expected: int):
        super().__init__()
        self._left = expected

    def push(self, chunk: Any) -> None:
        if self.closed and self._error is not None:
            raise self._error if isinstance(self._error, BaseException) else js_type_error(str(self._error))
        size = _byte_size(chunk)
        if size is not None and self._open:
            if size > self._left:
                error = js_type_error(_TOO_MANY)
                super().close(error)
                raise error
            self._left -= size
        super().push(chunk)

    def close(self, error: Any = None) -> None:
        if error is None and self._open and self._left != 0:
            error = js_type_error(_TOO_FEW)
        super().close(error)


def _byte_size(chunk: Any) -> int | None:
    """How many bytes a chunk carries (``None`` for one that is not bytes: reading it fails)."""
    from workers_env.runtime.jsbuffers import buffer_bytes

    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return len(chunk)
    try:
        return len(buffer_bytes(chunk))
    except Exception:  # noqa: BLE001 - a non-bytes chunk fails when read, as in a TransformStream
        return None


class JsFixedLengthStream(JsTransformStream):
    """``new FixedLengthStream(expectedLength)``."""

    _js_name = "FixedLengthStream"

    def __init__(self, expected: int):
        super().__init__()
        sink = _FixedLengthSink(expected)
        self.readable = live_readable(sink)  # type: ignore[assignment]
        self.writable = JsWritableStream(sink)


def _to_number(value: Any) -> float:
    """JavaScript's ``ToNumber`` of what a Python Worker passes (``None`` crosses as ``undefined``)."""
    if isinstance(value, (bool, int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return float(int(text, 0)) if text[:2].lower() in ("0x", "0o", "0b") else float(text or 0)
        except ValueError:
            return float("nan")
    return float("nan")


def _expected_length(value: Any) -> int:
    """jsg's ``uint64_t`` reading of the constructor's argument (value.h: any value through
    ``ToNumber``), then workerd's 2^53 check (identity-transform-stream.c++)."""
    number = _to_number(value)
    if math.isnan(number) or math.isinf(number):
        raise js_type_error("The value cannot be converted because it is not an integer.")
    if number < 0:
        raise js_type_error("The value cannot be converted because it is negative and this API expects a positive "
                            "bigint.")
    if number > _MAX_SAFE_INTEGER:
        raise js_type_error(_TOO_LONG)
    return int(number)


def fixed_length_stream_class() -> Any:
    """``js.FixedLengthStream``: ``new(expectedLength, queuingStrategy=None)``."""

    def new(expected_length: Any = None, *_ignored: Any) -> JsFixedLengthStream:
        expected = _expected_length(expected_length)  # jsg reads the argument before the body runs
        if in_global_scope():
            raise JsException(GLOBAL_SCOPE_ERROR)
        return JsFixedLengthStream(expected)

    return SimpleNamespace(new=new, name="FixedLengthStream")
