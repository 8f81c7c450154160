"""JavaScript globals Python Workers import from ``js``, beyond Request/Response/Headers.

``URL``, ``URLSearchParams``, ``Date``, ``crypto`` (``randomUUID``, ``getRandomValues``,
``subtle``: see :mod:`~workers_env.runtime.webcrypto`), ``TextEncoder``/``TextDecoder``, ``atob``/``btoa`` and ``Error``, with
the WHATWG/workerd behaviour worker code relies on and JavaScript's error names. Each is a
JS object as Pyodide shows it: constructed with ``.new(...)``, read by attribute.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import os
import uuid
from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl

import ada_url

from workers_env import _jsvalues
from workers_env._errors import JsException
from workers_env.runtime.current import GLOBAL_SCOPE_ERROR, in_global_scope
from workers_env.runtime.jsbase import JsSetDeleteItems, js_text, jsg_required, jsg_sequence
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import JsBufferSource, JsDataView, buffer_bytes
from workers_env.runtime.jsconvert import js_iterable, js_iterated
from workers_env.runtime.jsdate import JsDate
from workers_env.runtime.jsproxy import (
    JsArray,
    JsIterator,
    JsMap,
    JsObject,
    JsProxy,
    JsTypedArray,
    js_type_error,
    jsnull,
    options_member,
    own_properties,
)
from workers_env.runtime.jstopy import js_null
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.webcrypto import SubtleCrypto

__all__ = ["ERROR_CONSTRUCTORS", "JsDate", "JsErrorConstructor", "JsNamespaceObject", "JsURL", "NamespaceStrings", "JsURLSearchParams",
           "TextDecoder", "TextEncoder", "atob", "btoa", "crypto"]


class NamespaceStrings:
    """What a JavaScript namespace object (``JSON``, ``Math``, ``Intl`` ...) shows whether or not
    workers-env emulates its members: ``constructor`` a plain object's (``Object``), and
    ``toString()``, ``String()``, ``str()`` and ``repr()`` V8's ``Object.prototype.toString``,
    ``[object JSON]`` (its ``Symbol.toStringTag`` -- ``_js_name`` here; real Pyodide 0.26.0a4,
    0.26.2 and 0.28.2 under Node)."""

    __slots__ = ()  # a mixin of JS values' classes: no ``__weakref__`` (see PyodideProxyType)

    _js_name: str

    @property
    def constructor(self) -> Any:
        return JsObject().constructor  # a plain object's: Object

    def toString(self) -> str:  # noqa: N802 - JS name
        return f"[object {self._js_name}]"

    def __repr__(self) -> str:
        return self.toString()

    def __str__(self) -> str:
        return self.toString()


class JsNamespaceObject(NamespaceStrings, JsProxy):
    """A JavaScript namespace object workers-env emulates (``JSON``): its functions as
    attributes, its strings :class:`NamespaceStrings`'."""

    def __init__(self, tag: str, **members: Any):
        self._js_name = tag
        self.__dict__.update(members)


def set_entry(entries: list[tuple[str, Any]], name: str, value: Any) -> list[tuple[str, Any]]:
    """``set()`` of URLSearchParams and FormData: the first entry named ``name`` takes
    ``value`` in place, later ones are dropped; appended when there is none."""
    out: list[tuple[str, Any]] = []
    done = False
    for k, v in entries:
        if k != name:
            out.append((k, v))
        elif not done:
            out.append((k, value))
            done = True
    if not done:
        out.append((name, value))
    return out


_FORM_SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-._")


def _form_encode(text: str) -> str:
    """One name or value as URLSearchParams writes it (lone surrogates as U+FFFD first)."""
    data = usv(text).encode("utf-8")
    return "".join(chr(b) if b in _FORM_SAFE else "+" if b == 0x20 else f"%{b:02X}" for b in data)


