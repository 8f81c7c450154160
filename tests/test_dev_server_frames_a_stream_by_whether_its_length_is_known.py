"""``workers-env dev`` frames a body given as a stream as workerd does, by whether the stream's
length is known (http.c++ ``Response::send`` asks ``tryGetLength``): Workers AI's ``stream:
true`` result -- the body of its internal fetch, server-sent events of unknown length (ai-api.ts
``run`` returns ``res.body``) -- goes chunked, each event its own chunk as it comes; a ``fetch()``
answer that came chunked, returned whole or as ``new Response(answer.body)``, goes chunked; a KV
``get``/``getWithMetadata`` stream, a tee branch of one and a Blob's stream go with their
``Content-Length``, as does an answer that came with one (``wrangler dev`` 4.164.0 with a
JavaScript Worker and a local KV namespace; tools/wrangler/http_differential.py). The AI stream
went with a ``Content-Length`` before, and a chunked answer passed on too."""

from __future__ import annotations

import http.server

from test_dev_server import exchange, split_answer
from worker_helpers import one_file_worker, serving

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.split("/", 3)[3]
        if path == "ai":
            stream = await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi", "stream": True})
            return Response(stream, headers={"content-type": "text/event-stream"})
        await self.env.KV.put("k", "hello kv", metadata={"a": 1})
        if path == "kv":
            return Response(await self.env.KV.get("k", "stream"))
        if path == "kv-meta":
            return Response((await self.env.KV.getWithMetadata("k", "stream"))["value"])
        if path == "kv-tee":
            return Response((await self.env.KV.get("k", "stream")).tee()[0])
        if path == "blob":
            return Response(js.Blob.new(["ab"]).stream())
        kind, how = path.split("-")  # length-body, chunked-whole, ...
        answer = await js.fetch(ORIGIN + kind)
        return answer if how == "whole" else Response(answer.body)
"""

CONFIG = '[ai]\nbinding = "AI"\n[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'


class _Origin(http.server.BaseHTTPRequestHandler):
    """``/length`` answers with a ``Content-Length``, ``/chunked`` two events chunked."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        if self.path == "/length":
            self.send_header("content-length", "5")
            self.end_headers()
            self.wfile.write(b"hello")
            return
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        self.wfile.write(b"9\r\ndata: 1\n\n\r\n9\r\ndata: 2\n\n\r\n0\r\n\r\n")

    def log_message(self, *args: object) -> None:
        pass


def _chunks(body: bytes) -> list[bytes]:
    """A chunked body's chunks, as sent."""
    chunks = []
    while True:
        size, _, body = body.partition(b"\r\n")
        n = int(size, 16)
        if not n:
            return chunks
        chunks.append(body[:n])
        body = body[n + 2:]


def test_a_stream_goes_chunked_when_its_length_is_unknown_and_with_it_when_known(tmp_path):
    with serving(_Origin) as origin:
        worker = load_worker(one_file_worker(tmp_path, f"ORIGIN = {origin + '/'!r}\n" + ENTRY, extra=CONFIG))
        answers = {}
        with BackgroundServer(worker) as server:
            for path in ("ai", "kv", "kv-meta", "kv-tee", "blob", "length-body", "length-whole", "chunked-body",
                         "chunked-whole"):
                raw = exchange(server.port, f"GET /{path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".encode())
                answers[path] = split_answer(raw)
    for path in ("ai", "chunked-body", "chunked-whole"):
        status, headers, body = answers[path]
        assert status == "HTTP/1.1 200 OK", body
        assert (headers.get("transfer-encoding"), headers.get("content-length")) == ("chunked", None), path
    events = _chunks(answers["ai"][2])
    assert len(events) > 2 and events[-1] == b"data: [DONE]\n\n"
    assert all(e.startswith(b"data: ") and e.endswith(b"\n\n") and e.count(b"\n\n") == 1 for e in events)
    assert b"".join(_chunks(answers["chunked-body"][2])) == b"data: 1\n\ndata: 2\n\n"
    for path, text in (("kv", b"hello kv"), ("kv-meta", b"hello kv"), ("kv-tee", b"hello kv"), ("blob", b"ab"),
                       ("length-body", b"hello"), ("length-whole", b"hello")):
        status, headers, body = answers[path]
        assert (status, headers.get("content-length"), headers.get("transfer-encoding"), body) == \
            ("HTTP/1.1 200 OK", str(len(text)), None, text), path
