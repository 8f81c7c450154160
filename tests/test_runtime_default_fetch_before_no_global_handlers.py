"""Before ``python_no_global_handlers`` (2025-08-14) workerd calls a ``Default`` class's fetch
handler as ``on_fetch``, so a Worker written for today's SDK but dated earlier answers every
request with ``TypeError: Method on_fetch does not exist``. The error keeps workerd's text and
type; a note says the two ways out, and `workers-env dev` logs it without workers-env's frames
(it is the runtime's answer to the Worker, not a workers-env bug)."""

from __future__ import annotations

import asyncio
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
            return Response("hi")
"""


def test_the_error_says_how_to_get_fetch_called(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-13"))
    with pytest.raises(TypeError) as caught:
        asyncio.run(worker.fetch("/"))
    assert str(caught.value) == "Method on_fetch does not exist"
    (note,) = caught.value.__notes__
    assert "compatibility_date to 2025-08-14 or later" in note and "rename the method to `on_fetch`" in note
    assert note == ("Before compatibility date 2025-08-14 (python_no_global_handlers), workerd calls a Default "
                    "class's `fetch` handler as `on_fetch`: set compatibility_date to 2025-08-14 or later (or add "
                    '"python_no_global_handlers" to compatibility_flags), or rename the method to `on_fetch`.')


def test_from_2025_08_14_fetch_is_called(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-14"))
    assert asyncio.run(asyncio.run(worker.fetch("/")).text()) == "hi"


def test_a_class_with_neither_method_gets_no_note(tmp_path):
    entry = ENTRY.replace("async def fetch", "async def other")
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-08-13"))
    with pytest.raises(TypeError, match="^Method on_fetch does not exist$") as caught:
        asyncio.run(worker.fetch("/"))
    assert not getattr(caught.value, "__notes__", None)


def test_dev_logs_the_error_without_workers_env_frames(tmp_path, caplog):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-13"))
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answered:
            urllib.request.urlopen(server.url + "/", timeout=10)
        answered.value.close()  # its response (3.14 warns of one left to the collector)
        assert answered.value.code == 500
    record = next(r for r in caplog.records if r.name == "workers_env.dev")
    text = logging.Formatter().formatException(record.exc_info)
    assert "/workers_env/" not in text and "Method on_fetch does not exist" in text
