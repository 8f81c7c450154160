"""A response whose body is a binding's stream of unknown length -- Workers AI's ``stream: true``
server-sent events, returned as ``Response(stream)`` -- reads in test code in the chunks it came in,
one event each, as ``workers-env dev`` sends them and as JavaScript's ``response.body`` gives them
(``async for chunk in response.body``, ``response.body.getReader().read()``): it came back as one
chunk before (leftovers60). ``text()``/``json()`` read it whole as before; a TransformStream's body
read chunk by chunk already."""

from __future__ import annotations

import asyncio

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from js import Response as JsResponse
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi", "stream": True})
        if request.url.endswith("/js"):
            return JsResponse.new(stream)
        return Response(stream, headers={"content-type": "text/event-stream"})
'''


def test_each_event_is_a_chunk(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-10-01", extra='[ai]\nbinding = "AI"\n'))

    async def scenario():
        whole = await (await worker.fetch("/")).text()
        events = [e + "\n\n" for e in whole.split("\n\n") if e]
        assert len(events) > 3 and events[-1] == "data: [DONE]\n\n"
        for path in ("/", "/js"):
            response = await worker.fetch(path)
            assert [chunk.to_bytes().decode() async for chunk in response.body] == events
            reader = (await worker.fetch(path)).body.getReader()
            read = []
            while not (result := await reader.read()).done:
                read.append(result.value.to_bytes().decode())
            assert read == events
            assert await (await worker.fetch(path)).text() == whole

    asyncio.run(scenario())
