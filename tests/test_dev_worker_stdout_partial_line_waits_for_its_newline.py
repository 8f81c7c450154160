"""Under ``workers-env dev`` a ``print(..., end="")`` -- stdout without a newline -- is held until
a newline follows, in a later request too, and then printed as one ``console.log`` line with what
came after it, as Pyodide's stdout is in production: workerd hands Pyodide ``console.log`` for
stdout in batched mode (``Module.API.initializeStreams(null, msg => console.log(msg), ...)``,
workerd's ``python.ts``), whose ``StringWriter`` (npm pyodide 0.28.2) hands over a line at its
newline and the rest only at an ``fsync``, which Python's ``flush()`` does not make (measured under
Node: ``print("one", end="", flush=True)`` and a flushed ``write("two")`` in two runs print nothing,
then ``print("three")`` prints ``onetwothree``). So the held
text never runs into wrangler's request line (it did: ``one[wrangler:info] GET /one 200 OK``);
stderr's partial line is held the same way (its own test)."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import dev_streams, python_project

ENTRY = '''\
import sys
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        part = request.url.rsplit("/", 1)[1]
        if part:
            print(part.replace("_", "\\n"), end="", flush=True)
        return Response("ok")
'''


def test_a_partial_stdout_line_is_printed_with_the_next_newline(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY)
    out, _ = dev_streams(project, [], ["/one", "/two", "/three_four", "/tail"])
    lines = out.splitlines()
    assert "onetwothree" in lines
    assert [line for line in lines if "GET /" in line] == [
        line for line in lines if line.startswith("[wrangler:info] GET /")] and len(
        [line for line in lines if "GET /" in line]) == 5  # each request line whole (/ first), at the start of its line
    held = [line for line in lines if "four" in line or "tail" in line]  # (no newline after them yet: held, as Pyodide
    assert held == ["[wrangler:info] GET /three_four 200 OK (Nms)", "[wrangler:info] GET /tail 200 OK (Nms)"]  # holds them)
