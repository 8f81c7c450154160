"""Both SDKs' ``Request.form_data()`` and ``Response.form_data()`` turn the JS ``TypeError`` of a
body workerd cannot read as a form into Python's ``TypeError`` (``_to_python_exception``, in every
release since the methods came: workerd df9f671eb, d3527e6cb; workers-runtime-sdk request.py and
response.py), so ``except TypeError`` catches a malformed upload in production."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for read in (request.form_data, Response("a=1", headers={"content-type": "text/plain"}).form_data):
            try:
                await read()
                out.append("read")
            except TypeError as exc:
                out.append([type(exc).__name__, str(exc)])
        return Response.json(out)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-11-01"])  # the built-in SDK, then the external one
async def test_an_unreadable_form_is_pythons_type_error(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    body = "--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--\r\n"
    resp = await worker.fetch("/", method="POST", headers={"content-type": "multipart/form-data; boundary=XyZ"},
                              body=body)
    assert await resp.json() == [
        ["TypeError", "Content-Disposition header in FormData part is missing a name."],
        ["TypeError", "Unrecognized Content-Type header value. FormData can only parse the following MIME types: "
                      "multipart/form-data, application/x-www-form-urlencoded"],
    ]
