"""A Python list or tuple handed to ``Promise.all``/``race``/``allSettled``/``any`` is a PyProxy
to JavaScript: a Python awaitable in it (a JS call's ``PyodideFuture``, ``Promise.resolve(1)``'s
too) is a thenable proxy borrowed from the list's iterator and destroyed before the promise job
that calls its ``then`` runs, so that input rejects with ``Error: This borrowed proxy was
automatically destroyed when an iterator was exhausted.`` -- as Pyodide 0.26.0a4 and 0.28.2 do
(measured under Node by tools/pyodide, group ``pipe-to-and-promises``). A JS promise in the list
(``Promise.new``) and a JS array (``to_js([...])``) of futures work. Before, the futures were
awaited as if JavaScript could."""

from __future__ import annotations

from worker_helpers import SETTLED_VALUE, json_answer, one_file_worker


ENTRY = """
import json
from js import Promise
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


""" + SETTLED_VALUE + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        settled = await Promise.allSettled([Promise.resolve(1), 2])
        return Response(json.dumps({
            "all": await outcome(Promise.all([Promise.resolve(1), 2])),
            "race": await outcome(Promise.race([Promise.new(lambda r, j: None), Promise.resolve(4)])),
            "settled": [s.status for s in settled],
            "js_promises": await outcome(Promise.all((Promise.new(lambda r, j: r(1)), 2))),
            "js_array": await outcome(Promise.all(to_js([Promise.resolve(1), 2]))),
        }))
"""


def test_python_awaitables_in_a_python_list_are_borrowed_proxies(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    borrowed = "Error: This borrowed proxy was automatically destroyed when an iterator was exhausted."
    assert answer == {"all": borrowed, "race": borrowed, "settled": ["rejected", "fulfilled"],
                      "js_promises": [1, 2], "js_array": [1, 2]}
