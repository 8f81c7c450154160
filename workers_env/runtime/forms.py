"""``Blob``, ``File`` and ``FormData``: the JavaScript objects and the SDK classes wrapping them.

``workers.Blob(blob_parts, content_type=None, endings=None)``,
``workers.File(blob_parts, filename, content_type=None, endings=None, last_modified=None)``
and ``workers.FormData(form_data=None)`` (a mutable mapping with ``append``, ``get_all``)
wrap ``js.Blob``/``js.File``/``js.FormData`` as the SDK does. ``parse_form`` reads an
``application/x-www-form-urlencoded`` or ``multipart/form-data`` body into a JS ``FormData``
(``request.form_data()``).
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator, MutableMapping
from typing import Any

from workers_env._jsvalues import ByteStream, js_number
from workers_env.runtime.current import flag_on
from workers_env.runtime.jsglobals import JsEntryList, js_text, set_entry, usv
from workers_env.runtime.jspromise import promise_call
from workers_env.runtime.jsfunctions import proxied_object
from workers_env.runtime.jspyproxies import pyproxy_attributes, pyproxy_options
from workers_env.runtime.jsproxy import (
    JsBuffer,
    JsBufferSource,
    JsObject,
    JsProxy,
    JsTypedArray,
    js_type_error,
    jsnull,
    options_member,
)
from workers_env.runtime.jsnumbers import to_number
from workers_env.runtime.jsreadable import JsgObject, JsReadableStream
from workers_env.runtime.mimetype import parse_mime_type
from workers_env.runtime.sdknames import SdkClass, default_repr

__all__ = ["Blob", "File", "FormData", "JsBlob", "JsFile", "JsFormData", "parse_form"]


def _part(part: Any) -> bytes | str:
    """A Blob part's bytes, or its text for a string part (any part that is no buffer or Blob
    is String(part), as in JavaScript), whose line endings ``endings: "native"`` converts."""
    if isinstance(part, str):
        return part
    if isinstance(part, (bytes, bytearray, memoryview)):
        return bytes(part)
    if isinstance(part, JsBufferSource):
        return part.to_bytes()
    if isinstance(part, JsBlob):
        return part._data
    if isinstance(part, Blob):
        return part.js_object._data
    return usv(js_text(part))


def _endings(value: Any) -> bool:
    """Whether a BlobPropertyBag's ``endings`` is ``"native"`` (``"transparent"`` or undefined:
    not); another value -- ``null`` is ``"null"`` -- is jsg's enum ``TypeError``. workerd
    1.20261123.1 on (measured to 1.20261201.1: ``native`` makes ``\r\n`` and a lone ``\r`` of
    each string part ``\n``); 1.20261117.1, wrangler 4.164.0's, refused any ``endings`` with
    ``Error: The 'endings' field on 'Options' is not implemented.``"""
    if value is None:
        return False
    text = js_text(value)
    if text not in ("transparent", "native"):
        raise js_type_error(f"The provided value '{text}' is not a valid enum value of type EndingType.")
    return text == "native"


def _joined(parts: list[bytes | str], native: bool) -> bytes:
    return b"".join(part if isinstance(part, bytes) else (
        part.replace("\r\n", "\n").replace("\r", "\n") if native else part).encode("utf-8") for part in parts)


def _blob_type(value: Any) -> str:
    """A Blob's ``type`` as the File API keeps it: lower-cased, or ``""`` if any character is
    outside printable ASCII."""
    if value is None:  # undefined; null, false or 0 are their String() ("null", "false", "0")
        return ""
    text = js_text(value)
    return text.lower() if all(0x20 <= ord(c) <= 0x7E for c in text) else ""


_MISSING: Any = object()


#: the members of a ``BlobPropertyBag``/``FilePropertyBag`` JavaScript reads
_BAG_MEMBERS = ("type", "endings", "lastModified")


def _options(init: Any, where: str) -> dict[str, Any]:
    """A Blob's or File's options as JavaScript reads them: a JS object's members; a Python
    dict's PyProxy answers ``type`` itself (``"dict"``, in every Pyodide) and its other keys
    as the Worker's Pyodide reads them (from 0.28); the PyProxy of any other Python object (a
    dict subclass, a ``SimpleNamespace``) answers ``type`` itself too -- its type's name,
    ``MyDict``, ``collections.OrderedDict`` (0.26.0a4, 0.28.2, 314.0.6 under Node) -- and its
    other members as its attributes; each with a ``PyProxyWarning``."""
    init = proxied_object(init)  # create_proxy(value): the same PyProxy as value itself
    if init is jsnull:  # null: the defaults, as undefined (jsg reads a dictionary of optional members
        init = None  # from either; wrangler dev 4.164.0: new Blob(["a"], null).type is "")
    if type(init) is dict:
        return pyproxy_options(init, where, reads=frozenset(_BAG_MEMBERS))
    if init is not None and not isinstance(init, (JsProxy, str, int, float, bool)):
        return pyproxy_attributes(init, _BAG_MEMBERS, where)
    return {name: options_member(init, name) for name in _BAG_MEMBERS}


class JsBlob(JsgObject, JsProxy):
    """``js.Blob``: immutable bytes with a MIME type."""

    _js_name = "Blob"

    def __init__(self, parts: Any = None, init: Any = None):
        if isinstance(parts, (str, int, float)) or (parts is not None and not hasattr(parts, "__iter__")):
            raise js_type_error(f"Failed to construct '{self._js_name}': constructor parameter 1 is not of type 'Array'.")
        items = [] if parts is None else [_part(p) for p in parts]  # the parts first, then the options
        options = _options(init, f"options of new {self._js_name}()")
        self._data = _joined(items, _endings(options.get("endings")))
        self._take(options)

    def _take(self, options: dict[str, Any]) -> None:
        self.type = _blob_type(options.get("type"))

    @classmethod
    def new(cls, parts: Any = None, init: Any = None) -> JsBlob:
        return cls(parts, init)

    @property
    def size(self) -> int:
        return len(self._data)

    @promise_call
    async def text(self) -> str:
        return self._data.decode("utf-8", errors="replace")

    @promise_call
    async def arrayBuffer(self) -> JsBuffer:  # noqa: N802 - JS name
        return JsBuffer(self._data)

    @promise_call
    async def bytes(self) -> JsTypedArray:
        return JsTypedArray("Uint8Array", self._data)

    def stream(self) -> JsReadableStream:
        """Its bytes as a ``ReadableStream``: workerd's memory source (blob.c++ ``stream``), read
        as a body is, at most 4 KiB a read; its length known, as the memory source's is."""
        return JsReadableStream(ByteStream([self._data], expected_length=len(self._data)))

    def slice(self, start: Any = None, end: Any = None, content_type: Any = None) -> JsBlob:
        blob = JsBlob([self._data[slice(start, end)]])
        blob.type = _blob_type(content_type)
        return blob


