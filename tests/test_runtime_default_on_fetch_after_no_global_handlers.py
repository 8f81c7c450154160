"""From ``python_no_global_handlers`` (2025-08-14) workerd calls a ``Default`` class's fetch
handler ``fetch``; a class still naming it ``on_fetch`` (written for the earlier dates, as a
public MCP-submissions Worker dated 2024-12-18 does) answers every request with workerd's
``TypeError: Method fetch does not exist`` (python-entrypoint-helper.ts). The text and type stay
workerd's; a note names the old name and the two ways out, as the converse error's note does."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def on_fetch(self, request):
            return Response("legacy")
"""


def test_the_error_names_the_old_handler_name_and_the_ways_out(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-14"))
    with pytest.raises(TypeError) as caught:
        asyncio.run(worker.fetch("/"))
    assert str(caught.value) == "Method fetch does not exist"
    (note,) = caught.value.__notes__
    assert note == ("From compatibility date 2025-08-14 (python_no_global_handlers) workerd calls a Default "
                    "class's `fetch` handler by that name; `on_fetch` was the name before then. Rename the method "
                    'to `fetch`, or keep a date before 2025-08-14 (or add "disable_python_no_global_handlers" to '
                    "compatibility_flags).")


def test_before_2025_08_14_on_fetch_is_the_handler(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-13"))
    assert asyncio.run(asyncio.run(worker.fetch("/")).text()) == "legacy"


def test_the_disable_flag_keeps_on_fetch_the_handler(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01",
                                         flags=["disable_python_no_global_handlers"]))
    assert asyncio.run(asyncio.run(worker.fetch("/")).text()) == "legacy"


def test_an_on_scheduled_method_gets_no_such_note(tmp_path):
    """workerd renames only fetch and connect; a cron event calls `scheduled` in every era."""
    entry = ENTRY.replace("async def on_fetch(self, request)", "async def on_scheduled(self, controller, env, ctx)")
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-08-14"))
    with pytest.raises(TypeError, match="^Method scheduled does not exist$") as caught:
        asyncio.run(worker.scheduled("* * * * *"))
    assert not getattr(caught.value, "__notes__", None)
