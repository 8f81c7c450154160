"""``JSON.stringify`` of JS values, PyProxies and the Python values they hold, with V8's
cycle and ``toJSON`` rules."""

from __future__ import annotations

from typing import Any

from workers_env import _jsontext, _jsvalues
from workers_env._deep import ROOMY_FROM, deeper
from workers_env._errors import JsException, NotEmulatedError
from workers_env._jsvalues import (
    JsSet,
    js_number,
)
from workers_env.runtime.jsbase import (
    JsProxy,
    js_type_error,
    jsnull,
    set_keyword_folding,
)
from workers_env.runtime.jsbuffers import (
    JsBufferSource,
    JsTypedArray,
)
from workers_env.runtime.jsdestroyed import DestroyedAttribute
from workers_env.runtime.jsfunctions import JsDoubleProxy
from workers_env.runtime.heldpyproxies import borrowed_error, is_stored_as_proxy
from workers_env.runtime.jsproxy import (
    JsArray,
    JsLiteralMap,
    JsMap,
    JsObject,
    JsObjectMap,
    JsPyJsonArray,
    OwnsNoProperties,
    keyword_object,
    release_keyword_object,
)
from workers_env.runtime.jspyproxies import is_container_subclass_proxy, is_python_container, pyproxy_json, warn_pyproxy

__all__ = [
    "js_json_dumps",
    "json_stringify",
]


def _as_stored(parent: JsObject | JsArray, value: Any) -> Any:
    """A property or item of a JS object or array as ``JSON.stringify`` reads it: a Python
    container Python code stored there is its PyProxy, written as at top level
    (:func:`pyproxy_json`: this Pyodide's rules); one passed to a JS function (``push``,
    ``Array.of``) a destroyed proxy, Pyodide's error; anything else as it is."""
    if isinstance(value, DestroyedAttribute):
        raise JsException(value.message)
    marks = parent._proxied
    mark = None if marks is None or not is_stored_as_proxy(value) else marks.get(id(value))
    if mark is None or mark[1] is not value:
        return value
    if mark[0]:
        raise borrowed_error(mark[0])
    return pyproxy_json(value, "call to JSON.stringify() (inside a JS object)")


def js_json_dumps(value: Any) -> str:
    """``JSON.stringify`` output for a JS value (compact, as JavaScript writes it)."""
    return _jsontext.json_text(_jsonable(value))


def json_stringify(value: Any = None, replacer: Any = None, space: Any = None, *_ignored: Any) -> str | None:
    """``JSON.stringify(value, replacer, space)`` as ECMAScript reads its arguments
    (SerializeJSON): ``replacer`` an array of the property names to keep (at every depth; its
    strings and numbers, ``new String``/``new Number`` ones too, others skipped), anything else
    that is not a function ignored (``.map(JSON.stringify)`` passes the index there); ``space``
    a number (``new Number`` too) -- up to 10 spaces -- or the first 10 characters of a string
    (``new String`` too), per level, anything else no indent. ``undefined`` (``None``) gives
    ``undefined``; numbers are written as JavaScript writes them (``1e-7``), lone surrogates
    escaped (well-formed ``JSON.stringify``)."""
    from workers_env.runtime.jsconversions import JsStringObject
    from workers_env.runtime.jsnumbers import JsNumberObject

    if value is None or _is_symbol(value):
        return None
    if is_python_container(value) or is_container_subclass_proxy(value):  # an unconverted Python container: a PyProxy
        value = pyproxy_json(value, "call to JSON.stringify()")
    tree = _jsonable(_jsvalues.crossing(value))  # Python's 2**53 - 1 is a BigInt there, as Pyodide sends it
    if callable(replacer) and not isinstance(replacer, (JsArray, list)):
        raise NotEmulatedError("JSON.stringify with a replacer function is not emulated by workers-env: "
                               "convert with json.dumps(value.to_py(), default=...) instead")
    if isinstance(replacer, (JsArray, list)):
        keep = [_jsvalues.js_key(k.valueOf() if isinstance(k, (JsStringObject, JsNumberObject)) else k)
                for k in (replacer._items if isinstance(replacer, JsArray) else list(replacer))
                if isinstance(k, (str, JsStringObject, JsNumberObject))
                or (isinstance(k, (int, float)) and not isinstance(k, bool))]
        tree = _kept(tree, dict.fromkeys(keep))
    if isinstance(space, (JsNumberObject, JsStringObject)):
        space = space.valueOf()
    indent = ""
    if isinstance(space, (int, float)) and not isinstance(space, bool):
        indent = " " * int(min(space, 10)) if space >= 1 else ""  # NaN and below 1: none
    elif isinstance(space, str):
        indent = space[:10]
    return _jsontext.json_text(tree, indent)


def _kept(tree: Any, keep: dict[str, None]) -> Any:
    """A JSON tree with only the ``keep`` properties of each object, in the replacer's order."""
    if isinstance(tree, dict):
        return {k: _kept(tree[k], keep) for k in keep if k in tree}
    if isinstance(tree, list):
        return [_kept(v, keep) for v in tree]
    return tree


