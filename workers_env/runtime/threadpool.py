"""anyio's thread pool as a Python Worker has it: there are no threads in production.

Pyodide cannot start a thread (``RuntimeError: can't start new thread``), so Starlette's and
FastAPI's ``run_in_threadpool`` -- every plain ``def`` route, sync dependency, ``FileResponse``,
``UploadFile`` over 1 MiB -- fails there, unless the Worker runs the external
``workers-runtime-sdk`` 1.6.11 or later, which patches ``anyio.to_thread.run_sync`` to call the
function inline (``_workers_sdk_package_patches.py``). :func:`install` gives ``anyio.to_thread``
the same behaviour for calls made from Worker code (a request or event being handled); other
callers, test code included, keep anyio's threads.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from workers_env.runtime.current import current_context, current_runtime

__all__ = ["INLINE_FROM", "install"]

#: the workers-runtime-sdk release whose patch runs ``anyio.to_thread.run_sync`` inline
INLINE_FROM = (1, 6, 11)
NO_THREADS = "can't start new thread"


def _inline(era: Any) -> bool:
    return era is not None and era.sdk_at_least(INLINE_FROM)


def install() -> None:
    """Wrap ``anyio.to_thread.run_sync`` (once; nothing when anyio is not installed)."""
    try:
        to_thread: Any = importlib.import_module("anyio.to_thread")  # patched below
    except ImportError:
        return
    original = to_thread.run_sync
    if getattr(original, "workers_env_original", None) is not None:
        return

    async def run_sync(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if current_context() is None:  # not Worker code: anyio's own thread pool
            return await original(func, *args, **kwargs)
        if _inline(getattr(current_runtime(), "era", None)):
            return func(*args)  # the SDK's patch: "the workers runtime is single threaded"
        raise RuntimeError(NO_THREADS)  # what starting anyio's worker thread raises in Pyodide

    run_sync.workers_env_original = original  # type: ignore[attr-defined]
    run_sync.__doc__ = original.__doc__
    to_thread.run_sync = run_sync
