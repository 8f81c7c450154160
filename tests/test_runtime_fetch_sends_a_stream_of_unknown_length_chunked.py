"""``fetch`` frames a request body as workerd does: a body whose length is known goes with a
``Content-Length`` -- a string, bytes, a Blob, FormData, URLSearchParams (empty ones as
``Content-Length: 0``), a FixedLengthStream's readable, another body's ``body`` made of a buffer,
the incoming request's body that came with a ``Content-Length``, a KV stream, a Blob's stream --,
a stream of unknown length with ``Transfer-Encoding: chunked`` and no ``Content-Length`` -- a
``new ReadableStream`` (an empty one too), a TransformStream's or IdentityTransformStream's
readable, Workers AI's ``stream: true`` events. As ``wrangler dev`` 4.164.0 sent them to a local
origin from a JavaScript Worker (the AI stream, which needs Cloudflare, from workerd's sources)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import BODY_INITS, EchoOrigin, one_file_worker, serving

from workers_env import load_worker

WORKER = BODY_INITS + """
import json
from workers import Response, WorkerEntrypoint

def written(pair):
    writer = pair.writable.getWriter()
    writer.write(js.Uint8Array.new([97, 98]))
    writer.close()
    return pair.readable

def form():
    data = js.FormData.new()
    data.append("a", "b")
    return data

BODIES = {
    "string": lambda: "ab",
    "bytes": lambda: js.Uint8Array.new([97, 98]),
    "blob": lambda: js.Blob.new(to_js(["ab"])),
    "form": form,
    "params": lambda: js.URLSearchParams.new("a=b"),
    "empty string": lambda: "",
    "empty bytes": lambda: js.Uint8Array.new(0),
    "stream": stream,
    "empty stream": lambda: js.ReadableStream.new(init(start=lambda c: c.close())),
    "fixed length stream": lambda: written(js.FixedLengthStream.new(2)),
    "a response's body": lambda: js.Response.new("ab").body,
    "transform stream": lambda: written(js.TransformStream.new()),
    "identity transform stream": lambda: written(js.IdentityTransformStream.new()),
}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.method == "POST":  # the incoming body handed on
            sent = await js.fetch(ORIGIN, init(method="POST", body=request.js_object.body))
            return Response.json({"incoming": json.loads(await sent.text())})
        answers = {}
        for kind, make in BODIES.items():
            sent = await js.fetch(ORIGIN, init(method="POST", body=make()))
            answers[kind] = json.loads(await sent.text())
        return Response.json(answers)
"""

KNOWN = {"string": ("ab", "2"), "bytes": ("ab", "2"), "blob": ("ab", "2"), "params": ("a=b", "3"),
         "empty string": ("", "0"), "empty bytes": ("", "0"), "fixed length stream": ("ab", "2"),
         "a response's body": ("ab", "2")}
CHUNKED = {"stream": "ab", "empty stream": "", "transform stream": "ab", "identity transform stream": "ab"}


@pytest.mark.asyncio
async def test_fetch_sends_a_body_of_known_length_with_content_length_and_a_stream_chunked(tmp_path: Path) -> None:
    with serving(EchoOrigin) as url:
        worker = load_worker(one_file_worker(tmp_path, f"ORIGIN = {url!r}\n" + WORKER))
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        answers = json.loads(await resp.text())
        forwarded = await worker.fetch("/", method="POST", body=b"abc")
        assert forwarded.status == 200, await forwarded.text()
        answers.update(json.loads(await forwarded.text()))
    framing = {kind: (body, seen.get("content-length"), seen.get("transfer-encoding"))
               for kind, (_, body, seen) in answers.items()}
    for kind, (body, length) in KNOWN.items():
        assert framing[kind] == (body, length, None), kind
    for kind, body in CHUNKED.items():
        assert framing[kind] == (body, None, "chunked"), kind
    body, length, encoding = framing["form"]
    assert (length, encoding) == (str(len(body.encode("latin-1"))), None) and 'name="a"' in body
    assert framing["incoming"] == ("abc", "3", None)


BINDING_WORKER = BODY_INITS + """
import json
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("k", "hello kv", metadata={"a": 1})
        ai = await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi", "stream": True})
        bodies = {
            "kv": await self.env.KV.get("k", "stream"),
            "kv getWithMetadata": (await self.env.KV.getWithMetadata("k", "stream"))["value"],
            "kv tee branch": (await self.env.KV.get("k", "stream")).tee()[1],
            "blob stream": js.Blob.new(["ab"]).stream(),
            "ai": ai,
        }
        answers = {}
        for kind, body in bodies.items():
            answers[kind] = json.loads(await (await js.fetch(ORIGIN, init(method="POST", body=body))).text())
        return Response.json(answers)
"""


@pytest.mark.asyncio
async def test_a_bindings_stream_is_sent_framed_by_whether_its_length_is_known(tmp_path: Path) -> None:
    """A KV stream (``get``, ``getWithMetadata``, a tee branch of one) and a Blob's stream go with
    their length (``wrangler dev`` 4.164.0, a local KV namespace: ``Content-Length: 8``); Workers
    AI's server-sent events have none (its internal fetch's body), so they go chunked."""
    config = '[ai]\nbinding = "AI"\n[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'
    with serving(EchoOrigin) as url:
        worker = load_worker(one_file_worker(tmp_path, f"ORIGIN = {url!r}\n" + BINDING_WORKER, extra=config))
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        answers = json.loads(await resp.text())
    framing = {kind: (seen.get("content-length"), seen.get("transfer-encoding")) for kind, (_, _, seen) in answers.items()}
    assert framing == {"kv": ("8", None), "kv getWithMetadata": ("8", None), "kv tee branch": ("8", None),
                       "blob stream": ("2", None), "ai": (None, "chunked")}
    assert answers["kv"][1] == "hello kv" and answers["ai"][1].endswith("data: [DONE]\n\n")
