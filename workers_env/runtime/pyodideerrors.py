"""JavaScript errors as Worker code catches them: ``pyodide.ffi.JsException`` (:func:`as_pyodide_error`).

Every JavaScript error reaches Python as one class in production; workers-env gives each of its
error classes a face of that name, made once per class, that pickles as the face again. Apart
from the binding objects, which name their errors so, because the loader names errors so too.
"""

from __future__ import annotations

import copyreg
from typing import Any

from workers_env._errors import JsException, _JsExceptionType

__all__ = ["as_pyodide_error"]


_PYODIDE_FACES: dict[type, type] = {}


class _PyodideFace(_JsExceptionType):
    """The metaclass of :func:`as_pyodide_error`'s classes: one pickles as the face of the class
    it shows (:func:`_pyodide_face`), as ``pyodide.ffi`` is no module outside a Worker."""


def _pyodide_face(cls: type) -> type:
    """The subclass of ``cls`` (a :class:`JsException` class) that Worker code sees, named
    ``pyodide.ffi.JsException``: one per class, made on first use (and when unpickled)."""
    face = _PYODIDE_FACES.get(cls)
    if face is None:
        face = _PYODIDE_FACES.setdefault(cls, _PyodideFace("JsException", (cls,), {
            "__module__": "pyodide.ffi", "__qualname__": "JsException",
            "__doc__": None}))  # no docstring, as Pyodide's (0.26.0a4, 0.28.2, 314.0.6)
    return face


def _reduce_face(face: type) -> tuple[Any, tuple[type]]:
    return _pyodide_face, (face.__bases__[0],)


copyreg.pickle(_PyodideFace, _reduce_face)  # type: ignore[arg-type]


def as_pyodide_error(error: JsException) -> JsException:
    """``error`` as Worker code catches it in production: every JavaScript error reaches Python
    as ``pyodide.ffi.JsException``, so a binding's :class:`VectorizeError`, :class:`AiError` or
    plain :class:`JsException` (D1's, KV's) takes a subclass named ``JsException`` in module
    ``pyodide.ffi`` (``type(e).__name__`` as production logs it; still an instance of its own
    class, with its attributes and traceback; it pickles, and unpickles as that face again)."""
    cls = type(error)
    if type(cls) is _PyodideFace or cls.__dict__.get("__module__") == "pyodide.ffi":  # named so already
        return error
    error.__class__ = _pyodide_face(cls)
    return error
