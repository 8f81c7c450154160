"""A pipe from an internal stream (``IdentityTransformStream``, ``FixedLengthStream``) stopped by
its ``signal`` while it waits for a read -- the source canceled, or left alone with
``preventCancel`` -- rejects with the signal's reason and unlocks its source (internal.c++
``tryPipeFrom``; a reader's own ``releaseLock()`` with a read waiting is refused, but the pipe's
release is not a reader's). The pipe stopped with a bare ``TypeError: Cannot call releaseLock() on
a reader with outstanding read promises.`` escaping from it while its promise stayed pending."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, SETTLE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import AbortController, FixedLengthStream, IdentityTransformStream, TransformStream
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
MAKE = {"identity": IdentityTransformStream.new, "fixed": lambda: FixedLengthStream.new(1),
        "transform": TransformStream.new}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for prevent in (False, True):
            source, target = MAKE[request.url.rsplit("/", 1)[1]](), TransformStream.new()
            controller = AbortController.new()
            piped = asyncio.ensure_future(outcome(source.readable.pipeTo(target.writable, signal=controller.signal,
                                                                         preventCancel=prevent)))
            await settle()  # the pipe waits for its first read
            controller.abort("stop")
            await settle()
            out += [piped.result() if piped.done() else "pending", source.readable.locked]
        return Response.json(out)
""" + SETTLE


@pytest.mark.parametrize("kind", ["identity", "fixed", "transform"])
def test_the_pipe_rejects_with_the_reason_and_unlocks_its_source(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == ["Error: stop", False, "Error: stop", False]
