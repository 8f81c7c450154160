"""``new Response(stream)`` of a stream a writer or a source fills (a TransformStream's,
IdentityTransformStream's or FixedLengthStream's readable, a ``new ReadableStream(source)``)
keeps that stream as its body, as workerd's ``Body`` holds the ``ReadableStream`` given: its
``body`` is the same object, so a cancel of the body -- or of its reader, or of the body and its
clones, which tee it -- calls the source's ``cancel``. workers-env's ``body`` was a stream of
its own over the same chunks, and the source's ``cancel`` was never called. Checked under
wrangler dev 4.164.0 (tools/wrangler/jsapi_differential.py)."""

from __future__ import annotations

import pytest

from workers_env import js, to_js


def _source(reasons):
    return js.ReadableStream.new(to_js({"cancel": reasons.append}, dict_converter=js.Object.fromEntries))


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["TransformStream", "IdentityTransformStream", "FixedLengthStream"])
async def test_the_body_is_the_stream_given(kind):
    stream = getattr(js, kind).new(*([2] if kind == "FixedLengthStream" else []))
    made = js.Response.new(stream.readable)
    assert made.body is stream.readable
    assert stream.readable.locked is False


@pytest.mark.asyncio
async def test_a_cancel_of_the_body_calls_the_sources_cancel():
    reasons = []
    made = js.Response.new(_source(reasons))
    await made.body.cancel("y")
    assert reasons == ["y"]


@pytest.mark.asyncio
async def test_a_cancel_of_its_reader_calls_the_sources_cancel():
    reasons = []
    made = js.Response.new(_source(reasons))
    await made.body.getReader().cancel("y")
    assert reasons == ["y"]


@pytest.mark.asyncio
async def test_the_last_of_a_body_and_its_clone_canceled_calls_it():
    reasons = []
    made = js.Response.new(_source(reasons))
    copy = made.clone()
    await copy.body.cancel("x")
    assert reasons == []
    await made.body.cancel("y")
    assert reasons == ["y"]