def _circular(stack: list[tuple[Any, Any]], value: Any, key: Any) -> JsException:
    """V8's ``TypeError`` for ``JSON.stringify`` of a structure holding itself: the circle from
    where it starts (two objects after the start, ``...``, the last one) and the key closing it."""

    def key_text(k: Any) -> str:
        return f"index {k}" if isinstance(k, int) else f"property '{k}'"

    def name(obj: Any) -> str:
        if isinstance(obj, JsProxy):
            return f"'{obj._js_name}'"
        return "'Object'" if isinstance(obj, dict) else "'Array'"  # a Python container read as one

    start = next(i for i, (obj, _) in enumerate(stack) if obj is value)
    lines = [f"\n    --> starting at object with constructor {name(value)}"]
    prefix_end = min(len(stack), start + 3)
    normal = [f"\n    |     {key_text(stack[i][1])} -> object with constructor {name(stack[i][0])}"
              for i in range(len(stack))]
    lines += normal[start + 1:prefix_end]
    if len(stack) > prefix_end + 1:
        lines.append("\n    |     ...")
    lines += normal[max(prefix_end, len(stack) - 1):]
    lines.append(f"\n    --- {key_text(key)} closes the circle")
    return js_type_error("Converting circular structure to JSON" + "".join(lines))


#: the wrapper objects ``JSON.stringify`` writes as their primitive (SerializeJSONProperty)
_WRAPPERS = frozenset({"Number", "String", "Boolean"})


def _is_symbol(value: Any) -> bool:
    """A symbol or a JS function (``Object.keys``, ``js.fetch``): what ``JSON.stringify`` writes
    as ``undefined`` -- ``null`` in an array, left out of an object."""
    return isinstance(value, JsProxy) and type(value).typeof in ("symbol", "function")


def _jsonable(value: Any, stack: list[tuple[Any, Any]] | None = None, key: Any = None) -> Any:
    """A JS value as the JSON tree ``JSON.stringify`` writes: ``toJSON()`` where there is one
    (``URL``, ``Date``), ``{}`` for an object with no own properties (``Headers``, ``Map``),
    a BigInt refused as V8 refuses it, a structure holding itself refused as V8 refuses it
    (``stack``: the objects being written, each with the key it was reached by)."""
    if isinstance(value, JsObjectMap):  # obj.as_object_map() / as_py_json(): JavaScript gets the object
        value = value._object
    elif isinstance(value, JsPyJsonArray):  # array.as_py_json(): the array itself
        value = value._array
    if isinstance(value, (JsObject, JsArray, JsLiteralMap, dict, list, tuple)):
        stack = [] if stack is None else stack
        if any(obj is value for obj, _ in stack):
            raise _circular(stack, value, key)
        stack.append((value, key))
        try:
            if len(stack) < ROOMY_FROM:
                return _jsonable_one(value, stack)
            return deeper(len(stack), "JSON.stringify()", lambda: _jsonable_one(value, stack))
        finally:
            stack.pop()
    return _jsonable_one(value, stack if stack is not None else [])


def _jsonable_one(value: Any, stack: list[tuple[Any, Any]]) -> Any:
    if value is jsnull:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and (
            isinstance(value, _jsvalues.BigInt) or not _jsvalues.is_safe_int(value)
            and not (type(value) is int and abs(value) == _jsvalues.MAX_SAFE_INTEGER)):  # a number, as js_number reads it
        raise js_type_error("Do not know how to serialize a BigInt")
    if _is_symbol(value):  # (or a function) as undefined: null in an array, left out of an object
        return None
    if isinstance(value, JsDoubleProxy) and is_python_container(value._obj):  # to_js past its depth, create_proxy
        return _jsonable(pyproxy_json(value.unwrap(), "call to JSON.stringify()"), stack)
    to_json = getattr(value, "toJSON", None) if isinstance(value, JsProxy) else None
    if callable(to_json):
        return _jsonable(to_json(), stack)
    if getattr(value, "_js_name", None) in _WRAPPERS and callable(getattr(value, "valueOf", None)):
        return _jsonable(value.valueOf(), stack)  # new Number/String/Boolean: its primitive
    if isinstance(value, JsObject):  # an undefined property is left out, a null one kept
        return {k: _jsonable(_as_stored(value, v), stack, k) for k, v in value._props.items()
                if (v is not None or value._nulls) and not _is_symbol(v)}
    if isinstance(value, JsArray):
        return [_jsonable(_as_stored(value, v), stack, i) for i, v in enumerate(value._items)]
    if isinstance(value, JsTypedArray):
        return {str(i): v for i, v in enumerate(value.numbers())}
    if isinstance(value, JsSet):  # a Set has no own enumerable properties
        return {}
    if isinstance(value, JsLiteralMap):  # its string keys are own properties
        return {k: _jsonable(v, stack, k) for k, v in value.read_properties().items() if v is not None}
    if isinstance(value, (JsMap, JsBufferSource)):
        return {}
    if isinstance(value, OwnsNoProperties):  # a workerd object: the few it owns (a CloseEvent's members)
        return {entry[0]: _jsonable(entry[1], stack, entry[0]) for entry in value.object_entries()}
    if isinstance(value, dict):
        return {k: _jsonable(v, stack, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, stack, i) for i, v in enumerate(value)]
    if isinstance(value, float):
        return js_number(value) if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, JsException):  # an Error: its name once assigned (message and stack are not enumerable)
        return value._own_properties()
    if isinstance(value, JsProxy) or not isinstance(value, (str, int, type(None))):
        return {}  # a host object or a PyProxy: no own enumerable properties
    return value


# a call's keyword arguments: one JS object (jsbase.keyword_call)
set_keyword_folding(keyword_object, release_keyword_object, warn_pyproxy)
