"""Headers workerd guards as immutable refuse changes: an incoming Request's, a fetch answer's (a
subrequest's, ``env.ASSETS``'s, ``caches.default.match``'s) and ``Response.redirect``'s, and
their clones'; copies made with ``new Headers``/``new Request``/``new Response`` may change.
Each row as a JavaScript Worker gives it under ``wrangler dev`` 4.164.0 (headers.h's
``checkGuard``: ``TypeError: Can't modify immutable headers.``)."""

from __future__ import annotations

import asyncio
import http.server

from tests.worker_helpers import origin_worker

ENTRY = '''
from js import Headers, Request, Response, caches, fetch
from workers import WorkerEntrypoint


def attempt(label, change):
    try:
        change()
        return f"{label}: ok"
    except Exception as exc:
        return f"{label}: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        request = request.js_object
        out = [
            attempt("incoming.set", lambda: request.headers.set("x-a", "1")),
            attempt("incoming.append", lambda: request.headers.append("x-a", "1")),
            attempt("incoming.delete", lambda: request.headers.delete("x-none")),
            attempt("incoming.set bad name", lambda: request.headers.set("bad name", "1")),
            attempt("incoming.clone", lambda: request.clone().headers.set("x-a", "1")),
            attempt("new Request(incoming)", lambda: Request.new(request).headers.set("x-a", "1")),
            attempt("new Headers(incoming.headers)", lambda: Headers.new(request.headers).set("x-a", "1")),
        ]
        answer = await fetch(ORIGIN)
        out += [
            attempt("fetch.set", lambda: answer.headers.set("x-a", "1")),
            attempt("fetch item", lambda: answer.headers.__setitem__("x-a", "1")),
            attempt("fetch.clone", lambda: answer.clone().headers.set("x-a", "1")),
            attempt("new Response(body, fetched)", lambda: Response.new(answer.body, answer).headers.set("x-a", "1")),
            attempt("redirect", lambda: Response.redirect("https://a.example/", 303).headers.set("x-a", "1")),
            attempt("redirect.clone", lambda: Response.redirect("https://a.example/").clone().headers.set("x-a", "1")),
            attempt("error", lambda: Response.error().headers.set("x-a", "1")),
            attempt("json", lambda: Response.json({}).headers.set("x-a", "1")),
        ]
        data = await fetch("data:text/plain,hi")
        out.append(attempt("data url", lambda: data.headers.set("x-a", "1")))
        await caches.default.put("https://cache.example/k", Response.new("v", headers=[["cache-control", "max-age=60"]]))
        cached = await caches.default.match("https://cache.example/k")
        out.append(attempt("cache.match", lambda: cached.headers.set("x-a", "1")))
        return Response.new("\\n".join(out))
'''

REFUSED = "TypeError: Can't modify immutable headers."


class Origin(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("content-length", "1")
        self.end_headers()
        self.wfile.write(b"o")

    def log_message(self, *args: object) -> None:
        pass


def test_received_headers_refuse_changes_and_copies_take_them(tmp_path):
    with origin_worker(tmp_path, Origin, ENTRY) as worker:
        async def scenario():
            response = await worker.fetch("/")
            return await response.text()

        lines = dict(line.split(": ", 1) for line in asyncio.run(scenario()).splitlines())
    assert lines == {
        "incoming.set": REFUSED, "incoming.append": REFUSED, "incoming.delete": REFUSED,
        "incoming.set bad name": REFUSED, "incoming.clone": REFUSED,
        "new Request(incoming)": "ok", "new Headers(incoming.headers)": "ok",
        "fetch.set": REFUSED, "fetch item": REFUSED, "fetch.clone": REFUSED, "new Response(body, fetched)": "ok",
        "redirect": REFUSED, "redirect.clone": REFUSED, "error": "ok", "json": "ok",
        "data url": "ok", "cache.match": REFUSED,
    }


ASSETS_ENTRY = '''
from js import Response


async def on_fetch(request, env):
    answer = await env.ASSETS.fetch(request)
    try:
        answer.headers.set("x-a", "1")
        return Response.new("changed")
    except Exception as exc:
        return Response.new(f"{answer.status} {exc}")
'''


def test_an_assets_answer_is_guarded_too(tmp_path):
    """(A legacy ``on_fetch``: its ``env.ASSETS`` is the raw binding; the SDKs' Response copies headers.)"""
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "a.txt").write_text("hi")
    from tests.worker_helpers import one_file_worker
    from workers_env import load_worker

    folder = one_file_worker(tmp_path, ASSETS_ENTRY, date="2025-06-01", pyproject=False,
                             extra='[assets]\ndirectory = "./public"\nbinding = "ASSETS"\nrun_worker_first = true\n')
    worker = load_worker(folder)

    async def scenario(path):
        response = await worker.fetch(path)
        return await response.text()

    assert asyncio.run(scenario("/a.txt")) == f"200 {REFUSED}"
    assert asyncio.run(scenario("/none.txt")) == f"404 {REFUSED}"
