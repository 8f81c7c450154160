"""``js.String``, ``js.Boolean``, ``js.BigInt`` and ``js.Symbol``: the conversion functions
they are when JavaScript calls them without ``new`` -- as Pyodide calls every JS function from
Python -- with the results Pyodide hands back (a ``str``, a ``bool``, an ``int``; a symbol stays
a JsProxy), and their ``new`` wrapper objects.

A Python argument reaches JavaScript as Pyodide converts it: ``None`` is ``undefined``, ``str``,
``bool``, ``int`` (a BigInt from magnitude 2**53) and ``float`` are primitives, a JS value is
itself, and anything else (a ``list``, a ``dict``, ``bytes``, a class) is a PyProxy, whose
``toString`` is Python's ``str()``: ``String([1, 2])`` is ``"[1, 2]"``, where a JS Array's
is ``"1,2"``. Texts as V8 words them (Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node:
tools/pyodide/pyodide_cases.py ``conversion-functions``).
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterator
from typing import Any

from workers_env import _jsvalues
from workers_env._errors import JsException
from workers_env._jsvalues import JS_WHITESPACE, JsTypedArray, base_value, js_length, js_string
from workers_env.runtime.current import pyodide_029
from workers_env.runtime.jsbase import JsNull, JsProxy
from workers_env.runtime.jsnumbers import to_number, to_primitive
from workers_env.runtime.jsproxy import JsArray

__all__ = ["JsBigIntFunction", "JsBooleanFunction", "JsBooleanObject", "JsStringFunction", "JsStringObject",
           "JsSymbol", "JsSymbolFunction", "to_boolean", "to_js_string"]

_NO_ARGUMENT: Any = object()  # a call without the argument (String() is "", String(undefined) "undefined")
_BIGINT_DECIMAL = re.compile(r"[+-]?[0-9]+")
_BIGINT_PREFIXED = {"0x": (16, re.compile(r"[0-9a-fA-F]+")), "0o": (8, re.compile(r"[0-7]+")),
                    "0b": (2, re.compile(r"[01]+"))}


def _number_text(value: float | int) -> str:
    return js_string(float(value)) if isinstance(value, float) else str(value)


def to_js_string(value: Any) -> str:
    """JavaScript's ``String(value)`` of ``value`` as Pyodide passes it (a symbol included)."""
    if value is None:
        return "undefined"
    if isinstance(value, JsNull):
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        value = base_value(value)  # a subclass (a str Enum) crosses as its base value
        return value if isinstance(value, str) else _number_text(value)
    if isinstance(value, JsTypedArray):
        return js_string(value)
    if isinstance(value, JsException):  # Error.prototype.toString: "<name>: <message>", the name alone without one
        return f"{value.name}: {value.message}" if value.message else value.name
    if isinstance(value, JsProxy) and (primitive := to_primitive(value, "string")) is not value:
        return to_js_string(primitive)  # an object's own toString (or valueOf), a wrapper's value
    if isinstance(value, JsProxy):
        to_string = getattr(value, "toString", None)
        return str(to_string()) if callable(to_string) else repr(value)
    return str(value)  # a PyProxy: its toString is Python's str()


def to_boolean(value: Any) -> bool:
    """JavaScript's ``ToBoolean``: ``undefined``, ``null``, ``false``, ``0``, ``-0``, ``NaN``,
    ``0n`` and ``""`` are false; every object -- a PyProxy of an empty list too -- is true."""
    if value is None or isinstance(value, JsNull):
        return False
    if isinstance(value, (bool, int, float, str)):
        return bool(base_value(value)) and not (isinstance(value, float) and math.isnan(value))
    return True


