"""A ``ReadableStreamDefaultController`` whose stream is closed, canceled or errored refuses
``enqueue`` with workerd's ``TypeError: Unable to enqueue`` and ``close`` with ``TypeError:
This ReadableStream is closed.`` (standard.c++ ``ReadableStreamDefaultController::enqueue``,
``ReadableImpl::close``). Once, workers-env said ``Cannot enqueue to a closed ReadableStream.``
and ``Cannot close a closed ReadableStream.``, texts workerd never had."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, js, to_js


def refusal(call) -> str:
    with pytest.raises(JsException) as caught:
        call()
    return str(caught.value)


@pytest.mark.asyncio
@pytest.mark.parametrize("end", ["close", "cancel", "error"])
async def test_a_stream_no_longer_open_refuses_enqueue_and_close(end):
    controllers = []
    stream = js.ReadableStream.new(to_js({"start": controllers.append}, dict_converter=js.Object.fromEntries))
    controller = controllers[0]
    if end == "close":
        controller.close()
    elif end == "cancel":
        await stream.cancel("enough")
    else:
        controller.error(JsException("boom"))
    assert refusal(lambda: controller.enqueue(to_js(b"x"))) == "TypeError: Unable to enqueue"
    assert refusal(controller.close) == "TypeError: This ReadableStream is closed."


@pytest.mark.asyncio
async def test_a_pull_that_enqueues_after_its_reader_canceled_meets_unable_to_enqueue():
    met = []

    async def pull(controller):
        await asyncio.sleep(0.05)
        try:
            controller.enqueue(to_js(b"late"))
        except JsException as exc:
            met.append(str(exc))

    reader = js.ReadableStream.new(to_js({"pull": pull}, dict_converter=js.Object.fromEntries)).getReader()
    read = asyncio.ensure_future(reader.read())
    await asyncio.sleep(0.01)
    await reader.cancel("enough")
    assert (await read).done
    await asyncio.sleep(0.1)
    assert met == ["TypeError: Unable to enqueue"]
