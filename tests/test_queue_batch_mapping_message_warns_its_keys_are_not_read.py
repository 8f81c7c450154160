"""A raw Queue's ``sendBatch`` given a mapping message other than an exact dict -- an
``OrderedDict``, a ``defaultdict``, a ``MappingProxyType`` -- fails as in production, ``Message
body cannot be undefined`` in every era (its PyProxy is read by ``getattr``: real Pyodide 0.26.0a4, 0.28.2 and 314.0.6,
tools/pyodide/queue_batch_probe.mjs), and now with a ``PyProxyWarning`` naming the keys that are
not read and the ``to_js`` fix, carried by the error as a note -- as an exact dict's on Pyodide
0.26 had (queue58 left it silent). A ``SimpleNamespace``'s attributes are read: no warning."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_worker

WORKER = """
import collections, json, types
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit("/", 1)[-1]
        message = {"od": collections.OrderedDict(body="o", contentType="text"),
                   "mp": types.MappingProxyType({"body": "m"}),
                   "ns": types.SimpleNamespace(body="s")}[kind]
        try:
            await self.env.Q.sendBatch([message])
        except Exception as exc:
            return Response(json.dumps([str(exc), getattr(exc, "__notes__", [])]))
        return Response(json.dumps(["sent", []]))
"""

QUEUE = '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
async def test_an_ordered_dict_message_is_refused_with_the_keys_it_lost(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date, extra=QUEUE))
    with pytest.warns(PyProxyWarning) as caught:
        error, notes = await (await worker.fetch("/od")).json()
    assert error == "TypeError: Message body cannot be undefined"
    said = (
        "a Python OrderedDict reached JavaScript as a PyProxy in this call to Q.sendBatch(), as a message of the "
        "batch: JavaScript reads its attributes, not its keys (body, contentType), in every Pyodide (only an exact "
        "dict's keys are read, from 0.28), so production leaves them out, and workerd finds no body. Convert each "
        "message with to_js(dict(message), dict_converter=Object.fromEntries) (from pyodide.ffi import to_js; from "
        "js import Object); or give the Worker the external SDK, which converts plain Python values "
        "(compatibility_date 2026-04-21 or later, or the enable_python_external_sdk flag)")
    assert [str(w.message) for w in caught] == [said]
    assert notes == [f"workers-env: {said}"]


@pytest.mark.asyncio
async def test_a_mapping_that_is_no_dict_is_refused_with_the_keys_it_lost(tmp_path):
    # a MappingProxyType: 'Message body cannot be undefined' on 0.26.0a4, 0.28.2 and 314.0.6 as well
    # (tools/pyodide/queue_batch_probe.mjs, "MappingProxyType item")
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2025-10-01", extra=QUEUE))
    with pytest.warns(PyProxyWarning) as caught:
        error, notes = await (await worker.fetch("/mp")).json()
    assert error == "TypeError: Message body cannot be undefined"
    assert [str(w.message) for w in caught] == [n.removeprefix("workers-env: ") for n in notes]
    assert notes[0].startswith("workers-env: a Python mappingproxy reached JavaScript as a PyProxy in this call to "
                               "Q.sendBatch(), as a message of the batch: JavaScript reads its attributes, not its "
                               "keys (body), in every Pyodide")


@pytest.mark.asyncio
async def test_a_simple_namespace_message_is_read_by_its_attributes_without_a_warning(tmp_path, recwarn):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2025-09-01", extra=QUEUE))
    assert await (await worker.fetch("/ns")).json() == ["sent", []]
    assert not [w for w in recwarn if w.category is PyProxyWarning]
