"""A CPython stand-in for the Python Workers runtime: load a worker file and call it.

``load_worker`` imports the ``main`` file of a wrangler config with stand-in ``workers``,
``js``, ``asgi`` and ``pyodide.ffi`` modules (installed only while the worker's code runs)
and returns a :class:`Worker` whose ``fetch``, ``scheduled`` and ``queue`` drive the
worker's handlers. ``js`` and ``to_js`` are the stand-ins' ``js`` module and
``pyodide.ffi.to_js``, for tests that call a built-in-SDK era ``env`` directly
(``to_js(vectors, dict_converter=js.Object.fromEntries)``).

The names are imported on first use (PEP 562), all of them together in one order: a module of
the package imported alone (``workers-env validate`` reads :mod:`.eras`) loads only what it
needs, where importing the package took ~0.6 s of CPU (the loader, the Web APIs, the stand-ins).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workers_env.runtime.email_events import EmailResult, MissingEmailHandler
    from workers_env.runtime.events import QueueMessage, QueueResult, ScheduledResult
    from workers_env.runtime.jsconvert import to_js
    from workers_env.runtime.loader import ExecutionContext, HandlerCancelledError, Worker, load_worker
    from workers_env.runtime.timezone import production_timezone

    js: Any

__all__ = ["EmailResult", "ExecutionContext", "HandlerCancelledError", "MissingEmailHandler", "QueueMessage", "QueueResult", "ScheduledResult", "Worker", "js", "load_worker",
           "production_timezone", "to_js"]


def _load() -> None:
    """The package's names, imported in the order the package always imported them."""
    from workers_env.runtime.email_events import EmailResult, MissingEmailHandler
    from workers_env.runtime.events import QueueMessage, QueueResult, ScheduledResult
    from workers_env.runtime.jsconvert import to_js
    from workers_env.runtime.loader import ExecutionContext, HandlerCancelledError, Worker, load_worker
    from workers_env.runtime.standins import standin_modules
    from workers_env.runtime.timezone import production_timezone

    globals().update(EmailResult=EmailResult, MissingEmailHandler=MissingEmailHandler, QueueMessage=QueueMessage,
                     QueueResult=QueueResult, ScheduledResult=ScheduledResult, to_js=to_js,
                     ExecutionContext=ExecutionContext, HandlerCancelledError=HandlerCancelledError, Worker=Worker,
                     load_worker=load_worker, standin_modules=standin_modules,
                     production_timezone=production_timezone, js=standin_modules()["js"])


def __getattr__(name: str) -> Any:
    if name in __all__ or name == "standin_modules":
        _load()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
