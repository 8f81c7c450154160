"""A supplied service binding may answer with a ``workers`` Response (as README allows); through
the raw JavaScript ``env`` -- a legacy ``on_fetch``'s, ``import_from_javascript("cloudflare:workers").env``
-- the Worker gets the JavaScript Response a Fetcher's ``fetch`` resolves to, its redirect
followed through the binding, as through ``self.env``'s wrapper (workerd's ``Fetcher.fetch``
answers a ``Response`` whatever the Worker on the other side returned)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker


class WorkersResponses:
    """A service binding answering ``workers`` Responses: ``/r`` a 302 to ``/landed``, else 200."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers import Response

        url = str(getattr(resource, "url", resource))
        self.asked.append(url)
        if url.endswith("/r"):
            return Response("moved", status=302, headers={"location": "/landed"})
        return Response(f"at {url}")


ENTRY = """
from workers import Response, handler, import_from_javascript

async def seen(answer):
    r = await answer
    return [r.status, r.redirected, r.url, await r.text()]

@handler
async def on_fetch(request, env):
    raw = import_from_javascript("cloudflare:workers").env
    return Response.json([await seen(raw.SVC.fetch("http://b/r")), await seen(env.SVC.fetch("http://b/r"))])
"""


@pytest.mark.asyncio
async def test_a_workers_response_of_the_binding_is_a_js_response_its_redirect_followed(tmp_path: Path) -> None:
    extra = '[[services]]\nbinding = "SVC"\nservice = "other"\n'
    service = WorkersResponses()
    folder = one_file_worker(tmp_path, ENTRY, date="2025-08-01", extra=extra)
    worker = load_worker(env=load_env(folder, bindings={"SVC": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    followed = [200, True, "http://b/landed", "at http://b/landed"]
    assert json.loads(await resp.text()) == [followed, followed]
    assert service.asked == ["http://b/r", "http://b/landed"] * 2