def _last_modified(value: Any) -> Any:
    """A File's ``lastModified`` as workerd keeps its init's (a double): ``Number()`` of it, NaN 0
    -- ``null``, ``{}`` and ``"abc"`` are 0, ``"5"`` 5, ``1.7`` stays 1.7, ``Infinity`` too
    (wrangler dev 4.164.0) --, as Pyodide hands a number to Python."""
    number = to_number(value)
    return 0 if number != number else js_number(number)


class JsFile(JsBlob):
    """``js.File``: a ``Blob`` with a name and a modification time."""

    _js_name = "File"

    def __init__(self, parts: Any = None, name: Any = _MISSING, init: Any = None):
        if name is _MISSING or name is None:
            raise js_type_error("Failed to construct 'File': constructor parameter 2 is not of type 'string'.")
        super().__init__(parts, init)
        self.name = usv(js_text(name))

    def _take(self, options: dict[str, Any]) -> None:
        super()._take(options)
        modified = options.get("lastModified")
        self.lastModified = _last_modified(modified) if modified is not None else int(time.time() * 1000)

    @classmethod
    def new(cls, parts: Any = None, name: Any = _MISSING, init: Any = None) -> JsFile:  # type: ignore[override]
        return cls(parts, name, init)


class JsFormData(JsEntryList):
    """``js.FormData``: ordered name/value entries (values are strings or Files)."""

    _js_name = "FormData"

    def __init__(self) -> None:
        self._entries: list[tuple[str, Any]] = []

    @staticmethod
    def new() -> JsFormData:
        return JsFormData()

    @staticmethod
    def _value(method: str, name: str, value: Any, filename: Any = None) -> Any:
        """An entry's value: a string, or a File -- a Blob becomes a File named ``filename`` or,
        as workerd names it, after the entry (the standard says ``"blob"``)."""
        if value is _MISSING:
            raise js_type_error(f"Failed to execute '{method}' on 'FormData': parameter 2 is not of type "
                                "'File or Blob or string'.")
        if isinstance(value, JsBlob):
            if filename is not None or not isinstance(value, JsFile):
                return JsFile([value._data], js_text(filename) if filename is not None else name, JsObject({"type": value.type}))
            return value
        return usv(js_text(value))

    def append(self, name: Any, value: Any = _MISSING, filename: Any = None, *_ignored: Any) -> None:
        key = usv(js_text(name))
        self._entries.append((key, self._value("append", key, value, filename)))

    def set(self, name: Any, value: Any = _MISSING, filename: Any = None, *_ignored: Any) -> None:
        key = usv(js_text(name))
        self._entries = set_entry(self._entries, key, self._value("set", key, value, filename))

    def delete(self, name: Any, *_ignored: Any) -> None:
        key = js_text(name)
        self._entries = [(k, v) for k, v in self._entries if k != key]


