"""``js.Reflect``: the parts Worker code uses -- ``get``, ``has``, ``ownKeys``, ``apply`` and
``construct`` -- on the values workers-env models (ECMAScript's; what Pyodide 0.26.0a4, 0.28.2 and
314.0.6 under Node answer from Python). The rest (``defineProperty``, ``getPrototypeOf``, a
``receiver`` or ``newTarget``, a ``this`` for ``apply``) needs objects workers-env does not model,
and says so by name.
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import NotEmulatedError
from workers_env._jsvalues import is_symbol, js_string
from workers_env.runtime import jspyproxies
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jsproxy import JsArray, JsObject, jsnull
from workers_env.runtime.jsreadable import JsgObject

__all__ = ["REFLECT_MEMBERS", "reflect_member"]

_MISSING: Any = object()


def _object(value: Any, method: str) -> Any:
    """``value`` if ECMAScript takes it as an object, else V8's TypeError."""
    if value is _MISSING or value is None or value is jsnull or isinstance(value, (bool, int, float, str)):
        raise js_type_error(f"Reflect.{method} called on non-object")
    return value


def _refuse(what: str) -> NotEmulatedError:
    return NotEmulatedError(f"js.Reflect.{what} is not emulated by workers-env: it needs the real runtime. Read the "
                            "value's attributes from Python instead, or open an issue.")


def _key(key: Any) -> str:
    """A property key as a string: a Symbol's ``String()`` (``js_text`` refuses a Symbol, as a
    Web API's string parameter does), anything else's ``ToString``."""
    return js_string(key) if is_symbol(key) else js_text(key)


def _get(target: Any = _MISSING, key: Any = None, *receiver: Any) -> Any:
    """``Reflect.get(target, key)``: the property, ``undefined`` (``None``) when it has none."""
    target = _object(target, "get")
    if receiver:
        raise _refuse("get() with a receiver")
    name = _key(key)
    if isinstance(target, JsArray) and name.isdigit():
        index = int(name)
        return target[index] if index < len(target) else None
    if type(target) is dict:  # a PyProxy: its keys read from Pyodide 0.28 on, its attributes first
        if name not in jspyproxies.DICT_ATTRIBUTES and jspyproxies.reads_dict_keys():
            return target.get(name)
    return getattr(target, name, None)


def _has(target: Any = _MISSING, key: Any = None, *_ignored: Any) -> bool:
    """``Reflect.has(target, key)``: whether ``key`` is a property of it or of its prototypes."""
    target = _object(target, "has")
    name = _key(key)
    if isinstance(target, JsArray) and name.isdigit():
        return int(name) < len(target)
    if type(target) is dict and jspyproxies.reads_dict_keys() and name in target:
        return True
    return hasattr(target, name)


def _own_keys(target: Any = _MISSING, *_ignored: Any) -> JsArray:
    """``Reflect.ownKeys(target)``: its own string keys in ECMAScript's order -- an array's indices
    and ``length``, a plain object's properties; a workerd object (a ``Request``, an ``Event``)
    owns none, its properties being its prototype's."""
    target = _object(target, "ownKeys")
    if isinstance(target, JsArray):
        return JsArray([*(str(i) for i in range(len(target))), "length"])
    if isinstance(target, JsObject):
        return target.object_keys()
    if isinstance(target, JsgObject):
        return JsArray([])
    raise _refuse(f"ownKeys() of a {getattr(target, '_js_name', None) or type(target).__name__}")


def _arguments(args: Any, method: str) -> list[Any]:
    """The argument list ``apply``/``construct`` take: an array-like (a JS array, a Python list or
    tuple: Pyodide's PyProxy of one has a length and indices); a primitive is V8's TypeError."""
    if isinstance(args, (JsArray, list, tuple)):
        return list(args)
    if args is _MISSING or args is None or args is jsnull or isinstance(args, (bool, int, float, str)):
        raise js_type_error("CreateListFromArrayLike called on non-object")
    raise _refuse(f"{method}() with arguments that are no array or Python list")


def _typeof(value: Any) -> str:
    if value is _MISSING or value is None:
        return "undefined"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return getattr(type(value), "typeof", "object")


def _shown(value: Any) -> str:
    return "undefined" if value is _MISSING or value is None else js_string(value) if is_symbol(value) else js_text(value)


def _apply(function: Any = _MISSING, this: Any = None, args: Any = _MISSING, *_ignored: Any) -> Any:
    """``Reflect.apply(function, thisArgument, args)``: ``function(...args)``."""
    if not callable(function):  # V8's words, "a undefined" too
        raise js_type_error(f"Function.prototype.apply was called on {_shown(function)}, which is a "
                            f"{_typeof(function)} and not a function")
    if this is not None and this is not jsnull:
        raise _refuse("apply() with a thisArgument other than undefined or null")
    return function(*_arguments(args, "apply"))


def _construct(constructor: Any = _MISSING, args: Any = _MISSING, *new_target: Any) -> Any:
    """``Reflect.construct(constructor, args)``: ``new constructor(...args)`` -- a class on ``js``
    (Pyodide's ``X.new(...)``)."""
    make = getattr(constructor, "new", None) if isinstance(constructor, JsProxy) else None
    if callable(constructor) and not isinstance(constructor, JsProxy):
        raise _refuse("construct() of a Python function")  # Pyodide constructs its PyProxy
    if not callable(make):
        raise js_type_error(f"{_shown(constructor)} is not a constructor")
    if new_target:
        raise _refuse("construct() with a newTarget")
    return make(*_arguments(args, "construct"))


_EMULATED = {"get": _get, "has": _has, "ownKeys": _own_keys, "apply": _apply, "construct": _construct}
#: ECMAScript's ``Reflect`` members
REFLECT_MEMBERS = ("apply", "construct", "defineProperty", "deleteProperty", "get", "getOwnPropertyDescriptor",
                   "getPrototypeOf", "has", "isExtensible", "ownKeys", "preventExtensions", "set", "setPrototypeOf")


def reflect_member(name: str) -> Any:
    """``Reflect.<name>``: an emulated function, a refusal naming the others, else no attribute."""
    if name in _EMULATED:
        return _EMULATED[name]
    if name in REFLECT_MEMBERS:
        def refused(*_args: Any) -> Any:
            raise _refuse(f"{name}()")

        refused.__name__ = name
        return refused
    raise AttributeError(name)
