"""JS functions as Python Worker code holds them: a JS function proxy (``JsFunction``), the
PyProxy of a Python callable (``JsDoubleProxy``, :func:`create_proxy`), JS built-in functions
(``JsNativeFunction``) and ``create_once_callable``'s one-shot proxy."""

from __future__ import annotations

import contextlib
import functools
import operator
import sys
from collections.abc import Callable, ItemsView, KeysView, Mapping, ValuesView
from types import FrameType
from typing import Any

from workers_env._deep import python_str
from workers_env._errors import JsException
from workers_env._jscoercions import js_to_number
from workers_env._jsvalues import js_number, this_crossed
from workers_env.runtime.current import pyodide_028, pyodide_029
from workers_env.runtime.jsbase import JsProxy, folded_call, keyword_call, positional_limit, positional_shape
from workers_env.runtime.jsmapmethods import JsMutableMapMethods, get_arguments
from workers_env.runtime.pytypeslots import pyproxy_length, type_has, type_name
from workers_env.runtime.tracebacks import PACKAGE_DIR, runs_the_workers, to_the_caller

__all__ = [
    "FunctionPrototype",
    "JsBoundFunction",
    "JsMethod",
    "JsNativeFunction",
    "JsDoubleProxy",
    "JsOnceFunction",
    "create_proxy",
    "create_once_callable",
    "call_relaxed",
    "python_callers_answer",
]


