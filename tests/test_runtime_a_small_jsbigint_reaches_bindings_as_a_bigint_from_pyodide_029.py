"""In the Python 3.14 era (Pyodide 314.0.x, compatibility dates from 2026-09-08) a JavaScript
BigInt reads as ``pyodide.ffi.JsBigInt`` and goes back to JavaScript as a BigInt whatever its size
(``JSON.stringify(Array.of(js.BigInt(5)))`` is V8's ``TypeError: Do not know how to serialize a
BigInt``, as workers-env already answered). A binding given one receives a BigInt too: D1's
``bind()`` refuses it (d1-api.ts: ``Type 'bigint' not supported for value '5'``) and KV's metadata,
which ``JSON.stringify`` writes, is that TypeError. workers-env bound the number 5 and stored the
metadata ``{"n": 5}`` (it checked only the int's size). Before 0.29 ``js.BigInt(5)`` reads as the
``int`` 5, a number to every binding."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import json
import js
from js import Response
from workers import WorkerEntrypoint


async def attempt(make):
    try:
        await make()
        return "ok"
    except Exception as exc:
        return str(exc).splitlines()[0]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        small = js.BigInt(5)
        return Response.new(json.dumps([
            type(small).__name__,
            await attempt(lambda: self.env.DB.prepare("SELECT ? AS n").bind(small).first()),
            await attempt(lambda: self.env.KV.put("k", "v", metadata={"n": small})),
        ]))
'''

EXTRA = '''
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "db-1"

[[kv_namespaces]]
binding = "KV"
id = "kv-1"
'''


def test_a_jsbigint_is_a_bigint_to_d1_and_kv_in_the_pyodide_314_era(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-10-01", extra=EXTRA)
    assert json_answer(tmp_path, "/") == [
        "JsBigInt", "Error: D1_TYPE_ERROR: Type 'bigint' not supported for value '5'",
        "TypeError: Do not know how to serialize a BigInt"]


def test_a_small_js_bigint_is_a_number_to_d1_before_pyodide_029(tmp_path):
    one_file_worker(tmp_path, ENTRY.replace('metadata={"n": small}', 'metadata=js.JSON.parse(\'{"n": 5}\')'),
                    date="2025-10-01", extra=EXTRA)
    assert json_answer(tmp_path, "/") == ["int", "ok", "ok"]