class JsEntryList(JsgObject, JsSetDeleteItems, JsProxy):
    """What ``URLSearchParams`` and ``FormData`` share: ordered ``(name, value)`` entries read
    by name (names are strings, as JavaScript coerces them) and iterated as ``[name, value]``."""

    _entries: list[tuple[str, Any]]
    _pyodide_flags = frozenset({"HAS_GET", "HAS_SET", "IS_ITERABLE"})  # get(), set(), [Symbol.iterator]

    # JavaScript methods ignore extra arguments (``params.get(name, "")`` is ``get(name)``)
    @jsg_required("NAME")
    def get(self, name: Any, *_ignored: Any) -> Any:
        """The first value named ``name``, or ``null`` as the Worker's Pyodide converts it."""
        name = js_text(name)  # String() of it, as jsg reads a string parameter (null is "null")
        return next((v for k, v in self._entries if k == name), js_null())

    def __getitem__(self, name: Any) -> Any:
        """Pyodide's ``proxy[key]`` on an object with ``get`` (``null`` when missing)."""
        return self.get(name)

    def __contains__(self, name: Any) -> bool:
        """Pyodide's ``key in proxy`` on an object with ``has``."""
        return self.has(name)

    @jsg_required("NAME")
    def getAll(self, name: Any, *_ignored: Any) -> JsArray:  # noqa: N802 - JS name
        name = js_text(name)
        return JsArray([v for k, v in self._entries if k == name])

    @jsg_required("NAME")
    def has(self, name: Any, *_ignored: Any) -> bool:
        name = js_text(name)
        return any(k == name for k, _ in self._entries)

    def _walk(self) -> Iterator[tuple[str, Any]]:
        """The live list's ``(name, value)`` pairs, walked by index as workerd walks it
        (FormData's ``IteratorState{parent, index}``, ada's URLSearchParams iterator, both
        ``forEach``): an entry added or removed meanwhile is seen."""
        i = 0
        while i < len(self._entries):
            yield self._entries[i]
            i += 1

    def _live(self, item: Any) -> JsIterator:
        """A JS iterator over the live list (:meth:`_walk`), each pair given as ``item(name, value)``."""
        return JsIterator((item(k, v) for k, v in self._walk()), f"{self._js_name} Iterator")

    def keys(self) -> JsIterator:
        return self._live(lambda k, _: k)

    def values(self) -> JsIterator:
        return self._live(lambda _, v: v)

    def entries(self) -> JsIterator:
        return self._live(lambda k, v: JsArray([k, v]))

    @jsg_required("function")
    def forEach(self, callback: Any, *this_arg: Any) -> None:  # noqa: N802 - JS name
        """``forEach((value, name, object) => ...[, thisArg])``: all three arguments, as JavaScript
        passes them (a Python callable taking fewer fails, as under Pyodide); entries added or
        removed meanwhile are seen, as the live list is walked by index. A callback that is not a
        function is jsg's TypeError."""
        if not callable(callback):
            raise js_type_error(f"Failed to execute 'forEach' on '{self._js_name}': parameter 1 is not of type "
                                "'function'.")
        callback = _jsvalues.with_this(callback, this_arg)
        for name, value in self._walk():
            callback(value, name, self)

    def __iter__(self) -> JsIterator:
        return self.entries()