def encode_form(form: JsFormData) -> tuple[bytes, str]:
    """A ``FormData`` body as workerd's ``FormData::serialize`` writes it: ``multipart/form-data``
    parts (a File's with its ``filename`` and type, ``application/octet-stream`` for none) and
    the ``Content-Type`` naming the boundary."""
    boundary = secrets.token_hex(16)  # as workerd makes it: 32 hex digits
    out = bytearray()
    for name, value in form._entries:
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{_escaped(name)}\"".encode()
        if isinstance(value, JsFile):
            out += f'; filename="{_escaped(value.name)}"\r\nContent-Type: {value.type or "application/octet-stream"}'.encode()
            out += b"\r\n\r\n" + bytes(value._data) + b"\r\n"
        else:
            out += b"\r\n\r\n" + str(value).encode("utf-8") + b"\r\n"
    out += f"--{boundary}--".encode()  # no line break after the close delimiter, as workerd writes it
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def _escaped(text: str) -> str:
    """form-data.c++'s ``addEscapingQuotes``: ``"`` as ``%22``, a line feed as ``%0A``, a
    backslash doubled (a carriage return as it is); a name or filename ending in a backslash is
    its ``TypeError``."""
    if text.endswith("\\"):
        raise js_type_error("Name or filename can't end with backslash")
    return text.replace('"', "%22").replace("\n", "%0A").replace("\\", "\\\\")


