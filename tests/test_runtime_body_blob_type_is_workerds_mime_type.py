"""A body's ``blob()`` takes its ``type`` from the Content-Type header as workerd's
``Body::blob`` does (api/http.c++): from 2024-06-03 (``blob_standard_mime_type``) the header
through ``MimeType::extract(...).toString()`` -- type and parameter names lower-cased, a
parameter *value*'s case kept (``text/plain;charset=UTF-8``), several listed types read as the
standard's "extract a MIME type", a header that does not parse giving ``""`` --; before it, the
header as it is. (It was lower-cased whole, as the Blob constructor does: `charset=utf-8`.)"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
    from js import Response, Headers
    from workers import WorkerEntrypoint
    import workers

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            out = []
            for value in (None, "Text/Plain; Charset=UTF-8", "text/html;q=\\"A,B\\", Text/HTML",
                          "text/plain;charset=ISO-8859-1, text/plain", "*/*, Application/JSON", "nonsense", ""):
                headers = Headers.new()
                if value is not None:
                    headers.set("content-type", value)
                blob = await Response.new("x", headers=headers).blob()
                out.append(repr(blob.type))
            return workers.Response("|".join(out))
"""


@pytest.mark.asyncio
async def test_from_2024_06_03_the_type_is_the_extracted_mime_type(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert (await (await worker.fetch("/")).text()).split("|") == [
        "'text/plain;charset=UTF-8'",  # Response("x")'s own header, as workerd writes it
        "'text/plain;charset=UTF-8'",
        "'text/html'",  # the second listed type, a different one: no parameter carried over
        "'text/plain;charset=ISO-8859-1'",  # the same type without charset takes the earlier one's
        "'application/json'",  # */* skipped
        "''", "''",
    ]


@pytest.mark.asyncio
async def test_before_it_the_header_as_it_is(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, flags=("blob_legacy_mime_type",)))
    assert (await (await worker.fetch("/")).text()).split("|") == [
        "'text/plain;charset=UTF-8'", "'Text/Plain; Charset=UTF-8'", "'text/html;q=\"A,B\", Text/HTML'",
        "'text/plain;charset=ISO-8859-1, text/plain'", "'*/*, Application/JSON'", "'nonsense'", "''",
    ]
