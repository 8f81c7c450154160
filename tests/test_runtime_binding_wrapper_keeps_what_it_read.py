"""The external SDK's ``_BindingWrapper.__getattr__`` keeps what it read: every
workers-runtime-sdk release from 1.3.0 to 1.9.5 ends it with ``setattr(self, name, result)``,
for a method and for a plain value alike. So in Worker code of that era a field of a binding
-- Workers AI's ``lastRequestId``, ``lastRequestHttpStatusCode`` -- read once stays what it was
for as long as that ``self.env`` lives (the entrypoint's, one a request), while the built-in
SDK's raw binding reads the field afresh each time."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ai = self.env.AI
        await ai.run("@cf/baai/bge-small-en-v1.5", {"text": ["a"]})
        first = [ai.lastRequestId, ai.lastRequestHttpStatusCode]
        try:
            await ai.run("@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"})  # retired: 5028, HTTP 410
        except Exception:
            pass
        second = [ai.lastRequestId, ai.lastRequestHttpStatusCode]
        return Response.json({"first": first, "second": second, "kept": "lastRequestId" in vars(ai)
                              if hasattr(ai, "__dict__") else False})
"""


def answers(tmp_path, date, requests=2):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra='[ai]\nbinding = "AI"\n'))

    async def scenario():
        return [await (await worker.fetch("/")).json() for _ in range(requests)]

    return asyncio.run(scenario())


def test_the_sdk_wrapper_keeps_a_field_it_read_for_the_request(tmp_path):
    one, two = answers(tmp_path, "2026-08-21")
    assert one["kept"] is True
    assert one["second"] == one["first"]  # the refusal's new id and its 410 are not seen: the first read stays
    assert one["first"][1] == 200 and len(one["first"][0]) == 36
    assert two["first"] != one["first"]  # the next request's self.env reads afresh
    assert two["first"][0] != one["first"][0]


@pytest.mark.parametrize("date", ["2025-11-01"])  # the built-in SDK: the raw JavaScript binding
def test_the_raw_binding_reads_each_time(tmp_path, date):
    (one,) = answers(tmp_path, date, requests=1)
    assert one["second"][1] == 410 and one["first"][1] == 200
    assert one["second"][0] != one["first"][0]
