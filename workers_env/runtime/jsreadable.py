"""A JS ``ReadableStream`` as Python Worker code holds it (a binding's body stream) and its
default and BYOB readers, with workerd's lock and read-request errors."""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from workers_env import _jsvalues
from workers_env._errors import JsException, NotEmulatedError
from workers_env._jsvalues import ByteStream
from workers_env.runtime.current import current_context
from workers_env.runtime.heldreads import HeldReads
from workers_env.runtime.heldreads import resolve as held_resolve
from workers_env.runtime.jsbase import (
    JsProxy,
    js_type_error,
)
from workers_env.runtime.jsbuffers import READ_BUFFER_SIZE, JsDataView, JsTypedArray, byob_read_view, read_buffer_view
from workers_env.runtime.jsproxy import JsArray, JsObject, OwnsNoProperties, options_member
from workers_env.runtime.stalls import wait
from workers_env.runtime.webloop import (
    begun_at_once,
    js_call,
    kept_promise,
    promise_instead,
)

__all__ = [
    "JsReadableStream",
    "JsgObject",
]


#: workerd's text (readable.c++ ``tee``), comma and all
TEE_LOCKED = "This ReadableStream is currently locked to a reader,"  # (sic: workerd's tee())
#: workerd's getReader() (and a locked stream read as a body): readable.c++
READER_LOCKED = "This ReadableStream is currently locked to a reader."
#: a released reader's read, cancel and pending ``closed`` (readable.c++, internal.c++ ``releaseReader``)
READER_RELEASED = "This ReadableStream reader has been released."
#: a pump of an internal stream already read from, canceled or teed: a binding handed it whole
#: (KV's ``put``, R2's: ``pumpTo``; internal.c++ ``removeSource``)
PUMP_DISTURBED = "This ReadableStream is disturbed."
#: a stream read from (or canceled, teed) as a body: http.c++ ``ExtractedBody``
DISTURBED = "This ReadableStream is disturbed (has already been read from), and cannot be used as a body."
#: ... and of one locked to a reader (readable.c++ ``ReadableStream::pumpTo``)
PUMP_LOCKED = "The ReadableStream has been locked to a reader."
#: an internal stream's second read while one waits (internal.c++ ``ReadableStreamInternalController::read``)
ONE_READ_AT_A_TIME = "This ReadableStream only supports a single pending read request at a time."
#: an internal stream reader's ``releaseLock()`` while a read waits (internal.c++ ``releaseReader``)
RELEASE_WHILE_READING = "Cannot call releaseLock() on a reader with outstanding read promises."


def byob_mode(options: Any) -> bool:
    """Whether ``getReader(options)`` asks for a BYOB reader (``{mode: "byob"}``, or
    ``getReader(mode="byob")``); another mode is workerd's TypeError (readable.c++ getReader)."""
    mode = getattr(options, "mode", None) if isinstance(options, JsObject) else options_member(options, "mode")
    if mode is not None and _jsvalues.js_string(mode) != "byob":
        raise js_type_error("mode must be undefined or 'byob' in call to getReader().")
    return mode is not None


def byob_not_emulated(options: Any) -> None:
    """``getReader({mode: "byob"})`` of a stream whose BYOB reader workers-env does not emulate
    (an ``IdentityTransformStream``'s, a byte ``ReadableStream``'s) -- said so rather than
    handing out a default reader."""
    if byob_mode(options):
        raise NotEmulatedError('getReader({mode: "byob"}) (a BYOB reader) of this stream is not emulated by '
                               "workers-env (a body's is); getReader() (a default reader, whose read() gives each "
                               "chunk) is")


class JsgObject(OwnsNoProperties):
    """A workerd API object -- a ``Request``, ``Headers``, a ``URL``, a ``Blob``, a stream: jsg
    defines its properties on the prototype (``workers_api_getters_setters_on_prototype``,
    2022-01-31, older than any Python Worker), so it owns none: ``Object.keys`` and co. are empty."""

    __slots__ = ()  # a mixin of JS values' classes: no ``__weakref__`` (see PyodideProxyType)


