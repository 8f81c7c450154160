"""Classes Worker code sees under production's module name: the Python SDK's ``JsDict`` (a converted
result), ``FormData``, ``Blob``, ``Request``, ``Response``, the entry-point base classes and the
wrappers ``self.env`` hands out, whose module depends on the Worker's SDK release.

One metaclass, :class:`SdkType`, for them all. A class says in its body what it shows -- data the
metaclass takes out of the body, so no class (nor a ``JsDict``'s keys read as attributes) has it:
``_sdk_class = True``, the module the running Worker's SDK defines a class of that name in (which
runtime/sdknames.py, knowing the eras, works out: :func:`name_sdk_classes_by`); ``_sdk_class = "a.b"``,
always that module; ``_shown_as``, a name shown instead of its own. A subclass Worker code derives
keeps its own module, as in production.

How: the class's own ``__module__`` entry is a :class:`ShownModule`, which Python asks for the
class's ``__module__`` as well as for an instance's -- a metaclass's own ``__module__`` is a plain
``str``, no data descriptor, so nothing stands before it. No ``__getattribute__`` slows each read of
a class attribute, and no ``__module__`` property stands in the metaclass's own place, so ``help()``,
``repr`` and ``inspect.getmodule`` of the metaclass and its classes work (review84, meta55). A class
made by ``type(name, bases, namespace)`` gets its caller's module, as ``type()`` gives a plain class
(production's SDK classes are plain), not this module's (leftovers56).
"""

from __future__ import annotations

import copyreg
import sys
from abc import ABCMeta
from collections.abc import Callable
from typing import Any

from workers_env._errors import class_named, reduce_class  # how an SDK class pickles (as a JS value's, a JsException's)

__all__ = ["SdkClass", "SdkType", "ShownModule", "class_named", "name_sdk_classes_by"]

#: the module the running Worker's SDK defines the SDK class of a name in (``None``: none, so the
#: class shows workers-env's own); runtime/sdknames.py, which knows the eras, sets it
_namer: Callable[[str], str | None] | None = None


def name_sdk_classes_by(namer: Callable[[str], str | None]) -> None:
    """Let ``namer`` name the module of each ``_sdk_class = True`` class, by its name (runtime/sdknames.py)."""
    global _namer
    _namer = namer


class ShownModule:
    """An SDK class's ``__module__`` entry: the module production shows, as the class
    (``type(x).__module__``, ``repr(type(x))``) and as its instances (``x.__module__``) read it.
    ``own``: the module that defines the class here; ``fixed``: the one it always shows, or
    ``None``: the running Worker's SDK decides."""

    __slots__ = ("own", "fixed")

    def __init__(self, own: str, fixed: str | None = None):
        self.own = own
        self.fixed = fixed

    def __get__(self, instance: object, owner: type | None = None) -> str:
        if self.fixed is not None:
            return self.fixed
        cls = owner if owner is not None else type(instance)
        shown = _namer(cls.__name__) if _namer is not None else None
        return shown or self.own


class SdkType(type):
    """Metaclass of the classes Worker code sees under production's module name (see the module's
    text). Their own module and name stay in ``_own_name``, which ``pickle`` finds a class by
    (the module it shows is none here)."""

    _own_name: tuple[str, str]

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> Any:
        namespace = dict(namespace)
        sdk = namespace.pop("_sdk_class", None)
        shown = namespace.pop("_shown_as", None)
        if "__module__" not in namespace:  # ``type(name, (JsDict,), {})``: the caller's module, as type() gives
            namespace["__module__"] = sys._getframe(1).f_globals.get("__name__", "")  # a plain class (not this one's)
        own = namespace["__module__"]
        if sdk and isinstance(own, str):
            namespace["__module__"] = ShownModule(own, sdk if isinstance(sdk, str) else None)
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        type.__setattr__(cls, "_own_name", (own.own if isinstance(own, ShownModule) else own, cls.__qualname__))
        if shown:
            type.__dict__["__name__"].__set__(cls, shown)
            type.__dict__["__qualname__"].__set__(cls, shown)
        return cls

    def __repr__(cls) -> str:
        # type's own repr reads the __module__ entry as stored, a ShownModule: only the name
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"


class SdkClass(SdkType, ABCMeta):
    """:class:`SdkType` for the SDK classes that are abstract base classes' (``FormData`` is a
    ``MutableMapping``) or are checked against them."""


def _reduce_class(cls: SdkType) -> str | tuple[Any, tuple[str, str]]:
    """``pickle`` of an SDK class (and so of an instance) by the module and name that define it
    here: the production name it shows is no module locally, which ``pickle`` would import."""
    return reduce_class(cls, *cls._own_name)


copyreg.pickle(SdkType, _reduce_class)  # type: ignore[arg-type]  # copyreg looks up the exact type
copyreg.pickle(SdkClass, _reduce_class)  # type: ignore[arg-type]
