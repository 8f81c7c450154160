"""The Worker whose code is running now, for the SDK names that reach it globally.

``from workers import env`` and the ``asgi`` bridge need the running Worker's env and era
while the stand-in modules are shared by every Worker of the process; each
:class:`~workers_env.runtime.scope.ImportScope` entry marks its Worker here.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import Context, ContextVar, copy_context
from dataclasses import dataclass, field
from typing import Any

from workers_env import _errors, _jsvalues
from workers_env.runtime import swallowed
from workers_env.runtime.byidentity import WeakIdentityDict, takes_weak_ref

__all__ = ["WorkerRuntime", "acting_for", "adopt_task", "as_worker", "caller_gone", "cancelling", "context_in", "counts_task", "current_context", "current_runtime",
           "flag_on", "handling", "note_starter",
           "pyodide_028", "request_tasks", "restore", "runtime_in", "scheduled_by", "set_current", "starting_runtime", "swap"]


@dataclass(frozen=True)
class WorkerRuntime:
    """What global SDK names read from the running Worker: its JS env and its era; and
    whether its Pyodide turns JavaScript ``null`` into ``None`` (0.26, before 2025-09-29)
    rather than ``jsnull`` (0.28 on)."""

    js_env: Any
    era: Any
    null_is_none: bool = False
    caches: Any = None  #: the Worker's ``caches`` (a :class:`~workers_env.runtime.cacheapi.JsCacheStorage`)
    #: whether ``Buffer`` and ``process`` are globals (``nodejs_compat`` from 2024-09-23, every date from 2026-08-04)
    node_globals: bool = True
    #: the ``CF-Worker`` header of its outgoing fetches (``None``: none, as outside a Worker)
    cf_worker: str | None = None
    #: ``brotli_content_encoding`` (on from 2024-04-29): ``br`` bodies are decoded and encoded as ``gzip`` ones
    brotli_content_encoding: bool = True
    #: ``fetch_standard_url`` (on from 2024-06-03): a Request's URL is parsed with the WHATWG
    #: parser; before it kept as given, and parsed by ``fetch`` with kj's (runtime/legacyurl.py)
    fetch_standard_url: bool = True
    #: ``strip_authorization_on_cross_origin_redirect`` (on from 2025-09-01): a redirect ``fetch``
    #: follows to another origin drops the request's ``Authorization``
    strip_authorization_on_redirect: bool = True
    #: ``fixup-transform-stream-backpressure`` (on from 2024-12-16): every write to a
    #: ``TransformStream`` waits for a read, not only the first
    transform_stream_backpressure: bool = True
    #: ``transformstream_enable_standard_constructor`` (on from 2022-11-30): ``new
    #: TransformStream()`` is the standard one, not an ``IdentityTransformStream``
    transform_stream_standard: bool = True
    #: ``enable_request_signal`` (no date): an incoming request's ``signal`` aborts when its
    #: client disconnects while the handler runs
    request_signal: bool = False
    #: ``request_signal_passthrough`` (no date): that signal reaches the request's subrequests
    request_signal_passthrough: bool = False
    #: ``internal_writable_stream_abort_clears_queue`` (on from 2024-09-02): an internal stream's
    #: ``abort()`` fails its waiting writes at once, not after the write in flight
    internal_abort_clears_queue: bool = True
    #: ``writable_stream_spec_compliant_writer`` (on from 2026-03-24): a ``TransformStream``
    #: writer's ``ready`` resolves at ``getWriter()`` and rejects at ``releaseLock()``, resolved or not
    writable_stream_spec_compliant_writer: bool = True
    #: ``pipe_to_backward_propagation`` (on from 2026-11-17): a ``pipeTo`` whose destination errors
    #: while it waits on the source rejects with that error; before it, the pipe resolves
    pipe_to_backward_propagation: bool = True
    #: ``spec_compliant_dispatch_exceptions`` (on from 2026-09-15): an ``AbortSignal``'s abort
    #: event reports a listener's error and runs the rest; before it, the error ends the
    #: dispatch and is thrown to ``abort()``
    spec_compliant_dispatch_exceptions: bool = True
    #: ``allow_eval_during_startup`` (on from 2025-06-01): JavaScript ``eval`` (``pyodide.code.run_js``)
    #: may run at a Worker's top level; while handling a request it never may
    eval_during_startup: bool = True
    #: the ``cache`` modes a Request init may name (``cache_option_enabled`` from 2024-11-11:
    #: ``no-store``; ``no-cache`` from 2025-08-07; ``reload`` with ``cache_reload_enabled``);
    #: None before ``cache_option_enabled``, where the member is refused and Request has no ``cache``
    cache_modes: frozenset[str] | None = frozenset({"no-store", "no-cache"})
    #: which files of its folder a deploy uploads (:class:`~workers_env.config.uploads.Uploads`; None: unchecked)
    uploads: Any = None
    #: ``pyodide.ffi.register_js_module``'s registry: name -> the JS object ``import name`` gives
    js_modules: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: ``pyodide.__version__`` of the Worker's Python release (``build/python_metadata.bzl``)
    pyodide_version: str = "0.28.2"
    #: workerd's enable flags and whether each is on (``_cloudflare_compat_flags``; None: unknown)
    compat_flags: dict[str, bool] | None = field(default=None, compare=False, repr=False)


_CURRENT: ContextVar[WorkerRuntime | None] = ContextVar("workers_env_current_worker", default=None)
_errors.worker_running = lambda: _CURRENT.get() is not None  # JsException's module, as Worker code sees it


def set_current(runtime: WorkerRuntime | None) -> None:
    """Mark ``runtime`` as running (``None``: no Worker) in this context, for good: each asyncio
    task keeps its own. Code that calls into a Worker uses :func:`swap` / :func:`restore`."""
    _CURRENT.set(runtime)


def swap(runtime: WorkerRuntime | None) -> WorkerRuntime | None:
    """Mark ``runtime`` as running in this context; returns the one it replaces, for
    :func:`restore`. The pair an import scope's entry and exit use, around each step of a
    Worker's code (a synchronous stretch: its exit runs in the context of its entry): no
    ContextVar token (so Worker code restoring a copied context's values, as asgiref's
    ``sync_to_async`` does, leaves nothing stale), no stack in the context."""
    previous = _CURRENT.get()
    if previous is not runtime:
        _CURRENT.set(runtime)
    return previous


def restore(previous: WorkerRuntime | None) -> None:
    """Undo a :func:`swap`: ``previous`` is the running Worker again (``None``: none)."""
    if _CURRENT.get() is not previous:
        _CURRENT.set(previous)


def as_worker(runtime: WorkerRuntime | None, call: Callable[..., Any], *args: Any) -> Any:
    """``call(*args)`` with ``runtime`` running, in a copy of the running context: for code that
    may run inside a garbage collection (a finalizer's report, a collected coroutine's close).
    CPython 3.11's ``ContextVar.set`` reads the context's mapping borrowed while it allocates the
    new one, and that allocation can start a collection: a finalizer setting a variable of the
    same context frees the mapping under it -- a segfault (python/cpython#148891; suitetime56's,
    in :func:`swap`). A copy's variables are its own; from 3.12 a collection waits for the next
    bytecode."""
    def run() -> Any:
        _CURRENT.set(runtime)
        return call(*args)

    return copy_context().run(run)


def current_runtime() -> WorkerRuntime | None:
    """The running Worker's runtime, or ``None`` outside Worker code."""
    return _CURRENT.get()