class JsURLSearchParams(JsEntryList):
    """``URLSearchParams``: ordered name/value pairs of a query string."""

    _js_name = "URLSearchParams"
    _name_type = "USVString"  # jsg's name for its methods' string parameters

    def __init__(self, init: Any = None, *, _owner: JsURL | None = None):
        self._entries: list[tuple[str, str]] = []
        self._owner = _owner
        if init is None:  # undefined: none (null is the string "null", as jsg's OneOf reads it)
            return
        if isinstance(init, JsURLSearchParams):
            self._entries = list(init._entries)
        elif isinstance(init, str):
            self._entries = parse_qsl(init[1:] if init.startswith("?") else init, keep_blank_values=True)
        elif isinstance(init, JsObject):
            self._entries = [(k, js_text(v)) for k, v in own_properties(init)]
        elif isinstance(init, (JsArray, JsMap, list)):
            for pair in js_iterated(init):
                items = jsg_sequence(pair)
                if len(items) != 2:
                    raise js_type_error("Invalid URL search params sequence.")
                self._entries.append((js_text(items[0]), js_text(items[1])))
        elif isinstance(init, dict):
            self._entries = [(js_text(k), js_text(v)) for k, v in init.items()]
        else:
            self._entries = parse_qsl(js_text(init), keep_blank_values=True)

    @staticmethod
    def new(init: Any = None) -> JsURLSearchParams:
        return JsURLSearchParams(init)

    def _changed(self) -> None:
        if self._owner is not None:
            self._owner._set_query(self.toString())

    @property
    def size(self) -> int:
        return len(self._entries)

    # get(), set(), a size and [Symbol.iterator]: Pyodide holds it as a JsMutableMap (as it does
    # Node's; real Pyodide 0.26.0a4, 0.28.2 and 314.0.6): Python iterates its names (JS
    # ``keys()``), ``len`` is its size, and ``keys()``/``values()``/``items()`` are Python's views
    # (a value read by ``get``: the first of its name); ``entries()`` stays the JS iterator
    _pyodide_flags = frozenset({"HAS_GET", "HAS_SET", "HAS_LENGTH", "IS_ITERABLE"})

    def __iter__(self) -> JsIterator:  # type: ignore[override]
        return self._live(lambda k, _: k)

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return KeysView(self)  # type: ignore[arg-type]

    def values(self) -> ValuesView[Any]:  # type: ignore[override]
        return ValuesView(self)  # type: ignore[arg-type]

    def items(self) -> ItemsView[str, Any]:
        return ItemsView(self)  # type: ignore[arg-type]

    @jsg_required("USVString", "USVString")
    def append(self, name: str, value: Any, *_ignored: Any) -> None:
        self._entries.append((js_text(name), js_text(value)))
        self._changed()

    @jsg_required("USVString", "USVString")
    def set(self, name: str, value: Any, *_ignored: Any) -> None:
        self._entries = set_entry(self._entries, js_text(name), js_text(value))
        self._changed()

    @jsg_required("USVString")
    def delete(self, name: Any, value: Any = None, *_ignored: Any) -> None:
        """``delete(name)``, or ``delete(name, value)``: only the pairs with that value too."""
        name = js_text(name)
        if value is None:
            self._entries = [(k, v) for k, v in self._entries if k != name]
        else:
            value = js_text(value)
            self._entries = [(k, v) for k, v in self._entries if (k, v) != (name, value)]
        self._changed()

    @jsg_required("USVString")
    def has(self, name: Any, value: Any = None, *_ignored: Any) -> bool:
        """``has(name)``, or ``has(name, value)``: is there a pair with that value too."""
        name = js_text(name)
        if value is None:
            return any(k == name for k, _ in self._entries)
        value = js_text(value)
        return any((k, v) == (name, value) for k, v in self._entries)

    def sort(self) -> None:
        self._entries.sort(key=lambda kv: kv[0].encode("utf-16-be", "surrogatepass"))
        self._changed()

    def toString(self) -> str:  # noqa: N802 - JS name
        """The application/x-www-form-urlencoded serializer: a space is ``+``, only ASCII
        alphanumerics and ``*-._`` stay as they are (``~`` is ``%7E``)."""
        return "&".join(f"{_form_encode(k)}={_form_encode(v)}" for k, v in self._entries)

    def __str__(self) -> str:
        return self.toString()

    __repr__ = __str__  # Pyodide's repr of a JsProxy is its toString too

    def to_py(self, *, depth: int = -1, default_converter: Any = None) -> Any:
        return self


usv = _jsvalues.well_formed  #: a ``USVString`` argument: lone surrogates as U+FFFD


