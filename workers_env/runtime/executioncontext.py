"""``ctx``: a request's :class:`ExecutionContext`, the ``waitUntil`` work it keeps running, and
the running of the Worker's code as the request's.

Its ``waitUntil`` tasks are awaited and their failures logged as production logs them; the
request ends (its JS timers with it) once its response is out and that work is done, or is cut
off with the runtime. Apart from the loaded :class:`~workers_env.runtime.loadedworker.Worker`, which
makes one per request or event and runs its handlers in it (:func:`_worker_code`).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from workers_env.runtime import swallowed
from workers_env.runtime.current import adopt_task, caller_gone, request_tasks
from workers_env.runtime.handlererrors import _own_cancel, uncaught
from workers_env.runtime.jsbase import JsProxy
from workers_env.runtime.jsproxy import from_plain
from workers_env.runtime.scope import ImportScope
from workers_env.runtime.tasks import ScopedCoroutine, in_scope
from workers_env.runtime.thrownerror import keeps_error_names
from workers_env.runtime.timers import end_request
from workers_env.runtime.tracebacks import without_our_frames


log = logging.getLogger("workers_env.worker")


class ExecutionContext(JsProxy):
    """``ctx``: ``waitUntil`` keeps work running after the response; tasks are awaited by
    :meth:`_drain`, and :meth:`_finish` ends the request (its pending JS timers with it). To
    Worker code a JavaScript object, as workerd's ``ExecutionContext`` is in Pyodide: a
    ``JsProxy`` (``type(ctx)`` is ``pyodide.ffi.JsProxy``)."""

    _js_name = "ExecutionContext"

    def __init__(self, scope: ImportScope) -> None:
        self._scope = scope
        self._tasks: list[asyncio.Future[Any]] = []
        self._pass_through_on_exception = False
        self.props: Any = from_plain({})  # workerd's default props: js.obj(), an empty JS object, one per ctx
        self._ended: Callable[[], None] | None = None  # told once, when the request is over
        self._over: asyncio.Future[None] | None = None  # set once it is, for whoever waits (:meth:`_finished`)

    def waitUntil(self, awaitable: Awaitable[Any]) -> None:  # noqa: N802 - JS name
        """Keep the request alive for ``awaitable``; anything else is JavaScript's
        ``Promise.resolve`` of a plain value (a number, a function): accepted, nothing to wait for."""
        if not inspect.isawaitable(awaitable):
            return

        task = asyncio.ensure_future(_waited(awaitable, self._scope))
        if asyncio.iscoroutine(awaitable):
            task.add_done_callback(_close_unstarted(awaitable))
        adopt_task(self, task, root=True)  # the request's outcome waits for it (runtime/stalls.py)
        self._tasks.append(task)

    def passThroughOnException(self) -> None:  # noqa: N802 - JS name
        """Recorded only: locally there is no origin to fall through to."""
        self._pass_through_on_exception = True

    async def _drain(self) -> None:
        """Wait for every ``waitUntil`` task; failures are logged, as production logs them."""
        names_kept = keeps_error_names(self._scope.runtime)
        while self._tasks:
            pending, self._tasks = self._tasks, []
            try:
                await asyncio.gather(*pending, return_exceptions=True)
            except asyncio.CancelledError:  # the caller's loop ending while the work goes on: as _gone
                later, self._tasks = self._tasks, []  # (and work that work handed to waitUntil meanwhile)
                _report_failures([*pending, *later], names_kept)
                raise
            for task in pending:
                _report_failed(task, names_kept)

    async def _finish(self) -> None:
        """End the request once its response is out: wait for its ``waitUntil`` work (see
        :meth:`_drain`), then tear it down as workerd tears down its IoContext -- a JS timer it
        set that is still pending never runs (runtime/timers.py)."""
        try:
            await self._drain()
        finally:
            self._end()

    def _sever(self) -> None:
        """Cut off with the runtime, as a reload under ``wrangler dev`` cuts off a batch in
        ``queue()`` (runtime/severable.py): every task of the request still running -- its
        ``waitUntil`` work, a task it started -- ends cancelled without one more step of its code
        (no ``except``/``finally``), and its timers never fire. Measured with a JavaScript twin
        (tools/wrangler/dev_session_probe.py ``inflight-work``): nothing of it prints after the
        reload; review79: its ``waitUntil`` work, a ``setTimeout`` and a task each printed here."""
        for task in request_tasks(self):
            coro = task.get_coro()
            if isinstance(coro, ScopedCoroutine):  # (its handler's own task is cut off by its owner)
                coro.severed = True
                contextvars.Context().run(task.cancel)  # workers-env's cancel, not the Worker's
        self._tasks = []
        self._end(quietly=True)

    def _end(self, quietly: bool = False) -> None:
        """The request is over: say what its code swallowed that workers-env cannot do
        (runtime/swallowed.py; not ``quietly``: cut off, it says nothing more), and tear it down
        (runtime/timers.py)."""
        if not quietly:
            swallowed.report(self, self._scope)
        end_request(self)
        ended, self._ended = self._ended, None
        if ended is not None:
            ended()
        over, self._over = self._over, _OVER
        if over is not None and over is not _OVER and not over.done():
            over.set_result(None)

    def _gone(self) -> None:
        """The caller's event loop ended (``asyncio.run``'s end cancels every task) while the
        response still streamed: its client went away. The ``waitUntil`` work, cancelled with the
        loop, ends quietly -- not ``Uncaught exception in waitUntil() CancelledError`` -- as a
        JavaScript twin under ``wrangler dev`` 4.164.0 logs nothing for a writer that catches its
        canceled write (tools/wrangler/endless_stream_probe.py); a failure of its own (one that
        already happened, or one raised as it is cancelled) is logged, as the twin's ``Uncaught
        Error`` of a waitUntil promise that rejects after its client went away is. Reached only
        by a streamed body still held when the loop ends (one dropped is canceled at once,
        clientbody); what it adds to :meth:`_finish` (whose reports skip cancelled tasks too):
        work handed to ``waitUntil`` as the loop's end cancels the rest is cancelled as well,
        and the request ends now rather than in a task the loop may close on (gone64; pinned by
        tests/test_streamed_request_held_as_the_loop_ends_is_over_with_it.py, pin68)."""
        for task in self._tasks:  # (workers-env's cancel, not the Worker's: made outside the request's context)
            contextvars.Context().run(task.cancel)
        _report_failures(self._tasks, keeps_error_names(self._scope.runtime))
        self._tasks = []
        self._end()

    async def _finished(self) -> None:
        """Wait until the request is over (:meth:`_end`): its response sent, its waitUntil work done."""
        if self._over is _OVER:
            return
        if self._over is None:
            self._over = asyncio.get_running_loop().create_future()
        await asyncio.shield(self._over)

    def _finish_apart(self, caller: ExecutionContext | None) -> None:
        """:meth:`_finish` without the caller waiting for it: a service binding's callee answers
        as its handler returns and its ``waitUntil`` work goes on, as workerd keeps the callee's
        IoContext alive for it. The calling request ``caller`` counts it among its own
        ``waitUntil`` work, so a test's ``worker.fetch`` still returns with both Workers' done."""
        task = asyncio.ensure_future(self._finish())
        _CLOSING.add(task)
        task.add_done_callback(_CLOSING.discard)
        if caller is not None and caller is not self:
            caller._tasks.append(task)

    async def _finish_so(self, apart: bool, caller: ExecutionContext | None) -> None:
        """The request ends :meth:`_finish_apart` (``apart``: a service binding's callee) or
        awaited (:meth:`_finish`)."""
        if apart:
            self._finish_apart(caller)
        else:
            await self._finish()

    def _finish_after(self, response_sent: asyncio.Future[Any]) -> None:
        """:meth:`_finish` once ``response_sent`` (the reading of a body still being written) is
        done, however it ends: the request lives while its response streams."""
        def closing(sent: asyncio.Future[Any]) -> None:
            if sent.cancelled():  # only the caller's loop ending cancels it (a task no one awaits): see _gone
                self._gone()
                return
            if not self._tasks:  # no waitUntil work left: over at once
                self._end()
                return
            task = asyncio.ensure_future(self._finish())
            _CLOSING.add(task)
            task.add_done_callback(_CLOSING.discard)

        response_sent.add_done_callback(closing)


def _report_wait_until(outcome: BaseException, names_kept: bool) -> None:
    """Log a ``waitUntil`` task's failure, as production logs it (``names_kept``: see
    :func:`~workers_env.runtime.thrownerror.keeps_error_names`)."""
    swallowed.escaped(outcome)
    shown = uncaught(outcome)
    log.error("Uncaught exception in waitUntil()", exc_info=(type(shown), shown, without_our_frames(shown)),
              extra={"error_names_kept": names_kept})


def _report_failed(task: asyncio.Future[Any], names_kept: bool) -> None:
    """:func:`_report_wait_until` of a finished ``waitUntil`` task that failed. One that ended
    cancelled was cancelled from outside the Worker's code (the caller's loop ending, a test):
    not its failure -- :func:`_waited` made its own cancel one."""
    if not task.cancelled() and task.exception() is not None:
        _report_wait_until(task.exception(), names_kept)  # type: ignore[arg-type]


def _report_failures(tasks: list[asyncio.Future[Any]], names_kept: bool) -> None:
    """:func:`_report_failed` of each of ``tasks`` once it is done (now, for those already done):
    the request's ``waitUntil`` work the caller's loop ending cancels, whose own failures --
    already happened, or raised as it is cancelled -- are still logged."""
    report = functools.partial(_report_failed, names_kept=names_kept)
    for task in tasks:
        if task.done():
            report(task)
        else:
            task.add_done_callback(report)


#: requests being closed in the background (a reference, so their task is not collected)
_CLOSING: set[asyncio.Future[Any]] = set()

#: a request's ``_over`` once it is over (:meth:`ExecutionContext._finished` returns at once)
_OVER: Any = object()


async def _worker_code(work: Any, scope: Any, what: str) -> Any:
    """Await ``work`` (the Worker's ``what``: a handler, ``waitUntil`` work, a called function)
    with ``scope`` around each of its steps only (runtime/tasks.py). A ``CancelledError`` of its
    own, nobody having cancelled the caller, is its uncaught exception:
    :class:`HandlerCancelledError`; the caller's cancellation stays one."""
    try:
        return await in_scope(work, scope)
    except asyncio.CancelledError as exc:
        if caller_gone():
            raise
        raise _own_cancel(exc, what) from exc


async def _waited(work: Any, scope: Any) -> Any:
    """:func:`_worker_code` of ``waitUntil`` work, whose task the Worker's own code cancelled
    (``asyncio.current_task().cancel()`` in it, say) failing as Pyodide's does: its promise
    rejects with a ``PythonError`` (CancelledError) that workerd logs -- measured on Pyodide
    0.26.0a4, 0.28.2 and 314.0.6. A cancel from outside (the loop ending) ends it cancelled."""
    try:
        return await _worker_code(work, scope, _WAITED)
    except asyncio.CancelledError as exc:
        if getattr(asyncio.current_task(), "workers_env_cancelled_by_worker", False):
            raise _own_cancel(exc, _WAITED) from exc
        raise


_WAITED = "waitUntil() work"


def _close_unstarted(work: Any) -> Callable[[asyncio.Future[Any]], None]:
    """A ``waitUntil`` task's done-callback: ``work`` closed if the task was cancelled before its
    first step -- the test's loop ending as the Worker hands it new work (``finally:
    ctx.waitUntil(flush())`` in work that end cancels), or :meth:`ExecutionContext._gone`
    cancelling that work -- as a task of ``work`` itself would end it: no ``RuntimeWarning:
    coroutine '...' was never awaited`` (``_waited`` thrown into unstarted never awaits ``work``),
    which workerd never prints (unawaited64)."""
    def close(task: asyncio.Future[Any]) -> None:
        if task.cancelled() and inspect.getcoroutinestate(work) == inspect.CORO_CREATED:
            work.close()

    return close
