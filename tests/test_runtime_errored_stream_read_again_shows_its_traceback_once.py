"""Each read of a ``ReadableStream`` its ``pull`` errored rejects with that same error, and a Worker
rendering ``traceback.format_exc()`` at each read sees where it happened -- its ``await``, then
the ``pull`` it gave and what that called -- once: not again, in front, the frames of each
``await`` that caught it before (the exception object is the same, and its traceback grew at
each raise: three reads listed the Worker's ``await`` line three times)."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = """\
    import json
    import traceback

    import js
    from pyodide.ffi import create_proxy
    from workers import Response, WorkerEntrypoint

    def pull(controller):
        return json.loads("{")

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            reader = js.ReadableStream.new(pull=create_proxy(pull)).getReader()
            seen = []
            for _ in range(3):
                try:
                    await reader.read()
                except ValueError:
                    seen.append([line.strip().rsplit(" in ", 1)[1] for line in traceback.format_exc().splitlines()
                                 if line.startswith("  File ")])
            return Response(json.dumps(seen))
"""


def test_each_read_shows_the_error_where_it_happened(tmp_path):
    seen = json_answer(one_file_worker(tmp_path, ENTRY, date="2025-09-01"), "/")
    assert len(seen) == 3 and seen[0] == seen[1] == seen[2], seen
    assert seen[0][:2] == ["fetch", "pull"] and seen[0].count("fetch") == 1, seen
    assert seen[0][-1] == "raw_decode", seen  # json.loads' own frames, which the Worker's pull called
