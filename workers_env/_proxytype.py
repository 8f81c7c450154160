"""The metaclass of the classes of JS values as Worker code sees them: each named ``pyodide.ffi.JsProxy``,
as Pyodide's one C type is, with its ``pickle`` reduction.

Below _jsvalues.py (its ``JsSet``) and runtime/jsbase.py's proxy classes, which both build on it;
it needs nothing of the values themselves.
"""

from __future__ import annotations

import copyreg
import sys
from typing import Any

from workers_env._errors import reduce_class, worker_code

__all__ = ["PyodideProxyType", "reduce_by_own_name"]


class PyodideProxyType(type):
    """The class of a JS value as Worker code sees it: Pyodide gives every JS value one C type,
    ``pyodide.ffi.JsProxy``, so ``type(x).__name__`` is ``"JsProxy"``, ``repr(type(x))`` is
    ``<class 'pyodide.ffi.JsProxy'>`` (``__module__`` ``pyodide.ffi``, ``__qualname__``
    ``JsProxy``: the type's dotted C name split as CPython splits it; real Pyodide 0.26.0a4 and
    0.28.2, tools/pyodide group "type-names") and Python's own TypeErrors name
    ``'pyodide.ffi.JsProxy'`` -- Worker code compares ``str(type(x))`` with that text (pyodide
    #4010). A Python class cannot give both from ``__name__`` alone (error texts read the C-level
    type name, which ``__name__`` also sets), so the C-level name is set to
    ``pyodide.ffi.JsProxy`` and ``__name__`` answered here. workers-env's own module and class
    name stay in ``_own_name``, for debugging and tools, and for ``pickle``, which finds the class
    by them (``pyodide.ffi`` is no module outside a Worker). The metaclass of runtime/jsbase.py's
    proxy classes builds on it, and of :class:`JsSet`, a ``list`` underneath."""

    _own_name: tuple[str, str]
    #: a Python class, as Pyodide's ``pyodide.ffi`` ones are, no JS value's: Worker code's
    #: (``class MyProxy(JsProxy)``), runtime/jsabc.py's ``JsArray`` and the like, and their
    #: subclasses (see :meth:`__new__`)
    _python_class = False

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> Any:
        """A class without ``__weakref__``, as Pyodide's C type takes no weak reference
        (``TypeError: cannot create weak reference to 'pyodide.ffi.JsProxy' object``; real Pyodide
        0.26.0a4, 0.28.2 and 314.0.6, tools/pyodide group ``weakref-of-js-values``): a class that
        names no ``__slots__`` gets a ``__dict__`` (its root's one slot) and nothing more, and a
        root a ``_weak_life`` slot, where workers-env's own weak references hold on
        (runtime/byidentity.py :func:`weak_ref`). A class Worker code makes (``class
        MyProxy(JsProxy)``, or of one so made) is a subclass of Pyodide's Python class
        ``pyodide.ffi.JsProxy`` there: it keeps its own name and module (``<class
        'entry.MyProxy'>``) and cannot be instantiated (``TypeError: MyProxy cannot be
        instantiated.``: Pyodide's ``JsProxy.__new__``; real 0.26.0a4, 0.28.2, 314.0.6, group
        ``ffi-subclasses``); which values and classes it matches, runtime/jsbase.py's metaclass says."""
        if any(isinstance(base, PyodideProxyType) and not base._python_class and "_open_base" not in vars(base)
               for base in bases) and worker_code(sys._getframe(1)):
            raise _concrete_base(bases)
        made = namespace.get("_python_class") or any(getattr(base, "_python_class", False) for base in bases) \
            or worker_code(sys._getframe(1))
        if made:
            namespace = {**namespace, "_python_class": True}
            namespace.setdefault("__new__", _cannot_be_instantiated)
        if "__slots__" not in namespace:
            root = not any(isinstance(base, PyodideProxyType) for base in bases)
            has_dict = any(base.__dictoffset__ for base in bases)
            namespace["__slots__"] = (() if has_dict else ("__dict__",)) + (("_weak_life",) if root else ())
        return super().__new__(mcs, name, bases, namespace, **kwargs)

    def __init__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any):
        super().__init__(name, bases, namespace, **kwargs)
        type.__setattr__(cls, "_own_name", (namespace.get("__module__", ""), cls.__qualname__))
        if cls.__dict__.get("_python_class"):  # a Python class (Worker code's own): its own names
            return
        type.__dict__["__name__"].__set__(cls, "pyodide.ffi.JsProxy")  # the C-level name error texts use
        type.__dict__["__qualname__"].__set__(cls, "JsProxy")
        type.__dict__["__module__"].__set__(cls, "pyodide.ffi")

    @property
    def __name__(cls) -> str:  # type: ignore[override]
        return type.__dict__["__name__"].__get__(cls) if cls._python_class else "JsProxy"


def _concrete_base(bases: tuple[type, ...]) -> TypeError:
    """Worker code's class with a JS value's own class among its bases (``class X(type(js_obj))``):
    Pyodide's C type of a JS value takes no subclass -- CPython's ``TypeError: type
    'pyodide.ffi.JsProxy' is not an acceptable base type`` (real 0.26.0a4, 0.28.2, 314.0.6, for an
    object, array, function, buffer, Map, iterator or PyProxy alike; group ``ffi-concrete-subclasses``);
    only ``pyodide.ffi.JsProxy`` itself (``_open_base``) and the Python classes take one."""
    return TypeError("type 'pyodide.ffi.JsProxy' is not an acceptable base type")


def _cannot_be_instantiated(cls: type, *args: Any, **kwargs: Any) -> Any:
    """``__new__`` of the Python classes (Worker code's subclasses of ``JsProxy``, ``pyodide.ffi.JsArray``
    and the like): Pyodide's ``JsProxy.__new__`` refuses all but its own internal calls."""
    raise TypeError(f"{cls.__name__} cannot be instantiated.")


def reduce_by_own_name(cls: PyodideProxyType) -> str | tuple[Any, tuple[str, str]]:
    """``pickle``'s reduction of a JS value's class, registered per metaclass (copyreg looks up
    the exact type)."""
    return reduce_class(cls, *cls._own_name)


copyreg.pickle(PyodideProxyType, reduce_by_own_name)  # type: ignore[arg-type]
