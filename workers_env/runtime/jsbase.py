"""The root of the JavaScript values Python Worker code holds: Pyodide's ``JsProxy`` base,
``jsnull``, and the ``TypeError`` JavaScript raises (what :mod:`.jsproxy` and
:mod:`.jsbuffers` build on)."""

from __future__ import annotations

import asyncio
import copyreg
import functools
import inspect
import json.encoder
import keyword
import operator
import types
import weakref
from collections.abc import Callable
from typing import Any, cast

from workers_env import _errors
from workers_env._errors import JsException, NotEmulatedError
from workers_env._jsvalues import JsSet, js_string, refuse_symbol
from workers_env._proxytype import PyodideProxyType, reduce_by_own_name
from workers_env.runtime.byidentity import weak_ref
from workers_env.runtime.current import pyodide_028
from workers_env.runtime.tracebacks import passes_through, runs_the_workers

__all__ = [
    "ErrorProxy", "JsProxy", "JsHostObject", "JsNull", "JsSetDeleteItems", "JsWeakRef", "folded", "folded_call", "js_keywords", "keyword_call",
    "positional_limit", "positional_shape", "set_keyword_folding", "jsg_required", "jsg_sequence", "jsnull",
    "js_text", "js_type_error", "js_property_name", "python_attribute_name",
]


def js_property_name(name: str) -> str:
    """The JS property a Python attribute name reads, writes or deletes, as Pyodide's
    ``normalizeReservedWords``: a Python keyword followed by underscores loses one (``o.class_``
    is ``o["class"]``, ``o.from_`` is ``o["from"]`` even where only ``from_`` exists,
    ``o.class__`` is ``o["class_"]``); any other name, soft keywords too (``match_``), is itself
    (0.26.0a4, 0.28.2, 314.0.6: ``tools/pyodide`` group ``keyword-attributes``)."""
    bare = name.rstrip("_")
    return name[:-1] if bare != name and keyword.iskeyword(bare) else name


def python_attribute_name(key: str) -> str:
    """How ``dir()`` of a JsProxy lists property ``key`` (Pyodide's ``JsProxy_Dir``): a Python
    keyword, bare or followed by underscores, with one more underscore (``class`` as ``class_``)."""
    return key + "_" if keyword.iskeyword(key.rstrip("_")) else key


def js_type_error(message: str) -> JsException:
    """A JS ``TypeError`` as Python code sees it (``pyodide.ffi.JsException``)."""
    return JsException(message, name="TypeError")


def jsg_required(*types: str, owner: str | None = None, construct: bool = False) -> Callable[..., Any]:
    """A workerd method (or, ``construct``, constructor) whose first ``len(types)`` parameters
    are required, as jsg unwraps them (type-wrapper.h ``unwrap``): called with fewer arguments
    it is jsg's ``TypeError`` naming the first one missing and its type (``Failed to execute
    'set' on 'Headers': parameter 2 is not of type 'string'.``), not Python's "missing required
    positional argument". ``owner`` is the JS class name (else the instance's ``_js_name``); a
    type ``"NAME"`` is the instance's ``_name_type``."""

    def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def checked(*args: Any, **kwargs: Any) -> Any:
            bound = owner is None  # a method of an instance: args[0] is the instance
            given = len(args) - (1 if bound else 0)
            if given < len(types):
                self = args[0] if bound else None
                cls = owner or getattr(self, "_js_name", "Object")
                kind = types[given] if types[given] != "NAME" else getattr(self, "_name_type", "string")
                if construct:
                    text = f"Failed to construct '{cls}': constructor parameter {given + 1} is not of type '{kind}'."
                else:
                    text = f"Failed to execute '{method.__name__}' on '{cls}': parameter {given + 1} is not of type '{kind}'."
                raise js_type_error(text)
            return method(*args, **kwargs)

        return checked

    return wrap


def jsg_sequence(value: Any) -> list[Any]:
    """An inner item of a ``Headers``/``URLSearchParams`` init read as jsg's ``Sequence``: an
    iterable object (a list, a tuple, a JS array); a string, a number or nothing is jsg's
    ``TypeError`` (checked under ``wrangler dev`` 4.164.0), and so is an object not iterable."""
    if not (value is None or value is jsnull or isinstance(value, (str, bytes, int, float))):
        try:
            return list(value)
        except TypeError:
            pass
    raise js_type_error("Incorrect type: the provided value is not of type 'Sequence'.")


