"""A Fetcher binding's answer is a Response of the Worker's own call: its ``redirected`` is
whether that call followed a redirect, its ``url`` the URL asked -- not what the Response the
binding made said. workerd builds the caller's Response afresh (http.c++ ``makeHttpResponse``:
``redirected`` is whether its URL list has more than one entry), so a supplied service binding
that answers with a ``fetch`` of its own that was redirected (a double proxying to an origin)
still gives the Worker ``redirected`` false, through ``self.env`` and the JavaScript ``env``
alike; one it follows itself gives true."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import EchoOrigin, one_file_worker, serving

from workers_env import load_env, load_worker


class Proxying:
    """A service binding answering ``/proxy`` with its own fetch of the origin's ``/302`` (redirected
    to ``/landed``), ``/hop`` with a 302 to ``/proxy``."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js

        url = str(getattr(resource, "url", resource))
        if url.endswith("/hop"):
            return js.Response.new("", status=302, headers=js.Object.fromEntries([["location", "/proxy"]]))
        return await js.fetch(self.origin + "/302")


ENTRY = """
from workers import Response, WorkerEntrypoint, import_from_javascript

async def seen(answer):
    r = await answer
    await r.text()
    return [r.redirected, r.url]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        js_env = import_from_javascript("cloudflare:workers").env
        return Response.json([
            await seen(self.env.SVC.fetch("http://b/proxy")),
            await seen(js_env.SVC.fetch("http://b/proxy")),
            await seen(self.env.SVC.fetch("http://b/hop")),
        ])
"""


@pytest.mark.asyncio
async def test_a_binding_answer_is_redirected_only_when_the_call_followed_a_redirect(tmp_path: Path) -> None:
    extra = '[[services]]\nbinding = "SVC"\nservice = "other"\n'
    with serving(EchoOrigin) as origin:
        folder = one_file_worker(tmp_path, ENTRY, date="2025-10-01", extra=extra)
        worker = load_worker(env=load_env(folder, bindings={"SVC": Proxying(origin)}))
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        assert json.loads(await resp.text()) == [
            [False, "http://b/proxy"], [False, "http://b/proxy"], [True, "http://b/proxy"]]
