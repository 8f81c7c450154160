"""A binding call keeps the plan its method's ``JS_*`` declarations make (which arguments are
strings, options, rest parameters: runtime/jsbindings.py ``JsBinding._plan``) from call to call;
a supplied binding may change them, or its methods, between two calls, and the next call
follows: a declaration replaced, changed in place (a nested list too) or deleted, a method
swapped for another, and a ``__getattr__`` that answers the declarations differently -- asked
on every call, as before plans were kept. The built-in SDK's era hands Worker code the raw
binding, where ``None`` is ``undefined``: ``"undefined"`` at a string argument
(``JS_STRING_ARGS``), ``undefined`` kept at a rest parameter (``JS_REST_ARGS``)."""

from __future__ import annotations

import pytest

from worker_helpers import sdk_worker
from workers_env import load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(await self.env.MINE.lookup(None, None, "z"))
'''


class Mine:
    """A supplied binding whose declarations live on the instance."""

    def __init__(self) -> None:
        self.JS_STRING_ARGS = {"lookup": 0}

    async def lookup(self, a=None, b=None, c=None):
        return f"{a!r} {b!r} {c!r}"


async def answer(worker) -> str:
    return await (await worker.fetch("/")).text()


def started(tmp_path, binding, sdk="built-in"):
    folder = sdk_worker(tmp_path, ENTRY, sdk, date="2025-11-01" if sdk == "built-in" else "2026-08-01")
    return load_worker(folder, env=load_env(folder, bindings={"MINE": binding}))


@pytest.mark.asyncio
async def test_a_declaration_changed_between_calls_is_followed(tmp_path):
    mine = Mine()
    worker = started(tmp_path, mine)
    assert await answer(worker) == "'undefined' None 'z'"
    assert await answer(worker) == "'undefined' None 'z'"  # (the plan kept)
    mine.JS_STRING_ARGS["lookup"] = [1]  # changed in place
    assert await answer(worker) == "None 'undefined' 'z'"
    mine.JS_STRING_ARGS["lookup"].append(0)  # a nested list changed in place
    assert await answer(worker) == "'undefined' 'undefined' 'z'"
    mine.JS_STRING_ARGS = {"lookup": (0,)}  # replaced
    assert await answer(worker) == "'undefined' None 'z'"
    del mine.JS_STRING_ARGS  # gone
    assert await answer(worker) == "None None 'z'"
    mine.JS_REST_ARGS = ["lookup"]  # a rest parameter now: every undefined kept
    assert await answer(worker) == "undefined undefined 'z'"
    mine.JS_REST_ARGS.clear()
    assert await answer(worker) == "None None 'z'"


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["built-in", "1.9.5"])
async def test_a_method_swapped_between_calls_is_the_one_called(tmp_path, sdk):
    mine = Mine()
    worker = started(tmp_path, mine, sdk)
    first = await answer(worker)

    async def other(a=None, b=None, c=None):
        return f"other {c!r}"

    mine.lookup = other
    assert await answer(worker) == "other 'z'"
    del mine.lookup  # the class's again
    assert await answer(worker) == first


class Answering:
    """A binding whose ``__getattr__`` answers the declarations, noting each name asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.strings: object = {"lookup": 1}

    def __getattr__(self, name: str):
        if not name.startswith("JS_"):
            raise AttributeError(name)
        self.asked.append(name)
        return self.strings if name == "JS_STRING_ARGS" else None

    async def lookup(self, a=None, b=None, c=None):
        return f"{a!r} {b!r} {c!r}"


@pytest.mark.asyncio
async def test_declarations_a_getattr_answers_are_asked_on_every_call(tmp_path):
    stub = Answering()
    worker = started(tmp_path, stub)
    assert await answer(worker) == "None 'undefined' 'z'"
    stub.asked.clear()
    assert await answer(worker) == "None 'undefined' 'z'"
    once = list(stub.asked)
    assert "JS_STRING_ARGS" in once and "JS_REST_ARGS" in once
    stub.asked.clear()
    stub.strings = {"lookup": 0}  # a new answer: a new plan
    assert await answer(worker) == "'undefined' None 'z'"
    assert stub.asked == once  # the same names asked, in the same order, on every call
    stub.strings = object()  # no table: as if undeclared, and never kept
    assert await answer(worker) == "None None 'z'"
    stub.strings = {"lookup": 2}
    assert await answer(worker) == "None None 'z'"  # ('z' a string already)
    stub.strings = {"lookup": 1}
    assert await answer(worker) == "None 'undefined' 'z'"
