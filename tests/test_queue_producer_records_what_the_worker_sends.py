"""A ``queues.producers`` binding is emulated as ``wrangler dev`` runs a producer whose queue has
no local consumer: ``send``/``sendBatch`` resolve with the broker's empty metrics
(``{metadata: {metrics: {backlogCount: 0, backlogBytes: 0}}}``, ``metrics()`` the inner object;
measured with a JavaScript Worker under wrangler 4.164.0), after workerd's own checks of the
content type and of a ``text``/``bytes`` body (``queue.c++``; the same texts there). Every
message taken is kept, in order, for the test: ``env.Q.sent`` (body, content type, delay) and
``env.Q.bodies``; a refused call keeps nothing. A binding you supply still replaces it."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker
from workers_env.queues.producer import MAX_KEPT, QueueProducer, SentMessage

PRODUCER = '[[queues.producers]]\nbinding = "Q"\nqueue = "jobs"\n'

ENTRY = '''
import json
from js import ArrayBuffer, DataView, Uint16Array
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        calls = {
            "dict": lambda: self.env.Q.send({"doc_id": "cats", "n": 1}),
            "delayed": lambda: self.env.Q.send("later", contentType="text", delaySeconds=30),
            "batch": lambda: self.env.Q.sendBatch([{"body": 1}, {"body": "x", "contentType": "text"}],
                                                  delaySeconds=5),
            "metrics": lambda: self.env.Q.metrics(),
            "bad-type": lambda: self.env.Q.send(1, contentType="nope"),
            "text-number": lambda: self.env.Q.send(1, contentType="text"),
            "bytes-string": lambda: self.env.Q.send("s", contentType="bytes"),
            "upper-send": lambda: self.env.Q.send("u", contentType="TEXT"),
            "bytes": lambda: self.env.Q.send(b"ab", contentType="bytes"),
            "typed": lambda: self.env.Q.send(Uint16Array.new([1, 256]), contentType="bytes"),
            "json-shapes": lambda: self.env.Q.send({"tags": {"a"}, "score": float("nan"), "raw": b"ab"}),
            "v8-shapes": lambda: self.env.Q.send({"score": float("nan")}, contentType="v8"),
            "bigint": lambda: self.env.Q.send({"id": 2**60}),
            "view": lambda: self.env.Q.send(DataView.new(ArrayBuffer.new(2)), contentType="bytes"),
            "arraybuffer": lambda: self.env.Q.send(ArrayBuffer.new(2), contentType="bytes"),
            "batch-arraybuffer": lambda: self.env.Q.sendBatch([{"body": ArrayBuffer.new(2), "contentType": "bytes"}]),
            "upper-batch": lambda: self.env.Q.sendBatch([{"body": "ok"}, {"body": "u", "contentType": "TEXT"}]),
        }
        try:
            result = await calls[path]()
        except Exception as exc:
            return Response(f"{type(exc).__name__}: {exc}")
        return Response(json.dumps(result))
'''


def _worker(tmp_path, *, date="2026-11-17", extra=""):
    return load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=PRODUCER + extra))


async def _get(worker, path):
    return await (await worker.fetch(f"/{path}")).text()


@pytest.mark.asyncio
async def test_sends_resolve_as_wrangler_devs_and_are_kept_in_order(tmp_path):
    worker = _worker(tmp_path)
    answer = '{"metadata": {"metrics": {"backlogCount": 0, "backlogBytes": 0}}}'
    assert await _get(worker, "dict") == answer
    assert await _get(worker, "delayed") == answer
    assert await _get(worker, "batch") == answer
    assert await _get(worker, "metrics") == '{"backlogCount": 0, "backlogBytes": 0}'
    q = worker.env.Q
    assert q.bodies == [{"doc_id": "cats", "n": 1}, "later", 1, "x"]
    assert q.sent == [SentMessage({"doc_id": "cats", "n": 1}, "json"), SentMessage("later", "text", 30),
                      SentMessage(1, "json", 5), SentMessage("x", "text", 5)]
    q.clear()
    assert q.sent == [] and "0 sent" in repr(q)


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "error"), [
    ("bad-type", "JsException: TypeError: Unsupported queue message content type: nope"),
    ("text-number", 'JsException: TypeError: Content Type "text" requires a value of type string, but received: number'),
    ("bytes-string", 'JsException: TypeError: Content Type "bytes" requires a value of type ArrayBufferView, '
                     "but received: string"),
    # sendBatch checks the type lower-cased but serialises it as written (queue.c++): none of the batch leaves
    ("upper-batch", "JsException: TypeError: Unsupported queue message content type: TEXT"),
    # JSON.stringify's own refusal (a JS twin's send(1n) under wrangler dev 4.164.0, review50)
    ("bigint", "JsException: TypeError: Do not know how to serialize a BigInt"),
    # an ArrayBuffer is no ArrayBufferView, a DataView of it is (wrangler dev 4.164.0, review50)
    ("arraybuffer", 'JsException: TypeError: Content Type "bytes" requires a value of type ArrayBufferView, '
                    "but received: object"),
    ("batch-arraybuffer", 'JsException: TypeError: Content Type "bytes" requires a value of type ArrayBufferView, '
                          "but received: object"),
])
async def test_workerds_checks_refuse_and_nothing_is_kept(tmp_path, path, error):
    worker = _worker(tmp_path)
    assert await _get(worker, path) == error
    assert worker.env.Q.sent == []


@pytest.mark.asyncio
async def test_send_reads_the_content_type_lower_cased(tmp_path):
    worker = _worker(tmp_path)
    assert (await _get(worker, "upper-send")).startswith('{"metadata"')
    assert worker.env.Q.sent == [SentMessage("u", "text")]


@pytest.mark.asyncio
async def test_a_bytes_message_keeps_the_bytes_it_carries(tmp_path):
    worker = _worker(tmp_path)
    await _get(worker, "bytes")
    await _get(worker, "typed")  # a typed array's own bytes, little-endian
    await _get(worker, "view")
    assert worker.env.Q.bodies == [b"ab", b"\x01\x00\x00\x01", b"\x00\x00"]


@pytest.mark.asyncio
async def test_a_json_message_is_kept_as_json_carries_it(tmp_path):
    """What the consumer's ``message.body`` is, ``JSON.parse(JSON.stringify(body))``: a set ``{}``,
    NaN ``null``, bytes (a Uint8Array once converted) an index-keyed object (review50: each was
    kept as the binding received it); a ``v8`` message keeps what it was given."""
    worker = _worker(tmp_path)
    await _get(worker, "json-shapes")
    await _get(worker, "v8-shapes")
    json_body, v8_body = worker.env.Q.bodies
    assert json_body == {"tags": {}, "score": None, "raw": {"0": 97, "1": 98}}
    assert v8_body["score"] != v8_body["score"]  # NaN, as structured clone keeps it


@pytest.mark.asyncio
async def test_the_producers_delivery_delay_is_the_default_delay(tmp_path):
    worker = _worker(tmp_path, extra="delivery_delay = 60\n")
    await _get(worker, "dict")
    await _get(worker, "delayed")
    assert [m.delay_seconds for m in worker.env.Q.sent] == [60, 30]


BUILT_IN = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.Q.send(to_js({"doc_id": "cats"}, dict_converter=Object.fromEntries))
        return Response("sent")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "content_type"), [("2025-08-20", "json"), ("2024-03-01", "v8")])
async def test_the_built_in_era_raw_binding_records_too(tmp_path, date, content_type):
    folder = one_file_worker(tmp_path, BUILT_IN, date=date, extra=PRODUCER, flags=("python_no_global_handlers",))
    worker = load_worker(folder)
    assert await (await worker.fetch("/")).text() == "sent"
    assert type(worker.env.Q).__name__ != "QueueProducer"  # Worker code's raw WorkerQueue
    assert worker.env.unwrapped("Q").sent == [SentMessage({"doc_id": "cats"}, content_type)]


@pytest.mark.asyncio
async def test_a_supplied_queue_replaces_it_and_each_env_starts_empty(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-11-17", extra=PRODUCER)
    mine = QueueProducer()
    worker = load_worker(folder, env=load_env(folder, bindings={"Q": mine}))
    await _get(worker, "dict")
    assert mine.bodies == [{"doc_id": "cats", "n": 1}]
    first, second = load_env(folder), load_env(folder)
    await first.Q.send("only here")
    assert first.Q.bodies == ["only here"] and second.Q.bodies == []


def test_a_long_session_keeps_the_newest_messages(tmp_path):
    """The newest 10,000 (README's figure): all of 10,000 kept, the oldest of 10,001 dropped."""
    q = load_env(one_file_worker(tmp_path, ENTRY, date="2026-11-17", extra=PRODUCER)).Q
    for n in range(10_000):
        q.send_sync(n)
    assert len(q.sent) == 10_000 and q.bodies[0] == 0
    q.send_sync(10_000)
    assert len(q.sent) == 10_000 and q.bodies[0] == 1 and q.bodies[-1] == 10_000
    for n in range(10_001, 10_005):
        q.send_sync(n)
    assert len(q.sent) == MAX_KEPT and q.bodies[0] == 5
