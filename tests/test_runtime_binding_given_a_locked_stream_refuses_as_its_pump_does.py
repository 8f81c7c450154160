"""A binding handed a stream locked to a reader -- one a reader holds, or a body ``text()`` used
up (workerd's ``text()`` keeps its stream locked for good) -- refuses it as workerd's pump does
(KV's and R2's ``put`` call ``pumpTo``; readable.c++ ``ReadableStream::pumpTo``: ``The
ReadableStream has been locked to a reader.``). workers-env said ``This ReadableStream is
currently locked to a reader.`` (``getReader()``'s text), and for the used body that it was
disturbed and could not be used as a body."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Response as JsResponse
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = JsResponse.new("abc")
        if request.url.endswith("/reader"):
            made.body.getReader()
        else:
            await made.text()
        try:
            await self.env.KV.put("k", made.body)
        except Exception as error:
            return Response(str(error))
        return Response("stored")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["reader", "text"])
async def test_a_locked_stream_is_refused_with_the_pumps_text(tmp_path, how):
    folder = one_file_worker(tmp_path, ENTRY, extra='[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    worker = load_worker(folder)
    assert await (await worker.fetch(f"/{how}")).text() == "TypeError: The ReadableStream has been locked to a reader."
