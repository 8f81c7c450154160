"""The JsProxy ``js.Promise.new(...)`` gives is unhashable, as Pyodide's is (0.26.0a4 and 0.28.2
under Node, tools/pyodide/pyodide_cases.py group ``promise-edges``): ``hash()`` of it, a set
holding it, and ``asyncio.gather`` of it (which keys a dict by each argument) raise
``TypeError: unhashable type: 'pyodide.ffi.JsProxy'``; the ``PyodideFuture`` a JS call returns
(``js.Promise.resolve(1)``) stays hashable, as there. It was the one JS value left hashable.
Under CPython 3.14 the set's and the dict's texts are 3.14's (``cannot use ... as a set element
(unhashable type: ...)``), as they are in Pyodide 314."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import interpreters_unhashable, json_answer, one_file_worker, snippet_answers

JSPROXY = "pyodide.ffi.JsProxy"
UNHASHABLE = "TypeError: unhashable type: 'pyodide.ffi.JsProxy'"

SNIPPETS = {
    "hash(js.Promise.new(lambda resolve, reject: resolve(1)))": UNHASHABLE,
    "{js.Promise.new(lambda resolve, reject: resolve(1))}": "TypeError: " + interpreters_unhashable(lambda: {[]}, JSPROXY),
    "type(hash(js.Promise.resolve(1))).__name__": "'int' (str)",
}

GATHER = '''
import asyncio

import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await asyncio.gather(js.Promise.resolve(1), js.Promise.new(lambda resolve, reject: resolve(2)))
        except TypeError as exc:
            return Response.json([str(exc)])
        return Response.json(["gathered"])
'''


def test_a_constructed_promise_is_unhashable(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2025-10-01") == list(SNIPPETS.values())


def test_gather_of_a_constructed_promise_fails_as_in_pyodide(tmp_path: Path) -> None:
    one_file_worker(tmp_path, GATHER, date="2025-10-01")
    assert json_answer(tmp_path, "/") == [interpreters_unhashable(lambda: [] in {}, JSPROXY)]  # gather's dict
