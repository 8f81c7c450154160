"""``stream.pipeTo(writable)`` hands Worker code the ``PyodideFuture`` Pyodide makes of the
promise a JavaScript call returns (measured on 0.26.0a4 and 0.28.2 under Node by tools/pyodide,
group ``pipe-to-and-promises``): an ``asyncio.Future`` -- ``done()``/``result()``,
``add_done_callback``, ``asyncio.ensure_future`` gives it back, ``asyncio.gather`` takes it twice
-- whose awaited value is ``None``; before, it was the bare promise proxy (``gather(p, p)`` raised
``unhashable type``)."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker


ENTRY = """
import asyncio
import json
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ts = js.TransformStream.new()
        p = js.Response.new("abc").body.pipeTo(ts.writable)
        text = asyncio.ensure_future(js.Response.new(ts.readable).text())
        kind = (type(p).__name__, isinstance(p, asyncio.Future), asyncio.ensure_future(p) is p)
        both = await asyncio.gather(p, p)
        return Response(json.dumps({"kind": kind, "gathered": both, "awaited": await p,
                                    "done": [p.done(), p.result()], "text": await text}))
"""


def test_pipe_to_gives_a_pyodide_future(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    assert answer == {"kind": ["PyodideFuture", True, True], "gathered": [None, None], "awaited": None,
                      "done": [True, None], "text": "abc"}
