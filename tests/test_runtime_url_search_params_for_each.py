"""``URLSearchParams.prototype.forEach(callback)``: ``callback(value, name, params)`` for each
pair in order, with all three arguments as JavaScript passes them (a Python function taking
fewer fails, as under Pyodide, like ``Headers.forEach``); a callback that is no function is
jsg's ``TypeError``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import ERROR_OF, one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

from js import Response, URLSearchParams
from workers import WorkerEntrypoint

''' + ERROR_OF + '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        params = URLSearchParams.new("a=1&b=2&a=3")
        seen = []
        params.forEach(lambda value, name, owner: seen.append([name, value, owner is params]))
        grown = []

        def grow(value, name, owner):
            grown.append(name)
            if name == "a":
                owner.append("c", "4")

        URLSearchParams.new("a=1").forEach(grow)
        return Response.new(json.dumps({
            "seen": seen,
            "grown": grown,
            "fewer": error_of(lambda: params.forEach(lambda value: None)),
            "not_a_function": error_of(lambda: params.forEach(3)),
            "missing": error_of(lambda: params.forEach()),
        }))
'''


@pytest.mark.asyncio
async def test_for_each_calls_back_with_value_name_and_params(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    seen = json.loads(await (await worker.fetch("/")).text())
    assert seen["seen"] == [["a", "1", True], ["b", "2", True], ["a", "3", True]]
    assert seen["grown"] == ["a", "c"]  # a pair added meanwhile is visited, as the live list is walked
    assert seen["fewer"].startswith("TypeError: ") and "takes 1 positional argument but 3 were given" in seen["fewer"]
    expected = "JsException: TypeError: Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'function'."
    assert seen["not_a_function"] == expected
    assert seen["missing"] == expected
