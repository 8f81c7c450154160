"""Python code calling a ``create_proxy`` (``create_once_callable``, ``to_js``) of a Python function
that answers an awaitable gets the ``PyodideFuture`` Pyodide makes of the JavaScript promise the
call hands back -- pending, with ``then`` -- not the coroutine: npm pyodide 0.26.0a4, 0.28.2 and
314.0.6 alike (tools/pyodide group ``proxy-async-calls``, proxycall58). A future or a promise the
function answers is a new future too; the value is the one JavaScript hands back (a whole float
an ``int``, a dict the same dict). Test code outside a Worker keeps the coroutine."""

from __future__ import annotations

import asyncio
import inspect

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env.runtime.jsfunctions import create_proxy

ENTRY = '''
import asyncio, functools, inspect
import js
from pyodide.ffi import create_proxy, create_once_callable, to_js
from workers import Response, WorkerEntrypoint

D = {"a": 1}


async def now(x):
    return x


async def give(v):
    return v


def shape(x):
    return [type(x).__name__, isinstance(x, asyncio.Future), inspect.iscoroutine(x),
            isinstance(x, asyncio.Task), x.done(), hasattr(x, "then")]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = {
            "create_proxy": lambda: create_proxy(now)("a"),
            "create_once_callable": lambda: create_once_callable(now)("a"),
            "to_js": lambda: to_js(now)("a"),
            "sync returning a coroutine": lambda: create_proxy(lambda v: now(v))("a"),
            "bind": lambda: create_proxy(now).bind(None)("a"),
            "call": lambda: create_proxy(now).call(None, "a"),
            "apply": lambda: create_proxy(now).apply(None, to_js(["a"])),
            "keywords": lambda: create_proxy(now)(x="a"),
        }
        out = {}
        for name, call in calls.items():
            x = call()
            seen = shape(x)
            got = await x
            out[name] = seen + [got if isinstance(got, str) else type(got).__name__]
        p = create_proxy(give)
        out["values"] = [[type(v).__name__, repr(v)] for v in [await p(1.0), await p(2.5), await p(None)]]
        out["same dict"] = (await p(D)) is D
        f = asyncio.get_running_loop().create_future()
        f.set_result(3)
        x = create_proxy(lambda: f)()
        out["future"] = [type(x).__name__, x is f, await x]
        x = create_proxy(lambda: js.Promise.new(lambda res, rej: res(9)))()
        out["promise"] = [type(x).__name__, await x]
        x = create_proxy(now)(2)
        out["then"] = await x.then(lambda v: v * 10)
        out["repr"] = repr(create_proxy(now)(1))
        return Response.json(out)
'''


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    return json_answer(one_file_worker(tmp_path_factory.mktemp("w"), ENTRY), "/")


@pytest.mark.parametrize("name", ["create_proxy", "create_once_callable", "to_js", "sync returning a coroutine",
                                  "bind", "call", "apply"])
def test_the_call_answers_a_pending_pyodide_future(answers, name):
    assert answers[name] == ["PyodideFuture", True, False, False, False, True, "a"]


def test_keywords_reach_the_function_as_one_js_object(answers):
    assert answers["keywords"] == ["PyodideFuture", True, False, False, False, True, "JsProxy"]


def test_the_value_is_the_one_javascript_hands_back(answers):
    assert answers["values"] == [["int", "1"], ["float", "2.5"], ["NoneType", "None"]]
    assert answers["same dict"] is True


def test_a_future_or_promise_answered_is_a_new_future(answers):
    assert answers["future"] == ["PyodideFuture", False, 3]
    assert answers["promise"] == ["PyodideFuture", 9]


def test_then_and_repr_are_the_futures(answers):
    assert answers["then"] == 20
    assert answers["repr"] == "<PyodideFuture pending cb=[WebLoop._decrement_in_progress()]>"


def test_test_code_outside_a_worker_keeps_the_coroutine():
    async def now():
        return 5

    x = create_proxy(now)()
    assert inspect.iscoroutine(x)
    assert asyncio.run(x) == 5
