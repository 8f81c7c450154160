"""Keyword arguments to a JS function -- a ``create_proxy`` or ``create_once_callable`` of a
Python function too, which Pyodide calls as the JS function it is -- arrive as one JS object
after the positional ones (``f(1, a=2)`` is ``f(1, {a: 2})``): the Python function gets that
object, not keywords; ``js.Math.max(1, a=2)`` is NaN and ``js.Array.of(1, a=2)`` has two items
(npm pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node). Before, the keywords were passed on as
Python keywords (``max() got an unexpected keyword argument 'a'``)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker, snippet_answers

CASES = {
    "p = create_proxy(lambda *a, **k: (a, k))\np(1, a=2)": "((1, [object Object]), {}) (tuple)",
    "p = create_proxy(lambda *a: (len(a), a[-1].a, a[-1].b))\np(a=2, b='x')": "(1, 2, 'x') (tuple)",
    "from pyodide.ffi import create_once_callable\nc = create_once_callable(lambda *a, **k: (a, k))\nc(1, a=2)":
        "((1, [object Object]), {}) (tuple)",
    "p = create_proxy(lambda *a, **k: (a, k))\np.bind(None, 0)(1, a=2)": "((0, 1, [object Object]), {}) (tuple)",
    "js.Math.max(1, a=2)": "nan (float)",
    "r = js.Array.of(1, a=2)\n(r.length, r[1].a)": "(2, 2) (tuple)",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_keywords_are_one_trailing_js_object(tmp_path, date) -> None:
    answers = snippet_answers(tmp_path, list(CASES), date)
    assert dict(zip(CASES, answers)) == CASES


#: a Python container among the keyword arguments is the proxy Pyodide borrows for the call: a
#: ``create_proxy`` function reads it back as that very object, and once the call is over --
#: even one that raised -- it is destroyed, there and where it was copied (npm pyodide
#: 0.26.0a4, 0.28.2 and 314.0.6)
BORROWED = (
    "This borrowed proxy was automatically destroyed at the end of a function call. "
    "Try using create_proxy or create_once_callable."
)
KEEP = "s = []\np = create_proxy(lambda *a: s.append(a[-1]))\n"
CONTAINERS = {
    "d = {'a': 1}\np = create_proxy(lambda *a: (a[-1].x is d, type(a[-1].x).__name__))\np(1, x=d)":
        "(True, 'dict') (tuple)",
    "p = create_proxy(lambda *a: a[-1].to_py())\np(x={'a': 1}, y=[2])": "{'x': {'a': 1}, 'y': [2]} (dict)",
    KEEP + "p(x={'a': 1})\ns[0].x": f"JsException: Error: {BORROWED}",
    KEEP + "p(x=(1, 2), y=3)\ns[0].y": "3 (int)",
    KEEP + "p(x=[1])\njs.JSON.stringify(s[0])": f"JsException: Error: {BORROWED}",
    KEEP + "p(x=create_proxy({'a': 1}))\ns[0].x": "{'a': 1} (JsProxy)",
    "s = []\ndef f(*a):\n    s.append(a[-1])\n    raise ValueError\ntry:\n    create_proxy(f)(x=[1])\nexcept ValueError:\n"
    "    pass\ns[0].x": f"JsException: Error: {BORROWED}",
    KEEP + "p.call(None, x=b'ab')\ns[0].x": f"JsException: Error: {BORROWED}",
    "r = js.Array.of(1, a={'b': 1})\nr[1].a": f"JsException: Error: {BORROWED}",
    "o = js.Object.assign(js.Object.new(), a={'b': 1})\no.a": f"JsException: Error: {BORROWED}",
}


def test_keyword_containers_are_proxies_borrowed_for_the_call(tmp_path) -> None:
    answers = snippet_answers(tmp_path, list(CONTAINERS), "2025-10-01")
    assert dict(zip(CONTAINERS, answers)) == CONTAINERS


ASYNC_WORKER = '''
import asyncio
import json

from js import Response
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []

        async def f(*a):
            seen.append(a[-1])
            await asyncio.sleep(0)
            return a[-1].x

        got = await create_proxy(f)(x={"a": 1})
        try:
            after = repr(seen[0].x)
        except Exception as e:
            after = str(e).splitlines()[0]
        return Response.new(json.dumps([got, after]))
'''


def test_keyword_containers_of_an_async_call_last_until_it_is_done(tmp_path) -> None:
    one_file_worker(tmp_path, ASYNC_WORKER, date="2026-09-08")
    assert json_answer(tmp_path, "/") == [
        {"a": 1}, "Error: This borrowed proxy was automatically destroyed at the end of an asynchronous function "
        "call. Try using create_proxy or create_once_callable."]
