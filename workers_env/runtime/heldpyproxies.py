"""The PyProxies JS containers hold: which Python values a JS object, array or Map holds as
their PyProxy once Python code stores them (:func:`is_stored_as_proxy`), and the error reading
one raises after Pyodide destroyed it, borrowed for a call (:class:`Borrow`,
:func:`borrowed_error`). Separate from :mod:`.jsproxy`, whose marks (``proxied_by``,
``read_stored``) use these: they need no JS value class, and :mod:`.jsmapkeys`, ``jsjson``,
``jsevents`` and ``timers`` ask them without the proxies."""

from __future__ import annotations

from typing import Any

from workers_env._errors import JsException
from workers_env._jsvalues import JsDict

__all__ = ["Borrow", "borrowed_error", "is_stored_as_proxy"]


#: the Python values a JS container holds as PyProxies when Python code stores them (to_js
#: converts none of them implicitly) and that binding data would read as JS objects otherwise
_PROXIED_TYPES = (dict, list, tuple, JsDict, bytes, bytearray)


def is_stored_as_proxy(value: Any) -> bool:
    """A Python value that JavaScript holds as its PyProxy once Python code stores it in a JS
    object, array or Map, and that Python reads back as the object itself: a container
    (:func:`is_python_container`) or a ``bytes``/``bytearray``."""
    return type(value) in _PROXIED_TYPES


_BORROWED_CALL = ("This borrowed proxy was automatically destroyed at the end of a function call. "
                  "Try using create_proxy or create_once_callable.\n"
                  "For more information about the cause of this error, use `pyodide.setDebug(true)`")
_BORROWED_NEW = ("This borrowed proxy was automatically destroyed. Try using create_proxy or create_once_callable.\n"
                 "For more information about the cause of this error, use `pyodide.setDebug(true)`")
_BORROWED_ASYNC_CALL = ("This borrowed proxy was automatically destroyed at the end of an asynchronous function "
                        "call. Try using create_proxy or create_once_callable.\n"
                        "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class Borrow:
    """The proxies Pyodide borrows for one call's keyword arguments (:func:`keyword_object`), as a
    mark's flag (:func:`_mark`): false -- live -- until :func:`release_keyword_object` ends
    them; a mark copied to another container (``Object.assign(o, kwargs)``) shares it, so the
    copy ends with them, as the one PyProxy both hold does."""

    __slots__ = ("message",)

    def __init__(self) -> None:
        self.message: str | None = None

    def __bool__(self) -> bool:
        return self.message is not None


def borrowed_error(flag: Any) -> JsException:
    """The error reading a destroyed borrowed proxy raises, for a mark's flag: ``True`` (a JS
    function's argument) or an ended :class:`Borrow` (a live one, never asked, the call's)."""
    message = flag.message if isinstance(flag, Borrow) else None
    return JsException(_BORROWED_CALL if message is None else message)
