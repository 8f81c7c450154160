"""workerd's line for a response body the hang check ends names the source line that threw it:
``workerd/io/io-context.c++:2067`` under wrangler dev 4.168.0 (workerd 1.20261123.1), where
4.164.0's workerd 1.20261117.1 said ``io-context.c++:2052`` (devprobes69:
``tools/wrangler/hung_body_lines_probe.py`` under both wranglers, that number alone apart on each of
its three requests)."""

from __future__ import annotations

import http.client
import urllib.request

from dev_reload_helpers import TIMEOUT, DevServer, python_project

from workers_env.runtime.stalls import HANGING

ENTRY = """
from js import IdentityTransformStream, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        t = IdentityTransformStream.new(Object.fromEntries(to_js([["highWaterMark", 0]])))
        return Response(t.readable)
"""


def test_a_body_nothing_writes_ends_with_io_context_2067(tmp_path):
    with DevServer(python_project(tmp_path / "app", ENTRY)) as dev:
        mark = len(dev.lines)
        try:
            with urllib.request.urlopen(dev.url + "/idle", timeout=TIMEOUT) as resp:
                resp.read()
        except http.client.IncompleteRead:  # (the body cut off, as workerd cuts it)
            pass
        end = dev.wait_for("Uncaught exception: workerd/io/io-context.c++", after=mark)
        assert dev.lines[end] == (f"✘ [ERROR] Uncaught exception: workerd/io/io-context.c++:2067: failed: "
                                  f"remote.jsg.Error: {HANGING}")
