"""``worker.fetch``'s answer holds the headers the Worker's Response holds, with no framing header
made up for its body -- neither a ``Content-Length`` for a body of known length (a KV stream) nor
one for Workers AI's server-sent events, whose length is unknown -- as a caller of the Worker
through a service binding sees them under ``wrangler dev`` 4.164.0 (``[...response.headers]``
empty for a KV stream, a chunked origin's body and ``new Response(ts.readable)``); a ``fetch()``
answer returned whole keeps the origin's own ``Content-Length``. The framing is what
``workers-env dev`` adds on the wire."""

from __future__ import annotations

import asyncio
import http.server

from worker_helpers import one_file_worker, serving

from workers_env import load_worker

ENTRY = """
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/ai"):
            stream = await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi", "stream": True})
            return Response(stream, headers={"content-type": "text/event-stream"})
        if request.url.endswith("/kv"):
            await self.env.KV.put("k", "hello kv")
            return Response(await self.env.KV.get("k", "stream"))
        return await js.fetch(ORIGIN)
"""


class Origin(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("content-length", "5")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args: object) -> None:
        pass


def test_worker_fetch_answer_headers_are_the_workers_own(tmp_path):
    config = '[ai]\nbinding = "AI"\n[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'

    async def scenario(worker):
        seen = {}
        for path in ("/ai", "/kv", "/origin"):
            resp = await worker.fetch(path)
            seen[path] = (sorted(k for k, _ in resp.headers.items() if k not in ("date", "server")), await resp.text())
        return seen

    with serving(Origin) as url:
        worker = load_worker(one_file_worker(tmp_path, f"ORIGIN = {url!r}\n" + ENTRY, extra=config))
        seen = asyncio.run(scenario(worker))
    assert seen["/ai"][0] == ["content-type"] and seen["/ai"][1].endswith("data: [DONE]\n\n")
    assert seen["/kv"] == ([], "hello kv")
    assert seen["/origin"] == (["content-length"], "hello")
