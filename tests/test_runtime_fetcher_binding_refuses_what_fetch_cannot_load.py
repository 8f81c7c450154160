"""A Fetcher binding's own ``fetch`` -- ``env.ASSETS``, a service binding, a Durable Object's
stub -- of a URL that is not ``http``/``https`` never reaches the binding: workerd makes the
Request first (from ``fetch_standard_url`` a relative URL is ``TypeError: Invalid URL: /rel``),
then ``Fetcher::parseUrl`` refuses any other scheme, a ``data:`` URL without a comma included,
with ``TypeError: Fetch API cannot load: <url>`` (``fetch_refuses_unknown_protocols``), and
before ``fetch_standard_url`` a relative URL too; ``HTTPS://x/up`` is the binding's. Every case
as ``wrangler dev`` 4.164.0 answered it at 2025-09-01 and 2024-06-02 (a JavaScript Worker with an
assets binding, a service binding to itself and a Durable Object stub). Before, a service or
stub you supply was asked, and the assets binding served ``ftp://`` and ``ws://`` URLs as ``http``
ones and refused ``/rel`` as ``Fetch API cannot load`` in every era."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import RecordingService, typical_pyproject

from workers_env import load_env, load_worker

#: Worker source: ``await seen(fetcher, url)`` for each of ``URLS``, the status or the refusal
SEEN = """
URLS = ["ftp://x/a", "about:blank", "mailto:a@b", "/rel", "ws://x/w", "data:nocomma", "HTTPS://x/up"]

async def seen(fetcher, url):
    try:
        r = await fetcher.fetch(url)
        return r.status
    except Exception as exc:
        return str(exc).removeprefix("TypeError: ")  # pyfetch's OSError/AbortError: the message alone
"""

ENTRY = """
import js
from workers import Response, WorkerEntrypoint
""" + SEEN + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stub = self.env.DO.get(self.env.DO.idFromName("x"))
        return Response.json([[await seen(f, url) for url in URLS] for f in (self.env.ASSETS, self.env.SVC, stub)])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

RAW = """
import json
import js
""" + SEEN + """
async def on_fetch(request, env):
    stub = env.DO.get(env.DO.idFromName("x"))
    out = [[await seen(f, url) for url in URLS] for f in (env.ASSETS, env.SVC, stub)]
    return js.Response.new(json.dumps(out))
"""


def refused(relative: str) -> list[object]:
    cannot = [f"Fetch API cannot load: {u}" for u in ("ftp://x/a", "about:blank", "mailto:a@b")]
    return [*cannot, relative, "Fetch API cannot load: ws://x/w", "Fetch API cannot load: data:nocomma"]


def project(root: Path, entry: str, date: str) -> Path:
    (root / "src" / "static").mkdir(parents=True)
    (root / "src" / "static" / "up").write_text("up")
    (root / "src" / "entry.py").write_text(entry)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "assets": {"directory": "src/static", "binding": "ASSETS"},
        "services": [{"binding": "SVC", "service": "other"}],
        "durable_objects": {"bindings": [{"name": "DO", "class_name": "Obj", "script_name": "other"}]}}))
    typical_pyproject(root)
    return root


@pytest.mark.asyncio
@pytest.mark.parametrize(("entry", "date", "relative"), [
    (ENTRY, "2026-05-01", "Invalid URL: /rel"),
    (ENTRY, "2025-09-01", "Invalid URL: /rel"),
    (RAW, "2024-06-02", "Fetch API cannot load: /rel"),
])
async def test_a_fetcher_binding_refuses_what_fetch_cannot_load_before_the_binding(tmp_path, entry, date, relative):
    service = RecordingService()
    worker = load_worker(env=load_env(project(tmp_path, entry, date), bindings={"SVC": service, "DO": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert json.loads(await resp.text()) == [[*refused(relative), 200], [*refused(relative), 201],
                                             [*refused(relative), 201]]
    assert service.fetched == ["HTTPS://x/up", "HTTPS://x/up"]  # only the http(s) URL reached them
