"""An ``AbortSignal`` listener that raises, as workerd 1.20261117.1 dispatches the abort event:
from ``spec_compliant_dispatch_exceptions`` (2026-09-15) the error is reported (logged as an
uncaught one) and the other listeners and ``onabort`` run, ``abort()`` returning; before that
date, or with ``no_spec_compliant_dispatch_exceptions``, the first error ends the dispatch and
``abort()`` raises it. Measured with wrangler dev 4.164.0 on a JS Worker doing the same:
``["l1","abort threw:Error: boom1","aborted:true"]`` at 2026-09-14, ``["l1","l2","on","abort
returned","aborted:true"]`` and ``Uncaught Error: boom1`` on stderr at 2026-09-15. Before, every
date threw."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import DISPATCH_EXCEPTION_ERAS, one_file_worker

from workers_env import load_worker

ENTRY = """
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

REPORTED = ["l1", "l2", "on", "abort returned", "aborted: True"]
THROWN = ["l1", "abort threw: boom1", "aborted: True"]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "reported"), DISPATCH_EXCEPTION_ERAS)
async def test_a_listener_error_is_reported_from_the_flag_and_thrown_before(tmp_path, caplog, date, flags, reported):
    expected = REPORTED if reported else THROWN
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags))
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        response = await worker.fetch("http://example.com/")
        assert await response.json() == expected
    reported = [record.getMessage() for record in caplog.records if "abort event listener" in record.getMessage()]
    assert reported == (["Uncaught exception in an abort event listener"] if expected is REPORTED else [])
