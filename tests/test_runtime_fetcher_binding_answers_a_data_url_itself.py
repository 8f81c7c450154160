"""A Fetcher binding's own ``fetch`` of a ``data:`` URL -- ``env.ASSETS``, a service binding, a
Durable Object's stub -- is answered as workerd answers it, before the binding is asked:
``Fetcher::fetch`` is ``fetchImpl(js, JSG_THIS, ...)`` (api/http.c++), whose
``DataUrl::tryParse`` branch comes before any fetcher's dispatch. ``200 OK``, the MIME type's
``content-type``, the data as a GET's body (a POST's null), ``url`` ``""``; the binding never sees
the request (one without a comma is no data URL: test_runtime_fetcher_binding_refuses_what_fetch_cannot_load.py). Measured
under ``wrangler dev`` 4.164.0 (a JavaScript Worker calling ``env.ASSETS.fetch``, a service
binding to itself and a Durable Object stub), the same at 2024-06-02 and 2025-09-01:
tools/wrangler/fetch_edges_probe.py ``bindings``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_env, load_worker

#: SDK-wrapped bindings: ``self.env.X.fetch(url, method=...)`` answers a ``workers`` Response
WRAPPED = """
from workers import Response, WorkerEntrypoint

URLS = [("data:,hi", "GET"), ("data:text/html;base64,PGI+", "GET"), ("data:,hi", "POST")]

async def seen(fetcher, url, method):
    r = await fetcher.fetch(url, method=method)
    return [r.status, r.headers.get("content-type"), await r.text(), r.url]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stub = self.env.DO.get(self.env.DO.idFromName("x"))
        return Response.json([[await seen(f, url, method) for url, method in URLS]
                              for f in (self.env.ASSETS, self.env.SVC, stub)])
"""

#: the raw JavaScript env of a legacy ``on_fetch``: ``env.X.fetch(url, init)`` answers a JS Response
RAW = """
import js

URLS = [("data:,hi", "GET"), ("data:text/html;base64,PGI+", "GET"), ("data:,hi", "POST")]

async def seen(fetcher, url, method):
    r = await fetcher.fetch(url, method=method)
    return [r.status, r.headers.get("content-type"), await r.text(), r.url]

async def on_fetch(request, env):
    stub = env.DO.get(env.DO.idFromName("x"))
    out = [[await seen(f, url, method) for url, method in URLS] for f in (env.ASSETS, env.SVC, stub)]
    return js.Response.new(js.JSON.stringify(js.JSON.parse(__import__("json").dumps(out))))
"""

PLAIN = "text/plain;charset=US-ASCII"
MEASURED = [[200, PLAIN, "hi", ""], [200, "text/html", "<b>", ""], [200, PLAIN, "", ""]]


class Service:
    """A service binding and a Durable Object namespace whose stub is itself: records every fetch."""

    def __init__(self) -> None:
        self.fetched: list[object] = []

    async def fetch(self, resource, init=None):
        from workers_env import js

        self.fetched.append(resource)
        return js.Response.new("from the binding")

    def idFromName(self, name):  # noqa: N802 - JavaScript's name
        return name

    def get(self, _id):
        return self


def project(root: Path, entry: str, date: str, flags: tuple[str, ...] = ()) -> Path:
    (root / "src" / "static").mkdir(parents=True)
    (root / "src" / "static" / "page.txt").write_text("page")
    (root / "src" / "entry.py").write_text(entry)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers", *flags],
        "assets": {"directory": "src/static", "binding": "ASSETS"},
        "services": [{"binding": "SVC", "service": "other"}],
        "durable_objects": {"bindings": [{"name": "DO", "class_name": "Obj", "script_name": "other"}]}}))
    typical_pyproject(root)
    return root


@pytest.mark.asyncio
@pytest.mark.parametrize(("entry", "date"), [(WRAPPED, "2026-05-01"), (WRAPPED, "2025-09-01"), (RAW, "2024-06-02")])
async def test_a_fetcher_binding_answers_a_data_url_before_the_binding(tmp_path, entry, date):
    service = Service()
    env = load_env(project(tmp_path, entry, date), bindings={"SVC": service, "DO": service})
    worker = load_worker(env=env)
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert json.loads(await resp.text()) == [MEASURED, MEASURED, MEASURED]
    assert service.fetched == []  # neither the service nor the stub was asked
