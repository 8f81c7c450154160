"""A CPython stand-in for the Python Workers runtime: load a worker file and call it.

``load_worker`` imports the ``main`` file of a wrangler config with stand-in ``workers``,
``js`` and ``pyodide.ffi`` modules (installed only while the worker's code runs) and
returns a :class:`Worker` whose ``fetch`` drives the worker's fetch handler.
"""

from workers_env.runtime.loader import ExecutionContext, Worker, load_worker

__all__ = ["ExecutionContext", "Worker", "load_worker"]