class JsReadableStream(JsgObject, JsProxy):
    """A JS ``ReadableStream`` of bytes (what a binding's streamed result is), readable once.

    Worker code hands it to ``Response(stream)``, reads it with ``getReader().read()`` or
    iterates it with ``async for chunk in stream`` or ``values()`` (each chunk a ``Uint8Array``).
    """

    _js_name = "ReadableStream"

    def __init__(self, source: ByteStream):
        self._source = source
        self._reader: _StreamReader | None = None
        #: the chunks not read yet, once a reader has started reading (None before: the
        #: stream is not disturbed until a reader's first ``read()``), and how many bytes of the
        #: first one were read
        self._pending: deque[bytes] | None = None
        self._pending_at = 0
        #: a read met the end or the stream was canceled: closed, as workerd's internal stream
        #: becomes only then (internal.c++ ``doClose``), which its reader's ``closed`` waits for
        self._ended = False
        #: read from, canceled or teed: workerd's ``disturbed`` (internal.c++), which a body refuses
        self._read_from = False

    @property
    def locked(self) -> bool:
        return self._reader is not None

    def getReader(self, options: Any = None, *_ignored: Any) -> _StreamReader:  # noqa: N802 - JS name
        """A reader (``{mode: "byob"}``: a BYOB one); the stream is locked to it until
        ``releaseLock()``, and read from at its first ``read()`` (a new reader after a release goes
        on where the last one stopped)."""
        if self._reader is not None:
            raise js_type_error(READER_LOCKED)
        self._reader = _ByobReader(self) if byob_mode(options) else _StreamReader(self)
        return self._reader

    def _next_chunk(self, most: int = READ_BUFFER_SIZE) -> bytes | memoryview | None:
        """A reader's ``read()``: the next bytes, or None at the end -- at most a read buffer's
        worth (:data:`READ_BUFFER_SIZE`; a BYOB read's, ``most``: its view's size) of one chunk,
        the rest left for the next read. A body
        made from one buffer is one chunk, read 4 KiB at a time as workerd's memory source is
        (streams/common.c++ ``MemoryInputStream``); a binding's stream in chunks (what arrives
        over the network in workerd) gives each chunk to reads of its own, as a network read
        takes what has arrived."""
        self._read_from = True
        pending = self._pending
        if pending is None:
            pending = self._pending = deque([] if self._source.consumed else self._take())
            self._pending_at = 0
        while pending and not pending[0]:
            pending.popleft()
        if not pending:
            self._end()
            return None
        chunk, at = pending[0], self._pending_at
        if len(chunk) - at > most:
            self._pending_at = at + most
            return memoryview(chunk)[at:at + most]
        pending.popleft()
        self._pending_at = 0
        return chunk if at == 0 else memoryview(chunk)[at:]

    def _end(self) -> None:
        """Closed (a read met the end, or a cancel): its reader's ``closed`` resolves."""
        if not self._ended:
            self._ended = True
            if isinstance(self._reader, _StreamReader):
                self._reader._changed()

    def tee(self) -> JsArray:
        """``[branch1, branch2]``: two streams of the same chunks; this one is locked. A stream
        already read (a body used up by ``text()``) is refused as a locked one, as workerd does;
        one a cancel or a read to its end closed, unlocked, gives two empty ones."""
        if self._reader is None and self._ended:  # closed by a read or a cancel: internal.c++ tee's Closed case
            self._reader = _StreamReader(self)
            return JsArray([JsReadableStream(ByteStream([], expected_length=0)),
                            JsReadableStream(ByteStream([], expected_length=0))])
        if self._reader is not None or (self._source.consumed and self._pending is None):
            raise js_type_error(TEE_LOCKED)
        chunks = self._take() if self._pending is None else self._unread()  # (internal.c++ tee: disturbed or not)
        self._read_from = True
        self._reader = _StreamReader(self)  # locked, as tee() leaves it
        self._pending = deque()
        # a branch's length is what is left of the stream's when that is known (kj's tee asks
        # its source: internal.c++ TeeAdapter ``tryGetLength``)
        left = None if self._source.expected_length is None else sum(len(c) for c in chunks)
        return JsArray([JsReadableStream(ByteStream(chunks, expected_length=left)),
                        JsReadableStream(ByteStream(chunks, expected_length=left))])

    def _unread(self) -> list[bytes]:
        """What a released reader's reads left (the rest of a chunk they took part of first)."""
        chunks, at = list(self._pending or ()), self._pending_at
        if at and chunks:
            chunks[0] = chunks[0][at:]
        return chunks

    def _take(self) -> list[bytes]:
        if self._source.consumed:
            raise js_type_error(DISTURBED)
        return self._source.take()

    def read_all(self) -> bytes:
        """The whole body (what ``new Response(stream)`` reads)."""
        return b"".join(self.read_chunks())

    def read_chunks(self) -> list[bytes]:
        """The whole body in the chunks its source gave (a binding's server-sent events each one)."""
        if self._reader is not None:
            raise js_type_error(READER_LOCKED)
        return self._take()

    def pump_all(self) -> bytes:
        """The bytes a binding handed the stream whole reads (workerd's ``pumpTo``): none of one
        locked to a reader; of an internal stream -- a body, a binding's, an
        ``IdentityTransformStream``'s readable -- only if nothing read from it, canceled or teed it
        (internal.c++ ``removeSource``); a JavaScript stream's pump goes on from where its reads
        stopped (standard.c++ ``pumpTo`` looks at no ``disturbed``)."""
        if self.locked:  # (a body ``text()`` used up too: its stream stays locked)
            raise js_type_error(PUMP_LOCKED)
        if self._read_from and getattr(self._source, "read_buffered", True):
            raise js_type_error(PUMP_DISTURBED)
        return self.read_all()

    @js_call
    async def cancel(self, reason: Any = None) -> None:
        """``cancel(reason)``: the stream reads as ended; a locked one is workerd's TypeError
        (readable.c++ ``cancel``) -- its reader's ``cancel()`` is the way to cancel it then."""
        if self._reader is not None:
            raise js_type_error(READER_LOCKED)
        await self._cancel(reason)

    async def _cancel(self, reason: Any = None) -> None:
        if not self._source.consumed:
            self._source.take()
        self._pending = deque()
        self._read_from = True
        self._disturbed()
        self._end()

    def _disturbed(self) -> None:
        """Canceled: disturbed, as a read makes it (internal.c++ ``cancel``); a body's marks its owner used."""

    def pipeTo(self, destination: Any = None, options: Any = None, *_ignored: Any) -> Any:  # noqa: N802 - JS name
        """``pipeTo(writable)``: a promise, which Worker code holds as the ``PyodideFuture``
        Pyodide makes of a call's promise; the pipe runs at once (see :mod:`jspipes`)."""
        from workers_env.runtime.jspipes import pipe_to
        from workers_env.runtime.jspromise import called_promise

        return called_promise(pipe_to(self, destination, options))

    def pipeThrough(self, transform: Any = None, options: Any = None, *_ignored: Any) -> Any:  # noqa: N802 - JS name
        """``pipeThrough({writable, readable})``: pipes into ``writable``, gives ``readable``."""
        from workers_env.runtime.jspipes import pipe_through

        return pipe_through(self, transform, options)

    def values(self, options: Any = None, *_ignored: Any) -> Any:
        """``values({preventCancel})``: workerd's async iterator over the chunks, holding the
        stream's lock until the end or its ``return()`` (see :mod:`jsstreamiter`)."""
        from workers_env.runtime.jsstreamiter import stream_values

        return stream_values(self, options)

    def __aiter__(self) -> Any:
        """``async for chunk in stream``: Pyodide calls ``[Symbol.asyncIterator]()``, which is
        ``values()`` -- each chunk a ``Uint8Array``; leaving the loop early keeps the lock."""
        return self.values()


