"""``request.headers`` is an ``http.client.HTTPMessage`` in both SDKs (workerd ``_workers.py``,
workers-py ``utils._js_headers_to_http_message``; from runtime-sdk 1.8.1 its ``Mapping`` subclass
``HTTPMessageMapping``, test_runtime_headers_are_a_mapping_from_sdk_1_8_1.py) of the JS
``Headers`` pairs, a repeated header one comma-joined value.
From ``python_request_headers_preserve_commas`` (on from 2026-02-17, workerd#5915) the
``Set-Cookie`` values come first (``getSetCookie()``, named ``Set-Cookie``), then the rest;
before it they stay at their place in the JS order."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
from http.client import HTTPMessage
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        h = request.headers
        return Response(json.dumps([isinstance(h, HTTPMessage), list(h.items()), h.get_all("x-a")]))
'''

SENT = [("x-a", "1, 2"), ("Set-Cookie", "a=1"), ("x-a", "3"), ("set-cookie", "b=2")]
REST = [["accept-encoding", "br, gzip"], ["host", "localhost"]]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "pairs"), [
    ("2025-09-01", [*REST, ["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x-a", "1, 2, 3"]]),
    ("2026-02-16", [*REST, ["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x-a", "1, 2, 3"]]),
    ("2026-02-17", [["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"], *REST, ["x-a", "1, 2, 3"]]),
    ("2026-05-01", [["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"], *REST, ["x-a", "1, 2, 3"]]),
])
async def test_request_headers_message(tmp_path, date, pairs):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    got = json.loads(await (await worker.fetch("/", headers=SENT)).text())
    assert got == [True, pairs, ["1, 2, 3"]]
