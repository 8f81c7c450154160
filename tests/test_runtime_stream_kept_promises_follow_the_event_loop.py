"""A reader's ``closed`` (and a writer's ``closed``/``ready``) is kept as one promise per read, as
workerd's ``MemoizedIdentity`` -- but only under the event loop that made it: test code that uses
``workers_env.js`` streams across two ``asyncio.run(...)`` calls gets a promise of the running loop
the second time, not the first loop's pending future (awaiting that raised ``attached to a
different loop``)."""

from __future__ import annotations

import asyncio

from workers_env import js


def test_a_pending_closed_read_under_an_earlier_loop_is_made_anew():
    stream = js.TransformStream.new()
    reader, writer = stream.readable.getReader(), stream.writable.getWriter()

    async def first() -> bool:
        return reader.closed is reader.closed and writer.closed is writer.closed

    async def second() -> list:
        closing = asyncio.ensure_future(writer.close())  # (test code: a coroutine, begun as a task)
        result = await reader.read()
        await closing
        return [result.done, await reader.closed, await writer.closed]

    assert asyncio.run(first()) is True
    assert asyncio.run(second()) == [True, None, None]
