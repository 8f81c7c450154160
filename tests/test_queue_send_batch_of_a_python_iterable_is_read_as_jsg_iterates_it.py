"""``sendBatch`` given a plain Python list, tuple or generator in the built-in SDK era hands
workerd its PyProxy, which jsg's ``Sequence<MessageSendRequest>`` iterates (workerd jsg
iterator.h ``SequenceWrapper``/``GeneratorWrapper``; struct.h reads each item's ``body``,
``contentType``, ``delaySeconds``): a ``to_js``'d message is sent on every Pyodide; a Python dict
has its keys read from Pyodide 0.28 (compatibility dates from 2025-09-29), so each message's body
is serialised in its turn and its error named (``Content Type "text" requires ...``), and none on
0.26 (``Message body cannot be undefined``, with a ``PyProxyWarning``); an item that is no object
is jsg's ``Incorrect type ... 'MessageSendRequest'``. Measured with a JavaScript stand-in of jsg's
unwrapping called from real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node (queue58); the list
had been refused as a PyProxy (review55), which production does not do."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import PyProxyWarning, load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, batch in {"text number": [{"body": 1, "contentType": "text"}], "BigInt": [{"body": 2**64}],
                            "v8 fetch": [{"body": js.fetch, "contentType": "v8"}], "string": [{"body": "x"}]}.items():
            try:
                await self.env.JOBS.sendBatch(batch)
                out[name] = "sent"
            except Exception as exc:
                out[name] = str(exc).split(";")[0]
        return Response.json(out)
'''


async def _refusals(tmp_path, entry):
    """What the Worker answers (each batch's refusal, by name), once checked that JOBS sent nothing."""
    worker = load_worker(one_file_worker(tmp_path, entry, date="2026-01-01", extra=consumed_queue()))
    answer = await (await worker.fetch("/")).json()
    assert worker.env.unwrapped("JOBS").sent == []
    return answer


@pytest.mark.asyncio
async def test_each_dicts_body_is_serialised_in_its_turn_from_pyodide_0_28(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=consumed_queue()))
    assert await (await worker.fetch("/")).json() == {
        "text number": 'TypeError: Content Type "text" requires a value of type string, but received: number',
        "BigInt": "TypeError: Do not know how to serialize a BigInt",
        "v8 fetch": "DataCloneError: function fetch() { [native code] } could not be cloned.", "string": "sent"}
    assert [m.body for m in worker.env.unwrapped("JOBS").sent] == ["x"]


FORMS = '''
import collections
import types

from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def tj(message):
    return to_js(message, dict_converter=Object.fromEntries)


def generator():
    yield {"body": "g"}
    yield {"body": {"n": 2}, "delaySeconds": 5}


FORMS = {
    "to_js items": lambda: [tj({"body": {"a": 1}}), tj({"body": "s", "contentType": "text"})],
    "dicts": lambda: [{"body": {"n": 1}, "contentType": None}, {"body": [1, 2]}],
    "tuple": lambda: ({"body": "t"},),
    "generator": generator,
    "list holding a dict in a body": lambda: [{"body": [{"a": 1}]}],
    "number item": lambda: [tj({"body": 1}), 7],
    "dict as the batch": lambda: {"body": 1},
    "OrderedDict": lambda: [collections.OrderedDict(body="o")],
    "namespace": lambda: [types.SimpleNamespace(body="n", contentType="text")],
    "namespace's dict body": lambda: [types.SimpleNamespace(body={"n": 1})],
}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, make in FORMS.items():
            try:
                await self.env.JOBS.sendBatch(make())
                out[name] = "sent"
            except Exception as exc:
                out[name] = str(exc).splitlines()[0]
        return Response.json(out)
'''
#: the OrderedDict message's warning in every era (leftovers59): its keys are not read
ORDERED_DICT_WARNING = r"a Python OrderedDict reached JavaScript as a PyProxy in this call to JOBS\.sendBatch\(\), as a message"
NOT_A_MESSAGE = "TypeError: Incorrect type: the provided value is not of type 'MessageSendRequest'."
#: another Python object's PyProxy is read by getattr in every era: an OrderedDict has no body attribute; a
#: namespace's container attribute is a proxy borrowed from the item's, destroyed as jsg's iteration ends
OTHER_OBJECTS = {"OrderedDict": "TypeError: Message body cannot be undefined", "namespace": "sent",
                 "namespace's dict body": "Error: This borrowed attribute proxy was automatically destroyed in the "
                                          "process of destroying the proxy it was borrowed from. Try using the 'copy' "
                                          "method."}


@pytest.mark.asyncio
async def test_lists_tuples_and_generators_are_iterated_from_pyodide_0_28(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, FORMS, date="2026-01-01", extra=consumed_queue()))
    with pytest.warns(PyProxyWarning, match=ORDERED_DICT_WARNING):
        answer = await (await worker.fetch("/")).json()
    assert answer == {
        "to_js items": "sent", "dicts": "sent", "tuple": "sent", "generator": "sent",
        "list holding a dict in a body": "Error: This borrowed proxy was automatically destroyed when an iterator "
                                         "was exhausted.",
        "number item": NOT_A_MESSAGE, "dict as the batch": NOT_A_MESSAGE, **OTHER_OBJECTS}
    assert [(m.body, m.content_type, m.delay_seconds) for m in worker.env.unwrapped("JOBS").sent] == [
        ({"a": 1}, "json", None), ("s", "text", None), ({"n": 1}, "json", None), ([1, 2], "json", None),
        ("t", "json", None), ("g", "json", None), ({"n": 2}, "json", 5), ("n", "text", None)]


@pytest.mark.asyncio
async def test_a_dicts_body_is_unread_on_pyodide_0_26_but_to_js_items_are_sent(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, FORMS, date="2025-09-01", extra=consumed_queue()))
    with pytest.warns(PyProxyWarning, match=ORDERED_DICT_WARNING), \
            pytest.warns(PyProxyWarning, match="as a message of the batch: on Pyodide 0.26"):
        answer = await (await worker.fetch("/")).json()
    unread = "TypeError: Message body cannot be undefined"
    assert answer == {"to_js items": "sent", "dicts": unread, "tuple": unread, "generator": unread,
                      "list holding a dict in a body": unread, "number item": NOT_A_MESSAGE,
                      "dict as the batch": NOT_A_MESSAGE, **OTHER_OBJECTS}
    assert [m.body for m in worker.env.unwrapped("JOBS").sent] == [{"a": 1}, "s", "n"]


NESTED = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Kept:
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for kind in ("json", "text"):
            body = to_js({"x": Kept()}, dict_converter=Object.fromEntries)  # a PyProxy inside a JS object
            try:
                await self.env.JOBS.sendBatch(to_js([{"body": body, "contentType": kind}],
                                                    dict_converter=Object.fromEntries))
                out[kind] = "sent"
            except Exception as exc:
                out[kind] = str(exc).split(";")[0]
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_a_pyproxy_inside_a_converted_messages_body_is_refused_naming_the_message(tmp_path):
    # (audit19: the message's own refusal, "in this sendBatch() message", was unpinned)
    refused = "TypeError: a Python Kept reached JavaScript as a PyProxy in this sendBatch() message"
    assert await _refusals(tmp_path, NESTED) == {"json": refused, "text": refused}
