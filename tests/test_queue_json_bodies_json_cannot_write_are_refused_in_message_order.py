"""A ``json`` Queue message ``JSON.stringify`` cannot write is refused as workerd refuses it, in
``send`` and ``sendBatch`` alike: a BigInt ``TypeError: Do not know how to serialize a BigInt``, a
value containing itself V8's ``TypeError: Converting circular structure to JSON`` naming the path
(it was sent whole, with no consumer, or refused as the broker's internal error with one). A batch
is serialised one message after another, so the first message that fails names the error: a
``json`` BigInt before a ``v8`` function is the BigInt's error, the function first its
``DataCloneError``, a ``text`` number first its wrong-type error (measured under wrangler dev
4.164.0 with a JavaScript twin, ``tools/wrangler/queue_probe.py limits``, leftovers44). Nothing
of a refused call is sent. An int is a BigInt from ``2**53 - 1`` on either side, as Pyodide
hands it to JavaScript (``typeof`` ``2**53 - 2`` ``number``, ``2**53 - 1`` ``bigint``: 0.26.0a4,
0.28.2, 314.0.6 under Node), at the top of a Worker's body and at any depth of one given to the
queue itself (review55: before, ``2**53 - 1`` was sent, and a nested big int given to the queue)."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import JsException, load_env, load_worker

ENTRY = '''
from pyodide.ffi import to_js, create_proxy
from js import Array, Object
from workers import Response, WorkerEntrypoint

def obj(d):
    return to_js(d, dict_converter=Object.fromEntries)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        q = self.env.JOBS
        circle = Object.new()  # JavaScript objects holding themselves
        circle.a = 1
        circle.self = circle
        message = Object.new()
        message.body = circle
        deep = obj({"a": {"b": [1]}})
        deep.a.b.push(deep)
        fn = create_proxy(lambda: 1)
        calls = {
            "BigInt": lambda: q.send(2**64),
            "object holding a BigInt": lambda: q.send(obj({"a": 2**64})),
            "circle": lambda: q.send(circle),
            "deeper circle": lambda: q.send(deep),
            "batch BigInt": lambda: q.sendBatch(obj([{"body": 1}, {"body": 2**64}])),
            "batch circle": lambda: q.sendBatch(Array.of(message)),
            "batch BigInt then v8 function": lambda: q.sendBatch(obj([{"body": 2**64},
                                                                      {"body": fn, "contentType": "v8"}])),
            "batch v8 function then BigInt": lambda: q.sendBatch(obj([{"body": fn, "contentType": "v8"},
                                                                      {"body": 2**64}])),
            "batch text number then BigInt": lambda: q.sendBatch(obj([{"body": 1, "contentType": "text"},
                                                                      {"body": 2**64}])),
            "batch BigInt then text number": lambda: q.sendBatch(obj([{"body": 2**64},
                                                                      {"body": 1, "contentType": "text"}])),
            "batch v8 function then no body": lambda: q.sendBatch(obj([{"body": fn, "contentType": "v8"},
                                                                       {"delaySeconds": 1}])),
        }
        out = {}
        for name, call in calls.items():
            try:
                await call()
                out[name] = "sent"
            except Exception as exc:
                out[name] = str(exc)
        return Response.json(out)
'''

BIGINT = "TypeError: Do not know how to serialize a BigInt"
CIRCLE = ("TypeError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n"
          "    --- property 'self' closes the circle")
CLONE = "DataCloneError: function(){} could not be cloned."


@pytest.mark.asyncio
@pytest.mark.parametrize("consumed", [True, False], ids=["consumed", "producer only"])
async def test_json_bodies_are_refused_in_message_order(tmp_path, consumed):
    extra = consumed_queue() if consumed else '[[queues.producers]]\nbinding = "JOBS"\nqueue = "jobs"\n'
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=extra))
    got = await (await worker.fetch("/")).json()
    assert got == {
        "BigInt": BIGINT, "object holding a BigInt": BIGINT, "circle": CIRCLE,
        "deeper circle": ("TypeError: Converting circular structure to JSON\n    --> starting at object with "
                          "constructor 'Object'\n    |     property 'a' -> object with constructor 'Object'\n"
                          "    |     property 'b' -> object with constructor 'Array'\n    --- index 1 closes the circle"),
        "batch BigInt": BIGINT, "batch circle": CIRCLE,
        "batch BigInt then v8 function": BIGINT, "batch v8 function then BigInt": CLONE,
        "batch text number then BigInt": 'TypeError: Content Type "text" requires a value of type string, but '
                                         "received: number",
        "batch BigInt then text number": BIGINT,
        "batch v8 function then no body": CLONE,
    }
    assert worker.env.unwrapped("JOBS").sent == []


BOUNDARY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for body in (2**53 - 2, 2**53 - 1, -(2**53 - 2), -(2**53 - 1)):
            try:
                await self.env.JOBS.send(body)
                out.append("sent")
            except Exception as exc:
                out.append(str(exc))
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_an_int_is_a_bigint_from_2_53_minus_1(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, BOUNDARY, date="2026-01-01", extra=consumed_queue()))
    assert await (await worker.fetch("/")).json() == ["sent", BIGINT, "sent", BIGINT]


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "sent"), [({"a": [2**53 - 2]}, True), ({"a": [2**53 - 1]}, False),
                                            ([{"b": -(2**53 - 1)}], False), ({"a": 2**64}, False)])
async def test_the_queue_given_a_big_int_at_any_depth_refuses_it(tmp_path, body, sent):
    queue = load_env(one_file_worker(tmp_path, "", extra=consumed_queue())).unwrapped("JOBS")
    if sent:
        await queue.send(body)
        assert queue.sent[0].body == body
    else:
        with pytest.raises(JsException, match="^TypeError: Do not know how to serialize a BigInt$"):
            await queue.send(body)
        assert queue.sent == []
