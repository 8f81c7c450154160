"""The proxies Pyodide destroyed behind the code's back: a generator's or iterator's borrowed
items and a destroyed object's borrowed attributes, each reading as Pyodide's error."""

from __future__ import annotations

from typing import Any

__all__ = [
    "DestroyedAttribute",
    "ExhaustedIteratorItem",
    "DestroyedProxy",
]


#: what JavaScript reading a PyProxy destroyed by Python's iteration of the JS array holding it
#: throws (Pyodide 0.28.2 under Node, not in debug mode, as production runs it)
ITERATED_PROXY = ("This borrowed proxy was automatically destroyed at the end of a generator\n"
                  "For more information about the cause of this error, use `pyodide.setDebug(true)`")
#: workers-env's note on that error: Pyodide's text says nothing of the cause or the fix
ITERATED_PROXY_NOTE = ("workers-env: a to_js([...]) array of Python objects (the SDK's wrapped D1 statements, "
                       "say) was passed to a binding; the SDK checks each argument by iterating it, which "
                       "destroys the proxies of those objects before the binding reads them (in production "
                       "too): pass the Python list itself -- self.env.DB.batch([stmt1, stmt2]), not "
                       "batch(to_js([...])) as Cloudflare's D1 docs write it for the built-in SDK")


class DestroyedProxy:
    """A PyProxy item of a JS array that Python code iterated before handing the array on (the
    SDKs' ``_raise_on_disabled_type`` iterates every iterable argument of a binding call):
    Pyodide destroys the proxy of each item the iteration converted back to its Python object,
    so the JavaScript that later reads the item throws :data:`ITERATED_PROXY`."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        return f"<destroyed PyProxy of {type(self.value).__name__}>"


BORROWED_ATTRIBUTE = ("This borrowed attribute proxy was automatically destroyed in the process of destroying the "
                      "proxy it was borrowed from. Try using the 'copy' method.\n"
                      "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class DestroyedAttribute:
    """What ``Object.assign(o, d)`` copies for a key of the Python dict ``d`` named like a dict
    attribute (``items``, ``keys``, ``get`` ...) from Pyodide 0.28: JavaScript read the dict's
    PyProxy's property, which is that bound method's proxy, destroyed with the dict's borrowed
    proxy when the call returned, so reading it (``o.items``, ``JSON.stringify(o)``,
    ``o.to_py()``) throws :data:`BORROWED_ATTRIBUTE` (0.28.2 under Node)."""

    __slots__ = ()
    message = BORROWED_ATTRIBUTE

    def __repr__(self) -> str:
        return "<destroyed borrowed attribute proxy>"


EXHAUSTED_ITERATOR = ("This borrowed proxy was automatically destroyed when an iterator was exhausted.\n"
                      "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class ExhaustedIteratorItem(DestroyedAttribute):
    """An item ``Array.from`` took from a Python list or tuple (a PyProxy there) that is a Python
    container: the proxy Pyodide made for it was borrowed from the list's iterator and destroyed
    when the iterator was exhausted, so reading it, ``to_py()``, ``repr`` and ``JSON.stringify``
    throw :data:`EXHAUSTED_ITERATOR` (0.26.0a4 and 0.28.2 under Node; 0.28.2's item read is a
    ``SystemError``)."""

    __slots__ = ()
    message = EXHAUSTED_ITERATOR

    def __repr__(self) -> str:
        return "<destroyed proxy of an exhausted iterator's item>"
