"""A response body the hang check ends prints workerd's lines as wrangler dev 4.164.0 prints them
(JavaScript twins, measured 2026-12-06): a writer in ``waitUntil`` awaiting a replaced
``writer.ready`` (an ``IdentityTransformStream`` of highWaterMark 0) -- its ``waitUntil``'s two
``Uncaught Error`` lines, then ``Uncaught exception: workerd/io/io-context.c++:2067: failed:
remote.jsg.Error: <the hang>``; a body nothing writes -- the hang's ``Uncaught Error``, then that
line. workers-env printed its own ``The Worker's response stream failed while GET ... was being
answered`` and the error in the last one's place, first (review78's "one more log line"), and
for the body nothing writes no ``Uncaught Error``. The io-context source line is 4.168.0's workerd's
(``:2052`` under 4.164.0: devprobes69)."""

from __future__ import annotations

import http.client
import urllib.request

from dev_reload_helpers import TIMEOUT, DevServer, python_project

from workers_env.runtime.stalls import HANGING

ENTRY = """
import asyncio
from js import IdentityTransformStream, Object, Uint8Array
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        t = IdentityTransformStream.new(Object.fromEntries(to_js([["highWaterMark", 0]])))
        if request.url.endswith("/idle"):
            return Response(t.readable)
        writer = t.writable.getWriter()

        async def pump():
            for i in range(20):
                await writer.ready
                writer.write(Uint8Array.new(to_js(list(b"%02d," % i))))
            await writer.close()

        self.ctx.waitUntil(asyncio.ensure_future(pump()))
        return Response(t.readable)
"""

IO_CONTEXT = f"✘ [ERROR] Uncaught exception: workerd/io/io-context.c++:2067: failed: remote.jsg.Error: {HANGING}"


def _errors_of(dev: DevServer, path: str) -> list[str]:
    """The ``✘`` lines dev prints for ``GET path`` up to workerd's io-context line."""
    mark = len(dev.lines)
    try:
        with urllib.request.urlopen(dev.url + path, timeout=TIMEOUT) as resp:
            resp.read()
    except http.client.IncompleteRead:  # (the body cut off, as workerd cuts it)
        pass
    end = dev.wait_for("Uncaught exception: workerd/io/io-context.c++", after=mark)
    printed = dev.lines[mark:end + 1]
    assert not any("response stream failed" in line for line in printed), printed
    return [line for line in printed if line.startswith("✘")]


def test_a_writer_awaiting_a_replaced_ready_and_a_body_nothing_writes(tmp_path):
    with DevServer(python_project(tmp_path / "app", ENTRY)) as dev:
        assert _errors_of(dev, "/its0") == [f"✘ [ERROR] Uncaught Error: {HANGING} Error",
                                            f"✘ [ERROR] Uncaught Error: {HANGING} ", IO_CONTEXT]
        assert _errors_of(dev, "/idle") == [f"✘ [ERROR] Uncaught Error: {HANGING} ", IO_CONTEXT]