class JsURL(JsgObject, JsProxy):
    """``URL``: a parsed absolute URL with the WHATWG accessors (``pathname``, ``searchParams`` ...).

    Parsed, serialized and changed by ada (the ``ada-url`` package), the URL parser workerd
    itself is built on: IDNA hosts, IPv4/IPv6 forms, ``file:`` URLs and every percent-encode set
    come out as production's. A setter given a value the standard refuses changes nothing,
    silently, as in JavaScript."""

    _js_name = "URL"

    def __init__(self, url: Any, base: Any = None):
        text = usv(url.href if isinstance(url, JsURL) else js_text(url))
        try:
            if base is None:
                self._url = ada_url.URL(text)
            else:
                self._url = ada_url.URL(text, usv(base.href if isinstance(base, JsURL) else js_text(base)))
        except ValueError:
            raise js_type_error("Invalid URL string.") from None
        self._params = JsURLSearchParams(self._url.search, _owner=self)

    @staticmethod
    @jsg_required("USVString", owner="URL", construct=True)
    def new(url: Any, base: Any = None, *_ignored: Any) -> JsURL:
        return JsURL(url, base)

    @staticmethod
    @jsg_required("USVString", owner="URL")
    def canParse(url: Any, base: Any = None, *_ignored: Any) -> bool:  # noqa: N802 - JS name
        try:
            JsURL(url, base)
        except JsException:
            return False
        return True

    @staticmethod
    @jsg_required("USVString", owner="URL")
    def parse(url: Any, base: Any = None, *_ignored: Any) -> Any:
        """``URL.parse(url, base)``: the URL, or ``null`` where ``new URL`` would throw."""
        try:
            return JsURL(url, base)
        except JsException:
            return js_null()

    def _set(self, part: str, value: Any) -> None:
        try:
            setattr(self._url, part, usv(js_text(value)))
        except ValueError:
            return  # the standard's setters ignore what they cannot parse
        if part in ("href", "search"):
            self._params._entries = JsURLSearchParams(self._url.search)._entries

    def _set_query(self, query: str) -> None:
        self._url.search = query

    protocol = property(lambda self: self._url.protocol, lambda self, v: self._set("protocol", v))
    username = property(lambda self: self._url.username, lambda self, v: self._set("username", v))
    password = property(lambda self: self._url.password, lambda self, v: self._set("password", v))
    host = property(lambda self: self._url.host, lambda self, v: self._set("host", v))
    hostname = property(lambda self: self._url.hostname, lambda self, v: self._set("hostname", v))
    port = property(lambda self: self._url.port, lambda self, v: self._set("port", v))
    pathname = property(lambda self: self._url.pathname, lambda self, v: self._set("pathname", v))
    search = property(lambda self: self._url.search, lambda self, v: self._set("search", v))
    hash = property(lambda self: self._url.hash, lambda self, v: self._set("hash", v))
    origin = property(lambda self: self._url.origin)

    @property
    def href(self) -> str:
        return self._url.href

    @href.setter
    def href(self, value: Any) -> None:
        try:
            ada_url.URL(usv(js_text(value)))
        except ValueError:
            raise js_type_error("Failed to set the 'href' property on 'URL': the provided value is not of type "
                                "'valid URL string'.") from None
        self._set("href", value)

    @property
    def searchParams(self) -> JsURLSearchParams:  # noqa: N802 - JS name
        return self._params

    def toString(self) -> str:  # noqa: N802 - JS name
        return self.href

    toJSON = toString  # noqa: N815 - JS name

    def __str__(self) -> str:
        return self.href

    __repr__ = __str__  # Pyodide's repr of a JsProxy is its toString too

    def _inspected(self) -> str:
        """What ``console.log`` prints of it."""
        return f"URL {{ href: {self.href!r} }}"


class TextEncoder(JsgObject, JsProxy):
    """``TextEncoder``: strings to UTF-8 ``Uint8Array`` (a lone surrogate is U+FFFD, as the
    ``USVString`` argument makes it)."""

    _js_name = "TextEncoder"
    encoding = "utf-8"

    @staticmethod
    def new(*_ignored: Any) -> TextEncoder:  # its constructor takes no arguments: any are ignored
        return TextEncoder()

    def encode(self, text: Any = None, *_ignored: Any) -> JsTypedArray:
        return JsTypedArray("Uint8Array", b"" if text is None else usv(js_text(text)).encode("utf-8"))

    @jsg_required("string", "Uint8Array")
    def encodeInto(self, text: Any, destination: Any, *_ignored: Any) -> JsObject:  # noqa: N802 - JS name
        """UTF-8 of ``text`` written into ``destination`` from its start: ``{read, written}``,
        UTF-16 code units read and bytes written; it stops before a character whose bytes do
        not all fit (a lone surrogate is U+FFFD, three bytes)."""
        if not isinstance(destination, JsTypedArray) or destination._js_name != "Uint8Array":
            raise js_type_error("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type "
                                "'Uint8Array'.")
        room = destination.length
        read = written = 0
        out = bytearray()
        for char in usv(js_text(text)):
            data = char.encode("utf-8")
            if written + len(data) > room:
                break
            out += data
            written += len(data)
            read += 2 if ord(char) > 0xFFFF else 1
        destination._raw()[:written] = out
        return JsObject({"read": read, "written": written})


_DECODERS = {"utf-8": "utf-8", "utf-16le": "utf-16-le", "windows-1252": "cp1252"}
_LABELS = {"utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "latin1": "windows-1252", "ascii": "windows-1252",
           "iso-8859-1": "windows-1252", "us-ascii": "windows-1252", "utf-16": "utf-16le"}


