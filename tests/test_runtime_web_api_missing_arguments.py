"""A workerd method called with fewer arguments than it requires is jsg's ``TypeError`` naming
the parameter and its type, and a JS function ignores extra arguments -- where workers-env
raised Python's ``TypeError`` naming its own classes (``JsHeaders.set() missing 1 required
positional argument: 'value'``). An inner item of a ``Headers``/``URLSearchParams`` init that
is not a sequence (a number, a string) is jsg's ``Sequence`` error. Every text is workerd's
under ``wrangler dev`` 4.164.0 (``tools/wrangler/jsapi_differential.py``)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import json
from js import URL, Headers, TextEncoder, URLSearchParams, crypto
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = [
            lambda: Headers.new().set("a"), lambda: Headers.new().append(), lambda: Headers.new().get(),
            lambda: URLSearchParams.new("a=1").getAll(), lambda: URLSearchParams.new("a=1").append("b"),
            lambda: URL.new(), lambda: URL.canParse(), lambda: crypto.getRandomValues(),
            lambda: Headers.new([5]), lambda: URLSearchParams.new(["ab"]),
        ]
        errors = []
        for call in calls:
            try:
                call()
            except JsException as error:
                errors.append(f"{error.name}: {error.message}")
        extra = [TextEncoder.new("utf-16").encoding, len(crypto.randomUUID("ignored")),
                 URL.new("https://example.com/", None, "ignored").href]
        return Response(json.dumps({"errors": errors, "extra": extra}))
"""


@pytest.mark.asyncio
async def test_missing_and_extra_arguments_as_workerd(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    out = json.loads(await (await worker.fetch("/")).text())
    assert out["errors"] == [
        "TypeError: Failed to execute 'set' on 'Headers': parameter 2 is not of type 'string'.",
        "TypeError: Failed to execute 'append' on 'Headers': parameter 1 is not of type 'string'.",
        "TypeError: Failed to execute 'get' on 'Headers': parameter 1 is not of type 'string'.",
        "TypeError: Failed to execute 'getAll' on 'URLSearchParams': parameter 1 is not of type 'USVString'.",
        "TypeError: Failed to execute 'append' on 'URLSearchParams': parameter 2 is not of type 'USVString'.",
        "TypeError: Failed to construct 'URL': constructor parameter 1 is not of type 'USVString'.",
        "TypeError: Failed to execute 'canParse' on 'URL': parameter 1 is not of type 'USVString'.",
        "TypeError: Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.",
        "TypeError: Incorrect type: the provided value is not of type 'Sequence'.",
        "TypeError: Incorrect type: the provided value is not of type 'Sequence'.",
    ]
    assert out["extra"] == ["utf-8", 36, "https://example.com/"]