def starting_runtime() -> WorkerRuntime | None:
    """:func:`current_runtime`, or in a thread a Worker's code started (a library's: the Worker's
    own are refused, runtime/threadpool.py) that Worker's, noted by :func:`note_starter`."""
    runtime = _CURRENT.get()
    return runtime if runtime is not None else getattr(threading.current_thread(), "_workers_env_starter", None)


def note_starter(thread: threading.Thread) -> None:
    """``thread`` is being started: the running Worker's (if any) is its starter from now on."""
    runtime = starting_runtime()
    if runtime is not None:
        thread._workers_env_starter = runtime  # type: ignore[attr-defined]


def flag_on(name: str) -> bool:
    """Whether the running Worker has workerd's enable flag ``name`` on; outside Worker code
    (flags unknown), on: today's workerd at the newest date."""
    flags = getattr(current_runtime(), "compat_flags", None)
    return True if flags is None else bool(flags.get(name))


def pyodide_028() -> bool:
    """Whether the running Worker's Pyodide is 0.28 or later (compatibility dates from
    2025-09-29; outside Worker code, the newest): what ``null``, ``to_js(dict)``, a dict's
    PyProxy and ``pyodide.ffi.jsnull`` depend on."""
    runtime = _CURRENT.get()
    return runtime is None or not runtime.null_is_none


