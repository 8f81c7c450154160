"""The JavaScript ``Headers`` class, as workerd holds, guards and reads back header names and values.

Separate from runtime/jsweb.py, where it was: a Request and a Response hold one, but ``Headers``
needs neither of them, and an email's headers and the ASGI/WSGI bridges use it on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from workers_env import _jsontext
from workers_env._jsvalues import with_this
from workers_env.runtime.jsbase import JsSetDeleteItems, jsg_required, jsg_sequence
from workers_env.runtime.jsfunctions import JsDoubleProxy
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jsproxy import (
    JsArray,
    JsIterator,
    JsMap,
    JsObject,
    JsProxy,
    js_null,
    js_type_error,
    jsnull,
    own_properties,
)
from workers_env.runtime.jspyproxies import warn_pyproxy
from workers_env.runtime.pytypeslots import type_has
from workers_env.runtime.jsreadable import JsgObject

__all__ = ["JsHeaders", "read_back"]


_BAD_NAME = re.compile(r'[\x00-\x20\x7f:()<>@,;\\"/\[\]?={}]')  # not in a header name (workerd)
_BAD_VALUE = re.compile(r"[\r\n\x00]")  # not in a header value
#: workerd's lower-casing of a header name's UTF-8 bytes: A-Z and 0xC0-0xDE (Latin-1's capitals,
#: with 0xD7) plus 0x20, as wrangler dev 4.164.0 shows it (``x-\u05c0``, bytes D7 80, reads back
#: as two U+FFFD; ``x-\u07c0``, DF 80, is kept)
_LOWER_BYTES = bytes(b + 0x20 if 0x41 <= b <= 0x5A or 0xC0 <= b <= 0xDE else b for b in range(256))


def _held_bytes(key: str) -> bytes:
    """A held header name's bytes (:meth:`JsHeaders._name`), by which workerd orders names."""
    return key.encode("utf-8", "surrogateescape")


def read_back(held: str) -> str:
    """A held header name or value as workerd reads it back (``get``, iteration): its bytes as
    UTF-8, U+FFFD for each byte that does not decode (a name ``x-`` and e-acute, lower-cased to
    E3 A9, reads ``x-`` and one U+FFFD; a value's lone surrogate, ED A0 80, three)."""
    return held if held.isascii() else _held_bytes(held).decode("utf-8", "replace")


def _no_own_properties(init: Any) -> tuple[()]:
    """An init that is not iterable in JavaScript -- a ``URL``, a ``Response``, a function, or
    the PyProxy of a Python object with neither ``__iter__`` nor ``__getitem__`` (a
    ``SimpleNamespace``, a class instance, a ``complex``) -- read as jsg reads the record
    after the sequence: its own enumerable properties, of which a jsg object has none and a
    PyProxy none either (``Object.keys`` of one is ``[]`` in Pyodide 0.26.0a4, 0.28.2 and
    314.0.6 under Node): no headers at all, with a ``PyProxyWarning`` for a Python object."""
    if not isinstance(init, JsProxy):
        warn_pyproxy(
            f"a Python {type(init).__name__} reached JavaScript as a PyProxy as the init of new Headers(): "
            "JavaScript lists none of its attributes as own properties, so production makes no headers of it, "
            "and so does workers-env. Pass a dict's items(), a list of [name, value] pairs or "
            "to_js(d, dict_converter=Object.fromEntries)")
    return ()


