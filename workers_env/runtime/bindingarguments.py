"""How a binding's JavaScript reads the arguments Python code passes it (``JsBinding``'s calls).

Each method's plan (:class:`_Plan`: which positions are options, JSON, mapped, strings, ... as the
binding declares them in ``JS_*_ARGS`` and ``JS_*_MEMBERS``, kept while those stay equal), the
reading of one argument -- across Workers RPC (:func:`rpc_argument`), into a rest parameter
(:func:`rest_argument`), a ``None`` where ``undefined`` counts, a Python container as its PyProxy
-- and the values V8 cannot clone for a queue (``DataCloneError``). Apart from the binding class,
which only calls them, so that its module holds the binding's behaviour alone.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Mapping
from typing import Any

from workers_env._deep import python_str
from workers_env._errors import JsException, NotEmulatedError
from workers_env._jsvalues import (
    UNDEFINED,
    ByteStream,
    HttpResponse,
    JsDate,
    JsLiteralMapArgument,
    JsMapArgument,
    JsOpaque,
    JsSet,
    PyProxyArgument,
)
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import JsBufferSource
from workers_env.runtime.jsconvert import to_plain
from workers_env.runtime.jsconversions import JsSymbol
from workers_env.runtime.jsmapkeys import map_key_read
from workers_env.runtime.jsproxy import JsArray, JsLiteralMap, JsMap, JsNull, JsObject, JsProxy
from workers_env.runtime.jspyproxies import PROXIED_TYPES, is_dict_subclass_proxy, reads_dict_keys, warn_pyproxy
from workers_env.runtime.rpcvalues import from_rpc_default
from workers_env.runtime.services import FunctionStub, sent_function

__all__ = ["rpc_argument", "rest_argument"]


#: the values a binding call hands on as they are, with no proxy to look into: a key, a number
_NO_PROXY_TYPES = frozenset({str, int, float, bool, type(None)})


def _pyproxy_typeof(value: Any) -> str:
    """JavaScript's ``typeof`` of a PyProxy (a callable's is a function) or a symbol."""
    return "symbol" if isinstance(value, JsSymbol) else "function" if callable(value) else "object"


def _unclonable(value: Any) -> bool:
    """A value V8's serializer cannot clone that a Python Worker can send: a PyProxy, a symbol
    (not a JS value the SDK made: a ``datetime``'s ``Date``, an exception's ``Error``)."""
    if isinstance(value, JsOpaque):
        return value.kind != "Error"
    return isinstance(value, JsSymbol) or _unconverted_container(value) or (
        not isinstance(value, (str, int, float, JsProxy, JsNull, JsDate, ByteStream))
        and value is not None and value is not UNDEFINED)


def _clonable_or_refused(body: Any) -> None:
    """V8's ``DataCloneError`` for a JavaScript ``v8`` body it cannot clone, as
    ``structuredClone`` has it: a function named by its source (``function fetch() { [native
    code] } could not be cloned.``), at any depth (an object or ``Map`` holding one), measured under
    wrangler dev 4.164.0 (leftovers44); a body nested too deep its ``RangeError`` (or not
    emulated: :func:`~workers_env._deep.clone_refusal`). What workers-env does not clone (another
    runtime object) is sent as before."""
    if not isinstance(body, JsProxy) or isinstance(body, (JsDate, JsNull)):
        return
    from workers_env.runtime.jsclone import depth_refusal, structured_clone  # (built on modules built on this one)

    refused = depth_refusal(body, "A v8 queue message")
    if refused is not None:
        raise refused
    try:
        structured_clone(body)
    except NotEmulatedError:
        pass


def _not_cloned(value: Any) -> JsException:
    """V8's ``DataCloneError`` for ``value``, named as V8 prints it: a PyProxy of a callable
    ``function(){}``, any other PyProxy ``[object Object]``, a symbol ``Symbol(description)``
    (Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node; the symbol under wrangler dev 4.164.0)."""
    shown = (value.toString() if isinstance(value, JsSymbol)
             else "function(){}" if callable(value) else "[object Object]")
    return dom_exception(f"{shown} could not be cloned.", "DataCloneError")


def _lengthless_object(value: Any) -> bool:
    """Whether ``value`` is a plain JS object without a ``length``: ``Array.from`` of it is ``[]``
    and reads none of its properties, so nothing in it -- a keyword argument's PyProxy among
    them (``query(vector=..., filter={...})``) -- is converted or refused."""
    return type(value) is JsObject and "length" not in object.__getattribute__(value, "_props")


def _option_value(options: Any, key: str, nulls: Any) -> Any:
    """``options?.[key]`` of an options argument as JavaScript reads it (a dict's PyProxy: its
    keys from Pyodide 0.28 only)."""
    if isinstance(options, JsObject):
        return options._props.get(key)
    if isinstance(options, JsLiteralMap):
        return options.read_properties().get(key)
    if isinstance(options, dict) and reads_dict_keys(nulls):
        return options.get(key)
    return None


def rpc_argument(value: Any, where: str) -> Any:
    """One argument of a call across Workers RPC as the Python code on the other side receives
    it: the value structured-cloned, then ``to_py()`` by that code's SDK -- a ``Map`` (what the
    built-in SDK makes of a ``dict``) a ``dict``, at any depth, a ``Uint8Array`` (``bytes``
    sent) a ``memoryview``, and a ``Date``, ``Error``,
    ``Request``, ... what its default converter makes of it; a function the stub that calls it
    (services.py); the rest as :func:`to_plain`."""
    if sent_function(value):
        return FunctionStub(value)
    if isinstance(value, JsMap) and not isinstance(value, JsLiteralMap):
        return {rpc_argument(map_key_read(k), where): rpc_argument(v, where) for k, v in value._entries.items()}
    if isinstance(value, JsObject):
        return {k: rpc_argument(v, where) for k, v in value._props.items()}
    if isinstance(value, JsArray) and not all(type(v) in (int, float) for v in value._items):
        return [rpc_argument(v, where) for v in value._items]
    if isinstance(value, JsBufferSource):  # to_py() of a Uint8Array, an ArrayBuffer...: a memoryview
        return value.to_py()  # (Pyodide 0.26.0a4, 0.28.2, 314.0.6 measured; it was a list of ints)
    plain = to_plain(value, where=where)
    return from_rpc_default(plain) if isinstance(plain, (JsProxy, JsDate, JsOpaque)) else plain


def _undefined_arguments(plan: _Plan, js_args: list[Any], where: str = "call") -> list[Any]:
    """``js_args`` with Worker code's ``None`` -- ``undefined``, as Pyodide passes it -- where
    the binding tells it from ``null``: ``UNDEFINED`` at a parameter with a JavaScript default
    (``JS_DEFAULTED_ARGS``), which it takes; ``"undefined"`` where JSG reads a string
    (``JS_STRING_ARGS``): a present ``undefined`` is unwrapped like any value and V8's
    ``ToString`` makes it ``"undefined"`` (jsg ``type-wrapper.h`` refuses only an argument not
    passed; ``value.h`` ``StringWrapper``); ``JS_STRING_LIST_ARGS``, the arrays whose items
    JSG reads so (KV's key list: an item ``to_js`` made of ``None``). A Python container Pyodide
    hands over unconverted is its PyProxy, no Array to JSG (``IsArray()``): where JSG wants a
    string, its ``ToString`` -- Python's ``str()`` of it (KV's ``get(["a", "b"])`` reads the one key
    ``"['a', 'b']"``), with a ``PyProxyWarning``; at a ``JS_BODY_ARGS`` position, whose type also
    takes an object (KV ``put``'s value), the object itself, for the binding to judge. ``plan``
    (:class:`_Plan`) holds the positions; called only where one of the first three has some."""
    strings_at, lists_at, defaulted_at, bodies_at = plan.strings_at, plan.lists_at, plan.defaulted_at, plan.bodies_at
    read = list(js_args)
    for i, value in enumerate(read):
        if value is not None and type(value) in _NO_PROXY_TYPES:  # a key, a number: none of these
            continue
        if value is None and i in strings_at:
            read[i] = "undefined"
        elif value is None and i in defaulted_at:
            read[i] = UNDEFINED
        elif i in lists_at and type(value) is JsArray and not value._nulls and None in value._items:
            read[i] = JsArray(["undefined" if v is None else v for v in value._items])
        elif i in bodies_at and _unconverted_container(value):
            warn_pyproxy(
                f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}, as the value: "
                "an object, which is no string, ArrayBuffer, ArrayBufferView or ReadableStream; convert it with "
                "to_js()")
            read[i] = PyProxyArgument(value)
        elif i in strings_at and _unconverted_container(value):
            read[i] = _pyproxy_string(value, where)
    return read


def _pyproxy_string(value: Any, where: str) -> str:
    """V8's ``ToString`` of an unconverted Python container's PyProxy: Python's ``str()`` of it
    (measured: Pyodide 0.26.0a4, 0.28.2, 314.0.6 under Node), with a ``PyProxyWarning``."""
    text = python_str(value)
    shown = text if len(text) <= 60 else text[:57] + "..."
    bulk = " (not a list of keys: convert a list with to_js(keys))" if isinstance(value, (list, tuple)) else ""
    warn_pyproxy(
        f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}, where a string is "
        f"read: JavaScript reads the Python str() of it, {shown!r}{bulk}, in production too")
    return text


def _positions(declared: Any) -> tuple[int, ...]:
    """A binding's ``JS_*_ARGS`` entry for one method: no position, one, or several."""
    if declared is None:
        return ()
    return (declared,) if isinstance(declared, int) else tuple(declared)


#: the declarations :meth:`JsBinding._plan` reads, in the order the calls always read them:
#: the options argument (unless the class fixes it), the rest parameters, and -- for a method
#: without rest parameters -- the rest
_HEAD_TABLES = ("JS_OPTION_ARGS", "JS_REST_ARGS")
_REST_TABLE = ("JS_REST_ARGS",)
_ARG_TABLES = ("JS_JSON_ARGS", "JS_MAPPED_ARGS", "JS_ARRAY_FROM_ARGS", "JS_JSON_MEMBERS", "JS_OPTION_MEMBERS",
               "JS_STRING_MEMBERS", "JS_STRING_ARGS", "JS_STRING_LIST_ARGS", "JS_DEFAULTED_ARGS", "JS_BODY_ARGS")
#: what a declaration read may be for its plan to be kept: absent, or one of the tables _declared takes
_TABLE_TYPES = frozenset({type(None), tuple, list, set, frozenset, dict})
#: what a kept table may hold (at any depth): a copy of it is then plain data, compared by value
_TABLE_DATA = frozenset({str, int, bool, type(None), tuple, list, set, frozenset, dict})


#: the defaults of those reads, ``getattr(binding, name, None)`` in C (``map`` stops at the names' end)
_NONES = (None,) * len(_ARG_TABLES)
_repeat = itertools.repeat


def _table(value: Any, default: Any) -> Any:
    """A declaration as :func:`_declared` takes it: a table, else ``default``."""
    return value if isinstance(value, (tuple, list, set, frozenset, dict)) else default


def _same(kept: tuple[Any, ...], read: tuple[Any, ...]) -> bool:
    """Whether the declarations ``read`` equal the copy ``kept``: a value in them whose ``==``
    raises or answers no ``bool`` (a numpy array of positions) is a change (review92)."""
    try:
        return kept == read
    except Exception:  # noqa: BLE001 - whatever their == raises: a new plan, made as before plans were kept
        return False


def _kept_tables(tables: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A deep copy of the declarations read, to compare later reads with; ``None`` if one is not
    plain data of :data:`_TABLE_TYPES` -- a ``__getattr__``'s answer, a subclass of ``dict``,
    an object with an ``==`` of its own -- whose plan is then made afresh on every call."""
    if not _TABLE_TYPES.issuperset(map(type, tables)):
        return None
    todo = list(tables)
    for _ in range(_MOST_KEPT):
        if not todo:
            return copy.deepcopy(tables)
        value = todo.pop()
        if type(value) not in _TABLE_DATA:
            return None
        if type(value) is dict:
            todo.extend(value)
            todo.extend(value.values())
        elif type(value) in (tuple, list, set, frozenset):
            todo.extend(value)
    return None  # (a table holding itself, or one too big to be worth copying)


#: how many items the declarations of one method's plan may hold in all to be kept
_MOST_KEPT = 10_000


class _Plan:
    """One method's argument positions and option members, as its binding declares them
    (``JS_*_ARGS``, ``JS_*_MEMBERS``; :func:`_declared` reads of ``head`` and ``tail``, which
    :meth:`JsBinding._plan` read). ``special``: the positions another conversion than
    ``to_plain`` may take; ``undefined_read``: whether :func:`_undefined_arguments` has work."""

    __slots__ = ("at", "rest", "json_at", "mapped_at", "array_from_at", "json_members", "option_members",
                 "string_members", "strings_at", "lists_at", "defaulted_at", "bodies_at", "special", "undefined_read")

    def __init__(self, name: str, option_args: dict[str, int] | None, head: tuple[Any, ...], tail: tuple[Any, ...],
                 rest: bool):
        self.at = (option_args if option_args is not None else _table(head[0], {})).get(name)
        self.rest = rest
        if rest:
            return
        (json_args, mapped_args, array_from_args, json_members, option_members, string_members, string_args,
         string_list_args, defaulted_args, body_args) = (_table(t, {}) for t in tail)
        self.json_at = _positions(json_args.get(name))
        self.mapped_at = _positions(mapped_args.get(name))
        self.array_from_at = _positions(array_from_args.get(name))
        self.json_members = frozenset(json_members.get(name, ()))
        self.option_members = frozenset(option_members.get(name, ()))
        self.string_members = frozenset(string_members.get(name, ()))
        self.strings_at = _positions(string_args.get(name))
        self.lists_at = _positions(string_list_args.get(name))
        self.defaulted_at = _positions(defaulted_args.get(name))
        self.bodies_at = _positions(body_args.get(name))
        self.special = (*(() if self.at is None else (self.at,)), *self.json_at, *self.mapped_at, *self.array_from_at)
        self.undefined_read = bool(self.strings_at or self.lists_at or self.defaulted_at)


#: what reaches a binding as something other than the PyProxy of an object of attributes: JS
#: values (converted or workers-env's own), Python's primitives and the containers read otherwise
_NOT_READ_BY_ATTRIBUTES = (str, int, float, bool, list, tuple, set, frozenset, bytes, bytearray, memoryview, JsProxy,
                           ByteStream, PyProxyArgument, JsLiteralMapArgument, JsMapArgument, JsSet, JsDate, JsOpaque,
                           HttpResponse, JsNull)


def _read_by_attributes(value: Any) -> bool:
    """A Python object whose PyProxy JavaScript reads an options object of by its attributes:
    a dict subclass (the SDK's ``JsDict``, an ``OrderedDict``, a Worker's own), a
    ``SimpleNamespace``, an instance -- not an exact dict (whose keys Pyodide 0.28 reads)."""
    return value is not None and type(value) is not dict and (
        is_dict_subclass_proxy(value) or not isinstance(value, (dict, *_NOT_READ_BY_ATTRIBUTES)))


def _public_members(value: Any) -> list[str]:
    """The members an options object of ``value`` may give a binding whose members are not
    declared: its public attributes that are no methods and a mapping's string keys (read
    through a ``__getattr__``, or lost with a ``PyProxyWarning``)."""
    names = [n for n in dir(value) if not n.startswith("_") and not callable(getattr(value, n, None))]
    keys = [k for k in value if isinstance(k, str) and k not in names] if isinstance(value, Mapping) else []
    return names + keys


def _unconverted_container(value: Any) -> bool:
    """A Python container that reached JavaScript without ``to_js``: a PyProxy there."""
    return isinstance(value, PROXIED_TYPES) and not isinstance(value, JsProxy)


def rest_argument(value: Any, where: str) -> Any:
    """One argument of a JavaScript rest parameter as Pyodide hands it over: ``None`` is
    ``undefined``, an unconverted Python container a PyProxy, the rest as :func:`to_plain`."""
    if value is None:
        return UNDEFINED
    if _unconverted_container(value):
        return PyProxyArgument(value)
    return to_plain(value, where=where)
