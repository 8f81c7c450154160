"""A supplied service binding whose ``fetch`` is a plain ``def`` (it answers at once), reached
through the raw JavaScript ``env`` -- ``import_from_javascript("cloudflare:workers").env``, a
legacy ``on_fetch``'s -- answers a promise all the same, its redirects followed through the
binding, as workerd's ``Fetcher.fetch`` always returns a promise and follows (and as through
``self.env``'s wrapper). It answered the Response itself, at once, its redirect not followed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker


class PlainFetch:
    """A service binding with a synchronous ``fetch``: ``/r`` a 302 to ``/landed``, else 200."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers import Response

        url = str(getattr(resource, "url", resource))
        self.asked.append(url)
        if url.endswith("/r"):
            return Response("moved", status=302, headers={"location": "/landed"})
        return Response(f"at {url}")


ENTRY = """
import inspect
from workers import Response, handler, import_from_javascript

async def seen(answer):
    promised = inspect.isawaitable(answer)
    r = await answer if promised else answer
    return [promised, r.status, r.redirected, r.url, await r.text()]

@handler
async def on_fetch(request, env):
    raw = import_from_javascript("cloudflare:workers").env
    return Response.json([await seen(raw.SVC.fetch("http://b/r")), await seen(raw.SVC.fetch("http://b/here")),
                          await seen(env.SVC.fetch("http://b/r"))])
"""


@pytest.mark.asyncio
async def test_a_plain_def_fetch_answers_a_promise_its_redirect_followed(tmp_path: Path) -> None:
    extra = '[[services]]\nbinding = "SVC"\nservice = "other"\n'
    service = PlainFetch()
    folder = one_file_worker(tmp_path, ENTRY, date="2025-08-01", extra=extra)
    worker = load_worker(env=load_env(folder, bindings={"SVC": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert json.loads(await resp.text()) == [[True, 200, True, "http://b/landed", "at http://b/landed"],
                                             [True, 200, False, "http://b/here", "at http://b/here"],
                                             [True, 200, True, "http://b/landed", "at http://b/landed"]]
    assert service.asked == ["http://b/r", "http://b/landed", "http://b/here", "http://b/r", "http://b/landed"]


class Refusing:
    def fetch(self, resource: Any, init: Any = None) -> Any:
        raise ValueError("no such page")


REFUSED = """
import inspect
from workers import Response, handler, import_from_javascript

@handler
async def on_fetch(request, env):
    answer = import_from_javascript("cloudflare:workers").env.SVC.fetch("http://b/")
    try:
        await answer
    except ValueError as exc:
        return Response.json([inspect.isawaitable(answer), str(exc)])
"""


@pytest.mark.asyncio
async def test_what_a_plain_def_fetch_raises_rejects_its_promise(tmp_path: Path) -> None:
    extra = '[[services]]\nbinding = "SVC"\nservice = "other"\n'
    folder = one_file_worker(tmp_path, REFUSED, date="2025-08-01", extra=extra)
    worker = load_worker(env=load_env(folder, bindings={"SVC": Refusing()}))
    resp = await worker.fetch("/")
    assert json.loads(await resp.text()) == [True, "no such page"]
