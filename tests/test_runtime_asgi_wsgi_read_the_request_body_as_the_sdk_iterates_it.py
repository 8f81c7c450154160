"""The ASGI and WSGI bridges read the request body as both SDKs do: ``async for data in
req.body`` (workerd's built-in ``asgi.py``, workers-runtime-sdk's ``asgi.py`` and ``wsgi.py``
``_read_body``), which is ``values()``: ``getReader()`` first, then reads to the end.

So a body the handler already read decides what the app gets as in production: one a reader
still holds (an ``async for`` left by ``break``: Pyodide calls no ``return()``) or ``text()``
used up (workerd's ``text()`` keeps the stream locked for good) is ``getReader()``'s ``TypeError:
This ReadableStream is currently locked to a reader.``; one an ``async for`` read to its end (the
lock released) gives the app an empty body. Both were "Body has already been used" here. An
unread body reaches the app whole, and ASGI leaves its stream unlocked (it was locked here);
WSGI's ``wsgi.input`` holds its reader until the streamed response body ends (the SDK's
``close_all``), so the stream is still locked while the response is unread."""

from __future__ import annotations

import asyncio

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import io
from workers import WorkerEntrypoint, Response
import asgi
from workers import wsgi

async def app(scope, receive, send):
    message = await receive()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"asgi got " + message["body"]})

def wsgi_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"wsgi got " + environ["wsgi.input"].read()]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        how = request.url.rsplit("/", 1)[-1]
        if how.startswith("break"):
            async for chunk in request.body:
                break
        elif how.startswith("end"):
            async for chunk in request.body:
                pass
        elif how.startswith("text"):
            await request.text()
        try:
            if how.endswith("wsgi"):
                resp = await wsgi.fetch(wsgi_app, request, self.env)
            else:
                resp = await asgi.fetch(app, request, self.env)
        except Exception as exc:
            return Response(str(exc))
        locked = request.body.locked  # values() released its reader at the end
        return Response(f"{await resp.text()} {request.body_used} {locked}")
"""

LOCKED = "TypeError: This ReadableStream is currently locked to a reader."


def test_the_bridges_read_the_request_body_through_its_stream(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)

    async def scenario():
        worker = load_worker(folder)
        out = {}
        for how in ("unread", "break", "end", "text"):
            for bridge in ("asgi", "wsgi"):
                resp = await asyncio.wait_for(worker.fetch(f"/{how}-{bridge}", method="POST", body="hello"), 10)
                out[f"{how}-{bridge}"] = await resp.text()
        return out

    assert asyncio.run(scenario()) == {
        "unread-asgi": "asgi got hello True False", "unread-wsgi": "wsgi got hello True True",
        "break-asgi": LOCKED, "break-wsgi": LOCKED,
        "end-asgi": "asgi got  True False", "end-wsgi": "wsgi got  True True",
        "text-asgi": LOCKED, "text-wsgi": LOCKED,
    }
