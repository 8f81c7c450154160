"""A Fetcher binding's ``fetch(url, init)`` with an init that is no object -- a number, a string, a
boolean -- is jsg's ``TypeError: Failed to execute 'fetch' on 'Fetcher': parameter 2 is not of
type 'RequestInitializerDict or Request'.``, as a JavaScript Worker's ``env.ASSETS.fetch`` threw
under ``wrangler dev`` 4.164.0 for each of the three (measured; before, the text was carried over
from the global ``fetch``'s, whose class is ``ServiceWorkerGlobalScope``)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = """
import json
from workers import Response, WorkerEntrypoint, import_from_javascript


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        assets = import_from_javascript("cloudflare:workers").env.ASSETS  # the JavaScript binding
        out = []
        for init in (5, "x", True):
            try:
                out.append((await assets.fetch("http://a/index.html", init)).status)
            except Exception as exc:
                out.append(str(exc))
        return Response(json.dumps(out))
"""

REFUSED = ("TypeError: Failed to execute 'fetch' on 'Fetcher': parameter 2 is not of type "
           "'RequestInitializerDict or Request'.")


def test_an_init_that_is_no_object_is_refused_in_jsgs_words(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "index.html").write_text("hi\n")
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": "2026-08-01",
        "compatibility_flags": ["python_workers"],
        "assets": {"directory": "public", "binding": "ASSETS", "run_worker_first": True}}))
    typical_pyproject(tmp_path)  # the external-SDK era: pywrangler's layout, or the Worker does not start
    worker = load_worker(tmp_path)

    async def answer() -> object:
        return json.loads(await (await worker.fetch("/")).text())

    assert asyncio.run(answer()) == [REFUSED] * 3