#: the Error a destroyed proxy throws when used (Pyodide's text outside its debug mode)
_DESTROYED = ("Object has already been destroyed\n"
              "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class JsFunction(JsProxy):
    """A Python callable handed to JavaScript (``create_proxy``)."""

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy

    _js_name = "Function"
    typeof = "function"
    __slots__ = ("_func", "_destroyed", "_capture_this", "_roundtrip")

    def __init__(self, func: Callable[..., Any], *, capture_this: bool = False, roundtrip: bool = True):
        self._func = func
        self._destroyed = False
        self._capture_this = capture_this  # create_proxy(capture_this=True): JavaScript's this comes first
        #: what Python reads back of a new PyProxy of the function (``bind``'s): a proxy
        #: (``create_proxy``'s default), or the function itself (``to_js``, ``roundtrip=False``)
        self._roundtrip = roundtrip

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """A call with JavaScript's ``this`` undefined -- from Python, or a JS caller's that gives
        none (``arr.map(p)``, a timer, a promise's callback) -- so a ``capture_this`` proxy's
        callable gets ``None`` first (npm pyodide 314.0.6: ``create_proxy(f, capture_this=True)(1)``
        is ``f(None, 1)``; 0.28.2 hands it an internal ``Symbol(error marker)`` there)."""
        if self._destroyed:
            raise JsException(_DESTROYED, name="Error")
        if kwargs:  # Pyodide calls the PyProxy as a JS function: the keywords one JS object, last
            result = keyword_call(self, args, kwargs)
        elif self._capture_this:
            result = self._func(None, *args)
        else:
            result = self._func(*args)
        return self._handed(result) if hasattr(type(result), "__await__") else result

    def _handed(self, result: Any) -> Any:
        """An awaitable answer of a call of this proxy (``__call__``'s, which calls this), as its
        caller holds it: :meth:`_answer` for Python code, :meth:`_started` for workers-env's
        JavaScript stand-ins."""
        return self._answer(result) if _python_caller(3) else self._started(result)

    def _answer(self, result: Any) -> Any:
        """An awaitable answer as Python code calling the proxy holds it: the ``PyodideFuture`` of
        the JavaScript promise Pyodide hands back (runtime/proxycalls.py)."""
        from workers_env.runtime.proxycalls import answered

        return answered(self._func, result)

    def _started(self, result: Any) -> Any:
        """An awaitable answer as workers-env's JavaScript stand-ins (``arr.forEach``,
        ``queueMicrotask``, a timer) get it: an ``async def``'s coroutine a task begun at the call
        (runtime/proxycalls.py)."""
        from workers_env.runtime.proxycalls import started

        return started(self._func, result)

    def destroy(self) -> None:
        self._destroyed = True

    def __getattr__(self, name: str) -> Any:
        """The PyProxy's own ``type`` -- its callable's type's ``tp_name``: ``"function"``,
        ``"type"`` for a class (Pyodide 0.26.0a4, 314.0.6) -- for ``create_proxy(callable)``
        alone; JavaScript's own functions have none."""
        if name == "type" and type(self) is JsFunction:
            self._check_alive()
            return type_name(self._func)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return str(self._func)  # String() of a PyProxy is the Python object's str(): <function f at 0x...>

    def _called_with_this(self, this: Any, args: tuple[Any, ...], kwargs: dict[str, Any] | None = None) -> Any:
        """A call from JavaScript with ``this``: the callable gets it first only when the proxy
        was made with ``capture_this`` (Pyodide drops it otherwise)."""
        if self._destroyed:
            raise JsException(_DESTROYED, name="Error")
        if kwargs:
            return keyword_call(lambda *given: self._called_with_this(this, given), args, kwargs)
        if self._capture_this:
            return self._func(this_crossed(this), *args)
        return self._func(*args)

    def _with_this(self, this: Any) -> Any:
        """What a JS built-in given a ``thisArg`` calls (:func:`~workers_env._jsvalues.with_this`):
        a ``capture_this`` proxy's callable with ``this`` first, else the proxy itself."""
        return _ThisCall(self, this) if self._capture_this else self

    # the PyProxy's own call/apply/bind (pyproxy.ts ``PyProxyFunctionMethods``; npm pyodide
    # 0.26.0a4, 0.28.2 and 314.0.6): ``this`` dropped unless captured, ``bind`` a proxy of the
    # same object (destroying either destroys both)
    @property
    def call(self) -> JsNativeFunction:
        return JsNativeFunction(lambda this=None, *args: self._answer(self._called_with_this(this, args)), "call", length=1)

    @property
    def apply(self) -> JsNativeFunction:
        return JsNativeFunction(lambda this=None, args=None, *_ignored: self._answer(
            self._called_with_this(this, tuple(_array_like(args)))), "apply", length=2)

    @property
    def bind(self) -> JsNativeFunction:
        return JsNativeFunction(lambda this=None, *bound: self._bound_proxy(this, bound), "bind", length=1)

    def _bound_proxy(self, this: Any, bound: tuple[Any, ...]) -> Any:
        """What ``bind`` answers, as Pyodide's reads it back (npm 0.28.2 and 314.0.6): ``Object
        has already been destroyed`` once the proxy is destroyed (``bind`` reads its state); a
        proxy of the same object bound -- or, where the proxy does not round-trip (``to_js(f)``,
        ``create_proxy(f, roundtrip=False)``), the Python function itself, the bound arguments
        with the PyProxy left behind (``to_js(f).bind(None, 2)(3)`` is ``f(3)``)."""
        self._check_alive()
        if not self._roundtrip:
            return self._func
        return _BoundPyProxy(self, this_crossed(this), bound)

    def _check_alive(self) -> None:
        if self._destroyed:
            raise JsException(_DESTROYED, name="Error")


class _ThisCall:
    """A ``capture_this`` proxy called by a JS built-in with ``this`` (``arr.map(p, obj)``): one
    frame between the built-in and the Worker's function, as a call without ``this`` has."""

    __slots__ = ("_proxy", "_this")

    def __init__(self, proxy: JsFunction, this: Any):
        self._proxy, self._this = proxy, this

    def __call__(self, *args: Any) -> Any:
        self._proxy._check_alive()
        result = self._proxy._func(self._this, *args)
        return self._proxy._started(result) if hasattr(type(result), "__await__") else result


class _BoundPyProxy(JsFunction):
    """What ``bind`` of a ``create_proxy`` function answers: a proxy of the same Python object
    (one life: destroying it destroys the first, and the other way round) with ``this`` and the
    leading arguments bound; binding it again keeps the first ``this`` and adds arguments, as
    Pyodide's ``bind`` does (``boundThis`` kept once ``isBound``)."""

    __slots__ = ("_origin", "_this", "_bound")

    def __init__(self, origin: JsFunction, this: Any, bound: tuple[Any, ...]):
        super().__init__(origin._func, capture_this=origin._capture_this)
        self._origin, self._this, self._bound = origin, this, bound

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # the bound this reaches a capture_this proxy (None: JavaScript's undefined); the first's life is its
        result = self._origin._called_with_this(self._this, (*self._bound, *args), kwargs)
        return self._handed(result) if hasattr(type(result), "__await__") else result

    def _called_with_this(self, this: Any, args: tuple[Any, ...], kwargs: dict[str, Any] | None = None) -> Any:
        return self(*args, **(kwargs or {}))  # the bound this wins

    def _with_this(self, this: Any) -> Any:
        return self  # the bound this wins

    def destroy(self) -> None:
        self._origin.destroy()

    def _check_alive(self) -> None:
        self._origin._check_alive()

    def _bound_proxy(self, this: Any, bound: tuple[Any, ...]) -> Any:
        self._check_alive()
        return _BoundPyProxy(self._origin, self._this, (*self._bound, *bound))


def _python_caller(depth: int) -> bool:
    """Whether the code calling a proxy (the frame ``depth`` above this one: above the proxy's
    ``__call__``) is Python code of its own -- the Worker's, a library's --, which reads an awaitable answer
    back as Pyodide's ``PyodideFuture``; workers-env's stand-ins for JavaScript (a timer, a
    promise's ``then``) take the answer as it is, as they take a plain Python function's."""
    try:
        frame: FrameType = sys._getframe(depth)
    except ValueError:  # (called with no Python frame above: nobody to hand a future)
        return False
    return not frame.f_code.co_filename.startswith(PACKAGE_DIR)


def call_relaxed(func: Callable[..., Any], *args: Any) -> Any:
    """Call ``func`` with as many leading positional arguments as it takes.

    JavaScript functions ignore extra arguments, and workerd calls Python handlers the
    same way (``callRelaxed``): ``fetch(self)`` and ``fetch(self, request, env, ctx)`` both work.
    """
    shape = positional_shape(func)
    if shape is None or shape[0] is None:
        return func(*args)
    return func(*args[:shape[0]])


runs_the_workers(JsFunction.__call__, _ThisCall.__call__)  # the function create_proxy was given: its error is the caller's
# a handler (or a callback) the Worker handed over, whichever module defined it: a method its Default class
# inherits from a library (django-cf's DjangoCF.fetch) runs as its code, its os.environ the Worker's
runs_the_workers(call_relaxed)


class JsDoubleProxy(JsProxy):
    """``create_proxy(obj)`` of an object that is not callable (a task handed to
    ``ctx.waitUntil``, say): a handle with ``destroy()`` and ``unwrap()``, awaitable when the
    object is; JavaScript sees the object."""

    _js_name = "Object"
    __slots__ = ("_obj", "_destroyed", "_roundtrip")

    def __init__(self, obj: Any, *, roundtrip: bool = True):
        self._obj = obj
        self._destroyed = False
        #: what Python reads back from a JS value holding it: this proxy (``create_proxy``'s
        #: default), or the object itself (``roundtrip=False``, and what ``to_js`` leaves past its depth)
        self._roundtrip = roundtrip

    def destroy(self) -> None:
        self._destroyed = True

    def unwrap(self) -> Any:
        if self._destroyed:
            raise JsException(_DESTROYED, name="Error")
        return self._obj

    def __await__(self) -> Any:
        return self.unwrap().__await__()

    def __repr__(self) -> str:
        return python_str(self._obj)  # String() of a PyProxy is the Python object's str() (Decimal(1): "1")

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """The proxy itself for a ``create_proxy`` (roundtrip), else the object (``to_js(object())``)."""
        return self if self._roundtrip else self.unwrap()

    def __getattr__(self, name: str) -> Any:
        """The object's attribute, as the PyProxy's JS property reads it -- but for the PyProxy's
        own ``type`` (the type's ``tp_name``: ``create_proxy(obj).type`` is ``"A"`` whatever
        ``obj.type`` is), a bytes-like object's ``getBuffer`` (runtime/pybuffer.py) and, with ``__len__``, ``length`` (Pyodide 0.26.0a4, 0.28.2, 314.0.6), and for a map-like
        object's ``keys``/``values``/``items``/``get``, Pyodide's own (:class:`_JsMapMethods`); one
        the object lacks is Pyodide's ``AttributeError`` naming it alone."""
        obj = self.unwrap()
        if name == "type":  # the PyProxy's own, before any attribute: its type's tp_name
            return type_name(obj)
        if name == "length" and type_has(type(obj), "__len__"):  # its own too, for a type with a length
            return pyproxy_length(obj)
        if name == "getBuffer":  # a PyProxy of a bytes-like object's own
            from workers_env.runtime.pybuffer import get_buffer, has_buffer  # it imports jsproxy, which imports us

            if has_buffer(obj):
                return functools.partial(get_buffer, obj)
        if name in _MAP_METHODS and _map_like(obj):
            return getattr(_JsMapMethods(self), name)
        if name in _MUTABLE_MAP_METHODS and _mutable_map_like(obj):
            return getattr(_JsMutableMapMethods(self), name)
        try:
            return getattr(obj, name)
        except AttributeError:
            raise AttributeError(name) from None

    def __dir__(self) -> list[str]:
        """The JsProxy's names and, as the PyProxy's JS properties are the object's, the object's
        public attributes -- and a map-like object's ``keys``/``values``/``items``/``get``
        (``'setdefault'``, ``'keys'`` in ``dir(create_proxy({}))``; npm pyodide 0.26.0a4, 0.28.2,
        314.0.6)."""
        obj = self._obj
        names = set(super().__dir__()) | {name for name in dir(obj) if not name.startswith("_")}
        if _mutable_map_like(obj):
            names |= _MUTABLE_MAP_METHODS
        return sorted(names | _MAP_METHODS if _map_like(obj) else names)

    def __setitem__(self, key: Any, value: Any) -> None:
        """``proxy[key] = value``: a mutable map-like PyProxy's ``set(key, value)`` -- the
        object's own ``obj[key] = value``, the value as it comes back from JavaScript (every
        Pyodide; from 0.29 too, where reading a str key back is a TypeError)."""
        obj = self.unwrap()
        if not _mutable_map_like(obj):
            raise TypeError("'pyodide.ffi.JsProxy' object does not support item assignment")
        obj[key] = _through_js(value)

    def __delitem__(self, key: Any) -> None:
        """``del proxy[key]``: a mutable map-like PyProxy's ``delete(key)``, which deletes the
        item and answers no ``true``, so Pyodide raises ``KeyError(key)`` after the deletion
        (npm pyodide 0.26.0a4, 0.28.2 and 314.0.6: ``del create_proxy(d)['a']`` empties ``d``
        and raises ``KeyError: 'a'``)."""
        obj = self.unwrap()
        if not _mutable_map_like(obj):
            raise TypeError("'pyodide.ffi.JsProxy' object doesn't support item deletion")
        with contextlib.suppress(LookupError):
            del obj[key]
        raise KeyError(key)

    def __bool__(self) -> bool:  # a JS object: true, whatever __len__ below says
        return True

    def __len__(self) -> int:
        """The PyProxy's ``length`` (every Pyodide: a JsProxy with a length has ``len()``)."""
        obj = self.unwrap()
        if not hasattr(obj, "__len__"):
            raise TypeError("object of type 'pyodide.ffi.JsProxy' has no len()")
        return len(obj)

    def __iter__(self) -> Any:
        """Iterating the JsProxy of a PyProxy (every Pyodide, measured on npm 0.28.2 and
        314.0.6): one that is a ``JsMap`` to Pyodide -- a ``get`` (``__getitem__``), a length and
        iteration: a list, tuple, str, deque -- iterates as a map, its indices (``[0, 1]``; a
        dict's ``keys()`` is no iterator there: ``TypeError: iter() returned non-iterator of type
        'dict_keys'``); any other iterable (a set, a generator) its items, each through JavaScript
        and back (:func:`_through_js`)."""
        obj = self.unwrap()
        if not hasattr(obj, "__iter__"):
            raise TypeError("'pyodide.ffi.JsProxy' object is not iterable")
        if hasattr(obj, "__getitem__") and hasattr(obj, "__len__"):
            keys = getattr(obj, "keys", None)
            if callable(keys):
                raise TypeError(f"iter() returned non-iterator of type '{type(keys()).__name__}'")
            return iter(range(len(obj)))
        return (_through_js(item) for item in obj)

    def __contains__(self, key: Any) -> bool:
        """``key in proxy``: the PyProxy's ``has(key)`` -- the container's own ``in`` (``5 in
        create_proxy([5])``, ``'a' in create_proxy({'a': 1})``; npm pyodide 0.28.2 and 314.0.6),
        not a search of the indices :meth:`__iter__` gives; an object without ``__contains__``
        is searched by iterating it, as Python does."""
        obj = self.unwrap()
        if hasattr(obj, "__contains__"):
            return key in obj
        if not hasattr(obj, "__iter__"):
            # CPython's words: Python 3.14's (Pyodide 314.0.x) name the container protocol too
            raise TypeError("argument of type 'pyodide.ffi.JsProxy' is not "
                            f"{'a container or iterable' if pyodide_029() else 'iterable'}")
        return any(item is key or item == key for item in obj)

    def __reversed__(self) -> Any:
        """Before Pyodide 0.29 no JsProxy of a PyProxy is reversible (npm 0.28.2: ``'pyodide.ffi.JsProxy'
        object is not reversible``, where Python's fallback would use ``__len__`` and ``__getitem__``);
        from 0.29 an array-like's items, last first (314.0.6: ``[2, 1]`` of ``[1, 2]``)."""
        if not pyodide_029():
            raise TypeError("'pyodide.ffi.JsProxy' object is not reversible")
        return (self[i] for i in range(len(self) - 1, -1, -1))

    def js_iteration(self) -> Any:
        """What JavaScript's iteration of the PyProxy yields (``Array.from``, ``new Set``,
        ``for...of``): the container's own items -- a dict's keys -- each through JavaScript and
        back (``Array.from(create_proxy([7, 8]))`` is ``[7, 8]`` on npm pyodide 0.28.2 and 314.0.6),
        not the indices Python's iteration of the JsProxy gives."""
        obj = self.unwrap()
        if not hasattr(obj, "__iter__"):
            return iter(self)  # (raises: not iterable)
        return (_through_js(item) for item in obj)

    def __getitem__(self, key: Any) -> Any:
        """``proxy[key]``, as Pyodide subscripts a JsProxy of a PyProxy (measured on npm pyodide
        0.28.2 and 314.0.6): before 0.29 through the PyProxy's ``get(key)`` -- the object's
        ``obj[key]``, a missing key or index ``KeyError(key)``; from 0.29 (the 314.0.x era) a
        PyProxy with a length and iteration is array-like (pyodide#5991): an integer reads the
        JavaScript property of that index (a sequence's item, negative from the end; a dict's
        str or int key, :func:`_dict_property`; none -- past the end, another mapping's --
        ``IndexError(key)``), a slice an Array of the items, any
        other key ``TypeError: list indices must be integers or slices, not str``."""
        obj = self.unwrap()
        if pyodide_029() and hasattr(obj, "__len__") and hasattr(obj, "__iter__") and not hasattr(obj, "__next__"):
            return self._array_like_item(obj, key)  # a set too: no index reads anything there
        if not hasattr(obj, "__getitem__"):
            raise TypeError("'pyodide.ffi.JsProxy' object is not subscriptable")
        try:
            return _through_js(obj[key])
        except LookupError:
            raise KeyError(key) from None
        except TypeError:  # (a slice: Python 3.12 on, Pyodide's, hash it -- no such key)
            if isinstance(key, slice) and isinstance(obj, Mapping):
                raise KeyError(key) from None
            raise

    @staticmethod
    def _array_like_item(obj: Any, key: Any) -> Any:
        sequence = hasattr(obj, "__getitem__") and not isinstance(obj, Mapping)
        if isinstance(key, slice):
            from workers_env.runtime.jsproxy import JsArray  # (jsproxy imports this module)

            items = [obj[i] for i in range(*key.indices(len(obj)))] if sequence else []
            return JsArray([_through_js(item) for item in items])
        if not hasattr(type(key), "__index__"):
            raise TypeError(f"list indices must be integers or slices, not {type(key).__name__}")
        index = operator.index(key)
        position = index + len(obj) if index < 0 else index
        if type(obj) is dict:
            return _through_js(_dict_property(obj, position, key))
        if not sequence or not 0 <= position < len(obj):
            raise IndexError(key)
        return _through_js(obj[position])


def _dict_property(obj: dict[Any, Any], position: int, key: Any) -> Any:
    """The JavaScript property ``position`` of a dict's PyProxy, as a 0.29 JsProxy's index reads
    it (jsproxy.c ``JsArray_subscript``: ``proxy[i]``, a negative ``i`` from the length): a dict's
    PyProxy reads a property as Pyodide's JSON adaptor does (pyproxy.ts ``PyProxyDictHandlers``)
    -- the str key, else, for digits, the int key -- so ``create_proxy({1: 'x'})[1]`` is ``'x'``,
    ``create_proxy({'1': 'x'})[1]`` too, and ``create_proxy({1: 'x', 2: 'y'})[-1]`` reads key 1
    (npm pyodide 314.0.6); none is ``IndexError(key)``."""
    name = str(position)
    if name in obj:
        return obj[name]
    if position >= 0 and position in obj:
        return obj[position]
    raise IndexError(key)


#: the read methods of Pyodide's ``JsMap`` a JsProxy of a map-like PyProxy has (its own, before
#: the Python object's attributes the PyProxy would give)
_MAP_METHODS = frozenset({"keys", "values", "items", "get"})


def _map_like(obj: Any) -> bool:
    """Whether Pyodide holds the JsProxy of ``obj``'s PyProxy as a ``JsMap``: the PyProxy has a
    ``get`` (``__getitem__``), a length and iteration -- a dict, list, tuple, str (a set has no
    ``get``; see :meth:`JsDoubleProxy.__iter__`)."""
    return hasattr(obj, "__getitem__") and hasattr(obj, "__len__") and hasattr(obj, "__iter__")


#: the methods of Pyodide's ``JsMutableMap`` a JsProxy of a mutable map-like PyProxy has
_MUTABLE_MAP_METHODS = frozenset({"pop", "popitem", "setdefault", "update"})


def _mutable_map_like(obj: Any) -> bool:
    """Whether Pyodide holds the JsProxy of ``obj``'s PyProxy as a ``JsMutableMap``: a map-like
    PyProxy with ``set`` and ``delete`` too (``__setitem__``, ``__delitem__``): a dict, a list."""
    return _map_like(obj) and hasattr(obj, "__setitem__") and hasattr(obj, "__delitem__")


class _JsMutableMapMethods(JsMutableMapMethods):
    """``pop``/``popitem``/``setdefault``/``update`` of the JsProxy of a mutable map-like PyProxy,
    Pyodide's ``JsMap`` ones (:class:`~workers_env.runtime.jsmapmethods.JsMutableMapMethods`)
    over the proxy's own subscript (:meth:`JsDoubleProxy.__getitem__`) and ``del`` (which raises
    ``KeyError`` after deleting), not the Python object's methods -- so
    ``create_proxy({'a': 1}).pop('a')`` deletes the item and raises ``KeyError: 'a'`` (npm
    pyodide 0.26.0a4, 0.28.2; 314.0.6 too for ``create_proxy({1: 'x'}).pop(1)``, whose int key
    reads there), from 0.29 a ``TypeError`` before deleting for a str key (of an array-like;
    314.0.6)."""

    __slots__ = ("_proxy",)

    def __init__(self, proxy: JsDoubleProxy):
        self._proxy = proxy

    def _mapping(self) -> Any:
        return self._proxy


class _JsMapMethods:
    """``keys``/``values``/``items``/``get`` of the JsProxy of a map-like PyProxy, as Pyodide's
    ``JsMap`` has them (npm pyodide 0.26.0a4, 0.28.2, 314.0.6): views over the proxy itself --
    ``KeysView(proxy)``, so iterating one iterates the proxy (a dict's: ``TypeError: iter()
    returned non-iterator of type 'dict_keys'``, a list's its indices) -- and ``get`` its
    subscript, or the default where that fails (``create_proxy([7]).get('x', 'd')`` is ``'d'``;
    from 0.29, where a str key of an array-like is a ``TypeError``,
    ``create_proxy({'a': 1}).get('a')`` is ``None``, as on 314.0.6)."""

    __slots__ = ("_proxy",)

    def __init__(self, proxy: JsDoubleProxy):
        self._proxy = proxy

    def keys(self) -> KeysView[Any]:
        return KeysView(self._proxy)  # type: ignore[arg-type]

    def values(self) -> ValuesView[Any]:
        return ValuesView(self._proxy)  # type: ignore[arg-type]

    def items(self) -> ItemsView[Any, Any]:
        return ItemsView(self._proxy)  # type: ignore[arg-type]

    def get(self, *args: Any, **kwargs: Any) -> Any:
        key, default = get_arguments(args, kwargs)
        try:
            return self._proxy[key]
        except (LookupError, TypeError):
            return default


def _through_js(value: Any) -> Any:
    """A Python value as it reads back after a trip through JavaScript: a number as JavaScript's
    one number type gives it (``1.0`` is ``1``; an int from 2**53 - 1 up a BigInt, ``JsBigInt``
    from Pyodide 0.29), anything else itself (a container's PyProxy turns back into it)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return js_number(value)
    return value


def _array_like(args: Any) -> list[Any]:
    """``CreateListFromArrayLike`` of ``Function.prototype.apply``'s second argument as Pyodide
    hands it over: ``undefined``/``null`` no arguments, a list (a PyProxy has ``length``) or a
    JS array its items, a primitive V8's TypeError; any other object as many arguments as its
    ``length`` says (ToLength: none without one), each its property of that index, ``undefined``
    where it has none (``Math.max.apply(None, to_js({'length': 2}))`` is NaN on 0.28.2 and
    314.0.6, where ``to_js`` makes a LiteralMap whose entries are properties; a 0.26 ``Map`` has
    no ``length``: -inf). A length V8 cannot spread throws its RangeError."""
    from workers_env.runtime.jsbase import JsNull

    if args is None or isinstance(args, JsNull):
        return []
    if isinstance(args, (bool, int, float, str)):
        raise JsException("CreateListFromArrayLike called on non-object", name="TypeError")
    if isinstance(args, (list, tuple)):
        return list(args)
    if not isinstance(args, JsProxy):
        return []
    try:
        length = args.length
    except (AttributeError, TypeError, LookupError):
        return []
    from workers_env.runtime.jsbuffers import JsTypedArray
    from workers_env.runtime.jsproxy import JsArray, JsPyJsonArray  # (jsproxy imports this module)

    if isinstance(args, (JsArray, JsPyJsonArray, JsTypedArray)):
        return list(args)
    try:
        length = js_to_number(length)  # ToLength: ToNumber ("2" is 2, undefined NaN), then clamped
    except Exception:  # (a value ToNumber refuses: a Symbol, a BigInt -- no arguments here)
        return []
    count = 0 if length != length or length <= 0 else int(min(length, 2**53 - 1))
    if count > _MOST_SPREAD:
        raise JsException("Maximum call stack size exceeded" if count <= 2**27 else "Invalid array length",
                          name="RangeError")
    return [_property(args, str(i)) for i in range(count)]


#: the most arguments V8 spreads in an ``apply`` (Node 24.19: 100,000 goes, 200,000 is
#: ``RangeError: Maximum call stack size exceeded``, up to 2**27; past it ``Invalid array length``,
#: as under Pyodide 0.28.2)
_MOST_SPREAD = 100_000


def _property(obj: JsProxy, key: str) -> Any:
    """``obj[key]`` as JavaScript reads a property: ``undefined`` (None) where there is none."""
    try:
        return getattr(obj, key)
    except AttributeError:
        return None


class FunctionPrototype:
    """``call``, ``apply`` and ``bind`` of a JS function's JsProxy (``Function.prototype``'s,
    each a JS function itself): ``this`` (the first argument) is not used -- workers-env's
    built-ins are Python functions -- and the rest are the call's arguments
    (``Object.keys.call(None, obj)``, ``Math.max.apply(None, to_js([1, 2]))``); ``bind`` answers
    a bound function, ``name`` ``bound max``, ``String()`` ``function () { [native code] }``
    (real Pyodide 0.28.2 under Node)."""

    __slots__ = ()
    name: str
    @property
    def length(self) -> int:
        """How many parameters the JS function declares (jsarity.py)."""
        raise NotImplementedError
    __call__: Callable[..., Any]  # the function's own (annotated only: JsFunction's stays first)

    @property
    def call(self) -> JsNativeFunction:
        return JsNativeFunction(lambda this=None, *args: self(*args), "call", length=1)

    @property
    def apply(self) -> JsNativeFunction:
        return JsNativeFunction(lambda this=None, args=None, *_ignored: self(*_array_like(args)), "apply", length=2)

    @property
    def bind(self) -> JsNativeFunction:
        def bind(this: Any = None, *bound: Any) -> JsBoundFunction:
            return JsBoundFunction(lambda *args: self(*bound, *args), f"bound {self.name}",
                                   length=max(0, self.length - len(bound)))  # V8's BoundFunctionCreate
        return JsNativeFunction(bind, "bind", length=1)


class JsNativeFunction(FunctionPrototype, JsFunction):
    """A built-in JavaScript function workers-env implements in Python (``JSON.parse``, a
    ``console`` method): a JsProxy Python calls, with V8's ``name`` and ``String()``,
    ``function parse() { [native code] }`` (real Pyodide 0.26.0a4 and 0.28.2 under Node)."""

    __slots__ = ("name", "_length")
    _not_js = frozenset({"destroy"})  # no member of a JS function's proxy (``dir()`` leaves it out)

    def __init__(self, func: Callable[..., Any], name: str, *, length: int = 0):
        super().__init__(func)
        self.name = name
        self._length = length  # the parameters V8 or jsg declares: jsarity.function_length of its path

    @property
    def length(self) -> int:
        return self._length

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """A JS function called with keyword arguments gets them as one JS object after the
        positional ones (``js.Math.max(1, a=2)`` is ``Math.max(1, {a: 2})``, NaN; npm pyodide
        0.26.0a4, 0.28.2, 314.0.6), as :func:`~workers_env.runtime.jsbase.folded` passes them. What
        it throws reaches Python code with the caller's frame alone (``JSON.parse("{")``), as
        JavaScript's own frames are no Python frames in Pyodide."""
        try:
            if kwargs and not hasattr(self._func, "__wrapped__"):  # (one folded already keeps its own words)
                limit = positional_limit(self._func)
                if limit != -1:  # (-1: a workers-env function reading keyword arguments of its own)
                    return folded_call(self._func, limit, f"{self.name or 'function'}()", args, kwargs)
            return self._func(*args, **kwargs)
        except BaseException as error:
            to_the_caller(error)
            raise

    def __repr__(self) -> str:
        return f"function {self.name}() {{ [native code] }}"  # V8's String() of a built-in function

    def toString(self) -> str:  # noqa: N802 - JS name (Function.prototype.toString)
        return repr(self)

    def __eq__(self, other: object) -> bool:
        """JavaScript's ``===``: the same built-in, whichever proxy of it each is (two reads of
        ``Object.keys`` are two proxies of one function, as in Pyodide)."""
        return isinstance(other, JsNativeFunction) and other._func is self._func

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy

    @property
    def js_id(self) -> int:
        """The same number for every proxy of this function (Pyodide's ``js_id``)."""
        return id(self._func)

    @property
    def destroy(self) -> Any:  # type: ignore[override]
        """None, as a JS function's JsProxy has none (Pyodide's ``AttributeError: destroy``): the
        built-in is shared by every Worker of the process, so nothing may end it."""
        raise AttributeError("destroy")


