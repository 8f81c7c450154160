"""Idioms of Cloudflare's Python Workers examples that must behave as in production:
``headers[name] = value`` and ``del headers[name]`` on JS ``Headers``/``URLSearchParams``/
``FormData`` (Pyodide calls ``set``/``delete``; real Pyodide 0.26.0a4, 0.26.2, 0.28.2), a failed
``workers.fetch`` raising ``OSError`` (the SDKs' patched ``pyfetch``; Pyodide 0.28's
``AbortError``), and ``ctx.waitUntil`` of a plain value accepted (``Promise.resolve``)."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import local_origin, one_file_worker

from workers_env import js, load_worker


def test_item_assignment_and_deletion_call_set_and_delete():
    headers = js.Headers.new()
    headers["Cache-Control"] = "max-age=1500"
    assert headers.get("cache-control") == "max-age=1500"
    with pytest.raises(KeyError):  # delete() ran, then Pyodide raises: delete answers undefined
        del headers["Cache-Control"]
    assert headers.has("cache-control") is False
    params = js.URLSearchParams.new("a=1")
    params["b"] = "2"
    assert params.toString() == "a=1&b=2"
    form = js.FormData.new()
    form["k"] = "v"
    assert form.get("k") == "v"


ENTRY = '''
from workers import Response, WorkerEntrypoint, fetch


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        self.ctx.waitUntil(42)  # a plain value: nothing to wait for, no error
        try:
            await fetch("http://127.0.0.1:9/")
        except OSError as exc:
            return Response(f"{type(exc).__name__}: {exc}")
        return Response("fetched")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "kind"), [("2025-09-01", "OSError"), ("2026-11-30", "AbortError")])
async def test_a_failed_fetch_is_an_oserror(tmp_path, date, kind, caplog):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    with caplog.at_level(logging.ERROR):
        reply = await (await worker.fetch("/")).text()
    assert reply == f"{kind}: Network connection lost."  # the JS error's message, not "Error: ..."
    assert not [r for r in caplog.records if "waitUntil" in r.getMessage()]


@pytest.fixture
def origin():
    with local_origin() as served:
        yield served


@pytest.mark.asyncio
async def test_a_workers_fetch_sends_no_user_agent_of_its_own(origin):
    """workerd adds no ``User-Agent`` to a Worker's subrequest (wrangler dev 4.164.0; urllib would
    send its own), so an API that requires one refuses it -- here too, not only after deploying;
    a Worker that sets one sends it."""
    target, seen = origin
    await js.fetch(f"http://{target}/")
    await js.fetch(f"http://{target}/", headers=js.Headers.new([["User-Agent", "my-worker/1.0"]]))
    assert "user-agent" not in seen[0] and seen[1]["user-agent"] == "my-worker/1.0"


@pytest.mark.asyncio
async def test_a_forwarded_request_reaches_the_origin_with_the_origins_host(origin):
    """``fetch(origin_url, request)`` -- every "proxy the request" example -- sends the target's
    ``Host``, not the incoming request's: ``Host`` is a forbidden header to a Worker's fetch."""
    target, seen = origin
    incoming = js.Request.new("https://worker.example.com/page", headers=js.Headers.new([["Host", "worker.example.com"]]))
    await js.fetch(f"http://{target}/a", incoming)
    await js.fetch(f"http://{target}/b", headers=js.Headers.new([["Host", "evil.example"]]))
    assert [h["host"] for h in seen] == [target, target]


@pytest.mark.asyncio
async def test_the_dev_server_sends_the_bodys_own_length(tmp_path):
    """A Response whose headers carry a stale ``Content-Length`` (an origin's, copied with
    ``Response.new(new_text, origin)``) goes over HTTP with its body's length, as workerd sends it."""
    from workers_env.runtime.workerapp import WorkerApp

    entry = '''
    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("hello world", headers={"content-length": "3", "x-a": "1"})
    '''
    app = WorkerApp(load_worker(one_file_worker(tmp_path, entry)))
    sent: list[dict] = []
    scope = {"type": "http", "method": "GET", "path": "/", "raw_path": b"/", "query_string": b"",
             "headers": [(b"host", b"localhost")], "scheme": "http", "server": ("localhost", 8787),
             "client": ("127.0.0.1", 1), "http_version": "1.1"}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    headers = {name.lower(): value for name, value in sent[0]["headers"]}  # (KJ's spelling: Content-Length)
    assert headers[b"content-length"] == b"11" and sent[1]["body"] == b"hello world"
