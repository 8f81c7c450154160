"""The readable side of a stream written while it is read: the ``ReadableStream`` over a
:class:`~workers_env.runtime.livebytestream.LiveByteStream` (a ``TransformStream``'s ``readable``, a
Response's ``body``), its ``ReadableStreamDefaultReader`` (``read`` waits for the next chunk) and
its ``tee()``.

Apart from the writable side (runtime/jswritable.py) and from what makes these streams
(runtime/jsstreams.py: ``TransformStream``, ``new ReadableStream(source)``): the reader meets the
writer only through the byte channel (runtime/livebytestream.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

from workers_env.runtime.heldreads import HeldReads
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsbuffers import READ_BUFFER_SIZE, read_buffer_view
from workers_env.runtime.jsproxy import JsArray, JsObject
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
from workers_env.runtime.livebytestream import (
    _HELD,
    END,
    ByteSink,
    LiveByteStream,
    _error_of,
    _read_value,
    cancel_error,
)
from workers_env.runtime.webloop import begun_at_once, js_call, kept_promise, promise_instead

__all__ = ["live_readable"]

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
