"""``clone()`` of a Request or Response whose body a reader of its own read part of, then
released, tees what is left (http.c++ ``Body::clone`` tees the body's stream, looking at no
``bodyUsed``; internal.c++ ``tee`` needs it unlocked only): the clone and the original each
read the bytes not read yet, and the original is no longer used (its stream is a fresh tee
branch). workers-env refused the clone as locked (checked under wrangler dev,
tools/wrangler/jsapi_differential.py)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Request as JsRequest, Response as JsResponse
from workers import Response, WorkerEntrypoint

TEXT = "abcdefghijklmnopqrstuvwxyz" * 400

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/request"):
            made = JsRequest.new("https://example.com/", method="POST", body=TEXT)
        else:
            made = JsResponse.new(TEXT)
        reader = made.body.getReader()
        first = (await reader.read()).value.byteLength
        reader.releaseLock()
        used = made.bodyUsed
        copy = made.clone()
        state = [made.bodyUsed, copy.bodyUsed]
        rest, copied = await made.text(), await copy.text()
        return Response.json([first, used, state, rest == TEXT[first:], copied == TEXT[first:]])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("what", ["response", "request"])
async def test_the_clone_and_the_original_read_what_the_reader_left(tmp_path, what):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(f"/{what}")).json() == [4096, True, [False, False], True, True]
