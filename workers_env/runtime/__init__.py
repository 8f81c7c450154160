"""A CPython stand-in for the Python Workers runtime: load a worker file and call it.

``load_worker`` imports the ``main`` file of a wrangler config with stand-in ``workers``,
``js``, ``asgi`` and ``pyodide.ffi`` modules (installed only while the worker's code runs)
and returns a :class:`Worker` whose ``fetch``, ``scheduled`` and ``queue`` drive the
worker's handlers. ``js`` and ``to_js`` are the stand-ins' ``js`` module and
``pyodide.ffi.to_js``, for tests that call a built-in-SDK era ``env`` directly
(``to_js(vectors, dict_converter=js.Object.fromEntries)``).
"""

from workers_env.runtime.email_events import EmailResult, MissingEmailHandler
from workers_env.runtime.events import QueueMessage, QueueResult, ScheduledResult
from workers_env.runtime.jsconvert import to_js
from workers_env.runtime.loader import ExecutionContext, HandlerCancelledError, Worker, load_worker
from workers_env.runtime.standins import standin_modules
from workers_env.runtime.timezone import production_timezone

js = standin_modules()["js"]

__all__ = ["EmailResult", "ExecutionContext", "HandlerCancelledError", "MissingEmailHandler", "QueueMessage", "QueueResult", "ScheduledResult", "Worker", "js", "load_worker",
           "production_timezone", "to_js"]
