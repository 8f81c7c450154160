"""Under ``workers-env dev`` a line the Worker writes to stderr without a newline is held until
a newline follows -- in a later request too -- and then printed as one ``console.error`` line
with what came after it; never at the end of its request. That is Pyodide's stderr writer
(``batched``, workerd's default: npm pyodide 0.28.2 and 314.0.6 under Node, ``write("one")``,
``write("two")`` in two runs print nothing, then ``write("three\\n")`` prints ``onetwothree``;
a flush prints nothing either, only ``os.fsync(2)`` would)."""

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
            sys.stderr.write(part.replace("_", "\\n"))
            sys.stderr.flush()
        return Response("ok")
'''


def test_a_partial_line_is_printed_with_the_next_newline(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY)
    _, err = dev_streams(project, [], ["/one", "/two", "/three_four", "/tail"])
    assert "\u2718 [ERROR] onetwothree\n" in err
    assert "\u2718 [ERROR] one\n" not in err and "two\n" not in err.replace("onetwothree", "")
    assert "four" not in err and "tail" not in err  # (no newline after them yet: held, as Pyodide holds them)