def _pyodide_to_py(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` with the arguments of Pyodide's ``JsProxy.to_py(*, depth=-1,
    default_converter=None)`` and its error texts: no positional arguments, ``depth`` an
    integer (``'str' object cannot be interpreted as an integer``)."""

    @functools.wraps(method)
    def to_py(self: Any, *args: Any, depth: Any = -1, default_converter: Any = None, **unknown: Any) -> Any:
        if args:
            raise TypeError("to_py() takes no positional arguments")
        if unknown:
            raise TypeError(f"to_py() got an unexpected keyword argument '{next(iter(unknown))}'")
        return method(self, depth=operator.index(depth), default_converter=default_converter)

    return to_py


#: Pyodide's own Python methods of a JsProxy: Python keyword arguments, never folded into a JS
#: object (a class adds its own in ``_python_methods``: a JS array's ``append``, ``index``, ...)
_PYTHON_SIDE = frozenset({
    "to_py", "to_js", "as_object_map", "as_py_json", "object_entries", "object_keys", "object_values", "then",
    "catch", "finally_", "to_bytes", "to_memoryview", "to_file", "from_file", "to_string", "bind", "destroy",
    "call_relaxed", "call_with_this", "callSyncifying", "plain", "bind_sig", "bind_class",
})


class _Folding:
    """What a call's keyword arguments become (``JsObject``), how the proxies borrowed for its
    values end, and who warns of ones JavaScript never reads: set by :mod:`.jsproxy`, which
    builds on this module."""

    make: Callable[[dict[str, Any]], Any] = dict
    release: Callable[[Any, list[Any], str], None] = staticmethod(lambda made, values, how: None)
    warn: Callable[[str], None] = staticmethod(lambda message: None)


def set_keyword_folding(make: Callable[[dict[str, Any]], Any], release: Callable[[Any, list[Any], str], None],
                        warn: Callable[[str], None]) -> None:
    _Folding.make = staticmethod(make)  # type: ignore[assignment]
    _Folding.release = staticmethod(release)  # type: ignore[assignment]
    _Folding.warn = staticmethod(warn)  # type: ignore[assignment]


#: :func:`positional_shape` of each plain function seen (a ``def`` or ``lambda``), by its code,
#: which fixes its parameters' kinds: a lambda made afresh for each call (``p.call``'s) is one entry
_SHAPES: weakref.WeakKeyDictionary[types.CodeType, tuple[int | None, bool] | None] = weakref.WeakKeyDictionary()


def positional_shape(func: Callable[..., Any]) -> tuple[int | None, bool] | None:
    """How many positional parameters ``func`` has (``None``: ``*args``, any number) and whether
    it takes ``**kwargs``; ``None`` where ``inspect.signature`` cannot tell. Worked out once per
    plain function -- and a method of one -- (``inspect.signature`` costs some 10 us, and
    ``Array.from(items, f)`` asks once per item); any other callable each time."""
    if type(func) is types.MethodType and _plain(func.__func__):
        shape = _code_shape(func.__func__)
        if shape is None or shape[0] is None:
            return shape
        if shape[0] > 0:  # the instance (or class) fills the first (none there: signature's ValueError below)
            return shape[0] - 1, shape[1]
    if not _plain(func):
        return _signature_shape(func)
    return _code_shape(func)


def _code_shape(func: Any) -> tuple[int | None, bool] | None:
    """:func:`positional_shape` of a plain function, kept per code object."""
    code = func.__code__
    try:
        return _SHAPES[code]
    except KeyError:
        shape = _SHAPES[code] = _signature_shape(func)
        return shape


def _plain(func: Any) -> bool:
    """A ``def`` or ``lambda`` whose signature is its code's (no ``__wrapped__``/``__signature__``)."""
    return type(func) is types.FunctionType and not hasattr(func, "__wrapped__") and not hasattr(func, "__signature__")


def _signature_shape(func: Callable[..., Any]) -> tuple[int | None, bool] | None:
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return None
    count = None if any(p.kind is p.VAR_POSITIONAL for p in params) else \
        sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)
    return count, any(p.kind is p.VAR_KEYWORD for p in params)


def positional_limit(func: Callable[..., Any]) -> int | None:
    """How many positional arguments ``func`` takes (``None``: any number, or it takes
    keyword arguments of its own and so is left as it is: ``-1``)."""
    shape = positional_shape(func)
    if shape is None or shape[1]:
        return -1
    return shape[0]


def keyword_call(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], construct: bool = False
                 ) -> Any:
    """``func(*args, obj)``, ``obj`` the JS object Pyodide makes of a call's keyword arguments
    (jsproxy_call.c ``JsMethod_ConvertArgs``), each value converted as an argument is: a Python
    container the proxy Pyodide borrows for the call -- a ``create_proxy`` function reads it
    back as that very object (``a[-1].x is d``) -- which Pyodide destroys when the call returns,
    or once the awaitable it answered is done (``JsMethod_Vectorcall``), so reading it after is
    the borrowed-proxy error (npm pyodide 0.26.0a4, 0.28.2 and 314.0.6) -- ``construct``: a
    ``.new(...)``'s, whose text says no more than ``automatically destroyed``."""
    values = list(kwargs.values())
    made = _Folding.make(kwargs)
    ended = "new" if construct else "call"
    try:
        result = func(*args, made)
    except BaseException:
        _Folding.release(made, values, ended)
        raise
    if inspect.iscoroutine(result):
        # (mypy types an ``async def``'s call as a Coroutine; it is a CoroutineType, which has the names)
        done = cast("types.CoroutineType[Any, Any, Any]", _released_when_done(result, made, values))
        done.__name__, done.__qualname__ = result.__name__, result.__qualname__  # (its never-awaited warning's name)
        return done
    if isinstance(result, asyncio.Future):
        result.add_done_callback(lambda _done: _Folding.release(made, values, "async"))
        return result
    _Folding.release(made, values, ended)
    return result


async def _released_when_done(awaitable: Any, made: Any, values: list[Any]) -> Any:
    try:
        return await awaitable
    finally:
        _Folding.release(made, values, "async")


runs_the_workers(keyword_call, _released_when_done)  # the function called may be the Worker's own


def folded(func: Callable[..., Any], limit: int | None, where: str, construct: bool = False) -> Callable[..., Any]:
    """``func`` called as Pyodide calls a JS function (jsproxy_call.c ``JsMethod_ConvertArgs``):
    the keyword arguments become one JS object appended after the positional ones
    (``TextDecoder.new("utf-8", fatal=True)`` is ``new TextDecoder("utf-8", {fatal: true})``;
    :func:`keyword_call`). Beside as many positional arguments as the function reads, that
    object is an argument JavaScript never reads: dropped, with a
    :class:`~workers_env.PyProxyWarning`. Positional arguments past those it reads are dropped
    too, as JavaScript ignores them (``WebSocketPair.new(request)`` is ``new WebSocketPair()``;
    ``Headers.new(init, x)`` reads ``init``). ``construct``: ``func`` is a class's ``new``."""

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        if limit is not None and len(args) > limit:
            args = args[:limit]  # JavaScript ignores extra arguments (and so a kwargs object after them)
            kwargs = {}
        if not kwargs:
            return func(*args)
        return folded_call(func, limit, where, args, kwargs, construct)

    return call


def folded_call(func: Callable[..., Any], limit: int | None, where: str, args: tuple[Any, ...],
                kwargs: dict[str, Any], construct: bool = False) -> Any:
    """One call of :func:`folded`'s with keyword arguments."""
    if limit is not None and len(args) >= limit:
        _Folding.warn(
            f"{where}: the keyword arguments {', '.join(kwargs)} beside an init object reach JavaScript as a "
            "further argument it never reads, so production ignores them, and so does workers-env. "
            "Put them in the init object, or pass only keyword arguments")
        return func(*args)
    return keyword_call(func, args, kwargs, construct)


def js_keywords(where: str, construct: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """:func:`folded` as a decorator, for a JS function that is no method (``fetch``), or a
    class's ``new`` (``construct``)."""

    def wrap(func: Callable[..., Any]) -> Callable[..., Any]:
        return folded(func, positional_limit(func), where, construct)

    return wrap


def _fold_keywords(cls: type, namespace: dict[str, Any]) -> None:
    """Every JS-facing method (and ``new``) of ``cls`` takes keyword arguments as Pyodide
    passes them to JavaScript: see :func:`folded`."""
    js_name = namespace.get("_js_name") or getattr(cls, "_js_name", "Object")
    if not isinstance(js_name, str):  # a property (a typed array's name is its instance's)
        js_name = "Object"
    python_methods = getattr(cls, "_python_methods", ())
    for name, value in namespace.items():
        if name.startswith("_") or name in _PYTHON_SIDE or name in python_methods:
            continue
        kind = type(value) if isinstance(value, (staticmethod, classmethod)) else None
        func = value.__func__ if kind is not None else value
        if not inspect.isfunction(func):
            continue
        limit = positional_limit(func)  # counting the instance (or class) a method is called with
        if limit == -1:
            continue
        wrapped = folded(func, limit, f"{js_name}.{name}()", name == "new")
        type.__setattr__(cls, name, kind(wrapped) if kind is not None else wrapped)


class _ProxyType(PyodideProxyType):
    """The proxy classes' metaclass: named as Pyodide's one C type, ``pyodide.ffi.JsProxy``
    (:class:`~workers_env._proxytype.PyodideProxyType`), so tracebacks, logs and
    ``str(type(x))`` read as in production; and every class's ``to_py`` takes its arguments as
    Pyodide's does, its methods JavaScript's keyword-free calls."""

    def __init__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any):
        super().__init__(name, bases, namespace, **kwargs)
        if cls._python_class:  # Worker code's own class (or pyodide.ffi's): its methods are Python's
            return
        if "to_py" in namespace:  # every class's to_py takes its arguments as Pyodide's does
            type.__setattr__(cls, "to_py", _pyodide_to_py(namespace["to_py"]))
        _fold_keywords(cls, namespace)

    def __instancecheck__(cls, instance: Any) -> bool:
        """``isinstance(x, JsProxy)`` holds for a JS ``Set`` too (a ``list`` underneath, see
        :class:`~workers_env._jsvalues.JsSet`), as for every JS value in Pyodide; a Worker's own
        subclass matches by flags, as Pyodide's ``_JsProxyMetaClass`` (:data:`flag_checks`):
        ``class MyProxy(JsProxy)`` every JS value."""
        return type.__instancecheck__(cls, instance) or (cls is JsProxy and isinstance(instance, JsSet)) or (
            cls._python_class and flag_checks[0](cls, instance))

    def __subclasscheck__(cls, subclass: Any) -> bool:
        """Pyodide's ``_JsProxyMetaClass`` for ``JsProxy`` and a Worker's own subclass: a subclass, or
        a class carrying JS type flags (``pyodide.ffi.JsArray``, a JS value's class) whose flags
        match -- every such class for ``JsProxy`` (flags 0), as in real Pyodide 0.26.0a4, 0.28.2
        and 314.0.6 (group ``ffi-subclasses``)."""
        if type.__subclasscheck__(cls, subclass):
            return True
        return (cls is JsProxy or cls._python_class) and flag_checks[1](cls, subclass)


ProxyType = _ProxyType  # (the metaclass runtime/jsabc.py's pyodide.ffi classes build on)

#: (instance check, subclass check) by JS type flags, for ``JsProxy`` and Worker code's own
#: subclasses; runtime/jsabc.py, which knows the flags, sets them
flag_checks: list[Callable[[type, Any], bool]] = [lambda cls, value: False, lambda cls, sub: False]

copyreg.pickle(_ProxyType, reduce_by_own_name)  # type: ignore[arg-type]
# named as Pyodide's metaclass of its JsProxy classes, ``type(type(js_value))`` (0.26.0a4, 0.28.2,
# 314.0.6: ``<class 'pyodide.ffi._JsProxyMetaClass'>``, which pickles by that name no module has)
for _attribute, _value in (("__name__", "_JsProxyMetaClass"), ("__qualname__", "_JsProxyMetaClass"),
                           ("__module__", "pyodide.ffi")):
    setattr(_ProxyType, _attribute, _value)


#: dunders a workers-env class has and Pyodide's C type ``JsProxy`` has not (it keeps no
#: ``__dict__``; a missing property is its ``__getattribute__``'s, not a ``__getattr__``)
_NOT_PYODIDES = frozenset({"__dict__", "__weakref__", "__slots__", "__getattr__", "__annotations__", "__prepare__",
                           "__orig_bases__", "__parameters__", "__abstractmethods__", "__instancecheck__"})


class JsProxy(metaclass=_ProxyType):
    """Base class of every JS value held from Python (``pyodide.ffi.JsProxy``)."""

    _js_name = "Object"
    typeof = "object"
    #: Pyodide's ``pyodide.ffi.JsProxy`` is a Python class Worker code may subclass; a JS value's own
    #: class (every subclass here) is its C type, which takes none (``_proxytype._concrete_base``)
    _open_base = True

    #: unhashable, as every Pyodide JsProxy but a promise's (``TypeError: unhashable type:
    #: 'pyodide.ffi.JsProxy'``; real Pyodide 0.26.0a4 and 0.28.2): a ``ctx``, a ``Response``, a
    #: JS function -- workers-env's own bookkeeping keys them by ``id()``
    __hash__ = None  # type: ignore[assignment]

    @property
    def constructor(self) -> JsProxy:
        """The JS function that made this value, as ``js`` holds it (``obj.constructor`` is
        ``js.Object``: ``==`` and the same ``repr``, ``function Object() { [native code] }``);
        a class ``js`` lacks is a :class:`_Constructor` of its name."""
        made_by = vars(_js_module()).get(self._js_name)
        if isinstance(made_by, JsProxy) and made_by.typeof == "function":
            return made_by
        made_by = _CONSTRUCTORS.get(self._js_name)
        if made_by is None:  # one function per class, as JavaScript has (one ``js_id``, one Map key)
            made_by = _CONSTRUCTORS.setdefault(self._js_name, _Constructor(self._js_name))
        return made_by

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(name)  # Pyodide's text for a property the JS value lacks: the name alone

    #: what ``Object.prototype`` owns, at the end of every JS object's prototype chain: Pyodide's
    #: ``dir()`` walks that chain (``JsProxy_Dir``), so ``valueOf`` and ``__proto__`` are listed
    #: for every object, array and function (0.26.0a4, 0.28.2, 314.0.6: group dir-prototype-chain)
    _object_prototype = frozenset({"constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty",
                                   "__lookupGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable",
                                   "toString", "valueOf", "__proto__", "toLocaleString"})

    #: public names of a class's that are workers-env's own, no JS property nor Pyodide method:
    #: left out of ``dir()`` (each class lists its own; see :meth:`__dir__`)
    _not_js: frozenset[str] = frozenset()

    def __dir__(self) -> list[str]:
        """``dir()`` as Pyodide's: the proxy's Python attributes (its dunders, Pyodide's methods
        such as ``to_py``, those of the running Worker's release only) and the JS value's
        properties and ``Object.prototype``'s -- never workers-env's own (a name with one leading
        underscore, a class's ``_not_js``, a dunder Pyodide's C type lacks)."""
        hidden = _NOT_PYODIDES.union(*(vars(cls).get("_not_js", ()) for cls in type(self).__mro__))
        if not pyodide_028():
            hidden = hidden | _SINCE_028
        return sorted({*(name for name in object.__dir__(self) if name not in hidden
                         and (not name.startswith("_") or (name.startswith("__") and name.endswith("__")))),
                       *self._object_prototype})

    def __bool__(self) -> bool:
        """Pyodide's proxies define truthiness (it is in their ``dir()``): a JS value with a
        length or size is true when that is not 0, any other true -- as Python's default."""
        length = getattr(type(self), "__len__", None)
        return True if length is None else length(self) != 0

    @property
    def to_weakref(self) -> Callable[[], JsWeakRef]:
        """Pyodide 0.28's ``proxy.to_weakref()`` (in its ``dir()`` from then on): a JS ``WeakRef``
        of the object, whose ``deref()`` is the proxy while something holds it, else ``None``."""
        if not pyodide_028():
            raise AttributeError("to_weakref")  # (then the class's __getattr__: a JS property of that name)
        return lambda: JsWeakRef(self)

    @property
    def bind_sig(self) -> Callable[..., Any]:
        """Pyodide 0.28's ``bind_sig(signature)`` (a proxy converting by a Python signature):
        there from 0.28, as in ``dir()``; not emulated, so calling it says so."""
        return _since_028(self, "bind_sig")

    @property
    def bind_class(self) -> Callable[..., Any]:
        """Pyodide 0.28's ``bind_class(cls)``: :attr:`bind_sig` with a class's signature."""
        return _since_028(self, "bind_class")

    @property
    def js_id(self) -> int:
        """Pyodide's ``JsProxy.js_id``: a number naming the JavaScript object, for a dict key
        (``pyodide.ffi.wrappers`` keys its event listeners by it)."""
        return id(self)

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """Convert to Python the way Pyodide does (objects to ``dict``, arrays to ``list``)."""
        return self

    @property
    def _to_string_tag(self) -> str:
        """What ``String(x)`` writes between ``[object `` and ``]`` (Pyodide's ``str`` and
        ``repr`` of a proxy are JavaScript's ``toString``): the class's name unless it says
        otherwise."""
        return self._js_name

    def __repr__(self) -> str:
        return f"[object {self._to_string_tag}]"

    @staticmethod
    def __prepare__(*_args: Any, **_kwargs: Any) -> dict[str, object]:
        """A JS value (``js.EventTarget``, any class on ``js``) as the base of a ``class``
        statement: Pyodide's ``TypeError`` -- Python makes the class by calling the base's type, the
        C type ``JsProxy``, which makes no instances (0.26.0a4, 0.28.2, 314.0.6). Asked of that
        type, as the statement asks its metaclass, before any call; ``type(name, (js_value,), {})``
        asks nothing and fails on the types, CPython's ``metaclass conflict`` as in Pyodide
        (``__mro_entries__`` made it ``type() doesn't support MRO entry resolution``: leftovers58)."""
        raise TypeError("cannot create 'pyodide.ffi.JsProxy' instances")

    def __reduce_ex__(self, protocol: Any) -> Any:
        """A JS value does not pickle, nor copy (``copy`` asks this too): CPython's own
        ``TypeError`` for a C type with no way to be rebuilt, as Pyodide's JsProxy gives it
        (0.26.0a4 and 0.28.2). The classes themselves still pickle (see :class:`_ProxyType`)."""
        raise TypeError("cannot pickle 'pyodide.ffi.JsProxy' object")


class ErrorProxy(JsProxy):
    """``e.args[0]`` of a caught ``JsException``: in Pyodide a JsProxy of the JS error itself (equal
    to ``e``, its ``repr`` and ``str`` the error's ``toString``, its properties the error's), not the
    error's text -- 0.26.0a4, 0.28.2 and 314.0.6 under Node (``tools/pyodide`` group
    ``jsexception-args``)."""

    _js_name = "Error"

    def __init__(self, error: JsException):
        object.__setattr__(self, "_error", error)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._error, name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._error._assign(name, value)  # the JS error's property, as through any proxy of it

    def __eq__(self, other: object) -> bool:
        """The same JS error, through this proxy, another or the exception itself."""
        return other is self._error or (isinstance(other, ErrorProxy) and other._error is self._error)

    __hash__ = None  # type: ignore[assignment]  # (unhashable, as the error's other proxies)

    def __repr__(self) -> str:
        return str(self._error)

    __str__ = __repr__

    def toString(self) -> str:  # noqa: N802 - JS name
        return str(self._error)


_errors.proxy_of_error = ErrorProxy


#: Pyodide's JsProxy methods from 0.28 on (compatibility dates from 2025-09-29): not in a 0.26 ``dir()``
_SINCE_028 = frozenset({"as_py_json", "bind_sig", "bind_class", "to_weakref"})


class JsWeakRef(JsProxy):
    """A JS ``WeakRef`` (:attr:`JsProxy.to_weakref`): ``deref()`` gives the proxy while something
    still holds it, else ``None`` (``pyodide.ffi.wrappers`` keeps its listeners so from 0.28)."""

    _js_name = "WeakRef"

    def __init__(self, proxy: Any):
        object.__setattr__(self, "_ref", weak_ref(proxy))  # a JsProxy takes no weakref.ref: workers-env's own

    def deref(self) -> Any:
        return self._ref()


def _since_028(proxy: JsProxy, name: str) -> Callable[..., Any]:
    """``proxy.bind_sig`` / ``bind_class``: an ``AttributeError`` before Pyodide 0.28 (a JS
    property of that name is read then), else a method whose call says workers-env lacks it."""
    if not pyodide_028():
        raise AttributeError(name)  # (then the class's __getattr__: a JS property of that name)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NotEmulatedError(f"JsProxy.{name}() (Pyodide's experimental signature binding) is not emulated by "
                               "workers-env: it needs the real runtime. Convert with to_py()/to_js() instead, "
                               "or open an issue.")

    refuse.__name__ = refuse.__qualname__ = name
    return refuse


class _Constructor(JsProxy):
    """What ``x.constructor`` reads as when ``js`` has no such function (``ExecutionContext``,
    ``Function``): a JS function as Pyodide holds one -- ``repr`` V8's ``function Name() {
    [native code] }``, callable (workerd's ``Illegal constructor``), its ``name`` the class's and
    its static members ``js``'s."""

    _js_name = "Function"
    typeof = "function"

    def __init__(self, name: str):
        object.__setattr__(self, "name", name)

    def __repr__(self) -> str:
        return f"function {self.name}() {{ [native code] }}"

    def toString(self) -> str:  # noqa: N802 - JS name (Function.prototype.toString)
        return repr(self)

    def __eq__(self, other: object) -> bool:
        """JavaScript's ``===``: the same class (one function object per name)."""
        return type(other) is _Constructor and other.name == self.name

    __hash__ = None  # type: ignore[assignment]

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise js_type_error("Illegal constructor")

    def __getattr__(self, name: str) -> Any:
        """The class's static members, as ``js`` has them (``o.constructor.fromEntries`` is
        ``Object.fromEntries``): read from the ``js`` stand-in itself, not whatever
        ``sys.modules["js"]`` holds (nothing outside Worker code, or a module another Worker or a
        test put there); what a static does that depends on the era (``keys`` of a dict) is the
        running Worker's, as any ``js`` call's."""
        if name.startswith("_"):
            raise AttributeError(name)
        cls = vars(_js_module()).get(self.name)
        if cls is None:
            raise AttributeError(name)
        return getattr(cls, name)


#: the :class:`_Constructor` of each class name ``js`` lacks, made when first read
_CONSTRUCTORS: dict[str, _Constructor] = {}


def _js_module() -> Any:
    """The ``js`` stand-in module (standins builds on this module: imported when first used)."""
    from workers_env.runtime.standins import standin_modules

    return standin_modules()["js"]


#: a JS ``Set`` (a class of the shared ``_jsvalues``, which knows no ``js``) reads its
#: constructor as every other JS value does: ``js.Set``
JsSet.constructor = JsProxy.constructor  # type: ignore[attr-defined]


class JsSetDeleteItems:
    """Pyodide's item assignment and deletion on a JS object that has ``set`` and ``delete``
    (``Headers``, ``URLSearchParams``, ``FormData``): ``proxy[key] = value`` calls
    ``set(key, value)``; ``del proxy[key]`` calls ``delete(key)`` and then raises ``KeyError``,
    because ``delete`` answers ``undefined`` (real Pyodide 0.26.0a4, 0.26.2 and 0.28.2)."""

    __slots__ = ()  # a mixin of JS values' classes: no ``__weakref__`` (see PyodideProxyType)

    def __setitem__(self, key: Any, value: Any) -> None:
        self.set(key, value)  # type: ignore[attr-defined]

    def __delitem__(self, key: Any) -> None:
        self.delete(key)  # type: ignore[attr-defined]
        raise KeyError(key)


class JsHostObject(JsProxy):
    """A JS object backed by a binding's Python object (a binding, a D1 statement).

    Passed back into a binding call it arrives there as that Python object again.
    """

    _target: Any


class _JsNullType(type):
    """``JsNull``'s metaclass: its ``__module__`` (and so its ``repr``) is the running Worker's
    Pyodide's -- ``_pyodide._core_docs`` on 0.28, ``pyodide.ffi`` from 0.29 (the 314.0.x bundles;
    pyodide#5898 "Fix the __module__ of jsnull"). 0.26 has no jsnull: JS null is None there."""

    @property
    def __module__(cls) -> str:  # type: ignore[override]  # a computed name is the point
        """(Worker code's subclass of it: its own module, as any Python class's.)"""
        from workers_env.runtime.current import pyodide_029  # late: current imports this module's kin

        if cls is not JsNull:
            return cls.__dict__.get("__module__", "builtins")  # type: ignore[no-any-return]
        return "pyodide.ffi" if pyodide_029() else "_pyodide._core_docs"

    def __repr__(cls) -> str:
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"


class JsNull(metaclass=_JsNullType):
    """JavaScript ``null`` (Pyodide's ``jsnull``); ``None`` stands for ``undefined``."""

    _instance: JsNull | None = None
    typeof = "object"  # (Pyodide's class attribute, as a JsProxy's ``typeof``)

    def __new__(cls) -> JsNull:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "jsnull"

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return _the_jsnull, ()  # the class's module below is no module outside a Worker


def _the_jsnull() -> JsNull:
    """What ``pickle`` of ``jsnull`` reads back: the one ``jsnull``."""
    return JsNull()


jsnull = JsNull()


def js_text(value: Any) -> str:
    """JavaScript's ``String(value)`` of a value Worker code passed (``None`` is ``undefined``,
    ``jsnull`` ``null``), as a Web API taking a string converts it: jsg's ``ToString``, which
    refuses a Symbol in V8's words (where ``String(symbol)`` itself is its description)."""
    if value is None:
        return "undefined"
    refuse_symbol(value)
    if value is jsnull:
        return "null"
    return value if isinstance(value, str) else js_string(value)


_errors.js_to_string = js_text  # an error's name or message Worker code set to another value (JsException.__str__)


def _jsnull_as_null(default: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def encode(value: Any) -> Any:
        return None if value is jsnull else default(value)

    return encode


# the encoders' fallback only hands the value on: whose its error is (``Object of type set is not
# JSON serializable``), the frame that called ``json`` says -- the Worker's, or a workers-env bug
passes_through(_jsnull_as_null(json.JSONEncoder().default))


def _teach_json_jsnull() -> None:
    """``json.dumps`` writes ``jsnull`` as ``null``, as Pyodide's patched encoder does from
    0.28.1 (pyodide#5804; workerd runs 0.28.2), also under a ``default=`` of the caller's;
    nothing else changes: the encoders' fallback sees ``jsnull`` first (where CPython would
    raise ``TypeError: Object of type JsNull is not JSON serializable``)."""
    if getattr(json.encoder, "_workers_env_jsnull", False):
        return
    make_c, make_py = json.encoder.c_make_encoder, json.encoder._make_iterencode  # type: ignore[attr-defined]
    if make_c is not None:
        def c_make_encoder(markers: Any, default: Callable[[Any], Any], *rest: Any) -> Any:
            return make_c(markers, _jsnull_as_null(default), *rest)

        json.encoder.c_make_encoder = c_make_encoder  # type: ignore[attr-defined]

    def _make_iterencode(markers: Any, default: Callable[[Any], Any], *rest: Any, **named: Any) -> Any:
        return make_py(markers, _jsnull_as_null(default), *rest, **named)

    json.encoder._make_iterencode = _make_iterencode  # type: ignore[attr-defined]
    json.encoder._workers_env_jsnull = True  # type: ignore[attr-defined]


_teach_json_jsnull()
