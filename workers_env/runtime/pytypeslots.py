"""What Pyodide's PyProxy of a Python object answers of its type: its own ``type`` (the type's
C ``tp_name``), its own ``length`` (``len()``, where ``Py_ssize_t`` is 32 bits) and which slots
the type has (looked up as ``type_getflags`` does). No imports of workers-env's own: the
PyProxy's readers (jspyproxies, the ``create_proxy`` handles of jsfunctions) both use it."""

from __future__ import annotations

from typing import Any

__all__ = ["pyproxy_length", "type_has", "type_name"]


def type_name(value: Any) -> str:
    """The C ``tp_name`` of ``value``'s type, which a PyProxy's ``type`` property answers
    (Pyodide's ``_pyproxy_type``): a class's ``__name__`` for one defined in Python (``MyDict``,
    ``Counter``), the dotted name of a C type outside ``builtins`` (``collections.OrderedDict``,
    ``types.SimpleNamespace``). CPython words it in ``object.__format__``'s refusal alone, cut
    at 200 characters (``%.200s``): a longer one is a class's whole ``__name__`` (measured: a
    250-character class name is the ``type`` of its PyProxy whole in Pyodide 0.26.0a4, 0.28.2
    and 314.0.6)."""
    kind = type(value)
    try:
        object.__format__(value, "x")
    except TypeError as error:
        text = str(error)
        start, end = text.find(" passed to ") + len(" passed to "), text.rfind(".__format__")
        if start >= len(" passed to ") and end > start:
            name = text[start:end]
            return kind.__name__ if len(name) >= 200 and kind.__name__.startswith(name) else name
    return kind.__name__  # (not reached on CPython 3.11 to 3.14)


#: Pyodide's ``Py_ssize_t`` is 32 bits (wasm32): a ``__len__`` above this is an OverflowError there
_WASM32_SSIZE_MAX = 2**31 - 1


def pyproxy_length(value: Any) -> int:
    """A PyProxy's own ``length``: ``len(value)`` as Pyodide's ``PyObject_Size`` gives it, where
    ``Py_ssize_t`` is 32 bits, so a ``__len__`` answering more than ``2**31 - 1`` is CPython's
    ``OverflowError`` (measured: ``2**40`` in Pyodide 0.26.0a4, 0.28.2 and 314.0.6); an error
    of ``__len__`` propagates as it does there."""
    size = len(value)
    if size > _WASM32_SSIZE_MAX:
        raise OverflowError("cannot fit 'int' into an index-sized integer")
    return size


def type_has(kind: type, name: str) -> bool:
    """Whether the type ``kind`` itself has the slot ``name`` (``__len__``, ``__iter__``...), as
    Pyodide's ``type_getflags`` looks it up: in the classes of its MRO, not on its metaclass --
    an ``Enum`` member's class has ``EnumType``'s ``__len__`` and ``__iter__`` as attributes, yet
    its PyProxy has neither ``length`` nor ``Symbol.iterator`` (Pyodide 0.26.0a4 and 314.0.6)."""
    return any(vars(klass).get(name) is not None for klass in kind.__mro__)
