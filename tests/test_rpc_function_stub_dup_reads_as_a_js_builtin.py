"""A function stub's ``dup`` read from Python is workerd's built-in JS method as Pyodide shows one:
``repr``/``str`` ``function dup() { [native code] }`` (V8's ``String()`` of ``JsRpcStub.prototype.dup``:
wrangler 4.164.0, tools/wrangler/rpc_function_stub_properties_probe.py; Pyodide's repr of a JS
function is that text, ``repr(js.JSON.parse)`` in real 0.26.0a4, 0.28.2, 314.0.6), its ``name``
``dup``, the same function (``==``, JavaScript's ``===``) read from any stub; calling it still
dups. Before (ffi56) it read ``<bound method FunctionStub.dup of ...>``, a Python method."""

from __future__ import annotations

import pytest
from test_service_binding_stub_passed_on_stays_the_callees_until_its_call_returns import _worker

CALLEE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("callee")

    async def look(self, cb, other):
        kept = cb.dup()
        return [repr(cb.dup), str(cb.dup), cb.dup.name, cb.dup == other.dup, await kept(3)]
'''

CALLER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    def times_2(self, x):
        return x * 2

    async def fetch(self, request):
        return Response.json(await self.env.CALLEE.look(self.plus_100, self.times_2))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-02"])
async def test_a_stubs_dup_is_a_js_builtin(tmp_path, date):
    callee = _worker(tmp_path, date, "callee", CALLEE)
    caller = _worker(tmp_path, date, "caller", CALLER, {"CALLEE": callee})
    text = "function dup() { [native code] }"
    assert await (await caller.fetch("/")).json() == [text, text, "dup", True, 103]
