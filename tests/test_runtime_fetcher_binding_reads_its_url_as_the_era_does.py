"""Whether a Fetcher binding's own ``fetch`` -- a service binding, a Durable Object's stub --
asks the binding depends on how the era reads the URL. Before ``fetch_standard_url``
(2024-06-03) workerd keeps the Request's string and ``Fetcher::parseUrl`` reads it with kj's
parser, which cannot parse ``http://x\\back`` or ``http://%41/`` (``TypeError: Fetch API cannot
load: <url>``, the binding never asked) but takes ``http://h:99999/`` and ``http://x/a b`` (the
binding asked); from that date the WHATWG parser reads ``http://x\\back`` as ``http://x/back``
and ``%41`` as ``a`` (the binding asked) and refuses ``h:99999`` (``Invalid URL``). Measured under
``wrangler dev`` 4.164.0 at 2024-06-02 and 2025-09-01 (a JavaScript Worker with a service
binding to itself and a Durable Object stub). Before, the WHATWG reading decided in every era:
a service or stub you supply was asked for ``http://x\\back`` and ``http://%41/`` at 2024-06-02."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import RecordingService

from workers_env import load_env, load_worker

SEEN = """
async def seen(fetcher, url):
    try:
        r = await fetcher.fetch(url)
        return r.status
    except Exception as exc:
        return str(exc).removeprefix("TypeError: ")  # pyfetch's OSError/AbortError: the message alone

URLS = ["http://x\\\\back", "http://%41/", "http://h:99999/", "http://x/a b"]
"""

WRAPPED = """
from workers import Response, WorkerEntrypoint
""" + SEEN + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stub = self.env.DO.get(self.env.DO.idFromName("x"))
        return Response.json([[await seen(f, url) for url in URLS] for f in (self.env.SVC, stub)])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

RAW = """
import json
import js
""" + SEEN + """
async def on_fetch(request, env):
    stub = env.DO.get(env.DO.idFromName("x"))
    return js.Response.new(json.dumps([[await seen(f, url) for url in URLS] for f in (env.SVC, stub)]))
"""


def project(root: Path, entry: str, date: str) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(entry)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "services": [{"binding": "SVC", "service": "other"}],
        "durable_objects": {"bindings": [{"name": "DO", "class_name": "Obj", "script_name": "other"}]}}))
    return root


LEGACY = ["Fetch API cannot load: http://x\\back", "Fetch API cannot load: http://%41/", 201, 201]
STANDARD = [201, 201, "Invalid URL: http://h:99999/", 201]


@pytest.mark.asyncio
@pytest.mark.parametrize(("entry", "date", "answers", "asked"), [
    (WRAPPED, "2024-06-02", LEGACY, ["http://h:99999/", "http://x/a b"]),
    (RAW, "2024-06-02", LEGACY, ["http://h:99999/", "http://x/a b"]),
    (WRAPPED, "2025-09-01", STANDARD, ["http://x\\back", "http://%41/", "http://x/a b"]),
], ids=["wrapped-2024-06-02", "raw-2024-06-02", "wrapped-2025-09-01"])
async def test_a_fetcher_binding_asks_the_binding_for_what_the_eras_parser_reads_as_http(tmp_path, entry, date,
                                                                                       answers, asked):
    service = RecordingService()
    worker = load_worker(env=load_env(project(tmp_path, entry, date), bindings={"SVC": service, "DO": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert json.loads(await resp.text()) == [answers, answers]
    assert service.fetched == asked * 2
