"""``dir()`` of a JS value lists ``Object.prototype``'s names too (``valueOf``, ``isPrototypeOf``,
``__proto__``, ...): Pyodide's ``JsProxy_Dir`` walks the prototype chain to ``null``, and every
object, array and function ends at ``Object.prototype`` (real Pyodide 0.26.0a4, 0.28.2 and
314.0.6: ``tools/pyodide`` group ``dir-prototype-chain``). And a JS property named
``another_proxy`` -- once the name of a workers-env method, which hid it -- reads as the property:
a JsProxy shadows only Pyodide's own method names (``to_py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from workers import Response, WorkerEntrypoint

PROTO = ("valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "hasOwnProperty",
         "constructor", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        o = js.JSON.parse('{"another_proxy": 1, "to_py": 2}')
        values = [js.JSON.parse('{"a": 1}'), js.JSON.parse("[1]"), js.Object, self.ctx, js.Map.new()]
        again = js.Object.new(o)
        return Response.json({
            "missing": [[n for n in PROTO if n not in dir(v)] for v in values],
            "property": [o.another_proxy, callable(o.to_py), "another_proxy" in dir(o)],
            "again": [again is o, again == o, again.another_proxy],
        })
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01", "2026-09-08"])
def test_dir_lists_object_prototype_and_a_property_named_another_proxy_reads(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    assert got == {"missing": [[], [], [], [], []], "property": [1, True, True], "again": [False, True, 1]}
