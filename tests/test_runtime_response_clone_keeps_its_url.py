"""workerd's ``Response.clone()`` copies the response's URL list (``http.c++``), so a fetched
response's clone has its ``url`` -- and ``workers.Response``'s repr of it names that URL."""

from __future__ import annotations

from pathlib import Path

from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        fetched = await js.fetch(URL)
        copy = fetched.clone()
        sdk = (await fetch(URL)).clone()
        made = js.Response.new("x").clone()
        return Response.json([copy.url, copy.redirected, sdk.url, "url=" in repr(sdk), made.url])
"""


def test_a_fetched_responses_clone_keeps_its_url(tmp_path: Path) -> None:
    with echo_origin() as url:
        folder = one_file_worker(tmp_path, WORKER.format(url=url))
        assert json_answer(folder, "/") == [url, False, url, True, ""]
