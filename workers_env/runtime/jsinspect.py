"""How ``console.log`` prints JavaScript values in workerd: Node's ``util.inspect`` style --
``{ a: 1, b: 'x' }``, ``[ 1, 'two' ]``, ``Map(1) { 'k' => 1 }``, ``Uint8Array(3) [ 1, 2, 3 ]``,
containers deeper than two levels as ``[Object]`` -- rather than JSON (checked against
``wrangler dev``'s output for the same values)."""

from __future__ import annotations

import math
import re
from typing import Any

from workers_env import _jsvalues
from workers_env._errors import JsException
from workers_env.runtime.jsbase import JsNull, JsProxy
from workers_env.runtime.current import pyodide_028, pyodide_029
from workers_env.runtime.jsbuffers import JsBuffer, JsTypedArray
from workers_env.runtime.jsfunctions import JsDoubleProxy
from workers_env.runtime.jsperformance import console_text
from workers_env.runtime.jsmapkeys import map_key_read
from workers_env.runtime.jsproxy import JsArray, JsMap, JsObject
from workers_env.runtime.jspyproxies import pyodide_flags

__all__ = ["console_line", "inspect", "quoted"]

_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
_DEPTH = 2  # util.inspect's default
_BREAK = 80  # util.inspect's breakLength
_MAX_ITEMS = 100  # util.inspect's maxArrayLength
_MAX_STRING = 10_000  # util.inspect's maxStringLength, in UTF-16 code units
_MIN_LINE_WIDTH = 16  # util.inspect's kMinLineWidth


def _more(count: int) -> list[str]:
    hidden = count - _MAX_ITEMS
    return [f"... {hidden} more item{'s' if hidden > 1 else ''}"] if hidden > 0 else []


def _number(value: float | int) -> str:
    if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
        return "-0"
    return _jsvalues.js_string(value)


#: util.inspect's ``meta``: the control characters (C0 and C1) and the backslash, escaped
_META = {**{code: f"\\x{code:02X}" for code in (*range(0x20), *range(0x7F, 0xA0))},
         8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 0x5C: "\\\\"}


def quoted(text: str) -> str:
    """``text`` as ``util.inspect``'s ``strEscape`` writes a string: in ``'``, else ``"`` when it
    holds ``'``, else a backtick when it also holds ``"`` (and no backtick nor ``${``); control
    characters, the backslash and a lone surrogate escaped (``\\x00``, ``\\n``, ``\\ud800``)."""
    quote = "'"
    if "'" in text:
        quote = '"' if '"' not in text else "`" if "`" not in text and "${" not in text else "'"
    out = []
    for char in text:
        code = ord(char)
        out.append("\\'" if char == quote == "'" else _META.get(code) or (
            f"\\u{code:x}" if 0xD800 <= code <= 0xDFFF else char))
    return quote + "".join(out) + quote


