"""``clone()`` of a Response whose body is a stream a writer fed (a TransformStream's or an
IdentityTransformStream's readable) once that stream is no longer open tees it all the same, as
workerd's ``Body::clone`` tees whatever state the stream is in (http.c++; standard.c++ /
internal.c++ ``tee``'s Closed and Errored cases): canceled, or read to its end by a reader since
released, both bodies are empty and neither is used; errored (the writer's ``abort``), the clone
succeeds and both bodies' reads reject with the stream's error. workers-env tee'd only a stream
still open: it refused the first two as locked and raised the error from ``clone()`` itself.
Checked under wrangler dev 4.164.0 (the jsapi differential's cases for them)."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, js, to_js

KINDS = ["TransformStream", "IdentityTransformStream"]


async def _outcome(awaitable):
    try:
        return await awaitable
    except JsException as error:
        return f"{error.name}: {error.message}"


def _body(kind):
    stream = getattr(js, kind).new()
    return stream.writable.getWriter(), js.Response.new(stream.readable)


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", KINDS)
async def test_a_canceled_body_clones_to_two_empty_bodies(kind):
    _writer, made = _body(kind)
    await made.body.cancel()
    assert made.bodyUsed is True
    copy = made.clone()
    assert [made.bodyUsed, copy.bodyUsed] == [False, False]
    assert [await _outcome(made.text()), await _outcome(copy.text())] == ["", ""]


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", KINDS)
async def test_a_body_read_to_its_end_by_a_released_reader_clones_empty(kind):
    writer, made = _body(kind)
    written = asyncio.ensure_future(writer.write(to_js(b"\x01")))
    closed = asyncio.ensure_future(writer.close())
    reader = made.body.getReader()
    assert bytes((await reader.read()).value.to_py()) == b"\x01"
    assert (await reader.read()).done is True
    await written
    await closed
    reader.releaseLock()
    assert made.bodyUsed is True
    copy = made.clone()
    assert [made.bodyUsed, copy.bodyUsed] == [False, False]
    assert [await _outcome(made.text()), await _outcome(copy.text())] == ["", ""]


@pytest.mark.asyncio
async def test_an_errored_body_clones_and_both_reads_reject():
    writer, made = _body("TransformStream")
    await writer.abort(js.Error.new("boom"))
    copy = made.clone()
    assert [await _outcome(copy.text()), await _outcome(made.text())] == ["Error: boom", "Error: boom"]


@pytest.mark.asyncio
async def test_an_internal_stream_aborted_with_a_write_waiting_clones_to_its_lost_connection():
    writer, made = _body("IdentityTransformStream")
    written = asyncio.ensure_future(writer.write(to_js(b"\x01")))
    await asyncio.sleep(0)  # the write is waiting for a read
    await writer.abort(js.Error.new("boom"))
    assert await _outcome(written) == "Error: boom"
    copy = made.clone()
    lost = "Error: Network connection lost."
    assert [await _outcome(copy.text()), await _outcome(made.text())] == [lost, lost]
