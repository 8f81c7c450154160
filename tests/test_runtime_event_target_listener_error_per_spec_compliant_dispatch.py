"""A listener that raises, as workerd dispatches the event -- an ``EventTarget``'s ``dispatchEvent``
and an ``AbortSignal``'s abort event: from ``spec_compliant_dispatch_exceptions`` (2026-09-15) the
error is reported (logged as uncaught) and the other listeners run, ``dispatchEvent`` answering as
usual (``false`` when the raising listener had prevented a cancelable event's default), ``abort()``
returning after ``onabort`` too; before it, or with ``no_spec_compliant_dispatch_exceptions``, the
first error ends the dispatch and ``dispatchEvent``/``abort()`` raises it. JavaScript twins under
wrangler dev 4.164.0: ``throw_listener`` threw ``Error: boom`` with only the first listener run at
2026-09-14, and answered ``true`` with both run and ``Uncaught Error: boom`` logged at 2026-11-17;
the abort twin gave ``["l1","abort threw:Error: boom1","aborted:true"]`` at 2026-09-14,
``["l1","l2","on","abort returned","aborted:true"]`` and ``Uncaught Error: boom1`` on stderr at
2026-09-15 (before, every date threw here). A plain Python function handed to ``addEventListener``
is a borrowed proxy, destroyed when that call returns: dispatched, it fails with Pyodide's error
(0.26.0a4, 0.28.2 and 314.0.6 under Node, its second line too), reported or raised the same way."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import DISPATCH_EXCEPTION_ERAS, one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Event, EventTarget
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        target = EventTarget.new()

        def first(event):
            out.append("l1")
            event.preventDefault()
            raise Exception("boom")

        target.addEventListener("x", create_proxy(first))
        target.addEventListener("x", create_proxy(lambda event: out.append("l2")))
        target.addEventListener("x", lambda event: out.append("borrowed"))
        try:
            out.append(f"returned {target.dispatchEvent(Event.new('x', cancelable=True))}")
        except Exception as exc:
            out.append(f"threw {exc}")
        return Response.json(out)
"""

ABORT_ENTRY = """
from js import AbortController, Error
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        controller = AbortController.new()

        def first(event):
            out.append("l1")
            raise Exception("boom1")

        controller.signal.addEventListener("abort", create_proxy(first))
        controller.signal.addEventListener("abort", create_proxy(lambda event: out.append("l2")))
        controller.signal.onabort = create_proxy(lambda event: out.append("on"))
        try:
            controller.abort("r")
            out.append("abort returned")
        except Exception as exc:
            out.append(f"abort threw: {exc}")
        out.append(f"aborted: {controller.signal.aborted}")
        return Response.json(out)
"""

REPORTED = ["l1", "l2", "returned False"]
THROWN = ["l1", "threw boom"]
BORROWED = "This borrowed proxy was automatically destroyed at the end of a function call"


async def dispatched(tmp_path, caplog, entry, date, flags=()):
    """What the Worker of ``entry`` dated ``date`` answers, and the messages workers-env logged meanwhile."""
    worker = load_worker(one_file_worker(tmp_path, entry, date=date, flags=flags))
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        response = await worker.fetch("http://example.com/")
        answer = await response.json()
    return answer, [record.getMessage() for record in caplog.records]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "reported"), DISPATCH_EXCEPTION_ERAS)
async def test_a_listener_error_is_reported_from_the_flag_and_thrown_before(tmp_path, caplog, date, flags, reported):
    expected = REPORTED if reported else THROWN
    answer, logged = await dispatched(tmp_path, caplog, ENTRY, date, flags)
    assert answer == expected
    uncaught = [message for message in logged if message.startswith("Uncaught")]
    if expected is REPORTED:
        assert uncaught[0] == "Uncaught Exception: boom"
        assert uncaught[1].startswith(f"Uncaught Error: {BORROWED}")
    else:
        assert uncaught == []


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "reported"), DISPATCH_EXCEPTION_ERAS)
async def test_an_abort_listener_error_is_reported_from_the_flag_and_thrown_before(tmp_path, caplog, date, flags,
                                                                                   reported):
    answer, logged = await dispatched(tmp_path, caplog, ABORT_ENTRY, date, flags)
    assert answer == (["l1", "l2", "on", "abort returned", "aborted: True"] if reported
                      else ["l1", "abort threw: boom1", "aborted: True"])
    assert [message for message in logged if "abort event listener" in message] == (
        ["Uncaught exception in an abort event listener"] if reported else [])


@pytest.mark.asyncio
async def test_a_borrowed_listener_alone_raises_pyodides_error_before_the_flag(tmp_path):
    entry = ENTRY.replace('        target.addEventListener("x", create_proxy(first))\n', "").replace(
        '        target.addEventListener("x", create_proxy(lambda event: out.append("l2")))\n', "")
    worker = load_worker(one_file_worker(tmp_path, entry, date="2026-09-14"))
    response = await worker.fetch("http://example.com/")
    assert await response.json() == [f"threw Error: {BORROWED}. Try using create_proxy or create_once_callable.\n"
                                     "For more information about the cause of this error, use `pyodide.setDebug(true)`"]
