"""Before ``python_no_global_handlers`` (2025-08-14) workerd calls a ``Default`` class's fetch
handler as ``on_fetch``, so a Worker written for today's SDK but dated earlier answers every
request with ``TypeError: Method on_fetch does not exist``; from that date it calls ``fetch``, so
a class still naming it ``on_fetch`` (as a public MCP-submissions Worker dated 2024-12-18 does)
answers ``TypeError: Method fetch does not exist`` (python-entrypoint-helper.ts). Each error keeps
workerd's text and type; a note says the ways out, and `workers-env dev` logs it without
workers-env's frames (it is the runtime's answer to the Worker, not a workers-env bug)."""

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

#: the same class written for the dates before 2025-08-14
LEGACY_ENTRY = ENTRY.replace("async def fetch", "async def on_fetch")


def fetch_error(tmp_path, entry: str, **worker) -> TypeError:
    """The ``TypeError`` a request to the one-file Worker ``entry`` raises."""
    loaded = load_worker(one_file_worker(tmp_path, entry, **worker))
    with pytest.raises(TypeError) as caught:
        asyncio.run(loaded.fetch("/"))
    return caught.value


def fetch_text(tmp_path, entry: str, **worker) -> str:
    loaded = load_worker(one_file_worker(tmp_path, entry, **worker))
    return asyncio.run(asyncio.run(loaded.fetch("/")).text())


def test_the_error_says_how_to_get_fetch_called(tmp_path):
    error = fetch_error(tmp_path, ENTRY, date="2025-08-13")
    assert str(error) == "Method on_fetch does not exist"
    (note,) = error.__notes__
    assert note == ("Before compatibility date 2025-08-14 (python_no_global_handlers), workerd calls a Default "
                    "class's `fetch` handler as `on_fetch`: set compatibility_date to 2025-08-14 or later (or add "
                    '"python_no_global_handlers" to compatibility_flags), or rename the method to `on_fetch`.')


def test_from_2025_08_14_fetch_is_called(tmp_path):
    assert fetch_text(tmp_path, ENTRY, date="2025-08-14") == "hi"


def test_from_2025_08_14_an_on_fetch_method_is_not_called_and_the_error_names_it(tmp_path):
    error = fetch_error(tmp_path, LEGACY_ENTRY, date="2025-08-14")
    assert str(error) == "Method fetch does not exist"
    (note,) = error.__notes__
    assert note == ("From compatibility date 2025-08-14 (python_no_global_handlers) workerd calls a Default "
                    "class's `fetch` handler by that name; `on_fetch` was the name before then. Rename the method "
                    'to `fetch`, or keep a date before 2025-08-14 (or add "disable_python_no_global_handlers" to '
                    "compatibility_flags).")


@pytest.mark.parametrize("worker", [{"date": "2025-08-13"},
                                    {"date": "2025-09-01", "flags": ["disable_python_no_global_handlers"]}])
def test_before_2025_08_14_or_with_the_disable_flag_on_fetch_is_the_handler(tmp_path, worker):
    assert fetch_text(tmp_path, LEGACY_ENTRY, **worker) == "hi"


@pytest.mark.parametrize("entry, date, missing", [
    (ENTRY.replace("async def fetch", "async def other"), "2025-08-13", "on_fetch"),
    (ENTRY.replace("async def fetch", "async def other"), "2025-08-14", "fetch"),
])
def test_a_class_with_neither_method_gets_no_note(tmp_path, entry, date, missing):
    error = fetch_error(tmp_path, entry, date=date)
    assert str(error) == f"Method {missing} does not exist"
    assert not getattr(error, "__notes__", None)


def test_an_on_scheduled_method_gets_no_such_note(tmp_path):
    """workerd renames only fetch and connect; a cron event calls `scheduled` in every era."""
    entry = ENTRY.replace("async def fetch(self, request)", "async def on_scheduled(self, controller, env, ctx)")
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-08-14"))
    with pytest.raises(TypeError, match="^Method scheduled does not exist$") as caught:
        asyncio.run(worker.scheduled("* * * * *"))
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