def _units(text: str) -> int:
    """``text.length`` in JavaScript: UTF-16 code units (a character past U+FFFF counts two)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF) if not text.isascii() else len(text)


def _string(text: str, indentation: int) -> str:
    """A string inside a value as ``util.inspect``'s ``formatPrimitive`` writes it (``wrangler
    dev`` 4.164.0): past 10,000 UTF-16 code units cut there, ``... N more characters`` after it;
    one longer than 16 units and than the line's room (``breakLength`` less ``indentation`` less 4)
    split after each newline, each piece quoted, joined by `` +`` and a new line indented two more."""
    length = _units(text)
    trailer = ""
    if length > _MAX_STRING:
        cut = length - _MAX_STRING
        trailer = f"... {cut} more character{'s' if cut > 1 else ''}"
        text = text.encode("utf-16-le", "surrogatepass")[:2 * _MAX_STRING].decode("utf-16-le", "surrogatepass")
        length = _MAX_STRING
    if length > _MIN_LINE_WIDTH and length > _BREAK - indentation - 4:
        pieces = [piece for piece in re.split("(?<=\n)", text) if piece]  # JavaScript's split: no empty last
        return f" +\n{' ' * (indentation + 2)}".join(map(quoted, pieces)) + trailer
    return quoted(text) + trailer


def _key(name: str) -> str:
    return name if _IDENTIFIER.fullmatch(name) else quoted(name)


def _group(output: list[str], values: list[Any], indentation: int) -> list[str]:
    """util.inspect's ``groupArrayElements``: many short array items in aligned columns (past
    ``maxArrayLength``, the closing ``... N more items`` is left out of the columns and follows them)."""
    more = output[_MAX_ITEMS:]  # util.inspect: "the '... n more items' part is not taken into account"
    count = len(output) - len(more)
    data_len = [len(item) for item in output[:count]]
    total = sum(length + 2 for length in data_len)
    max_len = max(data_len)
    actual_max = max_len + 2
    if not (actual_max * 3 + indentation < _BREAK and (total / actual_max > 5 or max_len <= 6)):
        return output
    bias = math.sqrt(actual_max - total / len(output))
    biased_max = max(actual_max - 3 - bias, 1)
    columns = min(round(math.sqrt(2.5 * biased_max * count) / biased_max),
                  (_BREAK - indentation) // actual_max, 3 * 4, 15)
    if columns <= 1:
        return output
    widths = [max(data_len[j] for j in range(i, count, columns)) + 2 for i in range(columns)]
    numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values[:len(output)])
    rows = []
    for i in range(0, count, columns):
        last = min(i + columns, count) - 1
        cells = [(f"{output[j]}, ".rjust if numeric else f"{output[j]}, ".ljust)(widths[j - i]) for j in range(i, last)]
        cells.append(output[last].rjust(widths[last - i] - 2) if numeric else output[last])
        rows.append("".join(cells))
    return rows + more


def _join(start: str, entries: list[str], end: str, level: int, values: list[Any] | None = None, *,
          fresh: bool = False) -> str:
    """util.inspect's ``reduceToSingleString``: one line when it fits its ``breakLength`` test,
    else one entry (or one row of grouped array items) per line. ``fresh``: the test as a new
    ``inspect`` of a plain object makes it (no indentation, the brace ``{`` alone), as workerd's
    objects with their own values are printed (``wrangler dev`` 4.164.0: ``File { name: 'n.txt',
    lastModified: 1796264313516, size: 1, type: '' }`` on one line, wherever it stands)."""
    if not entries:
        return f"{start}{end}"
    indentation = 2 * level
    output = _group(entries, values, indentation) if values is not None and len(entries) > 6 else entries
    if len(output) == len(entries):
        total = len(output) + (len(output) + (0 if fresh else indentation) + (1 if fresh else len(start)) + 10)
        if total + len(output) <= _BREAK and total + sum(map(_units, output)) <= _BREAK:
            single = ", ".join(output)
            if "\n" not in single:
                return f"{start} {single} {end}"
    pad = "\n" + " " * indentation
    return f"{start}{pad}  " + f",{pad}  ".join(output) + f"{pad}{end}"


#: what ``console.log`` prints of workerd's objects of a fixed shape (``wrangler dev`` 4.164.0;
#: past the depth, as any of workerd's objects, ``[Crypto]``, however few properties it has)
_FIXED_SHAPES = {"SubtleCrypto": "SubtleCrypto {}", "Crypto": "Crypto { subtle: SubtleCrypto {} }",
                 "CacheStorage": "CacheStorage { default: Cache {} }", "TextEncoder": "TextEncoder { encoding: 'utf-8' }",
                 "Cache": "Cache {}", "Scheduler": "Scheduler {}", "EventTarget": "EventTarget {}"}

#: the properties ``console.log`` prints of workerd's objects that have their own values, in
#: workerd's order (``wrangler dev`` 4.164.0: ``File { name: 'n.txt', lastModified: 5, size: 1,
#: type: '' }``, ``TextDecoder { encoding: 'utf-16le', fatal: true, ignoreBOM: true }``)
_HOST_FIELDS = {"AbortSignal": ("aborted", "reason", "onabort"), "Blob": ("size", "type"),
                "File": ("name", "lastModified", "size", "type"), "TextDecoder": ("encoding", "fatal", "ignoreBOM")}

#: an ``Event``'s: its own members (a ``MessageEvent``'s, a ``CloseEvent``'s), its class's getters,
#: ``Event``'s, then -- for a subclass only -- ``Event``'s four phase constants (``wrangler dev``
#: 4.164.0, ``tools/wrangler/events_probe.py``, leftovers44: ``Event { type: 'x', eventPhase: 0, ... }``)
_EVENT_FIELDS = ("type", "eventPhase", "composed", "bubbles", "cancelable", "defaultPrevented", "returnValue",
                 "currentTarget", "target", "srcElement", "timeStamp", "isTrusted", "cancelBubble")
_PHASES = ("NONE", "CAPTURING_PHASE", "AT_TARGET", "BUBBLING_PHASE")
_HOST_FIELDS.update({"Event": _EVENT_FIELDS, **{name: (*own, *_EVENT_FIELDS, *_PHASES) for name, own in (
    ("MessageEvent", ("ports", "source", "lastEventId", "origin", "data")), ("CustomEvent", ("detail",)),
    ("ErrorEvent", ("filename", "message", "lineno", "colno", "error")), ("CloseEvent", ("wasClean", "reason", "code")))}})


def inspect(value: Any, level: int = 0, *, nested: bool = False,
            _within: list[Any] | None = None, _refs: dict[int, int] | None = None, _hidden: bool = False) -> str:
    """``value`` as ``console.log`` prints it (``nested``: inside a container, strings quoted).
    A container met again inside itself is Node's ``[Circular *1]``, the container it is
    marked ``<ref *1>``, so a structure holding itself (``to_js`` of a cyclic list) prints.
    ``_hidden``: inside a workerd object, which workerd inspects with ``showHidden`` (an array's
    ``[length]`` shown: ``Navigator { languages: [ 'en', [length]: 1 ], ... }``)."""
    within = [] if _within is None else _within
    refs: dict[int, int] = {} if _refs is None else _refs
    if isinstance(value, (JsArray, JsMap, JsObject, _jsvalues.JsSet, list, tuple, dict)):
        if any(v is value for v in within):
            number = refs.setdefault(id(value), len(refs) + 1)
            return f"[Circular *{number}]"
        within.append(value)
        try:
            text = _inspect(value, level, nested, within, refs, _hidden)
        finally:
            within.pop()
        return f"<ref *{refs[id(value)]}> {text}" if id(value) in refs else text
    return _inspect(value, level, nested, within, refs, _hidden)


def _inspect(value: Any, level: int, nested: bool, within: list[Any], refs: dict[int, int], hidden: bool = False) -> str:
    host = isinstance(value, JsObject) and getattr(value, "_js_name", "Object") != "Object"  # a workerd object (Navigator)

    def inner(v: Any) -> str:
        return inspect(v, level + 1, nested=True, _within=within, _refs=refs, _hidden=hidden or host)

    if value is None:
        return "undefined"
    if value is _jsvalues.UNDEFINED:
        return "undefined"
    if isinstance(value, JsNull):
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, str):
        return _string(value, 2 * level) if nested else value
    name = getattr(value, "_js_name", None)
    if name == "Date":
        return value.toISOString() if value.getTime() == value.getTime() else "Invalid Date"
    if name in ("Number", "String", "Boolean") and callable(getattr(value, "valueOf", None)):
        return f"[{name}: {inspect(value.valueOf(), nested=True)}]"  # a wrapper object: [String: 'ab']
    if isinstance(value, JsTypedArray):
        numbers = value.numbers()
        items = [inner(v) for v in numbers[:_MAX_ITEMS]] + _more(len(numbers))
        return _join(f"{value._js_name}({len(numbers)}) [", items, "]", level, numbers)
    if isinstance(value, JsBuffer):
        contents = " ".join(f"{b:02x}" for b in value.to_bytes())
        return f"ArrayBuffer {{ [Uint8Contents]: <{contents}>, byteLength: {value.byteLength} }}"
    if isinstance(value, _jsvalues.JsSet):
        if level > _DEPTH:
            return "[Set]"
        items = [inner(v) for v in value]
        return _join(f"Set({len(items)}) {{", items, "}", level)
    if isinstance(value, JsMap):
        name = value._js_name  # Pyodide 0.28's to_js(dict) is a LiteralMap, shown so: LiteralMap(1) { 'a' => 1 }
        if level > _DEPTH:
            return f"[{name}]"
        items = [f"{inspect(map_key_read(k), level + 1, nested=True)} => {inner(v)}"
                 for k, v in value._entries.items()]
        return _join(f"{name}({len(items)}) {{", items, "}", level)
    if isinstance(value, (JsArray, list, tuple)):
        items = value._items if isinstance(value, JsArray) else list(value)
        if level > _DEPTH:
            return "[Array]"
        nulls = isinstance(value, JsArray) and value._nulls
        shown = [inner(_null_or(v, nulls)) for v in items[:_MAX_ITEMS]] + _more(len(items))
        if hidden:
            return _join("[", [*shown, f"[length]: {len(items)}"], "]", level)
        return _join("[", shown, "]", level, items)
    if isinstance(value, (JsObject, dict)):
        props, nulls = (value._props, value._nulls) if isinstance(value, JsObject) else (value, True)
        name = getattr(value, "_js_name", "Object")
        if level > _DEPTH:
            return f"[{name}]" if host else "[Object]"
        entries = [f"{_key(str(k))}: {inner(_null_or(v, nulls))}" for k, v in props.items()]
        return _join(f"{name} {{" if host else "{", entries, "}", level)
    if isinstance(value, JsProxy) and value._js_name == "Performance":  # its members by the Worker's flags
        return "[Performance]" if level > _DEPTH else console_text(level)
    if isinstance(value, JsProxy) and value._js_name in _FIXED_SHAPES:
        return f"[{value._js_name}]" if level > _DEPTH else _FIXED_SHAPES[value._js_name]
    fields = _HOST_FIELDS.get(value._js_name, ()) if isinstance(value, JsProxy) else ()
    if fields and all(hasattr(value, field) for field in fields):
        if level > _DEPTH:
            return f"[{value._js_name}]"
        shown = [f"{k}: {inspect(getattr(value, k), level + 1, nested=True, _within=within, _refs=refs, _hidden=True)}"
                 for k in fields]  # (a workerd object: its arrays inspected with showHidden)
        return _join(f"{value._js_name} {{", shown, "}", level, fresh=True)
    if isinstance(value, JsProxy) and value._js_name == "Headers" and callable(getattr(value, "_displayed", None)):
        if level > _DEPTH:
            return "[Headers]"
        # its entries, then whether workerd's guard is on (``wrangler dev`` 4.164.0: an incoming
        # request's and a fetch answer's ``[immutable]: true``, a ``new Headers()``'s ``false``)
        pairs = [f"{inspect(k, level + 1, nested=True)} => {inner(v)}" for k, v in value._displayed()]
        guard = f"[immutable]: {'true' if value._immutable else 'false'}"
        return _join(f"Headers({len(pairs)}) {{", [*pairs, guard], "}", level)
    if isinstance(value, JsProxy) and value._js_name in ("URLSearchParams", "FormData") and hasattr(value, "_entries"):
        if level > _DEPTH:
            return f"[{value._js_name}]"
        pairs = [f"{inspect(k, level + 1, nested=True)} => {inner(v)}" for k, v in value._entries]
        return _join(f"{value._js_name}({len(pairs)}) {{", pairs, "}", level)
    if isinstance(value, BaseException):
        return str(value)
    if isinstance(value, JsProxy) and callable(getattr(type(value), "_inspected", None)):
        # a Response, Request, URL: not its toString; an RPC stub or property, no function's form
        return value._inspected()  # type: ignore[no-any-return]
    if isinstance(value, JsProxy) and type(value).typeof == "function" and isinstance(getattr(value, "name", None), str):
        function = f"[Function: {value.name}]" if value.name else "[Function (anonymous)]"  # util.inspect's
        statics = value._enumerable_statics() if callable(getattr(type(value), "_enumerable_statics", None)) else {}
        if not statics or level > _DEPTH:
            return function
        # a workerd class's enumerable statics after it (wrangler dev 4.164.0: ``[Function: Response] { error: ... }``)
        return _join(f"{function} {{", [f"{_key(k)}: {inner(v)}" for k, v in statics.items()], "}", level)
    return repr(value) if isinstance(value, JsProxy) else str(value)


def _null_or(value: Any, nulls: bool) -> Any:
    """A stored ``None``: ``null`` in plain binding data, ``undefined`` otherwise."""
    if value is None and nulls:
        from workers_env.runtime.jsbase import jsnull

        return jsnull
    return value


def _logged_as_pyproxy(value: Any) -> Any:
    """The Python object ``value`` stands for when JavaScript's ``console.log`` gets its PyProxy
    (a dict, the SDK's ``JsDict``, a list, an instance, a function, a Python exception --
    ``console.error(e)`` of a ``ValueError`` caught; ``create_proxy`` of one),
    else ``None``: not a JS value nor a primitive Pyodide converts (str, numbers, ``None``)."""
    if isinstance(value, JsDoubleProxy):
        return value.unwrap()
    if value is None or value is _jsvalues.UNDEFINED or isinstance(value, (JsProxy, JsNull, str, int, float,
                                                                           JsException)):
        return None  # (a JsException is the JS error it wraps; a Python exception is a PyProxy, flags 0)
    return value


def _pyproxy_text(value: Any) -> str:
    """``console.log`` of a PyProxy, as workerd's ``formatLog`` (its port of Node's
    ``util.inspect``) prints it: the Proxy's target, not the Python object -- a ``PyProxy``
    holding Pyodide's bookkeeping under ``Symbol(pyproxy.attrs)`` (measured with
    ``util.inspect`` under Node on Pyodide 0.26.0a4, 0.28.2, 314.0.6; 314's ``props`` has a
    ``boundThis`` more). ``ptr`` is the object's address in Pyodide's heap there; here a number
    made of ``id(value)``, as no two live objects share it."""
    props = ["isBound: false", "captureThis: false", "boundArgs: []",
             *(["boundThis: undefined"] if pyodide_029() else []), "roundtrip: false"]
    shared = [f"ptr: {id(value) % 2**25 // 8 * 8}", "cache: [Object]",
              f"flags: {pyodide_flags(value, is_dict_flag=pyodide_028())}", "promise: undefined",
              "destroyed_msg: undefined", "gcRegistered: false"]
    attrs = _join("{", [f"shared: {_join('{', shared, '}', 2)}", f"props: {_join('{', props, '}', 2)}"], "}", 1)
    start = "[Function (anonymous)] PyProxy {" if callable(value) else "PyProxy {"
    return _join(start, [f"Symbol(pyproxy.attrs): {attrs}"], "}", 0)


def console_line(*args: Any) -> str:
    """One ``console.log(...)`` line: the arguments inspected, separated by spaces; a Python
    object given as it is, a PyProxy there, printed as workerd prints one (:func:`_pyproxy_text`).
    A lone surrogate of a string printed as it is becomes U+FFFD, as workerd writes it in UTF-8
    (measured under ``wrangler dev`` 4.164.0); inside a value :func:`quoted` escapes it."""
    line = " ".join(inspect(a) if (py := _logged_as_pyproxy(a)) is None else _pyproxy_text(py) for a in args)
    return _LONE_SURROGATE.sub("\ufffd", line)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
