"""The frame-state byte an abandoned lifespan's teardown writes (runtime/lifespans.py) is searched
for and written on CPython 3.11 to 3.14 only: CPython 3.15 renumbers the frame states (created 0
... cleared 5, ``FRAME_COMPLETED`` gone), so no byte means there what the write means here, and a
search over the object's other bytes could write into its frame. Elsewhere the lifespan is kept as
before -- nothing written, none of its code run. review83."""

from __future__ import annotations

import asyncio
import gc
import sys
import weakref

import pytest

from workers_env.runtime import lifespans


@pytest.fixture
def fresh_offset():
    lifespans._state_offset.cache_clear()
    yield
    lifespans._state_offset.cache_clear()


def test_the_byte_is_found_on_this_cpython(fresh_offset):
    assert isinstance(lifespans._state_offset(), int)


@pytest.mark.parametrize("version", [(3, 15, 0, "alpha", 1), (3, 10, 13, "final", 0)])
def test_another_version_keeps_the_lifespan_and_runs_none_of_it(fresh_offset, monkeypatch, version):
    monkeypatch.setattr(sys, "version_info", version)
    ran = []

    async def lifespan(inbox):
        try:
            await inbox.get()
        finally:
            ran.append("finally")

    async def main():
        inbox = asyncio.Queue()
        since = lifespans.started()
        task = asyncio.ensure_future(lifespan(inbox))
        lifespans.note(task, kept_in=set())
        await asyncio.sleep(0)
        assert lifespans.abandon(since=since) == 1
        return weakref.ref(task.get_coro())

    loop = asyncio.new_event_loop()
    try:
        kept = loop.run_until_complete(main())
    finally:
        loop.close()
    gc.collect()
    assert lifespans._state_offset() is None
    assert kept() is not None and kept().cr_suspended  # kept, still waiting where it was
    assert ran == []