runs_the_workers(JsNativeFunction.__call__)


class JsBoundFunction(JsNativeFunction):
    """What ``bind`` answers: V8's ``String()`` of a bound function has no name."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "function () { [native code] }"


class JsMethod(JsNativeFunction):
    """A method of a JS object as its JsProxy hands it out (a binding's ``env.KV.get``): a JS
    function with Function.prototype's ``call``, ``apply`` and ``bind``, whose first argument is
    the ``this`` the method runs with (real Pyodide 0.26.0a4, 0.28.2, 314.0.6 under Node: for a
    JS object's method ``o.get.call(o, 'a')``, ``o.get.apply(o, to_js(['a']))`` and
    ``o.get.bind(o)('a')`` call ``o.get('a')``; ``bind`` a ``bound get`` of length ``length`` less
    the bound arguments). The method runs when ``this`` is its object; another ``this`` is
    ``wrong_this()``'s error (a jsg method's ``Illegal invocation``)."""

    __slots__ = ("_receiver", "_wrong_this")

    def __init__(self, func: Callable[..., Any], name: str, receiver: Any, wrong_this: Callable[[Any], BaseException],
                 *, length: int = 0):
        super().__init__(func, name, length=length)
        self._receiver = receiver
        self._wrong_this = wrong_this

    def _on(self, this: Any) -> Callable[..., Any]:
        if this is not self._receiver:
            raise self._wrong_this(this)
        return self

    @property
    def call(self) -> JsNativeFunction:
        return JsNativeFunction(lambda this=None, *args: self._on(this)(*args), "call", length=1)

    @property
    def apply(self) -> JsNativeFunction:
        return JsNativeFunction(lambda this=None, args=None, *_ignored: self._on(this)(*_array_like(args)),
                                "apply", length=2)

    @property
    def bind(self) -> JsNativeFunction:
        def bind(this: Any = None, *bound: Any) -> JsBoundFunction:
            def bound_call(*args: Any) -> Any:
                return self._on(this)(*bound, *args)  # V8 checks the receiver at the call
            return JsBoundFunction(bound_call, f"bound {self.name}", length=max(0, self.length - len(bound)))
        return JsNativeFunction(bind, "bind", length=1)


class JsOnceFunction(JsFunction):
    """A Python callable handed to JavaScript by ``create_once_callable``: callable once, as
    Pyodide's wrapper (pyproxy.c ``create_once_callable``): a call destroys it (even one that
    raises), a call after that -- or after ``destroy()`` -- throws ``OnceProxy can only be
    called once``, and a second ``destroy()`` throws ``OnceProxy has already been destroyed``."""

    __slots__ = ("_called",)

    def __init__(self, func: Callable[..., Any]):
        super().__init__(func)
        self._called = False

    # a JS function (Pyodide's ``wrapper``), not a PyProxy: Function.prototype's call/apply/bind --
    # ``bind`` a V8 bound function, ``bound wrapper`` of length 0 with no ``destroy`` (npm pyodide
    # 0.28.2 and 314.0.6)
    call = FunctionPrototype.call
    apply = FunctionPrototype.apply
    bind = FunctionPrototype.bind

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._called:
            raise JsException("OnceProxy can only be called once", name="Error")  # Pyodide's text
        if kwargs:
            result = keyword_call(self, args, kwargs)
        else:
            try:
                result = self._func(*args)
            finally:
                self.destroy()
        return self._handed(result) if hasattr(type(result), "__await__") else result

    def destroy(self) -> None:
        if self._called:
            raise JsException("OnceProxy has already been destroyed", name="Error")  # Pyodide's text
        self._called = self._destroyed = True

    runs_the_workers(__call__)

    #: Pyodide's wrapper function as ``String()`` writes it (0.28's; 0.26.0a4's calls ``...MaybeSuspending``)
    _WRAPPER = ('function wrapper(...args){if(alreadyCalled){throw new Error("OnceProxy can only be called once")}'
                'try{if(may_syncify){return Module.callPyObjectMaybe%s(obj,args)}else{return '
                'Module.callPyObject(obj,args)}}finally{wrapper.destroy()}}')
    name = "wrapper"  # the JS function's name and its declared parameters, as Pyodide's
    length = 0

    def __repr__(self) -> str:
        return self._WRAPPER % ("Promising" if pyodide_028() else "Suspending")


def create_once_callable(obj: Callable[..., Any], *, _may_syncify: bool = False) -> JsOnceFunction:
    """``pyodide.ffi.create_once_callable``: a JS function that calls ``obj`` once; a second
    call throws ``Error: OnceProxy can only be called once``."""
    return JsOnceFunction(obj)


def python_callers_answer(proxy: Any, result: Any) -> Any:
    """``result``, what calling ``proxy`` answered a stand-in written as Pyodide's own Python code
    (pyfetch's ``await fetcher(...)``), as that Python code holds it: a ``create_proxy`` of a Python
    function's awaitable answer the ``PyodideFuture`` of its promise (runtime/proxycalls.py)."""
    if isinstance(proxy, JsFunction) and not isinstance(proxy, JsNativeFunction) and hasattr(type(result), "__await__"):
        return proxy._answer(result)
    return result


def proxied_object(value: Any) -> Any:
    """The Python object a ``create_proxy`` handle stands for -- JavaScript sees that object's
    PyProxy, with its own ``type`` and no enumerable properties (``create_proxy(C)`` of a class
    is a Blob option's ``type`` ``"type"``, ``Object.keys`` of it ``[]``: Pyodide 0.26.0a4 and
    314.0.6) -- or ``value`` itself when it is no such handle."""
    if isinstance(value, JsDoubleProxy):
        return value.unwrap()
    if type(value) is JsFunction:  # create_proxy(a callable): not JavaScript's own functions
        value._check_alive()
        return value._func
    return value


def create_proxy(obj: Any, *, capture_this: bool = False, roundtrip: bool = True) -> Any:
    """``pyodide.ffi.create_proxy``: a long-lived JS handle on a Python object (``destroy()``
    ends it, as Pyodide's does)."""
    if callable(obj):
        return JsFunction(obj, capture_this=capture_this, roundtrip=roundtrip)
    return JsDoubleProxy(obj, roundtrip=roundtrip)