def parse_form(body: bytes, content_type: str | None) -> JsFormData:
    """A body as ``FormData``, as workerd's ``FormData::parse`` (form-data.c++) reads it: its
    ``Content-Type`` through workerd's MIME type parser, ``multipart/form-data`` parts (its
    ``boundary`` required) or ``application/x-www-form-urlencoded`` pairs (a charset other than
    UTF-8 refused); any other type is a JS ``TypeError``."""
    mime = parse_mime_type(content_type or "")
    if mime is not None and mime.essence == "multipart/form-data":
        boundary = mime.params.get("boundary")
        if boundary is None:
            raise js_type_error(
                "No boundary string in Content-Type header. The multipart/form-data MIME type requires a boundary "
                "parameter, e.g. 'Content-Type: multipart/form-data; boundary=\"abcd\"'. See RFC 7578, section 4.")
        return _parse_multipart(body, boundary.encode("utf-8"))
    if mime is not None and mime.essence == "application/x-www-form-urlencoded":
        charset = mime.params.get("charset")
        if charset is not None and charset.lower() not in ("utf-8", "utf8", "unicode-1-1-utf-8"):
            raise js_type_error("Non-utf-8 application/x-www-form-urlencoded body.")
        form = JsFormData()
        for name, value in _query_pairs(body):
            form.append(name, value)
        return form
    raise js_type_error(
        'Unrecognized Content-Type header value. FormData can only parse the following MIME types: '
        'multipart/form-data, application/x-www-form-urlencoded'
    )


def _text(data: bytes) -> str:
    """Bytes workerd hands JavaScript as a string: UTF-8, an invalid sequence U+FFFD."""
    return data.decode("utf-8", errors="replace")


def _query_pairs(body: bytes) -> list[tuple[str, str]]:
    """workerd's ``parseQueryString``: pieces between ``&`` (empty ones skipped), each split at
    its first ``=``, both halves ``kj::decodeWwwForm``-decoded (``+`` a space, ``%XX`` its byte, a
    ``%`` without two hex digits kept)."""
    pairs = []
    for piece in body.split(b"&"):
        if piece:
            name, _, value = piece.partition(b"=")
            pairs.append((_text(_www_form_decoded(name)), _text(_www_form_decoded(value))))
    return pairs


def _www_form_decoded(data: bytes) -> bytes:
    """``kj::decodeWwwForm``: ``+`` a space; ``%`` and one or two hex digits the byte they make
    (``%A`` and ``%Az`` give 0x0A); a ``%`` with no hex digit after it dropped."""
    return _WWW_FORM.sub(_www_form_piece, data)


_WWW_FORM = re.compile(rb"%([0-9A-Fa-f]{1,2})?|\+")


def _www_form_piece(match: re.Match[bytes]) -> bytes:
    if match.group() == b"+":
        return b" "
    return bytes([int(match.group(1), 16)]) if match.group(1) else b""


_HEADER_END = re.compile(rb"\r?\n\r?\n")


def _parse_multipart(body: bytes, boundary: bytes) -> JsFormData:
    """``FormData::parseFormDataImpl``: parts between ``--<boundary>`` lines (after the first, a
    boundary must follow a line feed; a CR before it is not the part's), each with headers up to
    a blank line read as kj reads HTTP headers and a ``Content-Disposition: form-data; name="..."``
    (``filename="..."`` makes a ``File`` whose type is the part's ``Content-Type`` as written,
    ``""`` without one -- before ``formdata_parser_supports_files``, 2021-11-03, a string of its
    bytes as any part's); the charset and any ``Content-Transfer-Encoding`` are not read. Each
    framing fault is workerd's ``TypeError``."""
    form = JsFormData()
    delimiter = b"\n--" + boundary
    _, rest = _split_at(body, delimiter[1:])
    if not rest:
        raise js_type_error("No initial boundary string (or you have a truncated message).")
    while True:
        if rest.startswith(b"\n"):
            rest = rest[1:]
        elif rest.startswith(b"\r\n"):
            rest = rest[2:]
        elif rest.startswith(b"--"):
            return form
        else:
            raise js_type_error("Boundary string was not succeeded by CRLF, LF, or '--'.")
        end = _HEADER_END.search(rest)
        if end is None:
            raise js_type_error("No multipart message header termination found.")
        headers = _part_headers(rest[:end.end()])
        rest = rest[end.end():]
        if headers is None:
            raise js_type_error("FormData part had invalid headers.")
        if "content-disposition" not in headers:
            raise js_type_error("No valid Content-Disposition header found in FormData part.")
        disposition = _content_disposition(headers["content-disposition"])
        if disposition is None:
            raise js_type_error("Invalid Content-Disposition header found in FormData part.")
        kind, params = disposition
        if kind != b"form-data":
            raise js_type_error('Content-Disposition header for FormData part must have the value "form-data", '
                                f'possibly followed by parameters. Got: "{_text(kind)}"')
        if b"name" not in params:
            raise js_type_error("Content-Disposition header in FormData part is missing a name.")
        message, rest = _split_at(rest, delimiter)
        if not rest:
            raise js_type_error("No subsequent boundary string after multipart message.")
        if message.endswith(b"\r"):
            message = message[:-1]
        name = _text(params[b"name"])
        if b"filename" in params and flag_on("formdata_parser_supports_files"):  # before 2021-11-03: a string
            file = JsFile([message], _text(params[b"filename"]))
            file.type = _text(headers.get("content-type", b""))  # as written: workerd makes the File itself
            form.append(name, file)
        else:
            form.append(name, _text(message))


