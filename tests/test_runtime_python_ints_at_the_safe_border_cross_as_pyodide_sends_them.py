"""A Python ``int`` handed to JavaScript is a number only while its magnitude is below
``Number.MAX_SAFE_INTEGER``; ``2**53 - 1`` itself already crosses as a BigInt -- through
``Array.of``, ``push``/``unshift``/``splice``/``fill``, an item or property set, ``Map.set``, a
callback's result, ``Array.from`` of a Python list, ``JSON.stringify``'s and ``Response.json``'s
argument, ``Object.fromEntries`` of Python pairs and a D1 bound value, as through ``to_js`` (real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node 24,
``tools/pyodide/``'s runner, session 46: every case below agrees). workers-env sent it as a number
everywhere but ``to_js``. A whole number JavaScript made (``JSON.parse``) stays a number where
JavaScript copies it (``slice``, ``Object.assign``)."""

from __future__ import annotations

import pytest
from worker_helpers import KV_D1_AI, REPR_OUTCOME, one_file_worker, json_answer

ENTRY = REPR_OUTCOME + '''
import js
from js import JSON, Array, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def arr():
    return JSON.parse("[3,1,2]")


def held(make):
    """JSON.stringify of what ``make()`` leaves in JavaScript."""
    return outcome(lambda: JSON.stringify(make()))


def pushed(v):
    a = Array.new()
    a.push(v)
    return a


def spliced(v):
    a = arr()
    a.splice(0, 1, v)
    return a


def set_item(v):
    a = arr()
    a[0] = v
    return a


def set_property(v):
    o = Object.new()
    o.k = v
    return o


def map_set(v):
    m = js.Map.new()
    m.set("k", v)
    return Array.from_(m.values())


class Default(WorkerEntrypoint):
  async def fetch(self, request):
    out = {}
    for label, v in (("max", 2**53 - 1), ("-max", -(2**53 - 1)), ("max-1", 2**53 - 2), ("-(max-1)", -(2**53 - 2))):
        out[label] = [
            held(lambda: Array.of(v)), held(lambda: pushed(v)), held(lambda: spliced(v)),
            held(lambda: arr().fill(v)), held(lambda: set_item(v)), held(lambda: set_property(v)),
            held(lambda: map_set(v)), held(lambda: arr().map(lambda *_: v)), held(lambda: Array.from_([v])),
            outcome(lambda: JSON.stringify(v)),
            held(lambda: Object.fromEntries([["k", v]])),  # read through the list's PyProxy
            outcome(lambda: js.Response.json(v).status),
        ]
        try:
            row = await self.env.DB.prepare("SELECT ? AS v").bind(v).first()
            out[label].append(repr(row.v))
        except Exception as error:
            out[label].append(str(error))
    out["made by JavaScript"] = [
        held(lambda: JSON.parse("[9007199254740991]").slice()),
        held(lambda: Object.assign(Object.new(), JSON.parse('{"k": 9007199254740991}'))),
        held(lambda: Array.from_(JSON.parse("[-9007199254740991]"))),
        held(lambda: JSON.parse('["9007199254740991"]').map(js.Number)),  # a JavaScript function's result
        held(lambda: pushed(JSON.parse("[9007199254740991]")[0])),  # read into Python, sent back: a BigInt
    ]
    return Response.json(out)
'''

BIGINT = "JsException: TypeError: Do not know how to serialize a BigInt"


def _d1_refusal(v: int) -> str:
    return f"Error: D1_TYPE_ERROR: Type 'bigint' not supported for value '{v}'"


@pytest.mark.parametrize(("date", "sdk"), [("2025-09-01", None), ("2025-10-01", None), ("2026-09-08", "1.9.5")])
def test_ints_at_the_border_cross_as_bigints_and_below_it_as_numbers(tmp_path, date, sdk):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=KV_D1_AI)
    if sdk is not None:
        (folder / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0"\n[tool.workers-env]\n'
                                               f'python-sdk = "{sdk}"\n')
    answer = json_answer(folder, "/")
    assert answer["max"] == [BIGINT] * 12 + [_d1_refusal(2**53 - 1)]
    assert answer["-max"] == [BIGINT] * 12 + [_d1_refusal(-(2**53 - 1))]
    n = 2**53 - 2
    assert answer["max-1"] == [f"'[{n}]'", f"'[{n}]'", f"'[{n},1,2]'", f"'[{n},{n},{n}]'", f"'[{n},1,2]'",
                               f"'{{\"k\":{n}}}'", f"'[{n}]'", f"'[{n},{n},{n}]'", f"'[{n}]'", f"'{n}'",
                               f"'{{\"k\":{n}}}'", "200", str(n)]
    assert answer["-(max-1)"][0] == f"'[{-n}]'" and answer["-(max-1)"][-1] == str(-n)
    assert answer["made by JavaScript"] == ["'[9007199254740991]'", "'{\"k\":9007199254740991}'",
                                            "'[-9007199254740991]'", "'[9007199254740991]'", BIGINT]
