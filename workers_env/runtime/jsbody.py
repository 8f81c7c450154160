"""The body a JavaScript ``Request`` and ``Response`` share: read once, as bytes or as a stream.

workerd's ``Body`` mixin (http.c++): what a body init makes (``_extract_body``), the
``ReadableStream`` a body's ``body`` is, the ``bodyUsed`` every Request and Response made over one
stream share, and the readers (``text()``, ``json()``, ...). Separate from runtime/jsweb.py,
where it was: this part knows nothing of methods, URLs, statuses or init dictionaries, and
runtime/jsweb.py's ``Request`` and ``Response`` build on it.
"""

from __future__ import annotations

import sys
from typing import Any

from workers_env import _jsvalues
from workers_env._errors import NotEmulatedError
from workers_env._jsvalues import ByteStream
from workers_env.runtime.contentencoding import decode_body
from workers_env.runtime.current import flag_on
from workers_env.runtime.fetchbody import FetchedBody
from workers_env.runtime.forms import Blob, FormData, encode_form
from workers_env.runtime.jsonparse import json_parse
from workers_env.runtime.jspromise import promise_call
from workers_env.runtime.jsproxy import (
    JsArray,
    JsBuffer,
    JsBufferSource,
    JsProxy,
    JsTypedArray,
    js_null,
    js_type_error,
    jsnull,
)
from workers_env.runtime.jsreadable import DISTURBED, READER_LOCKED, TEE_LOCKED, JsgObject, JsReadableStream
from workers_env.runtime.jslivereadable import live_readable
from workers_env.runtime.livebytestream import STILL_WRITTEN, LiveByteStream, live_source
from workers_env.runtime.mimetype import extract_mime_type
from workers_env.runtime.requestbody import IncomingBody, whole
from workers_env.runtime.tracebacks import PACKAGE_DIR

_set_attribute = object.__setattr__

#: ``clone()`` of a read body: its stream is locked, as workerd words it (comma and all)
_CLONE_USED = "This ReadableStream is currently locked to a reader,"


def _refuse_disturbed(body: Any) -> None:
    """A stream already read from (a chunk of it read, ``async for`` left early), canceled or
    teed is workerd's TypeError as a body (http.c++ ``ExtractedBody``), whether locked or not."""
    if isinstance(body, JsReadableStream) and body._read_from:
        raise js_type_error(DISTURBED)


def _extract_body(body: Any) -> tuple[bytes | None, str | None]:
    """The fetch spec's "extract a body": the bytes and the ``Content-Type`` the body implies
    (text for a string, form-urlencoded for URLSearchParams, multipart for FormData, a Blob's
    type), which a Request or Response takes when its headers name none."""
    name = getattr(body, "_js_name", None)
    if name == "FormData":
        return encode_form(body)
    data = _body_bytes(body)
    if name == "URLSearchParams":
        return data, "application/x-www-form-urlencoded;charset=UTF-8"
    if data is not None and not isinstance(body, (bytes, bytearray, memoryview, JsBufferSource, JsReadableStream)) \
            and name not in ("Blob", "File"):
        return data, "text/plain;charset=UTF-8"  # anything else is converted to a string: a text body
    if name in ("Blob", "File") and getattr(body, "type", None):
        return data, str(body.type)
    return data, None


def _length_unknown(body: Any, source: _Body | None) -> bool:
    """Whether a body given as ``body`` has no known length (``source``: the Request or Response
    whose ``body`` it is): any stream but a FixedLengthStream's readable (its ``expected_length``)
    or a body's own ``body`` of known length (measured under ``wrangler dev`` 4.164.0: a
    ``new ReadableStream``, a TransformStream's or IdentityTransformStream's readable go chunked; a
    FixedLengthStream's, ``new Response("abc").body``, an incoming request's or a fetch answer's
    body that came with a ``Content-Length`` go with one)."""
    if not isinstance(body, JsReadableStream):
        return False
    if source is not None:
        return source._length_unknown
    return getattr(getattr(body, "_source", None), "expected_length", None) is None


