"""``workers.fetch``'s options reach ``fetch`` through ``to_js`` (both SDKs' ``pyfetch``), which
converts a ``dict``, a list, ``bytes`` ... but leaves any other Python object a PyProxy: a
``workers.FormData`` or ``workers.Blob`` body matches none of workerd's body types, so it is sent
as the proxy's ``String()``, its Python ``repr`` -- not multipart, not the Blob's bytes. Its
``.js_object`` is the JS FormData/Blob that is sent as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
from workers import Blob, FormData, Response, WorkerEntrypoint, fetch

URL = "{url}"

async def body(value):
    return (await (await fetch(URL, method="POST", body=value)).json())["body"]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        form, blob = FormData({{"a": "1"}}), Blob(["bytes"])
        return Response.json([await body(form) == repr(form), await body(blob) == repr(blob),
                              "name=\\"a\\"" in await body(form.js_object), await body(blob.js_object)])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("date", ["2025-08-13", "2026-05-01"])  # the built-in SDK on Pyodide 0.26, the external one
def test_sdk_body_objects_are_sent_as_their_repr(tmp_path: Path, date: str) -> None:
    with echo_origin() as url:
        assert json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/") == [
            True, True, True, "bytes"]
