"""A fulfilment handler given to ``then`` of a ``Promise.new(...)`` promise that raises is printed
from the 0.28 era on, as Pyodide 0.28.2 and 314.0.6 print it (``create_promise_handles_result_helper``:
``Unexpected error:`` on stdout, then the traceback on stderr, at the moment the handler fails,
whether or not anyone awaits the promise ``then`` returned) -- so a failure in a ``then`` chain
nobody awaits no longer vanishes without a word. The 0.26 era prints nothing (0.26.0a4 rejects that
promise: an unhandled rejection, which workerd logs none of), nor does a rejection handler, a
``finally_`` handler or a ``then`` of the ``PyodideFuture`` a JS call returns, in any era (measured
under Node with npm pyodide 0.26.0a4, 0.28.2, 314.0.6). workers-env still rejects the promise with
the handler's ``PythonError`` in every era (README: Where we had to choose)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import json

import js
from workers import Response, WorkerEntrypoint


def bad(*args):
    raise ValueError("no")


def ok(*args):
    return 5


STARTS = {
    "then dropped": lambda: js.Promise.new(lambda r, j: r(1)).then(bad),
    "rejection handler": lambda: js.Promise.new(lambda r, j: j(1)).then(ok, bad),
    "finally": lambda: js.Promise.new(lambda r, j: r(1)).finally_(bad),
    "future then": lambda: js.Promise.resolve(1).then(bad),
}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        name = request.url.rsplit("/", 1)[1].replace("-", " ")
        promise = STARTS[name]()
        if name == "future then":
            try:
                await promise
            except ValueError:
                pass
        else:
            await js.Promise.allSettled([promise])
        for _ in range(3):
            await asyncio.sleep(0)
        return Response(json.dumps("done"))
'''


@pytest.mark.parametrize("date", ["2025-10-01", "2026-09-08"])
def test_a_dropped_then_whose_handler_raises_is_printed_from_0_28(tmp_path, capfd, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, "/then-dropped") == "done"
    out, err = capfd.readouterr()
    assert out.splitlines().count("Unexpected error:") == 1
    lines = err.splitlines()
    start = lines.index("Traceback (most recent call last):")
    assert lines[start + 1].startswith('  File "') and lines[start + 1].endswith(', in bad')
    assert lines[-1] == "ValueError: no"
    assert "workers_env" not in err


@pytest.mark.parametrize("path", ["/rejection-handler", "/finally", "/future-then"])
def test_other_handlers_print_nothing(tmp_path, capfd, path):
    one_file_worker(tmp_path, ENTRY, date="2026-09-08")
    assert json_answer(tmp_path, path) == "done"
    out, err = capfd.readouterr()
    assert "Unexpected error" not in out and "ValueError" not in err


def test_the_0_26_era_prints_nothing(tmp_path, capfd):
    one_file_worker(tmp_path, ENTRY, date="2025-09-01")
    assert json_answer(tmp_path, "/then-dropped") == "done"
    out, err = capfd.readouterr()
    assert "Unexpected error" not in out and "ValueError" not in err
