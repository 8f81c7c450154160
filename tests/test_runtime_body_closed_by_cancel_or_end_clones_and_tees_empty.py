"""``clone()`` and ``tee()`` of a body whose stream a cancel, or a read to its end, closed.

4d94c93 made a canceled body ``bodyUsed`` (as workerd's); ``clone()`` then refused it with the
tee's "locked" TypeError, as it refused a body read to its end by a reader since released (and
``body.tee()`` too). In workerd such a stream is closed and *not* locked: ``Body::clone``
(http.c++) tees it, and ``tee()`` of a closed internal stream gives two closed streams
(internal.c++ ``tee``, ``Closed`` case) -- the clone and the original then read as empty and not
used. wrangler dev, tools/wrangler/jsapi_differential.py: clone() kept, ``clone.bodyUsed`` false,
``clone.text()`` "", ``body.tee()`` kept. A body used by ``text()`` (locked for good) still refuses."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for how in ("cancel", "read to the end"):
            resp = js.Response.new("abc")
            if how == "cancel":
                await resp.body.cancel()
            else:
                async for chunk in resp.body:
                    pass
            used = resp.bodyUsed
            copy = resp.clone()
            out[how] = [used, copy.bodyUsed, await copy.text(), resp.bodyUsed, await resp.text()]
            resp = js.Request.new("https://e.com/", {"method": "POST", "body": "abc"})
            await resp.body.cancel()
            out[how].append(await resp.clone().text())
            body = js.Response.new("abc").body
            await body.cancel()
            first, second = body.tee()
            out[how] += [body.locked, await js.Response.new(first).text()]
        resp = js.Response.new("abc")
        await resp.text()
        try:
            resp.clone()
            out["text"] = "kept"
        except Exception as exc:
            out["text"] = str(exc)
        return Response.json(out)
"""


def test_a_body_closed_by_a_cancel_or_its_end_clones_and_tees_as_empty_streams(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    closed = [True, False, "", False, "", "", True, ""]
    assert json_answer(folder, "/") == {
        "cancel": closed,
        "read to the end": closed,
        "text": "TypeError: This ReadableStream is currently locked to a reader,",
    }