def _split_at(data: bytes, separator: bytes) -> tuple[bytes, bytes]:
    """form-data.c++'s ``splitAtSubString``: what comes before ``separator`` and what after it;
    without one, all of ``data`` and nothing."""
    at = data.find(separator)
    return (data, b"") if at < 0 else (data[:at], data[at + len(separator):])


def _part_headers(text: bytes) -> dict[str, bytes] | None:
    """``kj::HttpHeaders::tryParse`` of a part's header block (it ends in its blank line): the
    last line ending dropped, then ``name: value`` lines -- the colon right after the name, spaces
    and tabs before the value skipped, none after it; a line ends at CR, LF or CRLF; a repeated
    ``Content-Disposition`` or ``Content-Type`` joined with ``", "``. None when a line is no
    header: one starting with a space or tab too, as kj takes no folded line (measured under
    ``wrangler dev`` 4.164.0: ``FormData part had invalid headers.``)."""
    if len(text) < 2 or not text.endswith(b"\n"):
        return None
    block = text[:-2] if text.endswith(b"\r\n") else text[:-1]
    headers: dict[str, bytes] = {}
    pos = 0
    while pos < len(block):
        line = _HEADER_LINE.match(block, pos)
        if line is None:  # no name, no colon, a NUL (kj's end of text) or a folded line
            return None
        key, value = line.group(1).decode("latin-1").lower(), line.group(2)
        if key in ("content-disposition", "content-type"):
            headers[key] = headers[key] + b", " + value if key in headers else value
        pos = line.end()
    return headers


#: a header line as kj reads it: its name, the colon, spaces and tabs, its value up to the line
#: end (CR, LF or CRLF) or the block's end -- and no space or tab starting the next line
_HEADER_LINE = re.compile(rb"([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*([^\r\n\x00]*)(?:\r\n|\r|\n|\Z)(?![ \t])")