def _checked_options(options: Any, struct: str) -> None:
    """jsg's reading of a ``TextDecoder`` options dictionary, whose members are required (with
    defaults): ``null`` is its ``TypeError`` naming the struct (``ConstructorOptions``,
    ``DecodeOptions``), as workerd 1.20261123.1 and later answer ``new TextDecoder("utf-8", null)``
    and ``decode(data, null)`` (1.20261117.1, wrangler 4.164.0's, mangled the C++ name:
    ``N7workerd3api11TextDecoder18ConstructorOptionsE``); ``undefined`` is the defaults."""
    if options is jsnull:
        raise js_type_error(f"Cannot initialize {struct} with required members from an undefined or null value.")


def _option(options: Any, name: str) -> bool:
    """A TextDecoder flag as jsg reads a ``bool``: JavaScript's ``ToBoolean`` (``null`` false, ``[]`` true)."""
    from workers_env.runtime.jsconversions import to_boolean  # late: jsconversions imports this module's kin

    if isinstance(options, JsObject):
        return to_boolean(getattr(options, name, False))
    return to_boolean(options_member(options, name, False))  # a LiteralMap's (Pyodide 0.27 on), else False


class TextDecoder(JsgObject, JsProxy):
    """``TextDecoder``: bytes to a string (UTF-8 by default; invalid bytes become U+FFFD, or a
    ``TypeError`` when ``fatal``; a leading BOM is dropped unless ``ignoreBOM``)."""

    _js_name = "TextDecoder"

    def __init__(self, label: Any = None, options: Any = None, *_ignored: Any):
        _checked_options(options, "ConstructorOptions")  # (jsg reads every argument before the label's check)
        if isinstance(options, (str, int, float)):  # (bool too) a primitive is no dictionary
            raise js_type_error("Failed to construct 'TextDecoder': constructor parameter 2 is not of type "
                                "'ConstructorOptions'.")
        name = "utf-8" if label is None else js_text(label).strip(" \t\n\f\r").lower()
        name = _LABELS.get(name, name)
        if name not in _DECODERS:
            raise JsException(f'"{js_text(label)}" is not a valid encoding.', name="RangeError")
        self.encoding = name
        self.fatal = _option(options, "fatal")
        self.ignoreBOM = _option(options, "ignoreBOM")
        self._incremental: Any = None
        self._at_start = True

    @staticmethod
    def new(label: Any = None, options: Any = None) -> TextDecoder:
        return TextDecoder(label, options)

    def decode(self, data: Any = None, options: Any = None) -> str:
        """``decode(data, {stream})``: with ``stream`` an incomplete sequence at the end waits for
        the next call (as a chunked body is decoded), otherwise the decoding ends here."""
        if data is not None and not isinstance(data, (JsBufferSource, bytes, bytearray, memoryview)):
            # jsg's conversion of its buffer parameter, as workerd 1.20261123.1 and later name it
            # (1.20261117.1, wrangler dev 4.164.0's, said 'Array'; measured to 1.20261201.1)
            raise js_type_error("Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type "
                                "'BufferSource or ArrayBuffer or ArrayBufferView'.")
        _checked_options(options, "DecodeOptions")
        if isinstance(options, (str, int, float)):
            raise js_type_error("Failed to execute 'decode' on 'TextDecoder': parameter 2 is not of type "
                                "'DecodeOptions'.")
        stream = _option(options, "stream")
        if self._incremental is None:
            self._incremental = codecs.getincrementaldecoder(_DECODERS[self.encoding])(
                errors="strict" if self.fatal else "replace")
        raw = b"" if data is None else buffer_bytes(data)
        try:
            text = self._incremental.decode(raw, final=not stream)
        except UnicodeDecodeError:
            self._incremental.reset()
            self._at_start = True
            raise js_type_error("Failed to decode input.") from None
        if self._at_start and text:
            self._at_start = False
            if text[0] == "\ufeff" and not self.ignoreBOM and self.encoding != "windows-1252":
                text = text[1:]
        if not stream:
            self._incremental.reset()
            self._at_start = True
        return text


_MISSING: Any = object()
_ATOB_ERROR = ("atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric ASCII, "
               "and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)")


def btoa(data: Any = _MISSING, *_ignored: Any) -> str:
    if data is _MISSING:
        raise js_type_error("Failed to execute 'btoa' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'String'.")
    text = js_text(data)
    if any(ord(ch) > 0xFF for ch in text):
        raise dom_exception("btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.",
                            "InvalidCharacterError")
    return base64.b64encode(text.encode("latin-1")).decode("ascii")


