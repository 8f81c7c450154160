"""An abandoned lifespan's teardown (runtime/lifespans.py ``_held_by``) marks finished every
generator only the lifespan holds -- none of its code runs, as when production's isolate ends --
and none that something else still holds (that one goes on: its holder's next ``next()`` is not a
``StopIteration``). review84: a generator the lifespan held in a local and also in a set or a
closure's cell was counted as held from outside (the walk did not look into sets, cells or
closures), so it was freed and closed with the lifespan, its ``finally`` run; at a6e61899 the set
case ran none of it. What the walk does not look into (a plain object's attributes) still counts
as outside: README "What a test keeps"."""

from __future__ import annotations

import asyncio
import gc

import pytest

from workers_env.runtime import lifespans

LOG: list[str] = []
MODULE: dict[str, object] = {}


def counting(name):
    try:
        while True:
            yield name
    finally:
        LOG.append(name)


def abandon_waiting(lifespan):
    """Run ``lifespan(inbox)`` until it waits, abandon it as the worker fixture's teardown does,
    close the loop and collect."""
    async def main():
        since = lifespans.started()
        task = asyncio.ensure_future(lifespan(asyncio.Queue()))
        lifespans.note(task, kept_in=set())
        await asyncio.sleep(0)
        assert lifespans.abandon(since=since) == 1

    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
    gc.collect()


@pytest.fixture(autouse=True)
def clean():
    LOG.clear()
    MODULE.clear()
    yield
    MODULE.clear()


async def in_a_set(inbox):
    gen = counting("set")
    next(gen)
    kept = {gen}
    await inbox.get()
    return kept


async def in_a_frozenset(inbox):
    gen = counting("frozenset")
    next(gen)
    kept = frozenset([gen])
    await inbox.get()
    return kept


async def in_a_closure(inbox):
    gen = counting("closure")
    next(gen)

    def current():
        return gen
    await inbox.get()


@pytest.mark.parametrize("lifespan", [in_a_set, in_a_frozenset, in_a_closure])
def test_a_generator_only_the_lifespan_holds_runs_no_finally(lifespan):
    abandon_waiting(lifespan)
    assert LOG == []


async def module_set(inbox):
    gen = counting("module set")
    next(gen)
    MODULE["set"] = {gen}
    kept = MODULE["set"]
    await inbox.get()
    return kept


async def module_closure(inbox):
    gen = counting("module closure")
    next(gen)

    def current():
        return gen
    MODULE["closure"] = current
    await inbox.get()


async def module_dict_taken_in(inbox):
    gen = counting("module dict")
    next(gen)
    MODULE["dict"] = {"gen": gen}
    kept = MODULE["dict"]
    await inbox.get()
    return kept


async def module_iterated(inbox):
    MODULE["iterated"] = counting("module iterated")
    for _ in MODULE["iterated"]:
        await inbox.get()


def held(name):
    value = MODULE[name]
    if name == "set":
        return next(iter(value))
    if name == "closure":
        return value()
    if name == "dict":
        return value["gen"]
    return value


@pytest.mark.parametrize(("lifespan", "name"), [
    (module_set, "set"), (module_closure, "closure"), (module_dict_taken_in, "dict"), (module_iterated, "iterated")])
def test_a_generator_a_module_still_holds_goes_on(lifespan, name):
    abandon_waiting(lifespan)
    gen = held(name)
    assert next(gen) is not None  # not StopIteration: not finished under its holder
    assert LOG == []
    gen.close()
    assert len(LOG) == 1  # its own finally, when its holder closes it
