"""A plain Python function a Worker hands ``AbortSignal.addEventListener`` is, as in production,
the borrowed proxy Pyodide destroys when that call returns: at the abort the listener throws
Pyodide's ``Error: This borrowed proxy was automatically destroyed ...`` (measured with a
JavaScript stub keeping the listener under Node, Pyodide 0.26.0a4, 0.28.2 and 314.0.6), which
goes where any abort listener's exception goes -- ``abort()`` raises it before
``spec_compliant_dispatch_exceptions`` (2026-09-15), from it it is logged ``Uncaught Error: ...``
and the listeners after it run (``Uncaught exception in an abort event listener``) -- with workers-env's note saying to wrap it in ``create_proxy``.
``create_proxy(fn)`` and ``pyodide.ffi.wrappers.add_event_listener`` keep it; an ``onabort``
function set as a property is no borrowed proxy and runs, and a JavaScript value's method
(``second.abort``) is a JavaScript function, handed over as itself."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from worker_helpers import DISPATCH_EXCEPTION_ERAS, one_file_worker

from workers_env import load_worker

ENTRY = """
from js import AbortController
from pyodide.ffi import create_proxy
from pyodide.ffi.wrappers import add_event_listener
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        signal = AbortController.new()
        signal.signal.onabort = lambda event: out.append("onabort")
        signal.signal.addEventListener("abort", lambda event: out.append("plain"))
        signal.signal.addEventListener("abort", create_proxy(lambda event: out.append("proxy")))
        add_event_listener(signal.signal, "abort", lambda event: out.append("wrapper"))
        try:
            signal.abort("r")
            out.append("abort returned")
        except Exception as exc:
            out.append(f"abort threw {exc}")
            out.append([n for n in getattr(exc, "__notes__", []) if "AbortSignal.addEventListener" in n])
        return Response.json(out)
"""

BORROWED = ("Error: This borrowed proxy was automatically destroyed at the end of a function call. Try using "
            "create_proxy or create_once_callable.\n"
            "For more information about the cause of this error, use `pyodide.setDebug(true)`")


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "reported"), DISPATCH_EXCEPTION_ERAS)
async def test_a_plain_function_fails_at_the_abort(tmp_path: Path, caplog, date, flags, reported):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags))
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        out = await (await worker.fetch("/")).json()
    records = [r for r in caplog.records if r.getMessage().startswith("Uncaught")]
    if reported:
        assert out == ["onabort", "proxy", "wrapper", "abort returned"]
        assert [r.getMessage() for r in records] == ["Uncaught exception in an abort event listener"]
        error = records[0].exc_info[1]
        assert str(error) == BORROWED
        notes = [n for n in error.__notes__ if "AbortSignal.addEventListener" in n]
    else:
        *out, notes = out
        assert out == ["onabort", f"abort threw {BORROWED}"]
        assert records == []
    assert len(notes) == 1 and "pass create_proxy(fn)" in notes[0]


JS_METHOD = """
from js import AbortController
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        first, second = AbortController.new(), AbortController.new()
        first.signal.addEventListener("abort", second.abort)
        first.abort("r")
        return Response.json([first.signal.aborted, second.signal.aborted])
"""


@pytest.mark.asyncio
async def test_a_js_values_method_is_a_js_function_and_is_kept(tmp_path: Path):
    worker = load_worker(one_file_worker(tmp_path, JS_METHOD, date="2026-11-17"))
    assert await (await worker.fetch("/")).json() == [True, True]
