"""``workers.fetch(resource, fetcher=f)``: both SDKs' ``FetchKwargs`` has ``fetcher``, which
``pyfetch`` calls in place of JavaScript's ``fetch``, with the resource and the ``to_js`` init --
Pyodide 0.28's ``fetcher or js.fetch``, so ``fetcher=None`` is the network; the built-in SDK's
patched ``pyfetch`` of Pyodide 0.26 calls it whenever it is given, so ``fetcher=None`` is
``TypeError: 'NoneType' object is not callable`` there. What it answers is the Response."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Request, Response, WorkerEntrypoint, fetch

URL = "{url}"
seen = []

async def fetcher(resource, init):
    seen.append([js.Request.new(resource, init).method, init.method])
    return js.Response.new("from the fetcher", status=203)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await fetch(Request(URL), method="PUT", body="x", fetcher=fetcher)
        try:
            method = (await (await fetch(URL, fetcher=None)).json())["method"]
        except TypeError as exc:
            method = str(exc)
        return Response.json([answer.status, await answer.text(), seen, method])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize(("date", "with_none"), [
    ("2025-08-13", "'NoneType' object is not callable"),  # the built-in SDK's patched 0.26 pyfetch
    ("2025-10-01", "GET"),  # Pyodide 0.28's pyfetch: fetcher or js.fetch
    ("2026-05-01", "GET"),
])
def test_a_fetcher_is_called_in_place_of_fetch(tmp_path: Path, date: str, with_none: str) -> None:
    with echo_origin() as url:
        answer = json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/")
    assert answer == [203, "from the fetcher", [["PUT", "PUT"]], with_none]
