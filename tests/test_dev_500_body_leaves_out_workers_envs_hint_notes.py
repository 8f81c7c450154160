"""The 500 body `workers-env dev` answers for a Python exception is production's ``PythonError``
message: the traceback as ``traceback.format_exception`` writes it, with the notes the Worker's own
code added, but not the hints workers-env adds to say how to fix a mistake ("env has no binding or
var named ..."), which production's exception never carries. The dev log keeps the hints."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                return Response(str(self.env.NOPE))
            except AttributeError as error:
                error.add_note("the worker's own note")
                raise
"""


def test_the_body_keeps_the_workers_notes_and_the_log_keeps_the_hint(tmp_path, caplog):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + "/", timeout=10).read()
    body = answer.value.read().decode()
    answer.value.close()  # its response, read (3.14 warns of one left to the collector)
    assert answer.value.code == 500
    assert body.startswith("PythonError: Traceback (most recent call last):")
    assert body.rstrip("\n").endswith("the worker's own note")
    assert "NOPE" in body and "binding or var" not in body
    record = next(r for r in caplog.records if r.name == "workers_env.dev")
    logged = logging.Formatter().formatException(record.exc_info)
    assert "binding or var" in logged and "the worker's own note" in logged
