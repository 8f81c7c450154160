"""Any Python iterable that is not an iterator -- a set, frozenset, dict (its keys), dict view,
deque, a class with ``__iter__`` -- handed to ``Promise.all``/``race``/``allSettled``/``any``
borrows each Python awaitable in it as a list does: the proxy is destroyed once the combinator
has iterated it, so that input rejects with the borrowed-proxy error; a Python *iterator* (a
generator, ``iter(list)``) and a JS ``Set`` hand over proxies that stay. Measured on Pyodide
0.26.0a4 and 0.28.2 under Node (tools/pyodide, group ``revjsleft2-review``); before, only a
list or a tuple rejected, and a set's or a dict's futures were awaited."""

from __future__ import annotations

from worker_helpers import SETTLED_VALUE, json_answer, one_file_worker


ENTRY = """
import collections
import json
import js
from js import Promise
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


""" + SETTLED_VALUE + """

class Items:
    def __iter__(self):
        yield Promise.resolve(1)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps({
            "set": await outcome(Promise.all({Promise.resolve(1)})),
            "frozenset": await outcome(Promise.all(frozenset([Promise.resolve(1)]))),
            "dict": await outcome(Promise.all({Promise.resolve(1): 1})),
            "values": await outcome(Promise.all({1: Promise.resolve(1)}.values())),
            "deque": await outcome(Promise.race(collections.deque([Promise.resolve(1)]))),
            "class": await outcome(Promise.any(Items())),
            "generator": await outcome(Promise.all(x for x in [Promise.resolve(1), 2])),
            "iterator": await outcome(Promise.all(iter([Promise.resolve(1), 2]))),
            "js_set": await outcome(Promise.all(js.Set.new(to_js([Promise.resolve(1)])))),
            "range": await outcome(Promise.all(range(3))),
        }))
"""


def test_python_iterables_borrow_their_awaitables_and_iterators_do_not(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    borrowed = "Error: This borrowed proxy was automatically destroyed when an iterator was exhausted."
    assert answer == {"set": borrowed, "frozenset": borrowed, "dict": borrowed, "values": borrowed,
                      "deque": borrowed, "class": "AggregateError: All promises were rejected",
                      "generator": [1, 2], "iterator": [1, 2], "js_set": [1], "range": [0, 1, 2]}
