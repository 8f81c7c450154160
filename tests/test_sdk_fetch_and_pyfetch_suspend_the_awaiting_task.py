"""``pyfetch``, the SDK's ``workers.fetch`` and a Fetcher binding's ``fetch`` through the SDK's
wrapper (``self.env.ASSETS.fetch(...)``, a service binding's) suspend the task awaiting them,
whatever the answer: Pyodide's ``pyfetch`` ends in ``await fetcher(request, args)`` (its
``_pyfetch.py`` in 0.28.2 and 314.0.6), a JavaScript promise, whose outcome Pyodide's future takes
in a ``then`` reaction -- so two tasks gathered each awaiting one run a1 b1 a2 b2, as with
``js.fetch`` and a binding call (leftovers56, real Pyodide 0.26.0a4/0.28.2/314.0.6:
tests/test_runtime_binding_calls_suspend_the_awaiting_task.py). workers-env answered a ``data:``
URL, an ``ASSETS`` file and a Fetcher's refusal of its init within the call and ran a1 a2 b1 b2
(found by audit33 probing its binding-promise mutants). On 314 pyfetch makes a text URL a
``Request`` before its ``await``, so the constructor's refusal is raised at once, unsuspended."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import js
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint, fetch


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = {
            "js": lambda: js.fetch("data:,x"),
            "pyfetch": lambda: pyfetch("data:,x"),
            "workers": lambda: fetch("data:,x"),
            "assets": lambda: self.env.ASSETS.fetch("http://x/a.txt"),
            "assets data": lambda: self.env.ASSETS.fetch("data:,x"),
            "bad method": lambda: self.env.ASSETS.fetch("http://x/a.txt", method="bad method"),
        }
        orders = {}
        for name, call in calls.items():
            log = []

            async def task(label):
                log.append(label + "1")
                try:
                    await call()
                except Exception:
                    log.append(label + "!")
                else:
                    log.append(label + "2")

            await asyncio.gather(task("a"), task("b"))
            orders[name] = " ".join(log)
        return Response.json(orders)
'''

EXTRA = '[assets]\ndirectory = "public"\nbinding = "ASSETS"\n'
EVERY = ["js", "pyfetch", "workers", "assets", "assets data"]


@pytest.mark.parametrize(("date", "refused"), [
    ("2025-11-01", "a1 b1 a! b!"),  # the built-in SDK
    ("2026-05-01", "a1 b1 a! b!"),  # the external SDK, Pyodide 0.28
    ("2026-09-08", "a1 a! b1 b!"),  # python_workers_314: the Request constructor refuses before the await
])
def test_gathered_fetches_interleave_as_deployed(tmp_path: Path, date: str, refused: str) -> None:
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA)
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("a")
    assert json_answer(folder, "/") == {**dict.fromkeys(EVERY, "a1 b1 a2 b2"), "bad method": refused}
