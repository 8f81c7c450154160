"""Python containers JavaScript holds as PyProxies: which dict attributes a PyProxy shows, how
bindings read a PyProxy handed as options or JSON (this Pyodide's rules), and the notes
they leave."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from typing import Any

from workers_env._deep import ROOMY_FROM, deeper
from workers_env._errors import JsException, PyProxyWarning, caller_level
from workers_env._jsvalues import JsDict, JsLiteralMapArgument, JsMapArgument, JsSet, JsTypedArray
from workers_env.runtime.current import pyodide_028
from workers_env.runtime.jsconvert import _proxy_from_entries, era_hint, to_js, with_imports
from workers_env.runtime.jsproxy import JsObject
from workers_env.runtime.jstopy import NULL_AS_NONE
from workers_env.runtime.pytypeslots import pyproxy_length, type_has, type_name

__all__ = [
    "DICT_ATTRIBUTES",
    "PROXIED_TYPES",
    "is_container_subclass_proxy",
    "is_dict_subclass_proxy",
    "is_python_container",
    "pyproxy_json",
    "pyproxy_attributes",
    "pyproxy_options",
    "pyproxy_own",
    "reads_dict_keys",
]


#: the names a dict's PyProxy answers with its own attributes before its items (Pyodide 0.28)
#: names a dict's PyProxy answers with the dict's own attribute (a method), not an item
DICT_ATTRIBUTES = frozenset(dir(dict))

#: the JavaScript methods of a dict's PyProxy (``get``, ``toJs`` ...): ``Object.assign`` reads a
#: key of these names as that method (a function, which ``JSON.stringify`` leaves out)
PYPROXY_DICT_METHODS = frozenset({"get", "set", "has", "delete", "toString", "destroy", "copy", "toJs",
                                  "constructor", "valueOf"})


def reads_dict_keys(nulls: Any = True) -> bool:
    """Whether JavaScript reads a Python dict's keys through its PyProxy: from Pyodide 0.28
    (compatibility dates from 2025-09-29) a property read falls back to ``__getitem__``
    (pyodide#5674) and the keys are its own enumerable properties; on 0.26 a PyProxy's
    properties are only the dict's attributes. ``nulls`` names the Pyodide as
    :func:`from_plain` does (``True``: the running Worker's; the newest outside one)."""
    if nulls is True:
        return pyodide_028()
    return nulls != NULL_AS_NONE


def is_python_container(value: Any) -> bool:
    """A Python dict, list or tuple (a ``JsDict`` result too): what reaches JavaScript as a
    PyProxy when not converted -- not the JS values workers-env models on those types (a
    ``Set``, a typed array, a ``Map`` result)."""
    return type(value) in (dict, list, tuple, JsDict)


def is_dict_subclass_proxy(value: Any) -> bool:
    """A dict of a subclass -- the external SDK's ``JsDict`` binding results, ``OrderedDict``,
    ``defaultdict``, ``Counter``, a Worker's own -- which JavaScript holds as a PyProxy that
    Pyodide gives neither JSON keys nor own properties (``pyproxy_getflags`` takes the dict
    path for an exact ``dict`` only); not workers-env's own stand-ins for JS ``Map`` arguments."""
    return isinstance(value, dict) and type(value) is not dict \
        and not isinstance(value, (JsLiteralMapArgument, JsMapArgument))


def is_container_subclass_proxy(value: Any) -> bool:
    """A Python container of a subclass that ``JSON.stringify`` meets as a PyProxy: a dict
    subclass (:func:`is_dict_subclass_proxy`), or a list or tuple subclass of the Worker's or
    the standard library's (a ``namedtuple``), which Pyodide writes as it writes a list (its
    sequence flags come from the type) -- not workers-env's own JS values built on ``list``
    (a ``Set``, a typed array)."""
    return is_dict_subclass_proxy(value) or isinstance(value, (list, tuple)) \
        and type(value) not in (list, tuple) and not isinstance(value, (JsSet, JsTypedArray))


def _keyless_dict_json(value: dict[Any, Any], where: str) -> Any:
    """``JSON.stringify`` of a dict subclass's PyProxy (:func:`is_dict_subclass_proxy`): ``{}``
    in every release (0.26.0a4, 0.28.2, 314.0.6 under Node) -- its ``toJSON`` is looked up as a
    Python attribute (so a ``__getattr__`` raising ``KeyError`` raises it, as there) and called
    when it is a function -- with a warning, as production drops the data silently."""
    to_json = getattr(value, "toJSON", None)
    if callable(to_json):
        return to_json("")
    warn_pyproxy(
        f"a Python {type(value).__name__} (a dict subclass) reached JavaScript as a PyProxy in this {where}: Pyodide "
        f"gives JSON keys to a plain dict only, so production writes {{}} for it, and so does workers-env. Write its "
        f"JSON with json.dumps(value), or convert it with to_js(value, dict_converter=Object.fromEntries)")
    return JsObject({})


def pyproxy_json(value: Any, where: str, nulls: Any = True) -> Any:
    """An unconverted Python container that JavaScript ``JSON.stringify``s (a PyProxy: in
    ``JSON.stringify(d)``, ``Response.json(d)``, a raw Queue's ``send(d)``), as the JS value
    whose JSON production writes: on Pyodide 0.28 a dict's keys (``None`` values and keys named
    like dict methods dropped, as JavaScript's ``undefined`` and functions are), a list of
    numbers and strings its JSON (``bytes`` its byte values; a set or memoryview ``{}``), a list
    holding any such container Pyodide's borrowed-proxy error
    (0.28.2 under Node); on 0.26 ``{}`` for either, with a warning -- production's 0.26.0a2, as
    0.26.0a4 under Node, predates the proxies' JSON support (pyodide 5679e7ca6, 0.26.0a5)."""
    if isinstance(value, dict) and is_dict_subclass_proxy(value):
        return _keyless_dict_json(value, where)
    if isinstance(value, dict):
        if not reads_dict_keys(nulls):
            warn_pyproxy(
                f"a Python dict reached JavaScript as a PyProxy in this {where}: JSON.stringify sees none of "
                f"its keys on this Pyodide, so production writes {{}}, and so does workers-env. Convert it with "
                f"to_js(value, dict_converter=Object.fromEntries)")
            return JsObject({})
        return to_js(_stringified_dict(value, where), dict_converter=_proxy_from_entries)
    if not reads_dict_keys(nulls):  # production's 0.26.0a2 predates the list proxy's JSON (0.26.0a5)
        warn_pyproxy(
            f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}: JSON.stringify "
            f"writes {{}} for it on this Pyodide (0.26), and so does workers-env. Convert it with to_js(value)")
        return JsObject({})
    if isinstance(value, (bytes, bytearray)):
        return to_js(list(value))  # a sequence of its byte values
    if not isinstance(value, (list, tuple)):  # a set, frozenset, memoryview: no JSON of its own
        return JsObject({})
    return to_js(_stringified_list(value))  # of numbers and strings: its JSON (None is null in an array)


#: the Python values Pyodide hands JavaScript as PyProxies (not converted implicitly)
PROXIED_TYPES = (dict, list, tuple, set, frozenset, bytes, bytearray, memoryview)


def _stringified_list(value: list[Any] | tuple[Any, ...]) -> list[Any]:
    """A list's PyProxy under ``JSON.stringify``: its items, unless one is a container -- the
    proxy of an item read after the list's iterator is exhausted is already destroyed."""
    if any(isinstance(item, PROXIED_TYPES) for item in value):
        raise JsException("This borrowed proxy was automatically destroyed when an iterator was exhausted.\n"
                          "For more information about the cause of this error, use `pyodide.setDebug(true)`")
    return list(value)


def _stringified_dict(value: dict[Any, Any], where: str, level: int = 1) -> dict[str, Any]:
    """What ``JSON.parse(JSON.stringify(p))`` gives for a dict's PyProxy ``p`` on Pyodide 0.28:
    its string keys but those named like a dict method (a function there), and its whole-number
    keys from 0 to 2**53 - 2 as their digits (:data:`_LAST_INT_KEY`), ``None`` values
    dropped (``undefined``), nested dicts alike (a dict subclass ``{}``), and lists of scalars
    (whose ``None`` is ``null``). ``level``: how deep ``value`` is (the depth limit of
    :mod:`workers_env._deep`)."""

    def inner(item: Any) -> Any:
        if is_dict_subclass_proxy(item):
            return _keyless_dict_json(item, where)
        if isinstance(item, dict):
            return _stringified_dict(item, where, level + 1)
        if isinstance(item, (list, tuple)):
            return _stringified_list(item)
        if isinstance(item, (bytes, bytearray)):
            return list(item)
        if isinstance(item, (set, frozenset, memoryview)):
            return {}
        return item

    def walk() -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k in value:
            if type(k) is int and 0 <= k < _LAST_INT_KEY:
                name = str(k)  # the proxy lists a whole number key as its digits, where it stands
            elif isinstance(k, str):
                name = k
            else:
                continue  # a negative, float, bool, None or tuple key is not listed
            if name in out or name in DICT_ATTRIBUTES:
                continue
            v = value[name] if name in value else value[k]  # read by its name: a str key first
            if v is not None:
                out[name] = inner(v)
        return out

    return walk() if level < ROOMY_FROM else deeper(level, "JSON.stringify()", walk)


#: the whole-number keys a dict's PyProxy lists (0.28.2 and 314.0.6 under Node: 0 to 2**53 - 2,
#: in insertion order, a str key of the same digits read first; a negative one, 2**53 - 1 and
#: beyond are left out, as are float, bool, None and tuple keys)
_LAST_INT_KEY = 2**53 - 1


#: the PyProxy's own JavaScript properties a read of that name answers before any key or
#: attribute, in every Pyodide (measured under Node: 0.26.0a4, 0.28.2, 314.0.6): its Python
#: type's ``tp_name`` (``dict``, ``MyDict``, ``collections.OrderedDict``) and -- for a type with
#: ``__len__`` (Pyodide's ``HAS_LENGTH``) -- its len(); on any other type ``length`` is an attribute
PYPROXY_OWN_PROPERTIES = {"type": type_name, "length": pyproxy_length}


def _own_properties(value: Any, names: Iterable[str]) -> dict[str, Any]:
    """Those of ``names`` a PyProxy of ``value`` answers as its own properties (see above)."""
    return {name: PYPROXY_OWN_PROPERTIES[name](value) for name in sorted(set(names) & PYPROXY_OWN_PROPERTIES.keys())
            if name == "type" or type_has(type(value), "__len__")}


def pyproxy_options(value: dict[str, Any], where: str, defaults: str = "", nulls: Any = True,
                    reads: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A Python ``dict`` handed to JavaScript as an options/init object (a PyProxy) as
    JavaScript reads it. Pyodide 0.28 on: its keys, except those named like a dict attribute
    (``get``, ``items``, ``keys`` ...: those read the method; a ``PyProxyWarning`` says so).
    Pyodide 0.26: none of its keys -- the defaults apply, with a ``PyProxyWarning`` naming the
    keys production ignores (none for an empty dict). ``reads``: the members the JavaScript
    reads; those named like the PyProxy's own ``type`` and ``length`` are those properties
    (``"dict"``, its length), present or not as keys, in every era, with a ``PyProxyWarning``."""
    own = pyproxy_own(value, reads, where)
    keys = _pyproxy_keys({k: v for k, v in value.items() if k not in own}, where, defaults, nulls)
    return {**keys, **own}


def pyproxy_own(value: Any, reads: Iterable[str], where: str, keywords: bool = True) -> dict[str, Any]:
    """Those of ``reads`` JavaScript reads of a Python object's PyProxy as the PyProxy's own
    properties (:data:`PYPROXY_OWN_PROPERTIES`: ``type`` is ``"dict"`` for a dict, ``length`` its
    len()), whatever it holds, in every era, with a ``PyProxyWarning`` (``keywords``: whether
    keyword arguments are a way out, as for an options object last among the arguments)."""
    own = _own_properties(value, reads)
    if own:
        warn_pyproxy(
            f"a Python {type(value).__name__} reached JavaScript as a PyProxy as the {where}: JavaScript reads its "
            f"{', '.join(f'{k} as the PyProxy own property, {v!r}' for k, v in own.items())}, whatever the "
            f"{'dict' if type(value) is dict else 'object'} holds, in production too. Convert it with "
            f"to_js({'value' if type(value) is dict else 'a dict of its members'}, dict_converter=Object.fromEntries)"
            f"{' or pass keyword arguments' if keywords else ''}")
    return own


def _pyproxy_keys(value: dict[str, Any], where: str, defaults: str, nulls: Any) -> dict[str, Any]:
    """The keys of ``value`` JavaScript reads through its PyProxy in this Pyodide (see above)."""
    if reads_dict_keys(nulls):
        shadowed = [k for k in value if k in DICT_ATTRIBUTES]
        if shadowed:
            warn_pyproxy(
                f"a Python dict reached JavaScript as a PyProxy as the {where}: its keys {', '.join(shadowed)} "
                "read as the dict's methods of those names, not as the values (Pyodide's property access tries "
                "attributes first). Convert it with to_js(value, dict_converter=Object.fromEntries)")
        return {k: v for k, v in value.items() if isinstance(k, str) and k not in DICT_ATTRIBUTES}
    if value:
        warn_pyproxy(
            f"a Python dict reached JavaScript as a PyProxy as the {where}: production reads none of its keys "
            f"({', '.join(map(str, value))}), so the defaults apply{f' ({defaults})' if defaults else ''}, here too. "
            f"Convert it with to_js(value, dict_converter=Object.fromEntries) or pass keyword arguments")
    return {}


def pyproxy_attributes(value: Any, names: Iterable[str], where: str, defaults: str = "") -> dict[str, Any]:
    """A Python object other than an exact ``dict`` -- an ``OrderedDict``, a ``defaultdict``, a
    ``Mapping`` of the Worker's, a ``SimpleNamespace``, a list -- handed to JavaScript as an
    init or options object: a PyProxy whose properties are the object's attributes (Pyodide's
    property read is ``getattr``, in every era; the item fallback of 0.28 is an exact dict's
    alone), so each of ``names`` JavaScript reads is that attribute when there is one -- a
    ``JsDict``'s keys too, through its ``__getattr__``; an error other than ``AttributeError``
    propagates -- but ``type`` and (with ``__len__``) ``length``, the PyProxy's own
    (:func:`pyproxy_own`). A mapping's keys that no attribute gives are not read, with a
    ``PyProxyWarning``."""
    names = list(names)
    read = pyproxy_own(value, names, where, keywords=False)  # {} and no warning when none is its own
    for name in names:
        if name in read:
            continue
        try:
            read[name] = getattr(value, name)
        except AttributeError:
            pass
    if isinstance(value, Mapping):
        lost = [str(k) for k in value if k not in read]
        if lost:
            warn_pyproxy(
                f"a Python {type(value).__name__} reached JavaScript as a PyProxy as the {where}: production reads "
                f"its attributes, not its keys ({', '.join(lost)}), so the defaults apply"
                f"{f' ({defaults})' if defaults else ''}, here too (only an exact dict's keys are read, from Pyodide "
                f"0.28). Convert it with to_js(dict(value), dict_converter=Object.fromEntries)")
    return read


def pyodide_flags(value: Any, is_dict_flag: bool = True) -> int:
    """The ``flags`` Pyodide gives ``value``'s PyProxy (pyproxy.c ``type_getflags``): bits for
    the protocols its type has -- ``__len__`` 1, ``__getitem__`` 2, ``__setitem__`` 4,
    ``__contains__`` 8, iterable 16 (an iterator 32 instead), awaitable 64, a buffer 128,
    callable 256, async iterable 512 (iterator 1024), a generator 2048, an async generator
    4096, a ``Sequence`` 8192, a ``MutableSequence`` 16384 -- and 131072 for an exact ``dict``
    from Pyodide 0.28 (``is_dict_flag``; measured: a dict's 131103 on 0.28.2 and 314.0.6, 31 on
    0.26.0a4, a list's 24607, a tuple's 8219, a set's 25, a generator's 2080, a function's 256)."""
    import collections.abc as abc

    kind = type(value)

    def has(name: str) -> bool:
        return type_has(kind, name)

    flags = sum(bit for bit, name in ((1, "__len__"), (2, "__getitem__"), (4, "__setitem__"), (8, "__contains__"))
                if has(name))
    if has("__iter__") or has("__getitem__"):
        flags |= 32 if has("__next__") else 16
    elif has("__next__"):
        flags |= 32
    if has("__await__"):
        flags |= 64
    try:
        memoryview(value).release()
        flags |= 128
    except TypeError:
        pass
    if callable(value):
        flags |= 256
    if has("__aiter__"):
        flags |= 1024 if has("__anext__") else 512
    if isinstance(value, abc.Generator):
        flags |= 2048
    if isinstance(value, abc.AsyncGenerator):
        flags |= 4096
    if flags & 27 == 27 and isinstance(value, abc.Sequence):  # length, get, contains, iterable
        flags |= 8192 | (16384 if isinstance(value, abc.MutableSequence) else 0)
    if kind is dict and is_dict_flag:
        flags |= 131072
    return flags


#: the PyProxyWarnings said while a binding call's arguments are read: its error carries them
PYPROXY_NOTES: ContextVar[list[str] | None] = ContextVar("workers_env_pyproxy_notes", default=None)


def warn_pyproxy(message: str) -> None:
    """A :class:`PyProxyWarning` pointed at the Worker's line, kept for the call's error too:
    the service's refusal ("required properties ... 'text'") is what the user sees first --
    once: every dict of a list of vectors says the same, and the error says it one time. In a
    binding call it names the external SDK as a way out (:func:`era_hint`), whose wrappers
    convert a binding's arguments; not in a call to a JavaScript API (``js.Response.new``,
    ``js.fetch``, an ``EventTarget``), which the SDK hands nothing to convert."""
    notes = PYPROXY_NOTES.get()
    message = with_imports(message) + (era_hint() if notes is not None else "")
    if notes is not None and message not in notes:
        notes.append(message)
    warnings.warn(message, PyProxyWarning, stacklevel=caller_level())