_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_returned(text: str) -> str:
    """A JS string as Pyodide hands it back to Python: its UTF-16 code units decoded, so a
    surrogate pair -- ``"\\ud83d\\ude00"`` sent as two Python characters -- comes back as one
    character, a lone surrogate as itself."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


_SYMBOL_TO_STRING = _jsvalues.SYMBOL_TO_STRING  # ``new String``, ``Symbol``, ``Symbol.for`` of a Symbol


class JsStringObject(JsProxy):
    """``new String(value)``: a wrapper object (``typeof`` object) around a string; Pyodide
    leaves it a JsProxy (``to_py()`` too), shown as its string."""

    _js_name = "String"

    def __init__(self, value: str):
        self._value = value

    @property
    def length(self) -> int:
        return js_length(self._value)

    def __len__(self) -> int:  # Pyodide's len() of a JsProxy with a length
        return self.length

    def __bool__(self) -> bool:  # an object: truthy whatever its length (npm pyodide 0.28.2, 314.0.6)
        return True

    def __iter__(self) -> Iterator[str]:
        """JavaScript's string iterator (every Pyodide: the object has ``[Symbol.iterator]``):
        one string per code point, a lone surrogate alone."""
        return iter(_as_returned(self._value))

    def js_iteration(self) -> Iterator[str]:  # what Array.from, new Set ... read of it
        return iter(self)

    def _units(self) -> list[str]:
        """Its UTF-16 code units, each a string (``s[i]`` in JavaScript)."""
        units = self._value.encode("utf-16-le", "surrogatepass")
        return [units[i:i + 2].decode("utf-16-le", "surrogatepass") for i in range(0, len(units), 2)]

    def __getitem__(self, index: Any) -> Any:
        """From Pyodide 0.29 (pyodide#5991, #6019; the 314.0.x era) a JsProxy of an array-like
        object -- a ``length`` and ``[Symbol.iterator]``, as a String object has -- takes
        subscripts: ``s[0]`` is the code unit there (negative from the end), out of range
        ``IndexError``, ``s[1:]`` the string's slice, a stepped slice an Array of code units
        (measured on 314.0.6). Before, ``'pyodide.ffi.JsProxy' object is not subscriptable``."""
        if not pyodide_029():
            raise TypeError("'pyodide.ffi.JsProxy' object is not subscriptable")
        units = self._units()
        if isinstance(index, slice):
            start, stop, step = index.indices(len(units))
            if step == 1:  # String.prototype.slice
                return "".join(units[start:stop]) if stop > start else JsArray()
            return JsArray(units[index])
        if not hasattr(type(index), "__index__"):
            raise TypeError(f"list indices must be integers or slices, not {type(index).__name__}")
        at = operator.index(index)
        position = at + len(units) if at < 0 else at
        if not 0 <= position < len(units):
            raise IndexError(index)
        return units[position]

    def __reversed__(self) -> Iterator[str]:
        if not pyodide_029():
            raise TypeError("'pyodide.ffi.JsProxy' object is not reversible")
        return iter(self._units()[::-1])

    def __mul__(self, count: Any) -> Any:  # Pyodide 0.29's array-like repeat: an Array
        if not pyodide_029() or not hasattr(type(count), "__index__"):
            return NotImplemented
        return JsArray(self._units() * operator.index(count))

    __rmul__ = __mul__

    def toString(self) -> str:  # noqa: N802 - JS name
        return self._value

    valueOf = toString  # noqa: N815 - JS name

    def __repr__(self) -> str:
        return self._value

    __str__ = __repr__


class JsBooleanObject(JsProxy):
    """``new Boolean(value)``: a wrapper object (true itself, as every object); a JsProxy shown
    as ``true``/``false``."""

    _js_name = "Boolean"

    def __init__(self, value: bool):
        self._value = value

    def valueOf(self) -> bool:  # noqa: N802 - JS name
        return self._value

    def toString(self) -> str:  # noqa: N802 - JS name
        return "true" if self._value else "false"

    def __repr__(self) -> str:
        return self.toString()

    __str__ = __repr__


class JsStringFunction:
    """``js.String``: ``String(value)`` converts (:func:`to_js_string`); ``new``,
    ``fromCharCode``, ``fromCodePoint`` and ``raw``."""

    name = "String"

    def __call__(self, value: Any = _NO_ARGUMENT, *_ignored: Any) -> str:
        return "" if value is _NO_ARGUMENT else _as_returned(to_js_string(value))

    def new(self, value: Any = _NO_ARGUMENT, *_ignored: Any) -> JsStringObject:
        if isinstance(value, JsSymbol):
            raise JsException(_SYMBOL_TO_STRING, name="TypeError")
        return JsStringObject(self(value))

    @staticmethod
    def fromCharCode(*codes: Any) -> str:  # noqa: N802 - JS name
        """UTF-16 code units, each ``ToUint16`` of its argument (a pair of surrogates one character)."""
        units = [int(n) % 65536 if math.isfinite(n := to_number(c)) else 0 for c in codes]
        return b"".join(u.to_bytes(2, "little") for u in units).decode("utf-16-le", "surrogatepass")

    @staticmethod
    def fromCodePoint(*points: Any) -> str:  # noqa: N802 - JS name
        out = []
        for point in points:
            number = to_number(point)
            if not (math.isfinite(number) and float(number).is_integer() and 0 <= number <= 0x10FFFF):
                raise JsException(f"Invalid code point {_number_text(number)}", name="RangeError")
            out.append(chr(int(number)))
        return "".join(out)

    @staticmethod
    def raw(template: Any = None, *substitutions: Any) -> str:
        """``String.raw(strings, ...subs)``: ``strings.raw``'s items with the substitutions between."""
        raw = getattr(template, "raw", None) if template is not None and not isinstance(template, JsNull) else None
        if raw is None or isinstance(raw, JsNull):
            raise JsException("Cannot convert undefined or null to object", name="TypeError")
        pieces = list(raw)
        out: list[str] = []
        for i, piece in enumerate(pieces):
            out.append(to_js_string(piece))
            if i + 1 < len(pieces) and i < len(substitutions):
                out.append(to_js_string(substitutions[i]))
        return "".join(out)


class JsBooleanFunction:
    """``js.Boolean``: ``Boolean(value)`` is :func:`to_boolean`; ``new`` its wrapper object."""

    name = "Boolean"

    def __call__(self, value: Any = None, *_ignored: Any) -> bool:
        return to_boolean(value)

    def new(self, value: Any = None, *_ignored: Any) -> JsBooleanObject:
        return JsBooleanObject(to_boolean(value))


def _string_to_bigint(text: str) -> int:
    """V8's ``StringToBigInt``: whitespace trimmed, ``""`` is 0, a signed decimal or an unsigned
    ``0x``/``0o``/``0b`` literal; else ``SyntaxError: Cannot convert <text> to a BigInt``."""
    body = text.strip(JS_WHITESPACE)
    if not body:
        return 0
    prefixed = _BIGINT_PREFIXED.get(body[:2].lower())
    if prefixed is not None and prefixed[1].fullmatch(body[2:]):
        return int(body[2:], prefixed[0])
    if _BIGINT_DECIMAL.fullmatch(body):
        return int(body)
    raise JsException(f"Cannot convert {text} to a BigInt", name="SyntaxError")


class JsBigIntFunction:
    """``js.BigInt``: ``BigInt(value)`` as V8 converts, the result an ``int`` (as Pyodide hands
    a BigInt back); ``BigInt.new`` is V8's ``TypeError: BigInt is not a constructor``."""

    name = "BigInt"

    def __call__(self, value: Any = None, *_ignored: Any) -> int:
        """The BigInt as the Worker's Pyodide reads it back (``JsBigInt`` from 0.29, else ``int``)."""
        return _jsvalues.bigint_reads_as()(self._bigint(value))

    def _bigint(self, value: Any) -> int:
        value = to_primitive(value, "number")  # a wrapper's value, a Date's time, an object's own valueOf
        if value is None or isinstance(value, JsNull):
            raise JsException(f"Cannot convert {to_js_string(value)} to a BigInt", name="TypeError")
        if isinstance(value, JsSymbol):
            raise JsException(f"Cannot convert {value.toString()} to a BigInt", name="TypeError")
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return int(base_value(value))
        if isinstance(value, float):
            if not (math.isfinite(value) and value.is_integer()):
                raise JsException(f"The number {_number_text(value)} cannot be converted to a BigInt because it is not "
                                  "an integer", name="RangeError")
            return int(value)
        return _string_to_bigint(to_js_string(value))

    def new(self, *_args: Any) -> Any:
        raise JsException("BigInt is not a constructor", name="TypeError")


class JsSymbol(JsProxy):
    """A JavaScript symbol, which Pyodide hands to Python as a JsProxy: ``description``,
    ``toString()`` (``Symbol(desc)``), compared by identity. A property it lacks --
    ``description`` of one made without -- is Pyodide's ``TypeError: Cannot use 'in' operator to
    search for '<name>' in Symbol(...)``, as its ``getattr`` checks ``name in`` the primitive."""

    _js_name = "Symbol"
    typeof = "symbol"

    def __init__(self, description: str | None):
        self._description = description

    @property
    def description(self) -> str:
        if self._description is None:
            raise self._no_property("description")
        return self._description

    def toString(self) -> str:  # noqa: N802 - JS name
        return f"Symbol({self._description or ''})"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise self._no_property(name)

    def _no_property(self, name: str) -> JsException:
        # a JsException only, not an AttributeError: Pyodide's hasattr/getattr(symbol, name, default) raise it
        return JsException(f"Cannot use 'in' operator to search for '{name}' in {self.toString()}", name="TypeError")

    def __repr__(self) -> str:
        return self.toString()

    __str__ = __repr__


class JsSymbolFunction:
    """``js.Symbol``: ``Symbol(description)`` a new symbol; ``for_``/``for`` the registry's,
    ``keyFor``; ``Symbol.new`` is V8's ``TypeError: Symbol is not a constructor``."""

    name = "Symbol"

    def __init__(self) -> None:
        self._registry: dict[str, JsSymbol] = {}

    def __call__(self, description: Any = None, *_ignored: Any) -> JsSymbol:
        if isinstance(description, JsSymbol):
            raise JsException(_SYMBOL_TO_STRING, name="TypeError")
        return JsSymbol(None if description is None else to_js_string(description))

    def new(self, *_args: Any) -> Any:
        raise JsException("Symbol is not a constructor", name="TypeError")

    def for_(self, key: Any = None, *_ignored: Any) -> JsSymbol:
        """``Symbol.for(key)`` (Pyodide reads ``for_`` as ``for``): one symbol per key string."""
        if isinstance(key, JsSymbol):
            raise JsException(_SYMBOL_TO_STRING, name="TypeError")
        text = to_js_string(key)
        return self._registry.setdefault(text, JsSymbol(text))

    def keyFor(self, symbol: Any = None, *_ignored: Any) -> str | None:  # noqa: N802 - JS name
        if not isinstance(symbol, JsSymbol):
            raise JsException(f"{to_js_string(symbol)} is not a symbol", name="TypeError")
        key = symbol._description
        return key if key is not None and self._registry.get(key) is symbol else None


setattr(JsSymbolFunction, "for", JsSymbolFunction.for_)  # noqa: B010 - ``for`` is a Python keyword

#: the well-known symbols, ``Symbol.iterator`` and the rest (description ``Symbol.iterator``), one each
#: for the process as for an isolate; none is in the ``for`` registry
for _well_known in ("asyncIterator", "hasInstance", "isConcatSpreadable", "iterator", "match", "matchAll", "replace",
                    "search", "species", "split", "toPrimitive", "toStringTag", "unscopables"):
    setattr(JsSymbolFunction, _well_known, JsSymbol(f"Symbol.{_well_known}"))
