"""``uuid.uuid1()`` at a Worker's top level is refused, as in production: Pyodide has no ``_uuid``
extension (no libuuid), so CPython's ``uuid1`` takes its pure-Python path and draws its clock
sequence with ``random.getrandbits(14)``, and ``getnode()`` (no getter for Emscripten) a random
node with ``random.getrandbits(48)`` -- calls the blocked ``random`` refuses before the first
request (workerd ``entropy_import_context.py``). The host's libuuid draws nothing from
``random``; workers-env refuses it all the same at the top level, and in handlers, and for test
code, ``uuid1`` works."""

from __future__ import annotations

import uuid

import pytest
from worker_helpers import TOP_LEVEL_ENTROPY_ERROR, one_file_worker

from workers_env import load_worker

REFUSED = f"RuntimeError: Cannot use random.getrandbits() outside of request context. {TOP_LEVEL_ENTROPY_ERROR}"

ENTRY = """
import uuid
from uuid import uuid1
from workers import Response, WorkerEntrypoint

def attempt(call):
    try:
        call()
        return "ran"
    except Exception as e:
        return f"{type(e).__name__}: {e}"

AT_TOP = [attempt(uuid.uuid1), attempt(uuid1), attempt(lambda: uuid.uuid1(clock_seq=5)), attempt(uuid.getnode),
          attempt(lambda: uuid.uuid1(node=1, clock_seq=5))]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = [uuid.uuid1().version, uuid1().version, uuid.uuid1(clock_seq=5).version, uuid.getnode() >= 0]
        return Response.json([AT_TOP, made])
"""


@pytest.mark.asyncio
async def test_uuid1_is_refused_at_the_top_level_and_works_in_handlers(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    at_top, made = await (await worker.fetch("/")).json()
    assert at_top == [REFUSED, REFUSED, REFUSED, REFUSED, "ran"]  # node and clock_seq given: nothing drawn
    assert made == [1, 1, 1, True]
    assert uuid.uuid1().version == 1  # test code, after the load


def test_uncaught_at_the_top_level_the_load_fails(tmp_path):
    with pytest.raises(RuntimeError, match=r"^Cannot use random\.getrandbits\(\) outside of request context\."):
        load_worker(one_file_worker(tmp_path, "import uuid\nID = uuid.uuid1()\n"))
