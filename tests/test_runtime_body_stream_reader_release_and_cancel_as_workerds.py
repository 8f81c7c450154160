"""A body stream's reader at ``releaseLock()`` and ``cancel()``, as workerd's reader of an internal
stream (each case checked under wrangler dev, tools/wrangler/jsapi_differential.py): a ``closed``
still pending rejects at the release with ``TypeError: This ReadableStream reader has been
released.``, one already resolved stays so, and the released reader's ``read()`` and ``cancel()``
reject with that TypeError (readable.c++ ``ReaderImpl::read``/``cancel``, internal.c++
``releaseReader``); a new reader's ``closed`` resolves once its read meets the end, or at once when
the stream had closed. A cancel closes the stream (internal.c++ ``doCancel``/``doClose``): its
``closed`` resolves, a read gives ``done``, and the body is used. Before, ``reader.closed`` was a
bare AttributeError, a released reader's ``cancel()`` resolved, its ``read()`` said
``ReadableStreamDefaultReader`` for ``ReadableStream reader``, and a canceled body was not used."""

from __future__ import annotations

import asyncio

from worker_helpers import STATE, json_answer, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import js
from workers import Response, WorkerEntrypoint

""" + STATE + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit("/", 1)[1]
        body = js.Response.new("abc")
        reader = body.body.getReader()
        out = []
        if kind == "release":
            waiting = reader.closed
            reader.releaseLock()
            out += [await state(waiting), await state(reader.closed),
                    await outcome(reader.read()), await outcome(reader.cancel()), body.body.locked]
            again = body.body.getReader()
            closed = again.closed
            out.append(await state(closed))
            out.append((await again.read()).done)  # the bytes
            out.append(await state(closed))
            out.append((await again.read()).done)  # the end
            out.append(await state(closed))
        elif kind == "after-end":
            while not (await reader.read()).done:
                pass
            reader.releaseLock()
            again = body.body.getReader()
            out += [await state(reader.closed), await state(again.closed), (await again.read()).done]
        else:
            closed = reader.closed
            out += [body.bodyUsed, await outcome(reader.cancel(js.Error.new("enough"))), await state(closed),
                    (await reader.read()).done, await outcome(reader.cancel()), body.bodyUsed]
        return Response.json(out)
"""

RELEASED = "TypeError: This ReadableStream reader has been released."


def test_a_release_rejects_a_pending_closed_and_the_reader_refuses_after(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/release") == [
        RELEASED, RELEASED, RELEASED, RELEASED, False,
        "pending", False, "pending", True, "resolved"]


def test_a_closed_resolved_before_the_release_stays_so_and_a_new_readers_resolves_at_once(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/after-end") == ["resolved", "resolved", True]


def test_a_cancel_resolves_closed_and_uses_the_body(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/cancel") == [
        False, "resolved", "resolved", True, "resolved", True]


HUNG = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await request.js_object.body.getReader().closed  # nothing reads: it never settles
        return Response("never")
"""


def test_awaiting_closed_with_nothing_reading_is_workerds_hung_request(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, HUNG))

    async def scenario() -> str:
        try:
            await asyncio.wait_for(worker.fetch("/", method="POST", body="x"), 10)
        except Exception as exc:  # noqa: BLE001 - the request's failure is what is checked
            return str(exc)
        return "answered"

    assert "detected that your Worker's code had hung" in asyncio.run(scenario())
