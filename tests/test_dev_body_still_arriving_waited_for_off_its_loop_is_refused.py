"""Synchronous code waiting for a request body still arriving (``clone()``, ``new Request(url,
request)``...) is emulated by driving the event loop the body arrives on from inside the call
(``run_sync``), so it cannot deadlock there. From another thread (a library's own) that wait
would block on a loop of its own that nothing wakes while the server's loop delivers the
body: it is refused with :class:`NotEmulatedError` saying what to do, rather than hanging."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import NotEmulatedError
from workers_env.runtime.requestbody import IncomingBody


@pytest.mark.asyncio
async def test_a_wait_for_the_whole_body_from_another_thread_is_refused() -> None:
    body = IncomingBody()
    body.received(b"part")
    waiting = asyncio.get_running_loop().run_in_executor(None, body.wait_whole)
    await asyncio.sleep(0.05)
    body.received(b" rest")
    body.ended()
    with pytest.raises(NotEmulatedError, match="await request.text()"):
        await asyncio.wait_for(waiting, 10)


@pytest.mark.asyncio
async def test_a_wait_for_the_whole_body_on_its_loop_goes_on_as_it_arrives() -> None:
    body = IncomingBody()
    body.received(b"part")
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, body.received, b" rest")
    loop.call_later(0.02, body.ended)
    body.wait_whole()  # (the loop runs from inside: the pieces come meanwhile)
    assert body.closed and b"".join(body.take()) == b"part rest"
