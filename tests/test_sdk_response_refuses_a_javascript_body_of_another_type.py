"""The SDK's ``Response(body)`` refuses a JavaScript object its type check does not list (a
``Blob``, ``ReadableStream``, ``FormData``, typed array ... are taken) with ``TypeError:
Unsupported type in Response: <its constructor's name>``: the built-in SDK's
``workers/_workers.py`` and workers-runtime-sdk's ``workers/response.py`` word it alike, as
workers-py's own test of a Python object (``Unsupported type in Response: Test``) does."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import json
import js
from workers import Response, WorkerEntrypoint

BODIES = {"Object": lambda: js.Object.new(), "Headers": lambda: js.Headers.new(), "Map": lambda: js.Map.new(),
          "Blob": lambda: js.Blob.new(["a"])}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, make in BODIES.items():
            try:
                out[name] = await Response(make()).text()
            except Exception as exc:
                out[name] = f"{type(exc).__name__}: {exc}"
        return Response(json.dumps(out))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])  # the built-in SDK, the external one
async def test_a_javascript_body_of_another_type_is_refused_by_its_name(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    response = await worker.fetch("/")
    assert json.loads(await response.text()) == {
        "Object": "TypeError: Unsupported type in Response: Object",
        "Headers": "TypeError: Unsupported type in Response: Headers",
        "Map": "TypeError: Unsupported type in Response: Map",
        "Blob": "a",
    }
