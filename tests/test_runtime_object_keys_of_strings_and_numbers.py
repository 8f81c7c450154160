"""``Object.keys``/``values``/``entries`` of a Python ``str``, number or ``bool`` from Worker code
are JavaScript's for the primitive Pyodide hands over: a string owns one property per UTF-16
unit (``"0"``, ``"1"``, ...; an emoji is two), a number or a boolean none. Found by the Pyodide
differential (its case ``Object.keys(...)`` of a string gave ``0,1,...,22`` in Pyodide); they
raised ``AttributeError: 'str' object has no attribute 'object_keys'``. ``null`` and
``undefined`` stay JavaScript's ``TypeError``."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = {}
        for name, value in {"text": "ab\\u00e9\\U0001F600", "empty": "", "int": 5, "float": 1.5, "bool": True}.items():
            answer[name] = [list(js.Object.keys(value)), [len(v) for v in js.Object.values(value)],
                            [list(pair)[0] for pair in js.Object.entries(value)]]
        try:
            js.Object.keys(None)
        except Exception as exc:
            answer["undefined"] = str(exc)
        return Response.json(answer)
"""


def test_primitives_own_javascripts_properties(tmp_path: Path) -> None:
    answer = json_answer(one_file_worker(tmp_path, WORKER), "/")
    assert answer.pop("text") == [["0", "1", "2", "3", "4"], [1, 1, 1, 1, 1], ["0", "1", "2", "3", "4"]]
    assert answer.pop("undefined") == "TypeError: Cannot convert undefined or null to object"
    assert answer == {name: [[], [], []] for name in ("empty", "int", "float", "bool")}