_KJ_WHITESPACE = b" \f\n\r\t\v"
_IDENTIFIER_CHARS = frozenset(b"-_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _content_disposition(value: bytes) -> tuple[bytes, dict[bytes, bytes]] | None:
    """form-data.c++'s kj parser of ``Content-Disposition``: an identifier (letters, digits, ``_``,
    ``-``), then as many ``; key="value"`` parameters as parse -- a value quoted, not empty,
    ``\\<c>`` read as ``<c>`` -- the rest ignored (so ``filename=""``, ``name=x`` or
    ``filename*=...`` and what follows them are not read). None without the identifier."""
    def skip_space(i: int) -> int:
        while i < len(value) and value[i] in _KJ_WHITESPACE:
            i += 1
        return i

    def identifier(i: int) -> int:
        while i < len(value) and value[i] in _IDENTIFIER_CHARS:
            i += 1
        return i

    start = skip_space(0)
    end = identifier(start)
    if end == start:
        return None
    kind, pos, params = value[start:end], skip_space(end), {}
    while pos < len(value) and value[pos] == ord(";"):
        key_start = skip_space(pos + 1)
        key_end = identifier(key_start)
        i = skip_space(key_end)
        if key_end == key_start or value[i:i + 1] != b"=":
            break
        i = skip_space(i + 1)
        if value[i:i + 1] != b'"':
            break
        i += 1
        text = bytearray()
        while i < len(value):
            c = value[i]
            if c not in b'"\n\\':
                text.append(c)
                i += 1
            elif c == ord("\\") and i + 1 < len(value) and value[i + 1] != ord("\n"):
                text.append(value[i + 1])
                i += 2
            else:
                break
        if not text or value[i:i + 1] != b'"':
            break
        params[value[key_start:key_end]] = bytes(text)
        pos = skip_space(i + 1)
    return kind, params


# -- the SDK's classes ----------------------------------------------------------------------


def _single(parts: Any) -> bool:
    """Not the SDKs' ``_is_iterable``: a ``str`` or ``bytes`` is one part, and so is anything
    Python cannot iterate (a ``Blob``, a JS ``Blob``, a number); a list, a ``bytearray``, a
    ``memoryview``, a JS array or typed array is a sequence of parts (a ``bytearray``'s are ints)."""
    if isinstance(parts, (str, bytes)):
        return True
    try:
        iter(parts)
    except TypeError:
        return True
    return False


def _sdk_part(part: Any) -> Any:
    """The SDKs' ``_make_blob_entry``: a ``str``, a ``workers.Blob`` (its JS Blob), a JS
    ``Blob``/``File``, or an object with Python's buffer protocol (its bytes); any other part --
    a number, ``None``, a dict, a JS typed array or ``ArrayBuffer`` (Pyodide gives a JsProxy no
    buffer protocol) -- is the SDKs' ``TypeError``, where ``js.Blob.new`` would take its text."""
    if isinstance(part, str):
        return part
    if isinstance(part, Blob):
        return part.js_object
    if isinstance(part, JsBlob):
        return part
    try:
        with memoryview(part) as view:
            return view.tobytes()
    except TypeError:
        pass
    shown = f"<class 'pyodide.ffi.{type(part).__name__}'>" if isinstance(part, JsProxy) else str(type(part))
    raise TypeError(f"Don't know how to handle {shown} for Blob()")


class Blob(metaclass=SdkClass):
    """``workers.Blob`` (named as production names it: :mod:`.sdknames`)."""

    _sdk_class = True

    def __repr__(self) -> str:  # object's, with the SDK's module
        return default_repr(self)

    def __init__(self, blob_parts: Any, content_type: str | None = None, endings: Any = None):
        if _single(blob_parts):
            if not content_type and isinstance(blob_parts, Blob):
                content_type = blob_parts.content_type
            if not content_type and isinstance(blob_parts, JsBlob):
                content_type = blob_parts.type
            blob_parts = [blob_parts]
        self._js_blob: JsBlob = JsBlob([_sdk_part(part) for part in blob_parts], JsObject({
            "type": content_type, "endings": str(endings) if endings else endings}))  # both SDKs pass endings on

    @property
    def size(self) -> int:
        return self._js_blob.size

    @property
    def content_type(self) -> str:
        return self._js_blob.type

    @property
    def js_object(self) -> JsBlob:
        return self._js_blob

    async def text(self) -> str:
        return await self._js_blob.text()

    async def bytes(self) -> bytes:
        return (await self._js_blob.arrayBuffer()).to_bytes()

    def slice(self, start: int | None = None, end: int | None = None, content_type: str | None = None) -> Blob:
        # both SDKs wrap the JS slice in a new Blob of no type, so ``content_type`` ends up ""
        return Blob([self._js_blob.slice(start, end, content_type)])


class File(Blob):
    """``workers.File``."""

    _sdk_class = True

    def __init__(self, blob_parts: Any, filename: str, content_type: str | None = None,
                 endings: Any = None, last_modified: int | None = None):
        if _single(blob_parts):
            if not content_type and isinstance(blob_parts, Blob):
                content_type = blob_parts.content_type
            if not last_modified and isinstance(blob_parts, File):
                last_modified = blob_parts.last_modified
            if isinstance(blob_parts, JsBlob):
                content_type = content_type or blob_parts.type
                if isinstance(blob_parts, JsFile) and not last_modified:
                    last_modified = blob_parts.lastModified
            blob_parts = [blob_parts]
        self._js_blob = JsFile([_sdk_part(part) for part in blob_parts], filename,
                               JsObject({"type": content_type, "endings": str(endings) if endings else endings,
                                         "lastModified": last_modified}))

    @property
    def name(self) -> str:
        return self._js_blob.name  # type: ignore[attr-defined,no-any-return]

    @property
    def last_modified(self) -> int:
        return self._js_blob.lastModified  # type: ignore[attr-defined,no-any-return]


def _to_js_value(value: Any) -> Any:
    return value.js_object if isinstance(value, Blob) else value


def _to_py_value(value: Any) -> Any:
    if isinstance(value, JsFile):
        return File(value, value.name)
    if isinstance(value, JsBlob):
        return Blob(value)
    return value


class FormData(MutableMapping, metaclass=SdkClass):  # type: ignore[type-arg]
    """``workers.FormData``: a mutable mapping over a JS ``FormData`` (multidict-like)."""

    _sdk_class = True

    def __repr__(self) -> str:  # object's, with the SDK's module
        return default_repr(self)

    def __init__(self, form_data: Any = None):
        if not form_data:
            self._js_form_data = JsFormData()
            return
        if isinstance(form_data, dict):
            self._js_form_data = JsFormData()
            for key, value in form_data.items():
                self._js_form_data.append(key, _to_js_value(value))
            return
        if isinstance(form_data, JsFormData):
            self._js_form_data = form_data
            return
        raise TypeError("Expected form_data to be a dict or an instance of FormData")

    def __getitem__(self, key: str) -> Any:
        return _to_py_value(self._js_form_data.get(key))

    def __setitem__(self, key: str, value: Any) -> None:
        if isinstance(value, list):
            raise TypeError("Expected single item in arguments to FormData.__setitem__")
        self._js_form_data.set(key, _to_js_value(value))

    def append(self, key: str, value: Any, filename: str | None = None) -> None:
        self._js_form_data.append(key, _to_js_value(value), filename)

    def delete(self, key: str) -> None:
        self._js_form_data.delete(key)

    def __delitem__(self, key: str) -> None:
        self.delete(key)

    def __contains__(self, key: object) -> bool:
        return self._js_form_data.has(key)

    def keys(self) -> Iterator[str]:  # type: ignore[override]
        yield from self._js_form_data.keys()

    def values(self) -> Iterator[Any]:  # type: ignore[override]
        for value in self._js_form_data.values():
            yield _to_py_value(value)

    def items(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        for key, value in ((e[0], e[1]) for e in self._js_form_data.entries()):
            yield key, _to_py_value(value)

    def __iter__(self) -> Iterator[str]:
        yield from self.keys()

    def __len__(self) -> int:
        # both SDKs' own line: ``keys()`` is a generator, so ``len(form)`` -- and ``bool(form)``,
        # ``if form:`` -- is Python's ``TypeError: object of type 'generator' has no len()``
        return len(self.keys())  # type: ignore[arg-type]

    def get_all(self, key: str) -> list[Any]:
        return [_to_py_value(v) for v in self._js_form_data.getAll(key)]

    @property
    def js_object(self) -> JsFormData:
        return self._js_form_data