_errors.pyodide_028 = pyodide_028  # CPython 3.13's words in JsException(...)'s argument errors


def pyodide_029() -> bool:
    """Whether the running Worker's Pyodide is 0.29 or later -- the 314.0.x bundles of Python 3.14
    (``python_workers_314``, compatibility dates from 2026-09-08) -- where ``to_js(dict)`` makes
    a plain JS ``Object`` (pyodide#5912; workerd sets no ``toJsLiteralMap``). Outside Worker
    code, as in the 0.28 era (``pyodide.__version__`` is ``"0.28.2"`` there)."""
    runtime = _CURRENT.get()
    return runtime is not None and not runtime.pyodide_version.startswith("0.")


# a JavaScript BigInt reads as pyodide.ffi.JsBigInt from Pyodide 0.29 (pyodide#6022), as int before
_jsvalues.bigint_reads_as = lambda: _jsvalues.JsBigInt if pyodide_029() else int


_CONTEXT: ContextVar[Any] = ContextVar("workers_env_current_request", default=None)

# each NotEmulatedError is noted in the request whose code makes it (runtime/swallowed.py)
_errors.not_emulated_made = lambda error: swallowed.made(_CONTEXT.get(), error)


#: the tasks of each request or event: ``True`` for those its outcome waits for (the task
#: running its handler, while it does; a ``waitUntil``'s), ``False`` for others it started
#: (by identity: a ``ctx`` is a JsProxy, unhashable)
_TASKS: WeakIdentityDict[Any, weakref.WeakKeyDictionary[asyncio.Task[Any], bool]] = WeakIdentityDict()


def adopt_task(ctx: Any, task: asyncio.Task[Any], root: bool = False) -> None:
    """Count ``task`` as one of ``ctx``'s (``root``: one its outcome waits for), for the hang check."""
    try:
        tasks = _TASKS.setdefault(ctx, weakref.WeakKeyDictionary())
    except TypeError:  # a context object that takes no weak reference: not checked
        return
    tasks[task] = root or tasks.get(task, False)


def counts_task(ctx: Any, task: asyncio.Task[Any]) -> bool:
    """Whether ``task`` is already one of ``ctx``'s (see :func:`adopt_task`)."""
    try:
        tasks = _TASKS.get(ctx)
    except TypeError:
        return False
    return tasks is not None and task in tasks


def request_tasks(ctx: Any) -> dict[asyncio.Task[Any], bool]:
    """``ctx``'s tasks still running, each with whether its outcome is waited for."""
    try:
        tasks = _TASKS.get(ctx)
    except TypeError:
        return {}
    if not tasks:
        return {}
    # read from a copy of the weak dict's own: no pair made per task (thousands, each hang check)
    pairs = tasks.data.copy()  # type: ignore[attr-defined]  # weakref -> root, the weak dict's own store
    return {task: root for ref, root in pairs.items() if (task := ref()) is not None and not task.done()}


