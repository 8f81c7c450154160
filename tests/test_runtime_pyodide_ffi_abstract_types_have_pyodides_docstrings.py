"""``pyodide.ffi``'s abstract types (``JsMap``, ``JsPromise``, ...) carry Pyodide's own docstrings,
as real Pyodide 0.28.2 and 314.0.6 have them; on the 0.26 era (Python 3.12) with the class body's
indentation kept, as 0.26.0a4 shows them; ``JsCallable`` has none there (measured under Node with
``tools/pyodide/pyodide_runner.mjs``)."""

from __future__ import annotations

import asyncio
import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

import pyodide.ffi
from workers import Response, WorkerEntrypoint

NAMES = %r


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps({name: getattr(pyodide.ffi, name).__doc__ for name in NAMES
                                    if hasattr(pyodide.ffi, name)}))

    on_fetch = fetch  # before 2025-08-14 workerd calls Default.on_fetch
'''

FIRST_LINES = {
    "JsArray": "A JsProxy of an :js:class:`Array`, :js:class:`NodeList`, or :js:class:`TypedArray`",
    "JsMap": "A JavaScript Map", "JsMutableMap": "A JavaScript mutable map",
    "JsIterable": "A JavaScript iterable object", "JsIterator": "A JsProxy of a JavaScript iterator.",
    "JsAsyncIterable": "A JavaScript async iterable object",
    "JsAsyncIterator": "A JsProxy of a JavaScript async iterator.", "JsGenerator": "A JavaScript generator",
    "JsAsyncGenerator": "A JavaScript :js:class:`AsyncGenerator`", "JsCallable": "A JavaScript callable",
    "JsDoubleProxy": "A double proxy created with :py:func:`create_proxy`.", "JsCallableDoubleProxy": None,
    "JsOnceCallable": "A JavaScript handle for a Python function which can be called at most",
    "JsPromise": "A :py:class:`~pyodide.ffi.JsProxy` of a :js:class:`Promise` or some other `thenable",
    "JsBuffer": "A JsProxy of an array buffer or array buffer view", "JsTypedArray": None,
    "JsFetchResponse": "A :py:class:`JsFetchResponse` object represents a :js:data:`Response` to a",
    "JsDomElement": None, "JsWeakRef": "A PyProxy of a JavaSCript WeakRef.",
}
JS_MAP = ("A JavaScript Map\n\nTo be considered a map, a JavaScript object must have a ``get`` method, it\nmust have a "
          "``size`` or a ``length`` property which is a number\n(idiomatically it should be called ``size``) and it "
          "must be iterable.\n")


def docs(tmp_path, date: str) -> dict:
    worker = load_worker(one_file_worker(tmp_path, ENTRY % list(FIRST_LINES), date=date))

    async def text() -> str:
        return await (await worker.fetch("/")).text()

    return json.loads(asyncio.run(text()))


@pytest.mark.parametrize("date", ["2025-10-01", "2026-09-08"])  # Pyodide 0.28.2, the 314.0.x era
def test_each_docstring_is_pyodides(tmp_path, date):
    got = docs(tmp_path, date)
    assert {name: doc and doc.split("\n")[0] for name, doc in got.items()} == FIRST_LINES
    assert got["JsMap"] == JS_MAP


def test_on_the_026_era_a_docstring_keeps_its_indentation(tmp_path):
    got = docs(tmp_path, "2025-06-10")
    assert "JsOnceCallable" not in got and "JsWeakRef" not in got and got["JsCallable"] is None
    assert got["JsMap"] == JS_MAP.replace("\n", "\n    ").replace("\n    \n", "\n\n")
    assert got["JsArray"] == FIRST_LINES["JsArray"]
