"""``response.body.getReader()`` after the body was read (``text()``, ``arrayBuffer()``, ...):
the stream stays locked to the reader that read it, so workerd refuses it as locked
(``This ReadableStream is currently locked to a reader.``, measured with the JS API
differential under ``wrangler dev`` 4.164.0), not as the "disturbed ... cannot be used as a
body" of a used body passed on. A body not read yet still gives a reader."""

from __future__ import annotations

import pytest

from workers_env import JsException, js


@pytest.mark.asyncio
@pytest.mark.parametrize("read", ["text", "arrayBuffer", "json", "bytes"])
async def test_a_read_body_refuses_a_reader_as_locked(read):
    response = js.Response.new('"x"')
    await getattr(response, read)()
    with pytest.raises(JsException) as caught:
        response.body.getReader()
    assert str(caught.value) == "TypeError: This ReadableStream is currently locked to a reader."


@pytest.mark.asyncio
async def test_an_unread_body_gives_a_reader_and_is_then_used():
    response = js.Response.new("abc")
    reader = response.body.getReader()
    chunk = await reader.read()
    assert bytes(chunk.value.to_py()) == b"abc" and response.bodyUsed
