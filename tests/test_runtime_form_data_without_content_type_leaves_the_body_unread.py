"""``formData()`` on a body without a ``Content-Type`` header is workerd's ``TypeError: Parsing a
Body as FormData requires a Content-Type header.``, raised after the used-body check and before
anything is read (``Body::formData``, http.c++): the body stays unused, so ``text()`` still reads
it, and a locked stream gets this error rather than the lock's. A header that is there but names
no form type (empty, ``text/plain``) reads the body first and is the ``Unrecognized Content-Type``
error, the body used. Each answer was measured on a JavaScript twin under ``wrangler dev`` 4.164.0
(2025-10-24); before, the missing header was the ``Unrecognized`` error and the body was used up
(found running a public uploader Worker whose GET route calls ``form_data()``: hunt33)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

MISSING = "TypeError: Parsing a Body as FormData requires a Content-Type header."


async def outcome(body):
    try:
        await body.formData()
        return "parsed"
    except Exception as exc:
        return str(exc)


def request(**init):
    init = {"method": "POST", "body": js.TextEncoder.new().encode("a=1"), **init}
    return js.Request.new("https://x/", to_js(init, dict_converter=js.Object.fromEntries))


def typed(kind):
    return to_js({"content-type": kind}, dict_converter=js.Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request_):
        if request_.url.endswith("/incoming"):
            incoming = request_.js_object
            read = await outcome(incoming)
            return Response(json.dumps([read, incoming.bodyUsed, await incoming.text()]))
        out = {}
        r = request()
        out["no header"] = [await outcome(r), r.bodyUsed, await r.text()]
        resp = js.Response.new(js.TextEncoder.new().encode("a=1"))
        out["response"] = [await outcome(resp), resp.bodyUsed]
        out["no body"] = await outcome(js.Request.new("https://x/"))
        r = request()
        r.body.getReader()
        out["locked"] = await outcome(r)
        r = request(headers=typed("application/x-www-form-urlencoded"))
        r.body.getReader()
        out["locked, typed"] = await outcome(r)
        r = request()
        await r.text()
        out["used"] = await outcome(r)
        for kind in ("", "text/plain"):
            r = request(headers=typed(kind))
            out[kind or "empty"] = [await outcome(r), r.bodyUsed]
        return Response(json.dumps(out))
'''

MISSING = "TypeError: Parsing a Body as FormData requires a Content-Type header."
UNRECOGNIZED = ("TypeError: Unrecognized Content-Type header value. FormData can only parse the following MIME "
                "types: multipart/form-data, application/x-www-form-urlencoded")


@pytest.mark.asyncio
async def test_a_body_without_content_type_is_refused_before_it_is_read(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-10-24"))
    resp = await worker.fetch("/", method="POST", body=b"")
    assert await resp.json() == {
        "no header": [MISSING, False, "a=1"],
        "response": [MISSING, False],
        "no body": MISSING,
        "locked": MISSING,
        "locked, typed": "TypeError: This ReadableStream is currently locked to a reader.",
        "used": ("TypeError: Body has already been used. It can only be used once. Use tee() first if you need "
                 "to read it twice."),
        "empty": [UNRECOGNIZED, True],
        "text/plain": [UNRECOGNIZED, True],
    }


@pytest.mark.asyncio
async def test_the_incoming_request_stays_readable(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-10-24"))
    resp = await worker.fetch("/incoming", method="POST", body=b"a=1")
    assert await resp.json() == [MISSING, False, "a=1"]
