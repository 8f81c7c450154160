"""Once every branch of a JavaScript stream's ``tee()`` -- or a body and its ``clone()``s, which
tee it -- is canceled, the stream teed is canceled with the last cancel's reason: its source's
``cancel`` is called, and its writer's writes fail with that reason. workerd's branches are
consumers of the stream's one queue, and the last consumer's cancel cancels the stream
(standard.c++ ``ReadableImpl::cancel``); an internal stream's (an IdentityTransformStream's)
writes wait on. workers-env canceled only the branches, so the writer waited for good (the
hang check failed it). Checked under wrangler dev 4.164.0 (tools/wrangler/jsapi_differential.py)."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, js, to_js


async def _outcome(awaitable):
    try:
        await awaitable
        return "resolved"
    except JsException as error:
        return f"{error.name}: {error.message}"


async def _still_pending(future):
    """Whether ``future`` is still pending after the loop has run everything ready, many times over."""
    for _ in range(50):
        await asyncio.sleep(0)
    return not future.done()


def _body(kind):
    stream = getattr(js, kind).new()
    return stream.writable.getWriter(), js.Response.new(stream.readable)


@pytest.mark.asyncio
async def test_a_body_and_its_clone_canceled_cancel_the_stream():
    writer, made = _body("TransformStream")
    copy = made.clone()
    await copy.body.cancel(js.Error.new("x"))
    await made.body.cancel(js.Error.new("y"))
    assert await _outcome(writer.write(to_js(b"\x01"))) == "Error: y"


@pytest.mark.asyncio
async def test_a_clone_of_a_clone_counts_too():
    writer, made = _body("TransformStream")
    copy = made.clone()
    again = copy.clone()
    await copy.body.cancel(js.Error.new("x"))
    await made.body.cancel(js.Error.new("y"))
    waiting = asyncio.ensure_future(writer.write(to_js(b"\x01")))
    assert await _still_pending(waiting)  # ``again`` still reads it
    await again.body.cancel(js.Error.new("z"))
    assert await _outcome(waiting) == "TypeError: The readable side of this TransformStream is no longer readable."
    assert await _outcome(writer.write(to_js(b"\x02"))) == "Error: z"


@pytest.mark.asyncio
async def test_an_internal_streams_writes_wait_on():
    writer, made = _body("IdentityTransformStream")
    copy = made.clone()
    await copy.body.cancel(js.Error.new("x"))
    await made.body.cancel(js.Error.new("y"))
    waiting = asyncio.ensure_future(writer.write(to_js(b"\x01")))
    assert await _still_pending(waiting)
    waiting.cancel()


@pytest.mark.asyncio
async def test_the_source_of_a_stream_teed_is_canceled_with_the_last_reason():
    reasons = []
    stream = js.ReadableStream.new(to_js({"cancel": reasons.append}, dict_converter=js.Object.fromEntries))
    left, right = stream.tee()
    await left.cancel("x")
    assert reasons == []
    await right.cancel("y")
    assert reasons == ["y"]
