"""``pyodide.http``'s errors -- ``AbortError``, ``HttpStatusError`` and ``BodyUsedError``, Pyodide
0.28's -- each as the running Worker's Pyodide defines it (:func:`http_error`): the 314.0.x
bundles' classes of ``pyodide.http._exceptions``, which pickle as Pyodide's do.

Separate from the code that raises them (a ``FetchResponse``'s reads, ``pyfetch``), which imports
them and which they need none of; the ``pyodide.http`` stand-in (runtime/standins.py) hands them out.
"""

from __future__ import annotations

from typing import Any, TypeVar

from workers_env.runtime.current import pyodide_029

__all__ = ["AbortError", "BodyUsedError", "HttpStatusError", "http_error"]


class AbortError(OSError):
    """``pyodide.http.AbortError(reason)`` (Pyodide 0.28): how ``pyfetch`` -- and so ``workers.fetch``
    -- raises what JavaScript's ``fetch`` threw, and a read of an aborted response its signal's
    reason (the error's ``message``); the built-in SDK's patched ``pyfetch`` of Pyodide 0.26
    raises a plain ``OSError`` (workerd ``_workers.py``)."""

    __module__ = "pyodide.http"

    def __init__(self, reason: Any) -> None:
        super().__init__(reason.message)


class HttpStatusError(OSError):
    """``pyodide.http.HttpStatusError`` (Pyodide 0.28): ``raise_for_status()`` of a 4xx or 5xx."""

    __module__ = "pyodide.http"

    def __init__(self, status: int, status_text: str, url: str) -> None:
        self.status, self.status_text, self.url = status, status_text, url
        kind = "Client" if status < 500 else "Server"
        super().__init__(f"{status} {kind} Error: {status_text} for url: {url}")


class BodyUsedError(OSError):
    """``pyodide.http.BodyUsedError`` (Pyodide 0.28): a ``FetchResponse`` body read twice."""

    __module__ = "pyodide.http"

    def __init__(self, *args: Any) -> None:
        super().__init__("Response body is already used")


_Cls = TypeVar("_Cls")


def _in_the_314_package(cls: type[_Cls], module: str = "pyodide.http._exceptions") -> type[_Cls]:
    """``cls`` as the 314.0.x bundles' Pyodide defines it (compatibility dates from 2026-09-08),
    where ``pyodide.http`` is a package and its errors come from ``pyodide.http._exceptions`` --
    their module, so a traceback's last line reads ``pyodide.http._exceptions.AbortError: ...``
    (npm pyodide 314.0.6 measured under Node) -- and ``FetchResponse`` from ``._pyfetch``: a
    subclass, so an ``except`` or ``isinstance`` of either catches it. An error pickles as
    Pyodide's does (``tools/pyodide`` group ``http-error-classes``), by way of its class here, as
    no ``pyodide.http._exceptions`` module is there to import it from."""
    made: dict[str, Any] = {"__module__": module, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__,
                            "__slots__": ()}
    if issubclass(cls, BaseException):
        made["__reduce__"] = _reduce_314
    return type(cls.__name__, (cls,), made)


def _reduce_314(error: BaseException) -> tuple[Any, ...]:
    return (_made_314, (type(error).__name__, error.args), error.__dict__ or None)


def _made_314(name: str, args: tuple[Any, ...]) -> OSError:
    """A pickled 314.0.x ``pyodide.http`` error made again (``AbortError``'s fails as Pyodide's:
    its ``args`` hold the text, not the JavaScript error it was made of)."""
    return next(made for made in _IN_314.values() if made.__name__ == name)(*args)


_HttpError = TypeVar("_HttpError", bound=OSError)

#: each of ``pyodide.http``'s errors and its 314.0.x form (:func:`_in_the_314_package`)
_IN_314: dict[type[OSError], type[OSError]] = {cls: _in_the_314_package(cls)
                                               for cls in (AbortError, HttpStatusError, BodyUsedError)}


def http_error(cls: type[_HttpError]) -> type[_HttpError]:
    """``pyodide.http``'s error class ``cls`` as the running Worker's Pyodide defines it (its
    module: ``pyodide.http``, ``pyodide.http._exceptions`` from the 314.0.x bundles); chosen where
    it is raised, as the traceback a dev server logs is written after the Worker's code ran."""
    return _IN_314[cls] if pyodide_029() else cls  # type: ignore[return-value]
