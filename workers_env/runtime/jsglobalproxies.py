"""The JsProxy faces of the ``js`` stand-in's emulated globals: :class:`JsGlobalFunction` (a JS
function or class on ``js``: ``fetch``, ``Response``), :class:`JsGlobalObject` (``crypto``,
``performance``), :class:`JsNamespaceGlobal` (``Math``), ``navigator``, and the constructors that
answer a call without ``new`` as JavaScript does (``Date``, ``Object``, ``Array``, workerd's and
V8's classes).

Separate from runtime/standins.py, which builds the ``js`` module out of these: they are what
Worker code holds of a global, and need nothing of the module that holds them.
"""

from __future__ import annotations

import inspect
from typing import Any

from workers_env.runtime import jsevents, jsfunctions, jsglobals, jsproxy
from workers_env.runtime.jsarity import function_length
from workers_env.runtime.jsproxy import JsObject

__all__ = ["JsGlobalFunction", "JsGlobalObject", "JsNamespaceGlobal"]


class JsGlobalFunction(jsfunctions.FunctionPrototype, jsproxy.JsProxy):
    """A JavaScript function on ``js`` (``fetch``, ``setTimeout``, ``String``, ``Error``, a
    class): what Pyodide hands Worker code for it, a ``JsProxy`` (``type()`` ``pyodide.ffi.JsProxy``,
    unhashable, ``repr`` V8's ``function fetch() { [native code] }``) that calls ``target``;
    its other members (``Response.json``, ``URL.canParse``, ``Number.isInteger``) are
    ``target``'s. No Python type, so ``isinstance(x, js.Response)`` is Python's ``TypeError``
    (``isinstance() arg 2 must be a type, ...``), as in Pyodide 0.26.0a4 and 0.28.2."""

    _js_name = "Function"
    typeof = "function"
    __slots__ = ("_target", "name", "_members")

    def __init__(self, target: Any, name: str):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "_members", {})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._target(*args, **kwargs)

    @property
    def length(self) -> int:
        """How many parameters the function declares, V8's or jsg's (``fetch`` 0, ``Date`` 7)."""
        return function_length(self.name)

    def __getattr__(self, name: str) -> Any:
        return _target_member(self, name)

    def __repr__(self) -> str:
        return f"function {self.name}() {{ [native code] }}"

    def toString(self) -> str:  # noqa: N802 - JS name (Function.prototype.toString: V8's text)
        return repr(self)

    def _enumerable_statics(self) -> dict[str, Any]:
        """The function's own enumerable properties, ``Object.keys``'s: a workerd class's static
        methods (jsg makes them enumerable, V8's built-ins and functions have none), in
        workerd's order, those workers-env has (:data:`_ENUMERABLE_STATICS`)."""
        found = {}
        for name in _ENUMERABLE_STATICS.get(self.name, ()):
            try:
                found[name] = getattr(self, name)
            except AttributeError:
                continue  # not emulated (URL.createObjectURL)
        return found

    def __dir__(self) -> list[str]:
        """The proxy's own names and the function's static members (of a class: its static and
        class methods, ``Response.json``; not what its instances have, ``text``)."""
        target = self._target
        names = [n for n in dir(target) if not n.startswith("_")]
        if isinstance(target, type):
            names = [n for n in names if isinstance(inspect.getattr_static(target, n), (staticmethod, classmethod))]
        return sorted({*super().__dir__(), *names, *self._enumerable_statics()})  # Response.json too


#: ``Object.keys`` of workerd's classes that have enumerable statics, measured under wrangler dev
#: 4.164.0 (``Object.keys(Response)``: ``error``, ``redirect``, ``json``); every other class and
#: function on ``js`` owns none
_ENUMERABLE_STATICS = {"Response": ("error", "redirect", "json"),
                       "URL": ("canParse", "parse", "createObjectURL", "revokeObjectURL"),
                       "AbortSignal": ("abort", "timeout", "any"), "ReadableStream": ("from",)}


def _target_member(proxy: Any, name: str) -> Any:
    """``name`` of the JS global ``proxy`` stands for, read from its Python ``_target`` as
    :func:`_as_js_member` gives it; dunders and a missing name an ``AttributeError`` of the name
    alone, Pyodide's text."""
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        value = getattr(proxy._target, name)
    except AttributeError:
        raise AttributeError(name) from None
    owner = proxy.name if isinstance(proxy, JsGlobalFunction) else proxy._js_name
    return _as_js_member(value, name, proxy._members, owner)


def _as_js_member(value: Any, name: str, members: dict[str, Any], owner: str = "") -> Any:
    """A member of a JS global as Pyodide reads it: a function (``Object.keys``,
    ``Response.json``, ``crypto.randomUUID``) a JsProxy of a JS function, made anew at each read
    as Pyodide makes one, of one function each time (``members``, the global's: the function
    first read under that name while it is the same), so two reads are ``==``, one ``js_id``
    and one key of a JS ``Map``; ``new`` stays Pyodide's own method of the proxy, other values
    as they are."""
    if name != "new" and (inspect.isfunction(value) or inspect.ismethod(value) or inspect.isbuiltin(value)):
        first = members.get(name)
        if first is None or first != value:  # (a bound method is read anew each time: == is its function and self)
            members[name] = first = value
        js_name = name.rstrip("_")  # ``from_`` is JavaScript's ``from``
        return jsfunctions.JsNativeFunction(first, js_name, length=function_length(f"{owner}.{js_name}"))
    return value


