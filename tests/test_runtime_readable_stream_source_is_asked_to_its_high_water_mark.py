"""``new ReadableStream(source, strategy)`` keeps its source asked until the highWaterMark's
worth of chunks waits unread, as workerd does (standard.c++ ``pullIfNeeded``,
``getHighWaterMark``): 1 by default, 0 for a ``type: "bytes"`` source, else the strategy's
``highWaterMark``, read as a ``uint64_t`` (jsg's conversion and its TypeErrors).
``controller.desiredSize`` is the highWaterMark less the chunks waiting; 0 once closed, null
once errored. Once, ``desiredSize`` was always 1, so a source filling the queue ``while
controller.desiredSize > 0`` (MDN's pattern) never stopped, and the strategy was ignored."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, PyProxyWarning, js, to_js
from workers_env.runtime.jsproxy import jsnull


def stream_of(source: dict, strategy: dict | None = None):
    make = js.ReadableStream.new
    source_js = to_js(source, dict_converter=js.Object.fromEntries)
    if strategy is None:
        return make(source_js)
    return make(source_js, to_js(strategy, dict_converter=js.Object.fromEntries))


@pytest.mark.asyncio
@pytest.mark.parametrize(("strategy", "filled"), [(None, 1), ({"highWaterMark": 3}, 3), ({"highWaterMark": 0}, 0)])
async def test_a_start_filling_while_desired_size_is_above_zero_stops_at_the_high_water_mark(strategy, filled):
    seen = []

    def start(controller):
        while controller.desiredSize > 0 and len(seen) < 100:
            seen.append(controller.desiredSize)
            controller.enqueue(to_js(b"x"))
        seen.append(controller.desiredSize)

    stream_of({"start": start}, strategy)
    assert seen == [*range(filled, 0, -1), 0]


@pytest.mark.asyncio
async def test_desired_size_is_zero_once_closed_and_null_once_errored():
    controllers = []
    stream_of({"start": controllers.append})
    stream_of({"start": controllers.append})
    closed, errored = controllers
    closed.close()
    errored.error(JsException("boom"))
    assert closed.desiredSize == 0
    assert errored.desiredSize is jsnull  # null, not undefined (a wrangler dev probe): jsnull from Pyodide 0.28


@pytest.mark.asyncio
@pytest.mark.parametrize(("source", "strategy", "ahead"), [
    ({}, None, 1),
    ({}, {"highWaterMark": 3}, 3),
    ({}, {"highWaterMark": 0}, 0),
    ({"type": "bytes"}, None, 0),
])
async def test_the_source_is_asked_ahead_of_the_reads_up_to_the_high_water_mark(source, strategy, ahead):
    pulled = []

    def pull(controller):
        pulled.append(len(pulled))
        controller.enqueue(to_js(bytes([len(pulled)])))

    stream = stream_of({**source, "pull": pull}, strategy)
    await asyncio.sleep(0.01)
    assert len(pulled) == ahead  # before any read
    reader = stream.getReader()
    assert (await reader.read()).value.to_bytes() == b"\x01"
    await asyncio.sleep(0.01)
    assert len(pulled) == max(ahead, 1)  # read from the queue; or, at 0, asked by the read itself


@pytest.mark.parametrize(("value", "error"), [
    (-1, "TypeError: The value cannot be converted because it is negative and this API expects a positive bigint."),
    (float("nan"), "TypeError: The value cannot be converted because it is not an integer."),
    (float("inf"), "TypeError: The value cannot be converted because it is not an integer."),
])
def test_a_high_water_mark_that_is_no_unsigned_integer_is_jsgs_type_error(value, error):
    with pytest.raises(JsException) as caught:
        stream_of({"pull": lambda controller: None}, {"highWaterMark": value})
    assert str(caught.value) == error


def test_a_python_dict_as_the_strategy_is_warned_about_by_what_it_is():
    with pytest.warns(PyProxyWarning) as caught:
        js.ReadableStream.new(to_js({}, dict_converter=js.Object.fromEntries), {"highWaterMark": 3, "get": 1})
    assert str(caught[0].message).startswith("a Python dict reached JavaScript as a PyProxy as the queuing strategy "
                                             "of a ReadableStream: ")
