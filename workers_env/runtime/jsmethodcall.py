"""Whether an attribute is being read for a method call (``obj.f(...)``), as Pyodide 0.28 tells.

From Pyodide 0.28 a JsProxy answers CPython's method lookup (``_PyObject_GetMethod``, the
``obj.f(...)`` form) apart from a plain read: a JS property that is no function -- a number, a
string, ``null``, a plain object -- is ``TypeError: Expected callable`` there, raised before the
arguments are evaluated (``src/core/jsproxy.c``, ``JsProxy_GetAttr_helper`` with ``is_method``;
real Pyodide 0.28.2 and 314.0.6), while ``f = obj.f; f()`` and ``getattr(obj, "f")()`` read it and
fail as Python's ``'int' object is not callable``; 0.26 has no such lookup. CPython gives a
``__getattr__`` no hook for the form, so the caller's current instruction tells it: ``LOAD_METHOD``
(3.11), or ``LOAD_ATTR`` with its method bit set (3.12 on).
"""

from __future__ import annotations

import dis
import sys
from types import FrameType

__all__ = ["loaded_as_method"]

_LOAD_METHOD = dis.opmap.get("LOAD_METHOD")  # 3.11
_LOAD_ATTR = dis.opmap["LOAD_ATTR"]
_METHOD_BIT = sys.version_info >= (3, 12)  # LOAD_ATTR's oparg low bit: load for a method call


def loaded_as_method(frame: FrameType | None) -> bool:
    """Whether ``frame`` is reading an attribute for a method call (``obj.f(...)``) right now."""
    if frame is None or frame.f_lasti < 0:
        return False
    code = frame.f_code.co_code
    at = frame.f_lasti
    if at + 1 >= len(code):
        return False
    op = code[at]
    if _METHOD_BIT:
        return op == _LOAD_ATTR and bool(code[at + 1] & 1)
    return op == _LOAD_METHOD