class JsGlobalObject(jsproxy.JsProxy):
    """A JavaScript object on ``js`` that is no function and owns no properties (``crypto``): a
    ``JsProxy`` as Pyodide holds it, ``String()`` ``[object Crypto]``, its constructor the
    class of that name; its members ``target``'s (functions as JS functions)."""

    __slots__ = ("_target", "_js_name", "_members")

    def __init__(self, target: Any, class_name: str):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_js_name", class_name)
        object.__setattr__(self, "_members", {})

    def __getattr__(self, name: str) -> Any:
        return _target_member(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target, name, value)

    def toString(self) -> str:  # noqa: N802 - JS name
        return f"[object {self._js_name}]"

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *(n for n in dir(self._target) if not n.startswith("_"))})


class JsNamespaceGlobal(jsglobals.NamespaceStrings, JsGlobalObject):
    """A namespace object on ``js`` workers-env emulates with Python members (``Math``): a
    :class:`JsGlobalObject` whose strings and constructor (``Object``) are a namespace's."""

    __slots__ = ()


class _Navigator(JsObject):
    """``js.navigator``: workerd's ``Navigator``, whose properties are its own (``Object.keys``
    and ``JSON.stringify`` list them: ``languages``, ``language``, ``platform``,
    ``hardwareConcurrency``, ``userAgent``), ``String()`` ``[object Navigator]`` (measured under
    ``wrangler dev`` 4.164.0)."""

    _js_name = "Navigator"

    def toString(self) -> str:  # noqa: N802 - JS name
        return "[object Navigator]"


class _ConstructorOnly(JsGlobalFunction):
    """A JavaScript class as Worker code sees it on ``js``: ``X.new(...)`` constructs, its static
    members (``Response.json``, ``URL.canParse``, ...) are the class's, and
    calling it as a function is what JavaScript answers, since Pyodide calls a JS function
    without ``new`` (``jsproxy_call.c``: ``JsvFunction_CallBound`` unless a signature says to
    construct): workerd's classes throw jsg's ``throwIfConstructorCalledAsFunction`` TypeError,
    V8's ``ArrayBuffer``/``DataView`` theirs."""

    __slots__ = ("_message",)

    def __init__(self, cls: Any, message: Any, name: str):
        super().__init__(cls, name)
        object.__setattr__(self, "_message", message)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise jsproxy.js_type_error(self._message)


class _DateFunction(_ConstructorOnly):
    """``Date``: called as a function it is the current date's string (ECMAScript), arguments ignored."""

    __slots__ = ()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._target.new().toString()


class _CalledAsNew(_ConstructorOnly):
    """``Object`` and ``Array``: called as a function, what ECMAScript makes of it -- ``Object()``
    a new object (``Object(obj)`` that object), ``Array(...)`` as ``new Array(...)``."""

    __slots__ = ()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._message(*args)  # (here the function, not a message)


def _object_called(value: Any = None, *_: Any) -> Any:
    return JsObject() if value is None or value is jsproxy.jsnull else value


def _workerd_class(cls: Any, name: str) -> _ConstructorOnly:
    return _ConstructorOnly(cls, f"Failed to construct '{name}': Please use the 'new' operator, this object "
                                 "constructor cannot be called as a function.", name)


def _v8_builtin(cls: Any, name: str) -> _ConstructorOnly:
    return _ConstructorOnly(cls, f"Constructor {name} requires 'new'", name)


#: the event classes on ``js`` (runtime/jsevents.py), and the global scope's EventTarget methods
_EVENT_CLASSES = ("Event", "CustomEvent", "ErrorEvent", "MessageEvent", "CloseEvent", "EventTarget")
_GLOBAL_SCOPE_METHODS = ("addEventListener", "removeEventListener", "dispatchEvent")


#: workerd's (jsg) classes on ``js`` that Worker code constructs with ``.new``
_WORKERD_CLASSES = ("URL", "URLSearchParams", "TextEncoder", "TextDecoder", "Blob", "File", "FormData",
                    "TransformStream", "ReadableStream", "IdentityTransformStream", "FixedLengthStream",
                    "AbortController", "Response", "Request", "Headers", "DOMException", "WebSocket", "WebSocketPair",
                    *_EVENT_CLASSES)


def _global_scope_method(name: str) -> Any:
    """``js.<name>``: that method of the running Worker's global scope (:func:`jsevents.global_scope_target`)."""

    def call(*args: Any) -> Any:
        return getattr(jsevents.global_scope_target(), name)(*args)

    call.__name__ = name
    return call


def _illegal_constructor(*_args: Any, **_kwargs: Any) -> Any:
    """``new Navigator()``, ``new ExtendableEvent(...)``: a class workerd makes no instance of for
    Worker code (jsg's text)."""
    raise jsproxy.js_type_error("Illegal constructor")