def _crossed_body(body: Any) -> Any:
    """A body Worker code handed a JS constructor (``js.Request.new``, ``js.Response.new``,
    ``js.fetch``) as Pyodide passes it: a Python ``bytes``/``bytearray``/``memoryview`` not
    converted with ``to_js`` crosses as a PyProxy, matching none of workerd's body types, so
    the body is its ``String()``, Python's ``str()`` (``b'...'``) -- as Pyodide and ``wrangler
    dev`` showed (public Worker moto-lap's CSV upload). ``to_js(data)`` makes it a Uint8Array."""
    return str(body) if isinstance(body, (bytes, bytearray, memoryview)) else body


def _body_bytes(body: Any) -> bytes | None:
    """A JS body init as bytes; ``None``/``null`` mean no body."""
    if body is None or body is jsnull:
        return None
    if getattr(body, "_js_name", None) == "FormData":
        return encode_form(body)[0]
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, JsBufferSource):
        return body.to_bytes()
    if isinstance(body, JsReadableStream):
        live = live_source(body)
        if live is not None:
            whole(live)
        if live is not None and not live.closed:
            raise NotEmulatedError("a Request body read from a TransformStream still being written is not emulated "
                                   "by workers-env (a Response's is): close the writer first, or pass the bytes")
        return body.read_all()
    if getattr(body, "_js_name", None) in ("Blob", "File"):
        return bytes(body._data)
    if getattr(body, "_js_name", None) == "URLSearchParams":
        return body.toString().encode("utf-8")
    if isinstance(body, JsArray):
        return _jsvalues.js_string(list(body)).encode("utf-8")  # String([1, 2]) is "1,2"
    if isinstance(body, JsProxy):  # String() of another object: "[object Object]", "[object Headers]" ...
        return f"[object {body._to_string_tag}]".encode()
    if isinstance(body, (dict, list, tuple, set, frozenset, FormData, Blob)):  # a PyProxy: String() of it is
        return str(body).encode("utf-8")  # Python's str() (a workers.FormData's too, not "[object Object]")
    return _jsvalues.js_string(body).encode("utf-8")  # JS stringifies other values (1.0 is "1", True "true")


class _BodyStream(JsReadableStream):
    """``request.body`` / ``response.body``: a stream whose reading marks its owner's body used."""

    def __init__(self, owner: _Body):
        body = owner._body
        known = None if owner._length_unknown or body is None else len(body)
        kept = owner._pieces  # a stream of unknown length given whole: read in the chunks it came in, as
        chunks = kept[1] if kept is not None and kept[0] is body else [body] if body else []  # dev sends them
        super().__init__(ByteStream(chunks, expected_length=known))
        self._owner = owner

    def handed_over(self) -> _Body | None:
        """The owner whose body this stream is, when a new Request/Response may take it as its
        own (not yet read): workerd shares the stream rather than reading it."""
        owner = self._owner
        return None if owner.bodyUsed or owner._live is not None else owner

    def tee(self) -> JsArray:
        """A body already used (``text()``, ...) is refused as a locked stream, as workerd does
        (not one a cancel or a read to its end closed, its reader released: two empty streams)."""
        if self._used_by_the_body() and not (self._ended and self._reader is None):
            raise js_type_error(TEE_LOCKED)  # (one a reader of its own read from and released: the rest)
        return super().tee()

    def _used_by_the_body(self) -> bool:
        """Read by ``text()``/``arrayBuffer()``/... or by a Response made over it -- whose
        reader keeps the stream locked for good -- rather than by a reader of its own."""
        return self._owner.bodyUsed and self._pending is None

    @property
    def locked(self) -> bool:
        return self._reader is not None or self._used_by_the_body()

    def getReader(self, options: Any = None, *_ignored: Any) -> Any:  # noqa: N802 - JS name
        """A body already used stays locked to the reader that read it: workerd's getReader()
        refuses it as locked (measured), not as disturbed. One read by a reader of its own and
        released gives a new reader that goes on (to ``done``)."""
        if self._used_by_the_body():
            raise js_type_error(READER_LOCKED)
        return super().getReader(options)

    def _disturbed(self) -> None:
        self._owner.bodyUsed = True  # canceled: bodyUsed, as workerd's (a wrangler dev probe)

    def _take(self) -> list[bytes]:
        if self._owner.bodyUsed:
            raise js_type_error(DISTURBED)
        chunks = super()._take()
        self._owner.bodyUsed = True
        return chunks


