"""The ``PyProxyWarning`` of a raw Queue's ``sendBatch`` says where the PyProxy is: a Python dict
given as a message on Pyodide 0.26 (no key read, so workerd finds no body) names the call and says
"as a message of the batch"; a Python container as a message's ``body`` (a JavaScript message
object holding a dict on 0.26, a dict subclass on 0.28) names "this sendBatch() message", whose
``JSON.stringify`` writes ``{}``, as ``send()``'s body (audit35: neither text was pinned)."""

from __future__ import annotations

import warnings

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import PyProxyWarning, load_worker

ENTRY = '''
import collections
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        message = js.Object.new()
        message.body = {"n": 1}  # a JavaScript message, its body a dict's PyProxy
        out = {}
        for name, batch in {"dict body": [message], "dict message": [{"body": "x"}],
                            "dict subclass body": [{"body": collections.OrderedDict(a=1)}]}.items():
            try:
                await self.env.JOBS.sendBatch(batch)
                out[name] = "sent"
            except Exception as exc:
                out[name] = str(exc)
        return Response.json(out)
'''
CONVERT = "to_js(value, dict_converter=Object.fromEntries) (from pyodide.ffi import to_js; from js import Object)"
#: what a binding call's PyProxyWarning adds (leftovers59: the external SDK converts a binding's arguments)
SDK = ("; or give the Worker the external SDK, which converts plain Python values (compatibility_date 2026-04-21 or "
       "later, or the enable_python_external_sdk flag)")


async def _sent(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=consumed_queue()))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = await (await worker.fetch("/")).json()
    said = [str(w.message) for w in caught if issubclass(w.category, PyProxyWarning)]
    return answer, [m.body for m in worker.env.unwrapped("JOBS").sent], said


@pytest.mark.asyncio
async def test_on_pyodide_0_26(tmp_path):
    answer, sent, said = await _sent(tmp_path, "2025-09-01")
    assert answer == {"dict body": "sent", "dict message": "TypeError: Message body cannot be undefined",
                      "dict subclass body": "TypeError: Message body cannot be undefined"}
    assert sent == [{}]
    assert said[0] == ("a Python dict reached JavaScript as a PyProxy in this sendBatch() message: JSON.stringify sees "
                       f"none of its keys on this Pyodide, so production writes {{}}, and so does workers-env. Convert "
                       f"it with {CONVERT}{SDK}")
    assert said[1].startswith(
        "a Python dict reached JavaScript as a PyProxy in this call to JOBS.sendBatch(), as a message of the batch: on "
        "Pyodide 0.26 JavaScript reads none of its keys, so workerd finds no body. Convert each message with "
        "to_js(message, dict_converter=Object.fromEntries) (from pyodide.ffi import to_js; from js import Object)")
    assert said[2] == said[1] and len(said) == 3  # (the third batch's message is a dict too: its body unread)


@pytest.mark.asyncio
async def test_on_pyodide_0_28(tmp_path):
    answer, sent, said = await _sent(tmp_path, "2026-01-01")
    assert answer == {"dict body": "sent", "dict message": "sent", "dict subclass body": "sent"}
    assert sent == [{"n": 1}, "x", {}]
    assert said == ["a Python OrderedDict (a dict subclass) reached JavaScript as a PyProxy in this sendBatch() message: "
                    "Pyodide gives JSON keys to a plain dict only, so production writes {} for it, and so does "
                    f"workers-env. Write its JSON with json.dumps(value), or convert it with {CONVERT}{SDK}"]