def atob(data: Any = _MISSING, *_ignored: Any) -> str:
    if data is _MISSING:
        raise js_type_error("Failed to execute 'atob' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'String'.")
    text = "".join(js_text(data).split())
    if len(text) % 4 == 1 or not all(ch.isascii() and (ch.isalnum() or ch in "+/=") for ch in text):
        raise dom_exception(_ATOB_ERROR, "InvalidCharacterError")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True).decode("latin-1")
    except (binascii.Error, ValueError):
        raise dom_exception(_ATOB_ERROR, "InvalidCharacterError") from None


@jsg_required("ArrayBufferView", owner="Crypto")
def getRandomValues(array: Any, *_ignored: Any) -> Any:  # noqa: N802 - JS name (jsg's error text)
    if not isinstance(array, (JsTypedArray, JsDataView)):  # jsg's unwrapping of an ArrayBufferView
        raise js_type_error("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type "
                            "'ArrayBufferView'.")
    if not isinstance(array, JsTypedArray) or array.constructor.name.startswith("Float"):
        raise dom_exception(  # workerd's texts and DOMExceptions (Crypto::getRandomValues; wrangler dev 4.164.0)
            "ArrayBufferView argument to getRandomValues() must be an integer-typed view.", "TypeMismatchError"
        )
    if array.byteLength > 65536:
        raise dom_exception(f"getRandomValues() only accepts buffers of size <= 64K but provided {array.byteLength} "
                            "bytes.", "QuotaExceededError")
    if in_global_scope():  # the checks above first, then IoContext::current()'s (crypto.c++)
        raise JsException(GLOBAL_SCOPE_ERROR)
    array._raw()[:] = os.urandom(array.byteLength)  # its bytes, whatever its item size
    return array


def randomUUID(*_ignored: Any) -> str:  # noqa: N802 - JS name
    """A version 4 UUID; at a Worker's top level workerd's ``IoContext::current()`` error."""
    if in_global_scope():
        raise JsException(GLOBAL_SCOPE_ERROR)
    return str(uuid.uuid4())


crypto = SimpleNamespace(
    randomUUID=randomUUID,
    getRandomValues=getRandomValues,
    subtle=SubtleCrypto(),
)


class JsErrorConstructor:
    """``Error``, ``TypeError``, ``RangeError``, ...: ``X.new(message)`` and ``X(message)`` (a
    call without ``new`` constructs too) make the error object -- a ``JsException`` Python can
    raise, ``str()`` ``"<name>: <message>"``, with ``message``, ``name`` and ``stack`` (an
    ``options`` object's ``cause`` as ``cause``)."""

    def __init__(self, name: str):
        self.name = name

    def new(self, message: Any = None, options: Any = None, *_ignored: Any) -> JsException:
        error = JsException("" if message is None else js_text(message), name=self.name)
        cause = getattr(options, "cause", None) if isinstance(options, JsProxy) else (
            options.get("cause") if isinstance(options, dict) else None)
        if cause is not None:
            error.cause = cause
        return error

    __call__ = new

    def __repr__(self) -> str:
        return f"[Function: {self.name}]"


class AggregateErrorConstructor:
    """``AggregateError(errors, message, options)``: an error whose ``errors`` is a new array of
    what ``errors`` iterates (V8's ``TypeError: number 5 is not iterable ...`` for one it cannot).
    Not a :class:`JsErrorConstructor`: its arguments are not theirs."""

    def __init__(self) -> None:
        self.name = "AggregateError"
        self._error = JsErrorConstructor(self.name)

    def new(self, errors: Any = None, message: Any = None, options: Any = None, *_ignored: Any) -> JsException:
        error = self._error.new(message, options)
        error.errors = JsArray(list(js_iterated(js_iterable(errors))))  # type: ignore[attr-defined]
        return error

    __call__ = new

    def __repr__(self) -> str:
        return f"[Function: {self.name}]"


#: the constructors of JavaScript's own error types
ERROR_CONSTRUCTORS: dict[str, JsErrorConstructor | AggregateErrorConstructor] = {
    name: JsErrorConstructor(name) for name in (
        "Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError")}
ERROR_CONSTRUCTORS["AggregateError"] = AggregateErrorConstructor()
