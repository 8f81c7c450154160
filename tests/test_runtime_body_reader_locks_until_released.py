"""A body stream's reader locks the stream until ``releaseLock()`` and reads lazily, as workerd
(the reviewer's measurements under ``wrangler dev`` 4.164.0): ``getReader()`` alone leaves the
body unused; a released reader's stream takes a new reader that goes on where the last one
stopped (to ``done``); ``text()`` after a release without reading reads the whole body; a body
read by ``text()`` stays locked; ``async for`` releases its reader at the end."""

from __future__ import annotations

import pytest

from workers_env import JsException, js


@pytest.mark.asyncio
async def test_a_reader_alone_locks_without_using_the_body():
    response = js.Response.new("xy")
    reader = response.body.getReader()
    assert (response.bodyUsed, response.body.locked) == (False, True)
    with pytest.raises(JsException, match="currently locked to a reader"):
        response.body.getReader()
    reader.releaseLock()
    assert response.body.locked is False
    assert await response.text() == "xy"


@pytest.mark.asyncio
async def test_a_released_stream_reads_on_with_a_new_reader():
    response = js.Response.new("xy")
    reader = response.body.getReader()
    first = await reader.read()
    assert bytes(first.value.to_py()) == b"xy" and response.bodyUsed
    reader.releaseLock()
    with pytest.raises(JsException, match="released"):
        await reader.read()
    again = response.body.getReader()
    assert (await again.read()).done is True


@pytest.mark.asyncio
async def test_a_body_read_by_text_stays_locked():
    response = js.Response.new("xy")
    assert await response.text() == "xy"
    assert response.body.locked is True
    with pytest.raises(JsException, match=r"^TypeError: This ReadableStream is currently locked to a reader\.$"):
        response.body.getReader()


@pytest.mark.asyncio
async def test_async_iteration_releases_its_reader():
    response = js.Response.new("xy")
    chunks = [bytes(chunk.to_py()) async for chunk in response.body]
    assert chunks == [b"xy"] and response.body.locked is False
    assert (await response.body.getReader().read()).done is True
