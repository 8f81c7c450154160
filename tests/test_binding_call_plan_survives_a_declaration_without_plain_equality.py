"""A binding call compares its method's ``JS_*`` declarations with the copy its kept plan was
made of (runtime/jsbindings.py ``JsBinding._plan``); a declaration holding a value whose ``==``
answers no ``bool`` (a numpy array of positions: "The truth value of an array with more than one
element is ambiguous") or raises is a changed declaration, and the call goes on as it did
before plans were kept -- it failed with that ``ValueError`` (review92)."""

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


class Ambiguous:
    def __bool__(self) -> bool:
        raise ValueError("The truth value of an array with more than one element is ambiguous.")


class Positions:
    """Positions as an array holds them: iterable, its ``==`` an array of answers."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, *at: int) -> None:
        self.at = at

    def __iter__(self):
        return iter(self.at)

    def __eq__(self, other: object) -> Ambiguous:  # type: ignore[override]
        return Ambiguous()


class Raising(Positions):
    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        raise RuntimeError("no comparing me")


class Mine:
    def __init__(self) -> None:
        self.JS_STRING_ARGS: dict[str, object] = {"lookup": [0]}

    async def lookup(self, a=None, b=None, c=None):
        return f"{a!r} {b!r} {c!r}"


@pytest.mark.asyncio
@pytest.mark.parametrize("positions", [Positions, Raising], ids=["ambiguous", "raising"])
@pytest.mark.parametrize("sdk", ["built-in", "1.9.5"])
async def test_a_declaration_without_plain_equality_makes_a_new_plan(tmp_path, sdk, positions):
    mine = Mine()
    folder = sdk_worker(tmp_path, ENTRY, sdk, date="2025-11-01" if sdk == "built-in" else "2026-08-01")
    worker = load_worker(folder, env=load_env(folder, bindings={"MINE": mine}))
    first = "'undefined' None 'z'" if sdk == "built-in" else "None None 'z'"  # (the SDK sends null)
    second = "'undefined' 'undefined' 'z'" if sdk == "built-in" else "None None 'z'"
    assert await (await worker.fetch("/")).text() == first  # (a plan kept)
    mine.JS_STRING_ARGS["lookup"] = positions(0, 1)  # changed in place
    assert await (await worker.fetch("/")).text() == second
    assert await (await worker.fetch("/")).text() == second  # (never kept: no plain data)
    mine.JS_STRING_ARGS = {"lookup": [0]}
    assert await (await worker.fetch("/")).text() == first