class JsHeaders(JsgObject, JsSetDeleteItems, JsProxy):
    """The JS ``Headers`` class: names lower-cased, iteration sorted by the names' bytes; each
    name also kept as the Worker first spelled it, which is what goes out on the wire
    (:meth:`lines`)."""

    _js_name = "Headers"
    _not_js = frozenset({"items", "lines", "immutable"})  # workers-env's own (``dir()`` leaves them out)
    #: workerd's guard (headers.h): the headers of an incoming Request, of a fetch answer (a
    #: subrequest's, a binding's such as ``env.ASSETS``, ``caches.default.match``'s) and of
    #: ``Response.redirect`` refuse ``set``/``append``/``delete``; their ``clone()``'s keep that, a
    #: ``new Headers(...)``, ``new Request(request)`` or ``new Response(body, response)`` does not
    _immutable = False

    def immutable(self) -> JsHeaders:
        """These headers guarded as workerd guards a received message's (see :attr:`_immutable`)."""
        self._immutable = True
        return self

    def _check_guard(self) -> None:
        if self._immutable:
            raise js_type_error("Can't modify immutable headers.")

    def __init__(self, init: Any = None):
        self._pairs: list[tuple[str, str]] = []
        #: each held name as the Worker first spelled it while the header was absent (workerd's
        #: ``Header::name``, headers.h: later ``set``/``append`` in another case keep it)
        self._spelled: dict[str, str] = {}
        if init is None:  # undefined: none; null is jsg's TypeError below, as any other primitive
            return
        if isinstance(init, JsDoubleProxy):  # create_proxy(value): the same PyProxy as value itself
            init = init.unwrap()
        if isinstance(init, JsHeaders):  # its names held already: copied as workerd copies them
            self._pairs = list(init._pairs)
            self._spelled = dict(init._spelled)
            return
        pairs: Iterable[Any]
        if isinstance(init, JsObject):
            pairs = own_properties(init)
        elif isinstance(init, dict):  # a PyProxy: jsg reads it as an iterable (of its keys) before a
            pairs = iter(init)  # record, so a str key is jsg's Sequence TypeError; to_js or .items() pass
        elif isinstance(init, JsMap):  # a Map is an iterable of [name, value] entries
            pairs = init._entries.items()
        elif init is jsnull or isinstance(init, (str, bytes, int, float, bool)):
            raise js_type_error("Failed to construct 'Headers': constructor parameter 1 is not of type "
                                "'Headers or Sequence or object'.")
        elif (not hasattr(type(init), "__iter__") if isinstance(init, JsProxy)  # a Python object: its type's
              else not (type_has(type(init), "__iter__") or type_has(type(init), "__getitem__"))):  # own slots
            pairs = _no_own_properties(init)
        else:
            pairs = init
        checked = []
        for pair in pairs:
            items = jsg_sequence(pair)
            if len(items) != 2:
                raise js_type_error("To initialize a Headers object from a sequence, each inner sequence must have "
                                    "exactly two elements.")
            checked.append((self._spell(items[0]), self._value(items[1])))
        self._pairs = checked

    @staticmethod
    def new(init: Any = None) -> JsHeaders:
        return JsHeaders(init)

    @staticmethod
    def _name(name: Any) -> str:
        """A header name as workerd holds it (an empty one is allowed): the UTF-8 of the JS string
        (a lone surrogate as its 3 bytes), each byte ``A``-``Z`` and 0xC0-0xDE lower-cased by
        adding 0x20 (a Latin-1 ``toLower`` run over UTF-8 bytes), as wrangler dev 4.164.0 answers;
        those bytes are the name -- ``x-`` and e-acute is not ``X-`` and E-acute, nor ``x-`` and
        U+FFFD --, kept here as the str that decodes them with ``surrogateescape`` (bytes that do
        not decode as ``\\udcXX``); :func:`read_back` reads them back."""
        text = js_text(name)  # String() of it: true is "true", null "null"
        if _BAD_NAME.search(text):
            raise js_type_error("Invalid header name.")
        if text.isascii():
            return text.lower()
        return text.encode("utf-8", "surrogatepass").translate(_LOWER_BYTES).decode("utf-8", "surrogateescape")

    def _spell(self, name: Any) -> str:
        """:meth:`_name`, noting the name as given if the header is new (for :meth:`lines`)."""
        key = self._name(name)
        if key not in self._spelled:
            text = js_text(name)
            self._spelled[key] = text if text.isascii() else (
                text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogateescape"))
        return key

    @staticmethod
    def _value(value: Any) -> str:
        """``String(value)`` as JavaScript makes it (``true``, ``1`` for 1.0, ``null``), trimmed;
        CR, LF and NUL are refused as workerd refuses them. workerd keeps the UTF-8 of the JS
        string, a lone surrogate as its 3 bytes (ED A0 80 for U+D800), and sends those bytes (in a
        response and in a ``fetch``, wrangler dev 4.164.0), reading them back as 3 U+FFFD: held
        here as the str that decodes them with ``surrogateescape``, as a name is
        (:func:`read_back` reads it back)."""
        text = js_text(value).strip(" \t\r\n")
        if _BAD_VALUE.search(text):
            raise js_type_error("Invalid header value.")
        if not text.isascii():  # (two surrogates that pair up are one character in JavaScript)
            text = (_jsontext.surrogate_pairs_joined(text).encode("utf-8", "surrogatepass")
                    .decode("utf-8", "surrogateescape"))
        return text

    # JavaScript methods ignore extra arguments: ``headers.get(name, "")`` is ``get(name)``
    @jsg_required("string", "string")
    def append(self, name: Any, value: Any, *_ignored: Any) -> None:
        self._check_guard()
        self._name(name)  # a refused name before the value, as jsg checks them
        checked = self._value(value)  # then a refused value leaves no spelling behind (headers.c++)
        self._pairs.append((self._spell(name), checked))

    @jsg_required("string", "string")
    def set(self, name: Any, value: Any, *_ignored: Any) -> None:
        self._check_guard()
        self._name(name)  # a refused name before the value, as jsg checks them
        checked = self._value(value)  # then a refused value leaves no spelling behind (headers.c++)
        key = self._spell(name)
        self._pairs = [(k, v) for k, v in self._pairs if k != key]
        self._pairs.append((key, checked))

    @jsg_required("string")
    def delete(self, name: Any, *_ignored: Any) -> None:
        self._check_guard()
        key = self._name(name)
        self._pairs = [(k, v) for k, v in self._pairs if k != key]
        self._spelled.pop(key, None)

    @jsg_required("string")
    def get(self, name: Any, *_ignored: Any) -> Any:
        """The value (several joined by ``, ``), or ``null`` as the Worker's Pyodide converts it."""
        key = self._name(name)
        values = [read_back(v) for k, v in self._pairs if k == key]
        return ", ".join(values) if values else js_null()

    def __getitem__(self, name: Any) -> Any:
        """Pyodide's ``proxy[key]`` on an object with ``get``: ``headers.get(key)`` (``null``
        when missing, not a ``KeyError``: ``get`` answers ``null``, not ``undefined``); so
        ``dict(headers)`` works."""
        return self.get(name)

    def __contains__(self, name: Any) -> bool:
        """Pyodide's ``key in proxy`` on an object with ``has``."""
        return self.has(name)

    @jsg_required("string")
    def has(self, name: Any, *_ignored: Any) -> bool:
        key = self._name(name)
        return any(k == key for k, _ in self._pairs)

    def getSetCookie(self) -> list[str]:  # noqa: N802 - JS name
        return [read_back(v) for k, v in self._pairs if k == "set-cookie"]

    @jsg_required("string")
    def getAll(self, name: Any, *_ignored: Any) -> list[str]:  # noqa: N802 - JS name
        """workerd's legacy ``getAll``: ``getSetCookie()`` for ``Set-Cookie`` in any ASCII case,
        its TypeError for another name (headers.c++, wrangler dev 4.164.0)."""
        if str(name).lower() != "set-cookie" or not str(name).isascii():
            raise js_type_error('getAll() can only be used with the header name "Set-Cookie".')
        return self.getSetCookie()

    _pyodide_flags = frozenset({"HAS_GET", "HAS_SET", "IS_ITERABLE"})  # get(), set(), [Symbol.iterator]; no size

    def _displayed(self) -> list[tuple[str, str]]:
        """workerd's ``getDisplayedHeaders``: one line per name in order of the name's bytes, its
        values joined, each ``set-cookie`` value its own line, names and values read back as UTF-8
        (see :meth:`_value`)."""
        lines: list[tuple[str, str]] = []
        for key in sorted({k for k, _ in self._pairs}, key=_held_bytes):
            values = [read_back(v) for k, v in self._pairs if k == key]
            if key == "set-cookie":
                lines.extend((key, value) for value in values)
            else:
                lines.append((read_back(key), ", ".join(values)))
        return lines

    def _iterator(self, item: Callable[[str, str], Any]) -> JsIterator:
        """A ``Headers Iterator`` of ``item(name, value)`` of each displayed line: workerd's
        iterators walk a copy taken when they are made (``IteratorState{copy}``), so a header set
        meanwhile is not seen."""
        return JsIterator([item(name, value) for name, value in self._displayed()], "Headers Iterator")

    def entries(self) -> JsIterator:
        return self._iterator(lambda name, value: JsArray([name, value]))

    def __iter__(self) -> JsIterator:
        return self.entries()

    def keys(self) -> JsIterator:
        return self._iterator(lambda name, _value: name)

    def values(self) -> JsIterator:
        return self._iterator(lambda _name, value: value)

    def forEach(self, callback: Any = None, *this_arg: Any) -> None:  # noqa: N802 - JS name
        """``headers.forEach((value, name, headers) => ...[, thisArg])``: in order of name, as
        iteration; a callback that is not a function is jsg's TypeError, before any header is visited."""
        if not callable(callback):
            raise js_type_error("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'function'.")
        callback = with_this(callback, this_arg)
        for name, value in self.items():
            callback(value, name, self)  # all three, as JavaScript calls it (a PyProxy taking fewer fails)

    def items(self) -> list[tuple[str, str]]:
        """Every header line in order of name (set-cookie values kept apart)."""
        return self._displayed()

    def to_py(self, *, depth: int = -1, default_converter: Any = None) -> Any:
        return dict(self.items())

    def lines(self) -> list[tuple[str, str]]:
        """Every header line as workerd hands it to KJ for the wire (``Headers::shallowCopyTo``):
        each name as the Worker first spelled it, in order of those spellings' bytes (``X-Zed``
        before ``a-b``), each value ``append`` gave on a line of its own (``X-A: 1`` and ``X-A:
        2``, not ``X-A: 1, 2``), as wrangler dev 4.164.0 sends them; each value as workerd sends
        it: ``value.encode("utf-8", "surrogateescape")`` is its bytes (a lone surrogate's ED A0 80,
        not three U+FFFD). (KJ then writes the names its table indexes in its own
        order and spelling: :mod:`.wireheaders`.)"""
        spelled = [(self._spelled.get(k, k), v) for k, v in self._pairs]
        return [(read_back(k), v) for k, v in sorted(spelled, key=lambda pair: _held_bytes(pair[0]))]
