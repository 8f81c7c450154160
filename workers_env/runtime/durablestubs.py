"""A Durable Object stub's ``id`` and ``name``, which workerd gives every stub beside its RPC methods.

workerd's ``DurableObject`` (``src/workerd/api/actor.h``) is ``JSG_INHERIT(Fetcher)`` with
``JSG_READONLY_INSTANCE_PROPERTY(id, getId)`` and ``(name, getName)``: own, enumerable properties
(``Object.keys(stub)`` is ``["name", "id"]``) that come before an RPC method of either name; ``name``
is the id's (``id->getName()``): the name given to ``idFromName``/``getByName``, ``undefined`` for an
id from ``newUniqueId``/``idFromString`` (wrangler dev 4.164.0,
tools/wrangler/durable_object_stub_names_probe.py). The stub you supply stands for one: workers-env
answers these from what the Worker handed your namespace -- ``get(id)``'s id, ``getByName(name)``'s
name and your ``idFromName(name)`` for its id -- unless your stub has the attribute itself.
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import NotEmulatedError

__all__ = ["STUB_PROPERTIES", "note_namespace_call", "stub_property"]

#: the stub's own properties (actor.h), in ``Object.keys`` order
STUB_PROPERTIES = ("name", "id")

#: the namespace methods whose result is a stub, and those whose result is an id with no name
_STUB_MAKERS = frozenset({"get", "getByName", "getExisting"})
_UNNAMED_IDS = frozenset({"newUniqueId", "idFromString"})

#: the plain ids' names a namespace keeps (the newest): enough for any request's, bounded for a long session
_KEPT_NAMES = 4096

#: what an id's name is not known: neither made by this namespace nor carrying a ``name``
_UNKNOWN: Any = object()


def _remember(namespace: Any, ident: Any, name: str | None) -> None:
    """Note ``ident``'s name on it (a JS object the namespace returned) or, for a plain value
    (your ``idFromName`` may return a string), in the namespace, by value."""
    try:
        object.__setattr__(ident, "_workers_env_id_name", name)
    except (AttributeError, TypeError):
        names = namespace.__dict__.setdefault("_id_names", {})
        try:
            names[ident] = name
        except TypeError:  # unhashable: its name stays unknown
            return
        if len(names) > _KEPT_NAMES:  # a long dev session's names: the oldest go
            del names[next(iter(names))]


def _name_of_id(namespace: Any, ident: Any) -> Any:
    """The name of ``ident``: noted when this namespace made it, else the id's own ``name``."""
    name = getattr(ident, "__dict__", {}).get("_workers_env_id_name", _UNKNOWN)
    if name is _UNKNOWN:
        try:
            name = namespace.__dict__.get("_id_names", {}).get(ident, _UNKNOWN)
        except TypeError:
            name = _UNKNOWN
    if name is _UNKNOWN:
        own = getattr(getattr(ident, "__dict__", {}).get("_binding"), "name", _UNKNOWN)
        name = _UNKNOWN if callable(own) else own
    return name


def note_namespace_call(namespace: Any, method: str, args: list[Any], result: Any) -> None:
    """What a Durable Object namespace's ``method(*args)`` made: an id's name, or where a stub came from."""
    if method == "idFromName" and args and isinstance(args[0], str):
        _remember(namespace, result, args[0])
    elif method in _UNNAMED_IDS:
        _remember(namespace, result, None)
    elif method in _STUB_MAKERS and getattr(result, "_js_class", None) == "DurableObject":
        result.__dict__["_stub_origin"] = (namespace, method, args[0] if args else None)


def stub_property(stub: Any, prop: str) -> Any:
    """``stub.id`` / ``stub.name`` of a supplied Durable Object stub (a ``JsBinding``)."""
    own = getattr(stub.__dict__.get("_binding"), prop, _UNKNOWN)
    if own is not _UNKNOWN and not callable(own):  # your stub says it: yours
        return own
    namespace, method, arg = stub.__dict__.get("_stub_origin", (None, None, None))
    if namespace is not None:
        value = _from_origin(stub, namespace, method, arg, prop)
        if value is not _UNKNOWN:
            return value
    raise NotEmulatedError(
        f"{stub._name} stub's {prop!r} is not emulated by workers-env here: production gives every Durable Object "
        f"stub its DurableObjectId as `id` and that id's name (from idFromName/getByName, else undefined) as `name`, "
        f"before any RPC method of that name, and workers-env could not tell {'it' if prop == 'id' else 'the name'} "
        f"from what the Worker handed the namespace. Give the stub your namespace returns a `{prop}` attribute")


def _from_origin(stub: Any, namespace: Any, method: str, arg: Any, prop: str) -> Any:
    """``prop`` from the namespace call that made ``stub``; ``_UNKNOWN`` when that cannot tell."""
    cache = stub.__dict__.setdefault("_stub_properties", {})
    if prop in cache:  # read once: the same object each time, as JavaScript's stub.id === stub.id
        return cache[prop]
    if method == "getByName":
        if prop == "name":
            value = arg if isinstance(arg, str) else _UNKNOWN
        elif hasattr(namespace._binding, "idFromName"):
            value = namespace.idFromName(arg)  # your namespace's id for that name
        else:
            value = _UNKNOWN
    else:
        value = arg if prop == "id" else _name_of_id(namespace, arg)
    if value is not _UNKNOWN:
        cache[prop] = value
    return value
