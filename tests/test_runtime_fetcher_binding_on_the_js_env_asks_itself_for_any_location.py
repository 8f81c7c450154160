"""Through the raw JavaScript ``env`` (``import_from_javascript("cloudflare:workers").env``) a
supplied service binding's redirect to another scheme -- ``ftp://x/y`` -- is asked of the binding,
as through ``self.env``'s wrapper and as workerd asks it (a redirect's hop goes to the binding
without ``Fetcher::fetch``'s own check of the URL, which refuses only the Worker's first call;
measured under ``wrangler dev`` 4.164.0 between two Workers): it is not refused with ``Fetch API
cannot load``, nor answered by workers-env itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker


class Redirecting:
    """A service binding: ``/r?to=X`` answers a 302 to ``X``, anything else 200 with its URL."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js

        url = str(getattr(resource, "url", resource))
        self.asked.append(url)
        parts = urlsplit(url)
        if parts.path == "/r":
            location = parse_qs(parts.query)["to"][0]
            return js.Response.new("", status=302, headers=js.Object.fromEntries([["location", location]]))
        return js.Response.new(f"at {url}")


ENTRY = """
from workers import Response, WorkerEntrypoint, import_from_javascript

async def seen(answer):
    try:
        r = await answer
        return [r.status, r.redirected, r.url, await r.text()]
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        raw = import_from_javascript("cloudflare:workers").env.SVC
        return Response.json([await seen(raw.fetch("http://b/r?to=ftp://x/y")),
                              await seen(self.env.SVC.fetch("http://b/r?to=ftp://x/y"))])
"""


@pytest.mark.asyncio
async def test_a_redirect_to_another_scheme_is_asked_of_the_binding_on_the_js_env(tmp_path: Path) -> None:
    extra = '[[services]]\nbinding = "SVC"\nservice = "other"\n'
    service = Redirecting()
    folder = one_file_worker(tmp_path, ENTRY, date="2025-10-01", extra=extra)
    worker = load_worker(env=load_env(folder, bindings={"SVC": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    followed = [200, True, "ftp://x/y", "at ftp://x/y"]
    assert json.loads(await resp.text()) == [followed, followed]
    assert service.asked == ["http://b/r?to=ftp://x/y", "ftp://x/y"] * 2
