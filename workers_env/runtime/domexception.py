"""``DOMException``: the error workerd's Web APIs throw (``AbortError``, ``TimeoutError``,
``DataCloneError``, ...), as Python Worker code sees one -- a ``JsException`` whose ``name``,
``message`` and legacy ``code`` are workerd's (measured under ``wrangler dev`` 4.164.0:
``new DOMException('m', 'TimeoutError').code`` is 23, an unknown name's 0).

The constructor takes ``(message = "", name = "Error")``, each converted with ``String()`` (an
options object is no name: ``String({...})``, as workerd's jsg constructor reads it); the
``INDEX_SIZE_ERR`` ... ``DATA_CLONE_ERR`` constants are on the class and its instances.
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.jsbase import js_text

__all__ = ["LEGACY_CODES", "DOMExceptionClass", "dom_exception"]

#: the DOM standard's legacy ``code`` of each error name that has one (dom-exception.c++'s table)
LEGACY_CODES = {
    "IndexSizeError": 1, "HierarchyRequestError": 3, "WrongDocumentError": 4, "InvalidCharacterError": 5,
    "NoModificationAllowedError": 7, "NotFoundError": 8, "NotSupportedError": 9, "InUseAttributeError": 10,
    "InvalidStateError": 11, "SyntaxError": 12, "InvalidModificationError": 13, "NamespaceError": 14,
    "InvalidAccessError": 15, "TypeMismatchError": 17, "SecurityError": 18, "NetworkError": 19, "AbortError": 20,
    "URLMismatchError": 21, "QuotaExceededError": 22, "TimeoutError": 23, "InvalidNodeTypeError": 24,
    "DataCloneError": 25,
}

#: the class's constants, in workerd's order (``Object.getOwnPropertyNames(DOMException)``)
CONSTANTS = {
    "INDEX_SIZE_ERR": 1, "DOMSTRING_SIZE_ERR": 2, "HIERARCHY_REQUEST_ERR": 3, "WRONG_DOCUMENT_ERR": 4,
    "INVALID_CHARACTER_ERR": 5, "NO_DATA_ALLOWED_ERR": 6, "NO_MODIFICATION_ALLOWED_ERR": 7, "NOT_FOUND_ERR": 8,
    "NOT_SUPPORTED_ERR": 9, "INUSE_ATTRIBUTE_ERR": 10, "INVALID_STATE_ERR": 11, "SYNTAX_ERR": 12,
    "INVALID_MODIFICATION_ERR": 13, "NAMESPACE_ERR": 14, "INVALID_ACCESS_ERR": 15, "VALIDATION_ERR": 16,
    "TYPE_MISMATCH_ERR": 17, "SECURITY_ERR": 18, "NETWORK_ERR": 19, "ABORT_ERR": 20, "URL_MISMATCH_ERR": 21,
    "QUOTA_EXCEEDED_ERR": 22, "TIMEOUT_ERR": 23, "INVALID_NODE_TYPE_ERR": 24, "DATA_CLONE_ERR": 25,
}


def dom_exception(message: str, name: str = "Error") -> JsException:
    """A ``DOMException`` as Pyodide hands it to Python: a ``JsException`` with ``name``,
    ``message`` and ``code`` (the name's legacy code, else 0)."""
    error = JsException(message, name=name)
    error.code = LEGACY_CODES.get(name, 0)  # type: ignore[attr-defined]
    return error


class DOMExceptionClass:
    """``DOMException`` itself: ``new`` makes one, the constants are its attributes."""

    def __init__(self) -> None:
        for key, value in CONSTANTS.items():
            setattr(self, key, value)

    @staticmethod
    def new(message: Any = None, name: Any = None, *_ignored: Any) -> JsException:
        return dom_exception("" if message is None else js_text(message), "Error" if name is None else js_text(name))
