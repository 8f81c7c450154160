"""A queue producer reads its arguments as workerd's jsg does (``queue.h``'s ``SendOptions``,
``SendBatchOptions``, ``MessageSendRequest``; jsg/value.h), each answer measured with a
JavaScript twin under ``wrangler dev`` 4.164.0 (review50): ``delaySeconds`` is an ``int`` --
``ToNumber``, truncated (``1.5`` sends 1, ``"5"`` 5, ``true`` 1, ``"abc"`` and NaN 0), past int32
jsg's ``TypeError`` -- in ``send``'s options, a batch message and ``sendBatch``'s options; an
options argument that is a string is no ``SendOptions``; a batch that is a string or an object
no ``Sequence``; a ``null`` message jsg's own text. A refused call keeps nothing. With no local
consumer nothing else is checked: a delay of -1 or 43201 and 101 messages resolve."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

PRODUCER = '[[queues.producers]]\nbinding = "Q"\nqueue = "jobs"\n'

ENTRY = '''
import json
import math
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def o(**kw):
    return to_js(kw, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        Q = self.env.Q
        calls = {
            "frac": lambda: Q.send("m", o(delaySeconds=1.5)),
            "str5": lambda: Q.send("m", o(delaySeconds="5")),
            "abc": lambda: Q.send("m", o(delaySeconds="abc")),
            "true": lambda: Q.send("m", o(delaySeconds=True)),
            "nan": lambda: Q.send("m", o(delaySeconds=math.nan)),
            "neg": lambda: Q.send("m", o(delaySeconds=-1)),
            "day": lambda: Q.send("m", o(delaySeconds=43201)),
            "batch-opt": lambda: Q.sendBatch(to_js([o(body=1), o(body=2, delaySeconds=7.9)]), o(delaySeconds=1.5)),
            "batch-101": lambda: Q.sendBatch(to_js([o(body=i) for i in range(101)])),
            "big": lambda: Q.send("m", o(delaySeconds=2**31)),
            "batch-big": lambda: Q.sendBatch(to_js([o(body=1, delaySeconds=2**31)])),
            "batch-opt-big": lambda: Q.sendBatch(to_js([o(body=1)]), o(delaySeconds=-2**31 - 1)),
            "opts-str": lambda: Q.send("m", "text"),
            "batch-str": lambda: Q.sendBatch("abc"),
            "batch-obj": lambda: Q.sendBatch(Object.new()),
            "batch-null": lambda: Q.sendBatch(to_js([o(body=1), None])),
        }
        try:
            await calls[request.url.rsplit("/", 1)[1]]()
        except Exception as exc:
            return Response(str(exc))
        return Response("sent")
'''

OUT_OF_RANGE = "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."


@pytest.fixture
def worker(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra=PRODUCER, pyproject=False))


async def _get(worker, path):
    return await (await worker.fetch(f"/{path}")).text()


@pytest.mark.asyncio
async def test_delay_seconds_is_what_jsg_makes_of_it(worker):
    for path in ("frac", "str5", "abc", "true", "nan", "neg", "day", "batch-opt"):
        assert await _get(worker, path) == "sent"
    sent = worker.env.unwrapped("Q").sent
    assert [m.delay_seconds for m in sent] == [1, 5, 0, 1, 0, -1, 43201, 1, 7]


@pytest.mark.asyncio
async def test_a_batch_past_the_services_100_resolves_with_no_consumer(worker):
    assert await _get(worker, "batch-101") == "sent"
    assert len(worker.env.unwrapped("Q").sent) == 101


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "error"), [
    ("big", OUT_OF_RANGE), ("batch-big", OUT_OF_RANGE), ("batch-opt-big", OUT_OF_RANGE),
    ("opts-str", "TypeError: Failed to execute 'send' on 'WorkerQueue': parameter 2 is not of type 'SendOptions'."),
    ("batch-str", "TypeError: Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not of type 'Sequence'."),
    ("batch-obj", "TypeError: Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not of type 'Sequence'."),
    ("batch-null", "TypeError: Cannot initialize MessageSendRequest with required "
                   "members from an undefined or null value."),
])
async def test_what_jsg_cannot_read_is_its_type_error_and_nothing_is_kept(worker, path, error):
    assert await _get(worker, path) == error
    assert worker.env.unwrapped("Q").sent == []


@pytest.mark.asyncio
async def test_the_external_sdks_keywords_are_read_so_too(tmp_path):
    entry = ('from workers import Response, WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n'
             '    async def fetch(self, request):\n'
             '        await self.env.Q.send({"n": 1}, delaySeconds=2.5)\n'
             '        return Response("sent")\n')
    worker = load_worker(one_file_worker(tmp_path, entry, date="2026-11-17", extra=PRODUCER))
    assert await _get(worker, "") == "sent"
    assert [(m.body, m.delay_seconds) for m in worker.env.Q.sent] == [({"n": 1}, 2)]