def caller_gone() -> bool:
    """Whether the ``CancelledError`` being handled is the request's task being cancelled --
    its caller went away (a dev client hanging up, a ``worker.fetch`` given up) -- rather than
    one the handler's own code raised (it awaited a task it had cancelled): that is the handler
    failing, for which workerd leaves the signal alone (``loggedExceptionEarlier``)."""
    return cancelling()


def cancelling() -> bool:
    """Whether the running task is being cancelled (``Task.cancelling()``)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


@contextmanager
def handling(ctx: Any) -> Iterator[None]:
    """Mark ``ctx`` (the ``ExecutionContext`` of one request or event) as the running one while
    its handler runs; tasks it starts keep it (``cloudflare:workers``' ``waitUntil``), and the
    running task counts as the request's own while it does."""
    token = _CONTEXT.set(ctx)
    try:
        task = asyncio.current_task()
    except RuntimeError:
        task = None
    if task is not None and ctx is not None:
        already = request_tasks(ctx).get(task)
        adopt_task(ctx, task, root=True)
    try:
        yield
    except BaseException as exc:  # the handler's outcome: shown, whatever it was raised from
        swallowed.escaped(exc)
        raise
    finally:
        _CONTEXT.reset(token)
        if task is not None and ctx is not None and already is None:
            tasks = _TASKS.get(ctx) if takes_weak_ref(ctx) else None
            if tasks is not None:
                tasks.pop(task, None)


@contextmanager
def acting_for(ctx: Any) -> Iterator[None]:
    """Mark ``ctx`` as the running request while code of it runs on another's behalf (a
    stream's ``pull`` called by the task reading the body): the timers and tasks it starts are
    ``ctx``'s, as in workerd, where that code runs in the stream's IoContext."""
    token = _CONTEXT.set(ctx)
    try:
        yield
    finally:
        _CONTEXT.reset(token)


#: workerd's error for I/O outside a handler (``IoContext::current()``, io-context.c++)
GLOBAL_SCOPE_ERROR = ("Disallowed operation called within global scope. Asynchronous I/O (ex: fetch() or connect()), "
                      "setting a timeout, and generating random values are not allowed within global scope. To fix "
                      "this error, perform this operation within a handler. https://developers.cloudflare.com/"
                      "workers/runtime-apis/handlers/")


def in_global_scope() -> bool:
    """Whether Worker code runs outside any request or event: its module's top level."""
    return _CURRENT.get() is not None and _CONTEXT.get() is None


def current_context() -> Any:
    """The ``ExecutionContext`` of the request or event being handled, or ``None``."""
    return _CONTEXT.get()


def scheduled_by(ctx: Any, handles: Iterable[asyncio.Handle]) -> list[asyncio.Handle]:
    """Those of ``handles`` (asyncio's, each with the copy of the context vars it was scheduled
    with) still pending that code of request ``ctx`` scheduled: one read of each handle's context,
    as a loop's whole heap of timers is walked so (runtime/timers.py)."""
    var = _CONTEXT
    return [handle for handle in handles
            if handle._context.get(var) is ctx and not handle._cancelled]  # type: ignore[attr-defined]


def runtime_in(context: Context) -> WorkerRuntime | None:
    """The Worker running in ``context`` (an asyncio handle's copy of the context vars: the Worker
    whose code scheduled the callback), or ``None``."""
    return context.get(_CURRENT)


def context_in(context: Context) -> tuple[Any, bool]:
    """What ``context`` (the copy of the context vars a callback was scheduled with: an asyncio
    handle's) says of its code: the ``ExecutionContext`` of its request or event (``None``
    outside one), and whether it is a Worker's code (a request's, or a module's top level)."""
    request = context.get(_CONTEXT)
    return request, request is not None or context.get(_CURRENT) is not None
