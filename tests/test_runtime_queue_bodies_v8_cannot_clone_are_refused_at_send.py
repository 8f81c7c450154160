"""A Queue body V8's serializer cannot clone -- a Python function, lambda or class (a PyProxy
JavaScript calls ``function(){}``), any other Python object with no JS form (a class instance; in the built-in
SDK era a ``datetime`` too, which the external SDK makes a ``Date``: ``[object Object]``), a
JavaScript symbol --
sent as ``v8`` (the default before 2024-03-18) is V8's ``DataCloneError`` at ``send()``, and
nothing is sent: ``DataCloneError: function(){} could not be cloned.`` (Pyodide 0.26.0a4, 0.28.2
and 314.0.6 under Node; ``Symbol(s) could not be cloned.`` measured under wrangler dev 4.164.0),
in either SDK era (the external SDK hands a function on as a PyProxy). As ``text`` or ``bytes``
such a body is workerd's wrong-type ``TypeError``. As ``json`` a function or symbol has no JSON
text: the queue nobody consumes takes it, while a local consumer's broker fails the send with a
500 (``JSON.parse("undefined")``), as under wrangler dev 4.164.0; an object's PyProxy is ``{}``."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker

ENTRY = '''
import datetime
import js
from workers import Response, WorkerEntrypoint

def named():
    return 1

class Thing:
    pass

BODIES = {"function": named, "lambda": lambda: 1, "class": Thing, "instance": Thing(),
          "datetime": datetime.datetime(2026, 1, 1), "symbol": js.Symbol("s")}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for binding in ("JOBS", "OTHER"):
            for name, body in BODIES.items():
                for kind in ("v8", "text", "json"):
                    try:
                        await getattr(self.env, binding).send(body, contentType=kind)
                        out.append([binding, name, kind, "sent"])
                    except Exception as exc:
                        out.append([binding, name, kind, str(exc)])
        return Response.json(out)

    async def queue(self, batch, env, ctx):
        pass
'''
EXTRA = consumed_queue() + '\n[[queues.producers]]\nbinding = "OTHER"\nqueue = "nobody-consumes-it"\n'
FUNCTION = "DataCloneError: function(){} could not be cloned."
OBJECT = "DataCloneError: [object Object] could not be cloned."


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "no_json", "dates"), [
    ("2026-01-01", "Error: Queue send failed: Internal Server Error", [OBJECT, {}]),  # built-in SDK: a PyProxy
    ("2026-05-01", "Error: Unknown Internal Error (15000)", ["sent", "2026-01-01T00:00:00.000Z"]),  # a Date
])
async def test_unclonable_bodies_are_refused_as_production_refuses_them(tmp_path, date, no_json, dates):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA))
    got = {tuple(row[:3]): row[3] for row in await (await worker.fetch("/")).json()}
    for binding in ("JOBS", "OTHER"):
        for name in ("function", "lambda", "class"):
            assert got[binding, name, "v8"] == FUNCTION
            assert got[binding, name, "text"] == ('TypeError: Content Type "text" requires a value of type string, '
                                                  "but received: function")
            assert got[binding, name, "json"] == (no_json if binding == "JOBS" else "sent")
        assert got[binding, "instance", "v8"] == OBJECT
        assert got[binding, "datetime", "v8"] == dates[0]
        assert got[binding, "symbol", "v8"] == "DataCloneError: Symbol(s) could not be cloned."
        assert got[binding, "symbol", "json"] == (no_json if binding == "JOBS" else "sent")
        assert got[binding, "symbol", "text"] == ('TypeError: Content Type "text" requires a value of type string, '
                                                  "but received: symbol")
    assert got["JOBS", "instance", "json"] == got["JOBS", "datetime", "json"] == "sent"
    delivered = [b for d in await worker.deliver_queues() for b in d.bodies]
    assert (delivered[0], delivered[-1]) == ({}, dates[1])  # the instance's PyProxy is {} in JSON
    taken = [m.body for m in worker.env.unwrapped("OTHER").sent if m.content_type == "json"]
    assert len(taken) == 6 and callable(taken[0])  # the functions and the symbol too: nobody consumes it


@pytest.mark.asyncio
async def test_the_producer_itself_refuses_a_function_as_v8(tmp_path):
    from workers_env import JsException, load_env

    queue = load_env(one_file_worker(tmp_path, "", extra=EXTRA)).unwrapped("OTHER")
    with pytest.raises(JsException, match=r"^DataCloneError: function\(\)\{\} could not be cloned\.$"):
        await queue.send(len, {"contentType": "v8"})
    assert queue.sent == []