class _BodyCell:
    """Whether a body's one stream has been read: shared by every Request and Response made
    over that stream (``new Response(other.body)``, ``new Request(url, other_request)``), so
    reading any of them uses all of them up, as workerd's shared ``ReadableStream`` does."""

    __slots__ = ("used",)

    def __init__(self) -> None:
        self.used = False


class _Body(JsgObject, JsProxy):
    """The body mixin shared by ``Request`` and ``Response``: readable once."""

    _not_js = frozenset({"encoded", "set_encoded"})  # workers-env's own (``dir()`` leaves them out)

    _live: LiveByteStream | None = None  # a TransformStream's readable still being written
    #: a body given as a stream whose length is not known -- one JavaScript made (``new
    #: ReadableStream``, a TransformStream's readable), an incoming request's sent chunked, a
    #: ``fetch()`` answer's without ``Content-Length`` -- which ``fetch`` sends chunked, as
    #: workerd does (not a FixedLengthStream's, nor a buffer-backed body's ``body``)
    _length_unknown: bool = False
    #: ``(body, its chunks)``: a stream of unknown length given whole, in the chunks its source
    #: gave, which ``workers-env dev`` sends one by one (each server-sent event as it comes)
    _pieces: tuple[bytes, list[bytes]] | None = None
    #: the properties workerd defines read-only: Worker code assigning one gets V8's TypeError
    #: (a strict-mode assignment, as Pyodide makes it), the value unchanged (wrangler dev 4.164.0)
    _read_only: frozenset[str] = frozenset()
    #: those every set of which is checked: the class defines them (properties, class defaults)
    _read_only_defined: frozenset[str] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._read_only_defined = frozenset(name for name in cls._read_only if hasattr(cls, name))

    def __setattr__(self, name: str, value: Any) -> None:
        # (every attribute set comes here: the caller's frame is looked at only for a property
        # already set -- the first set is the constructor's -- or one the class defines)
        if (name in self._read_only and (name in self.__dict__ or name in self._read_only_defined)
                and not sys._getframe(1).f_code.co_filename.startswith(PACKAGE_DIR)):
            raise js_type_error(f"Cannot assign to read only property '{name}' of object '#<{self._js_name}>'")
        _set_attribute(self, name, value)

    @property
    def bodyUsed(self) -> bool:  # noqa: N802 - JS name
        """workerd's ``isDisturbed()`` of the body's stream (http.c++ ``getBodyUsed``): read whole
        (a stream still being written: from the body read's call, as its promise begins the read),
        or a stream still being written that a reader read from, a cancel or a tee disturbed."""
        cell = self.__dict__.get("_cell")
        if cell is not None and cell.used:
            return True
        if self._live is not None and self._live.body_read:  # read whole (``text()``...) from the call on
            return True
        stream = self.__dict__.get("_live_stream")
        return stream is not None and self._live is not None and stream._read_from

    @bodyUsed.setter
    def bodyUsed(self, value: bool) -> None:  # noqa: N802 - JS name
        self._body_cell().used = bool(value)

    def _body_cell(self) -> _BodyCell:
        cell = self.__dict__.get("_cell")
        if cell is None:
            cell = self.__dict__["_cell"] = _BodyCell()
        return cell

    def _reopen_closed(self) -> None:
        """Before ``clone()``: a body whose stream a cancel or a read to its end closed, its reader
        released, is not locked, and workerd's clone tees it (http.c++ ``Body::clone``, internal.c++
        ``tee``'s Closed case) into two closed streams, keeping one: both bodies empty, not used. One
        a reader of its own read part of, then released, is teed the same way: both bodies are what
        the reads left (the rest of a chunk they took part of first), not used."""
        stream = self.__dict__.get("_stream")
        if not (self.bodyUsed and isinstance(stream, _BodyStream) and stream._reader is None):
            return
        if stream._ended or stream._pending is not None:
            self.__dict__["_cell"] = _BodyCell()
            self.__dict__.pop("_stream", None)
            rest = b"" if stream._ended else b"".join(stream._unread())
            if not stream._ended:
                stream.tee()  # the old stream teed: locked, as workerd's tee leaves it
            self._body = rest

    def _tee_live(self) -> JsReadableStream | None:
        """Before ``clone()``: a body still being written (a TransformStream's readable, a ``new
        ReadableStream``'s) is teed, as workerd's ``Body::clone`` tees its stream (http.c++,
        looking at no ``bodyUsed``): this body keeps one branch, a fresh stream not used, and the
        returned one is the clone's -- each reads every chunk no read has had yet (what a reader
        since released left). A stream no longer open is teed too, as workerd's ``tee()`` takes
        any state: canceled or read to its end, two empty branches; errored, two that error so.
        A stream locked to a reader, or being read whole (``text()``...
        under way), is refused as workerd's ``tee()`` refuses it. ``None``: no such body (an
        incoming request's body still arriving is waited for instead, see :meth:`_body`)."""
        live = self._live
        if isinstance(live, IncomingBody):
            self._reopen_incoming(live)
            return None
        if live is None:
            return None
        if live._draining:
            raise js_type_error(_CLONE_USED)
        kept, given = self.body.tee()
        self.__dict__["_cell"] = _BodyCell()
        self.__dict__["_live_stream"] = kept
        self._live = kept._source  # type: ignore[assignment]
        return given  # type: ignore[no-any-return]

    def _reopen_incoming(self, live: IncomingBody) -> None:
        """Before ``clone()`` of an incoming request whose body a reader since released read part
        of (or canceled): the rest, waited for whole as the clone's copy is, is what both read --
        workerd tees the stream (http.c++ ``Body::clone``), so neither is used; a reader still
        holding it is left to refuse the clone as locked."""
        stream = self.__dict__.get("_live_stream")
        if not self.bodyUsed or stream is None or stream._reader is not None:
            return
        whole(live)
        rest = b"".join(live.take())
        self.__dict__["_cell"] = _BodyCell()
        self.__dict__.pop("_live_stream", None)
        self._body = rest

    def _take_live(self, stream: JsReadableStream) -> None:
        """Make ``stream`` (a tee branch of a body still being written) this body."""
        self.__dict__["_live_stream"] = stream
        self._live = stream._source  # type: ignore[assignment]

    def _share_body(self, other: _Body) -> None:
        """Take ``other``'s body as the same stream: one ``body`` object, one ``bodyUsed``."""
        self.__dict__["_cell"] = other._body_cell()
        self._length_unknown = other._length_unknown
        if other._live is None and other._body is not None:
            self.__dict__["_stream"] = other.body

    @property
    def _body(self) -> bytes | None:
        """The body's bytes (``None``: no body); a stream still being written is read whole
        once its writer has closed (the async readers wait for that); a ``fetch()`` answer's
        gzip or brotli body is decoded when first read (:class:`~workers_env.runtime.fetchbody.FetchedBody`, :meth:`set_encoded`), failing as workerd
        fails it."""
        live = self._live
        if live is not None:
            whole(live)  # an incoming request's body still arriving: waited for
            if not live.closed:  # clone(), a body taken whole at once: the async body methods wait
                raise NotEmulatedError(STILL_WRITTEN)
            self.__dict__["_data"] = b"".join(live.take())
            self._live = None
        encoded = self.__dict__.get("_encoded")
        if encoded is not None:
            self.__dict__["_data"] = decode_body(*encoded)
            del self.__dict__["_encoded"]
        return self.__dict__.get("_data")

    @_body.setter
    def _body(self, value: bytes | None) -> None:
        self.__dict__["_data"] = value
        self.__dict__.pop("_encoded", None)
        self._live = None

    def set_encoded(self, encoding: str, data: bytes) -> None:
        """Make the body ``data``, in ``encoding`` (``"gzip"``/``"br"``) as received: read
        decoded, or sent on as it is (:meth:`encoded`)."""
        self._body = data
        self.__dict__["_encoded"] = (encoding, data)

    def encoded(self) -> tuple[str, bytes] | None:
        """``(encoding, bytes as received)`` of a body not yet decoded, else ``None``: a
        ``fetch()`` answer's no read has decoded is waited for whole (from synchronous code, as
        :attr:`_body` waits), kept as received (``clone()`` tees it so: both go on encoded)."""
        if self.bodyUsed:
            return None
        live = self._live
        if isinstance(live, FetchedBody) and live.encoding is not None:
            whole(live)
            if live.closed:  # (one still arriving elsewhere: left to _body, which refuses it)
                encoding = live.as_received()
                self.set_encoded(encoding, b"".join(live.take()))  # type: ignore[arg-type]
        return self.__dict__.get("_encoded")

    async def _settle(self) -> None:
        live = self._live
        if live is not None and not self.bodyUsed:  # a used body is refused at once, not waited for
            live.body_read = True  # used, its stream locked, from the call on (a JS body read's promise)
            try:
                await live.settle()
            finally:
                live.body_read = False
            request_over = self.__dict__.pop("_request_over", None)
            if request_over is not None:  # worker.fetch's answer, returned with its headers: read
                await request_over()  # whole once the request is over (its waitUntil work too)

    def _consume(self) -> bytes:
        if self.bodyUsed:
            raise js_type_error("Body has already been used. It can only be used once. Use tee() first if you need to read it twice.")
        stream = self.__dict__.get("_stream")
        if stream is not None and stream.locked:  # a reader of its own holds it, not read from yet
            raise js_type_error(READER_LOCKED)
        if self._body is not None:
            self.bodyUsed = True
        return self._body or b""

    @property
    def body(self) -> Any:
        """The body as a ``ReadableStream`` (JavaScript's ``null`` for none: ``None`` up to
        Pyodide 0.26, ``jsnull`` from 0.28), as JavaScript has it: reading the stream uses the
        body up (``bodyUsed``), as ``text()`` does."""
        if self._live is not None:
            stream = self.__dict__.get("_live_stream")
            if stream is None:
                stream = self.__dict__["_live_stream"] = live_readable(self._live)
            return stream
        if self._body is None:
            return js_null()
        stream = self.__dict__.get("_stream")
        if stream is None:
            stream = self.__dict__["_stream"] = _BodyStream(self)
        return stream

    @promise_call
    async def text(self) -> str:
        await self._settle()
        return self._consume().decode("utf-8", errors="replace")

    @promise_call
    async def arrayBuffer(self) -> JsBuffer:  # noqa: N802 - JS name
        await self._settle()
        return JsBuffer(self._consume())

    @promise_call
    async def bytes(self) -> JsTypedArray:
        await self._settle()
        return JsTypedArray("Uint8Array", self._consume())

    @promise_call
    async def json(self) -> Any:
        await self._settle()
        return json_parse(self._consume().decode("utf-8", errors="replace"))

    @promise_call
    async def formData(self) -> Any:  # noqa: N802 - JS name
        from workers_env.runtime.forms import parse_form

        headers = getattr(self, "headers")
        if not self.bodyUsed and not headers.has("content-type"):
            # workerd's Body::formData (http.c++): after the used-body check and before any read,
            # so the body is still unused and readable afterwards (wrangler dev 4.164.0)
            raise js_type_error("Parsing a Body as FormData requires a Content-Type header.")
        await self._settle()
        return parse_form(self._consume(), headers.get("content-type") or None)

    @promise_call
    async def blob(self) -> Any:
        from workers_env.runtime.forms import JsBlob

        await self._settle()
        content_type = getattr(self, "headers").get("content-type") or ""
        if flag_on("blob_standard_mime_type"):  # 2024-06-03: MimeType::extract(...).toString() (http.c++)
            extracted = extract_mime_type(content_type)
            content_type = "" if extracted is None else str(extracted)
        blob = JsBlob([self._consume()])
        blob.type = content_type  # as the header gives it, not the Blob constructor's lower-casing
        return blob
