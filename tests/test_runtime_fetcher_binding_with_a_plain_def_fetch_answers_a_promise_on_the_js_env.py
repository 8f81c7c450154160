"""A supplied service binding reached through the raw JavaScript ``env`` -- a legacy ``on_fetch``'s,
``import_from_javascript("cloudflare:workers").env`` -- answers what workerd's ``Fetcher.fetch``
does: a promise of a JavaScript ``Response``, its redirects followed through the binding (as
through ``self.env``'s wrapper), whatever the Worker on the other side returned. So a binding
answering a ``workers`` Response (as README allows) gives the Worker the JavaScript one, and one
whose ``fetch`` is a plain ``def`` (it answers at once) a promise all the same -- it answered the
Response itself, at once, its redirect not followed; what it raises rejects the promise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

SERVICE = '[[services]]\nbinding = "SVC"\nservice = "other"\n'


class WorkersResponses:
    """A service binding answering ``workers`` Responses: ``/r`` a 302 to ``/landed``, else 200."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def answer(self, resource: Any) -> Any:
        from workers import Response

        url = str(getattr(resource, "url", resource))
        self.asked.append(url)
        if url.endswith("/r"):
            return Response("moved", status=302, headers={"location": "/landed"})
        return Response(f"at {url}")

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        return self.answer(resource)


class PlainFetch(WorkersResponses):
    """The same with a synchronous ``fetch``."""

    def fetch(self, resource: Any, init: Any = None) -> Any:
        return self.answer(resource)


class Refusing:
    def fetch(self, resource: Any, init: Any = None) -> Any:
        raise ValueError("no such page")


async def answered(tmp_path: Path, entry: str, service: Any) -> Any:
    """The response of the Worker of ``entry`` (dated 2025-08-01) whose ``SVC`` is ``service``."""
    folder = one_file_worker(tmp_path, entry, date="2025-08-01", extra=SERVICE)
    worker = load_worker(env=load_env(folder, bindings={"SVC": service}))
    return await worker.fetch("/")


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
    service = WorkersResponses()
    resp = await answered(tmp_path, ENTRY, service)
    assert resp.status == 200, await resp.text()
    followed = [200, True, "http://b/landed", "at http://b/landed"]
    assert json.loads(await resp.text()) == [followed, followed]
    assert service.asked == ["http://b/r", "http://b/landed"] * 2


PROMISED = """
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
    service = PlainFetch()
    resp = await answered(tmp_path, PROMISED, service)
    assert resp.status == 200, await resp.text()
    assert json.loads(await resp.text()) == [[True, 200, True, "http://b/landed", "at http://b/landed"],
                                             [True, 200, False, "http://b/here", "at http://b/here"],
                                             [True, 200, True, "http://b/landed", "at http://b/landed"]]
    assert service.asked == ["http://b/r", "http://b/landed", "http://b/here", "http://b/r", "http://b/landed"]


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
    resp = await answered(tmp_path, REFUSED, Refusing())
    assert json.loads(await resp.text()) == [True, "no such page"]
