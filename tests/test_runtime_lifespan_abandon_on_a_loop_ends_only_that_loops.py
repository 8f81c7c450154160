"""``lifespans.abandon(loop=...)`` -- what the pytest plugin runs just before a fixture's event loop
closes (leftovers54) -- ends only the ASGI lifespans waiting on that loop: one waiting on another
loop (a module- or session-scoped fixture's) is left to that loop's own end, still waiting. Each
ended one runs none of its code. audit31: with the loop filter taken out, it ended both."""

from __future__ import annotations

import asyncio
import gc

from workers_env.runtime import lifespans


def test_only_the_closing_loops_lifespans_end():
    ran: list[str] = []

    async def lifespan(name, inbox):
        try:
            await inbox.get()
        finally:
            ran.append(name)

    def start(loop, name):
        async def begin():
            task = asyncio.ensure_future(lifespan(name, asyncio.Queue()))
            lifespans.note(task, kept_in=set())
            await asyncio.sleep(0)
            return task
        return loop.run_until_complete(begin())

    kept, closing = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        stays, ends = start(kept, "kept"), start(closing, "closing")
        assert lifespans.abandon(loop=closing) == 1
        assert ends.done() and not stays.done()
        assert lifespans.abandon(loop=kept) == 1  # its own loop's end
        assert stays.done()
    finally:
        closing.close()
        kept.close()
    del stays, ends
    gc.collect()
    assert ran == []
