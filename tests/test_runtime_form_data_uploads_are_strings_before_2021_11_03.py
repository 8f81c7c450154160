"""A Worker dated before 2021-11-03 gets an uploaded file from ``request.formData()`` as a string
of its bytes (UTF-8, an invalid byte U+FFFD), as every other part: workerd's
``formdata_parser_supports_files`` flag (``compatibility-date.capnp``) is off there, and
``formdata_parser_converts_files_to_strings`` turns it off at any date; ``formdata_parser_supports_files``
named turns it on before. A ``File`` the Worker appends itself stays one. Each answer below is
what a JavaScript Worker gave under ``wrangler dev`` 4.164.0 (tools/wrangler/jsapi_differential.py,
its dated cases); before the change workers-env gave a ``File`` at every date."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint


async def shown(value):
    return value if isinstance(value, str) else {"file": value.name, "type": value.type, "text": await value.text()}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        form = await request.js_object.formData()
        mine = js.FormData.new()
        mine.append("x", js.File.new(["y"], "y.txt"))
        return Response.json({"parsed": [[name, await shown(value)] for name, value in form.entries()],
                              "appended": await shown(mine.get("x"))})
'''

BODY = (b'--b\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n'
        b'h\xc3\xa9llo\r\n--b\r\nContent-Disposition: form-data; name="g"; filename="b.bin"\r\n\r\n\xff\x00'
        b'\r\n--b\r\nContent-Disposition: form-data; name="t"\r\n\r\nplain\r\n--b--\r\n')

AS_STRINGS = [["f", "h\u00e9llo"], ["g", "\ufffd\x00"], ["t", "plain"]]
AS_FILES = [["f", {"file": "a.txt", "type": "text/plain", "text": "h\u00e9llo"}],
            ["g", {"file": "b.bin", "type": "", "text": "\ufffd\x00"}], ["t", "plain"]]
APPENDED = {"file": "y.txt", "type": "", "text": "y"}


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "parsed"), [
    ("2021-11-02", (), AS_STRINGS),
    ("2021-11-02", ("formdata_parser_supports_files",), AS_FILES),
    ("2021-11-03", (), AS_FILES),
    ("2026-09-28", ("formdata_parser_converts_files_to_strings",), AS_STRINGS),
])
async def test_an_uploaded_file_is_a_string_in_the_era_before_files(tmp_path, date, flags, parsed):
    # (python_no_global_handlers: a Default class's fetch is its handler at these dates too)
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=("python_no_global_handlers", *flags)))
    response = await worker.fetch("/", method="POST", body=BODY,
                                  headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status == 200, await response.text()
    assert await response.json() == {"parsed": parsed, "appended": APPENDED}