class _StreamReader(JsgObject, JsProxy):
    """``ReadableStreamDefaultReader`` of a body (an internal stream, all its bytes at hand):
    ``await read()`` gives ``{done, value}``; ``closed`` resolves once a read has met the end
    or the stream was canceled (internal.c++ ``doClose``, from the read or ``doCancel``). A
    read of a stream not yet closed is held (see :mod:`heldreads`: workerd's waits for an I/O
    turn, its bytes at hand or not): till it settles a second read is refused, ``releaseLock()``
    throws and ``cancel(reason)`` rejects it with the reason (internal.c++ ``read``,
    ``releaseReader``, ``doCancel``; wrangler dev probes)."""

    _js_name = "ReadableStreamDefaultReader"

    def __init__(self, stream: JsReadableStream):
        self._stream: JsReadableStream | None = stream
        #: how ``closed`` stood at ``releaseLock()``: resolved (``True``) or still pending
        self._closed_kept = False
        self._waiters: list[asyncio.Future[Any]] = []
        self._ctx = current_context()  # the request whose code reads it (runtime/stalls.py)
        self._held = HeldReads(held_resolve)

    @js_call
    async def read(self) -> JsObject:
        stream = self._readable()
        readable = not stream._ended
        chunk = stream._next_chunk()
        if chunk is None:
            result = JsObject({"done": True, "value": None})
        else:
            result = JsObject({"done": False, "value": read_buffer_view(chunk)})
        if readable and begun_at_once():  # held till its I/O turn (see the class)
            promise_instead(self._held.hold(result))
        return result

    def _readable(self) -> JsReadableStream:
        """The stream a read reads: refused once released, or while a read waits."""
        stream = self._stream
        if stream is None:
            raise js_type_error(READER_RELEASED)
        if self._held.reads:
            raise js_type_error(ONE_READ_AT_A_TIME)
        return stream

    def releaseLock(self) -> None:  # noqa: N802 - JS name
        """Unlock the stream (a new reader may read on); this reader reads no more, and its
        ``closed`` rejects with workerd's TypeError unless it had resolved (internal.c++
        ``releaseReader``: ``maybeRejectPromise`` leaves a settled promise as it was)."""
        if self._held.reads and self._stream is not None:
            raise js_type_error(RELEASE_WHILE_READING)
        stream, self._stream = self._stream, None
        if stream is None:
            return
        self._closed_kept = stream._ended
        if stream._reader is self:
            stream._reader = None
        self._changed()

    @js_call
    async def cancel(self, reason: Any = None) -> None:
        if self._stream is None:  # readable.c++ ``ReaderImpl::cancel``
            raise js_type_error(READER_RELEASED)
        if self._held.reads:
            error = (JsException("Stream was cancelled.", name="Error") if reason is None  # internal.c++
                     else reason if isinstance(reason, BaseException) else JsException(str(reason)))  # reasonToException
            for read in self._held.take_back():
                read.set_exception(error)
        await self._stream._cancel(reason)

    @property
    def closed(self) -> Any:
        """Resolves once a read has met the end (or the stream was canceled); after
        ``releaseLock()`` as it stood then if resolved, else workerd's released-reader TypeError."""
        return kept_promise(self, "_closed_promise", self._closed)  # the same each time; marked handled

    async def _closed(self) -> None:
        while True:
            stream = self._stream
            if stream is None:
                if self._closed_kept:
                    return
                raise js_type_error(READER_RELEASED)
            if stream._ended:
                return
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            await wait(waiter, self._ctx)  # workerd's hung-request error if nothing could end it

    def _changed(self) -> None:
        """The stream ended or this reader was released: a ``closed`` waiting looks again."""
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)


