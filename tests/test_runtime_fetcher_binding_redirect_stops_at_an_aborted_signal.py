"""A Fetcher binding's redirect is not followed once the call's ``signal`` has aborted: the call
fails with the signal's reason and the binding is not asked for the ``Location``, as workerd
checks the signal on each answer and before each hop (http.c++ ``handleHttpResponse``,
``fetchImplNoOutputLock``); one aborted before the binding answered fails even without a
redirect, and one aborted before the call asks the binding nothing. Through ``self.env``'s wrapper (``AbortError`` on Pyodide 0.28) and the JavaScript
``env`` (the reason itself)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker


class Slow:
    """A service binding whose ``/slow...`` answers come after 0.5 s: ``/slow/r`` a 302 to
    ``/landed``, anything else 200."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js

        url = str(getattr(resource, "url", resource))
        self.asked.append(url)
        if "/slow" in url:
            await asyncio.sleep(0.5)  # the Worker's 50 ms timeout signal aborts meanwhile
        if url.endswith("/r"):
            return js.Response.new("", status=302, headers=js.Object.fromEntries([["location", "/landed"]]))
        return js.Response.new("landed")


ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, import_from_javascript

async def seen(make):
    try:
        r = await make()
        return [r.status, r.url]
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        raw = import_from_javascript("cloudflare:workers").env.SVC
        timeout = lambda: js.AbortSignal.timeout(50)
        aborted = js.AbortController.new()
        aborted.abort()
        return Response.json([
            await seen(lambda: self.env.SVC.fetch("http://b/never", signal=aborted.signal)),
            await seen(lambda: raw.fetch("http://b/never", to_js({"signal": aborted.signal}, dict_converter=js.Object.fromEntries))),
            await seen(lambda: self.env.SVC.fetch("http://b/slow/r", signal=timeout())),
            await seen(lambda: raw.fetch("http://b/slow/r", to_js({"signal": timeout()}, dict_converter=js.Object.fromEntries))),
            await seen(lambda: self.env.SVC.fetch("http://b/slow/ok", signal=timeout())),
            await seen(lambda: self.env.SVC.fetch("http://b/r", signal=js.AbortSignal.timeout(10_000))),  # never due under load
        ])
"""

TIMED_OUT = "The operation was aborted due to timeout"


@pytest.mark.asyncio
async def test_a_binding_redirect_is_not_followed_once_the_signal_aborted(tmp_path: Path) -> None:
    extra = '[[services]]\nbinding = "SVC"\nservice = "other"\n'
    service = Slow()
    folder = one_file_worker(tmp_path, ENTRY, date="2025-10-01", extra=extra)
    worker = load_worker(env=load_env(folder, bindings={"SVC": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert json.loads(await resp.text()) == [
        "AbortError: The operation was aborted", "JsException: AbortError: The operation was aborted",
        f"AbortError: {TIMED_OUT}", f"JsException: TimeoutError: {TIMED_OUT}", f"AbortError: {TIMED_OUT}",
        [200, "http://b/landed"]]  # not aborted: followed
    assert service.asked == ["http://b/slow/r", "http://b/slow/r", "http://b/slow/ok", "http://b/r", "http://b/landed"]
