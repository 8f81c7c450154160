"""A JavaScript *number* whose value is ``Number.MAX_SAFE_INTEGER`` (2**53 - 1) or its negative
is a safe integer, so every Pyodide hands it to Python as ``int`` -- also 314.0.6, where only a
BigInt reads as ``JsBigInt`` (measured under Node 24: ``js.o.n`` of ``{n: 9007199254740991}`` and
``JSON.parse("[9007199254740991]")[0]`` are ``int``). A D1 row's column, a JSON var (and its members)
and ``JSON.parse`` give such numbers; in the Python 3.14 era workers-env read them as ``JsBigInt``
(the rule for a Python int stored into JavaScript, which becomes a BigInt from 2**53 - 1 up, was
applied to JavaScript's own numbers). A Python int past 2**53 - 1 still reads back as JsBigInt."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import json
from js import JSON, Array, Response
from workers import WorkerEntrypoint


def shown(value):
    return [type(value).__name__, str(value)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for sql in ("SELECT 9007199254740991 AS n", "SELECT -9007199254740991 AS n"):
            row = await self.env.DB.prepare(sql).first()
            out.append(shown(row.n if hasattr(row, "n") else row["n"]))
        out.append(shown(self.env.BIG))
        out.append(shown(self.env.OBJ.n))
        out.append(shown(self.env.OBJ.xs[0]))
        out.append(shown(JSON.parse("[9007199254740991]")[0]))
        out.append(shown(Array.of(2**60)[0]))
        out.append(shown(JSON.stringify(self.env.OBJ)))
        out.append(shown(JSON.stringify(JSON.parse("[9007199254740991]"))))
        return Response.new(json.dumps(out))
'''

EXTRA = '''
[vars]
BIG = 9007199254740991
OBJ = { n = 9007199254740991, xs = [-9007199254740991] }

[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "db-1"
'''


def test_max_safe_integer_numbers_read_as_int_and_big_python_ints_as_jsbigint(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-10-01", extra=EXTRA)
    assert json_answer(tmp_path, "/") == [
        ["int", "9007199254740991"], ["int", "-9007199254740991"],  # D1
        ["int", "9007199254740991"], ["int", "9007199254740991"], ["int", "-9007199254740991"],  # vars
        ["int", "9007199254740991"], ["JsBigInt", str(2**60)],
        ["str", '{"n":9007199254740991,"xs":[-9007199254740991]}'], ["str", "[9007199254740991]"]]
