"""The root of the JavaScript values Python Worker code holds: Pyodide's ``JsProxy`` base,
``jsnull``, and the ``TypeError`` JavaScript raises (what :mod:`.jsproxy` and
:mod:`.jsbuffers` build on)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workers_env._errors import JsException

__all__ = ["JsProxy", "JsHostObject", "JsNull", "jsnull", "js_type_error"]


def js_type_error(message: str) -> JsException:
    """A JS ``TypeError`` as Python code sees it (``pyodide.ffi.JsException``)."""
    return JsException(message, name="TypeError")


class _Constructor:
    """What ``proxy.constructor`` reads as: only ``.name`` is used by worker code and the SDK."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"[Function: {self.name}]"


class JsProxy:
    """Base class of every JS value held from Python (``pyodide.ffi.JsProxy``)."""

    _js_name = "Object"
    typeof = "object"

    @property
    def constructor(self) -> _Constructor:
        return _Constructor(self._js_name)

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """Convert to Python the way Pyodide does (objects to ``dict``, arrays to ``list``)."""
        return self

    def __repr__(self) -> str:
        return f"[object {self._js_name}]"


class JsHostObject(JsProxy):
    """A JS object backed by a binding's Python object (a binding, a D1 statement).

    Passed back into a binding call it arrives there as that Python object again.
    """

    _target: Any


class JsNull:
    """JavaScript ``null`` (Pyodide's ``jsnull``); ``None`` stands for ``undefined``."""

    _instance: JsNull | None = None

    def __new__(cls) -> JsNull:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "jsnull"


jsnull = JsNull()