class _ByobReader(_StreamReader):
    """``ReadableStreamBYOBReader`` of a body: ``read(view)`` fills the view's buffer with up to its
    size of the next chunk and gives ``{done, value}``, ``value`` a ``Uint8Array`` of the bytes read
    at the view's offset in that buffer, transferred (the view given is detached); at the end
    ``done`` with such a view of no bytes. A value that is no ArrayBufferView, or one of no bytes,
    rejects the read with workerd's TypeError. The rest -- one read at a time, ``releaseLock()``,
    ``cancel()``, ``closed`` -- is the default reader's (measured under wrangler dev 4.164.0)."""

    _js_name = "ReadableStreamBYOBReader"

    @js_call
    async def read(self, view: Any = None, *_ignored: Any) -> JsObject:  # type: ignore[override]
        if not isinstance(view, (JsTypedArray, JsDataView)):
            raise js_type_error("Failed to execute 'read' on 'ReadableStreamBYOBReader': parameter 1 is not of type "
                                "'ArrayBufferView'.")
        if not view.byteLength:
            raise js_type_error('You must call read() on a "byob" reader with a positive-sized TypedArray object.')
        stream = self._readable()
        readable = not stream._ended
        chunk = stream._next_chunk(view.byteLength)
        result = JsObject({"done": chunk is None, "value": byob_read_view(view, b"" if chunk is None else chunk)})
        if readable and begun_at_once():  # held till its I/O turn, as a default reader's
            promise_instead(self._held.hold(result))
        return result
