"""``crypto.randomUUID()`` and ``crypto.getRandomValues()`` take their entropy from
``IoContext::current()`` (workerd ``api/crypto/crypto.c++``), which at a Worker's top level throws
workerd's global-scope error ("... generating random values are not allowed within global scope
..."): a Python Worker's ``from js import crypto`` calls there raise it as a ``JsException``,
after ``getRandomValues``' argument checks (a float view is still its ``TypeMismatchError``),
and both work in handlers."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

#: workerd's ``IoContext::current()`` error outside a handler
GLOBAL_SCOPE = ("Error: Disallowed operation called within global scope. Asynchronous I/O (ex: fetch() or "
                "connect()), setting a timeout, and generating random values are not allowed within global "
                "scope. To fix this error, perform this operation within a handler. "
                "https://developers.cloudflare.com/workers/runtime-apis/handlers/")

ENTRY = """
from js import Float32Array, Uint8Array, crypto
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint

def attempt(call):
    try:
        call()
        return "ran"
    except JsException as e:
        return str(e)

AT_TOP = [attempt(crypto.randomUUID), attempt(lambda: crypto.getRandomValues(Uint8Array.new(4))),
          attempt(lambda: crypto.getRandomValues(Float32Array.new(4)))]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([AT_TOP, len(crypto.randomUUID()), crypto.getRandomValues(Uint8Array.new(4)).length])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01"])
async def test_crypto_random_values_are_refused_at_the_top_level_and_work_in_handlers(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    at_top, uuid_length, filled = await (await worker.fetch("/")).json()
    assert at_top == [GLOBAL_SCOPE, GLOBAL_SCOPE,
                      "TypeMismatchError: ArrayBufferView argument to getRandomValues() must be an integer-typed view."]
    assert (uuid_length, filled) == (36, 4)
