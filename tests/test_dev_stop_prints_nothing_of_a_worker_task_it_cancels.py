"""``workers-env dev`` stopped (SIGTERM, as Ctrl+C) while a task the Worker started is still
waiting: the loop's wind-down cancels it, and the error it then raises is the Worker's failure
nobody awaits -- printed nowhere, as wrangler dev ends the isolate with nothing printed (the loop
is silenced at the stop: ``unhandled.silence``, 71fb88bc). Found unpinned by audit26's hand mutant
US1 (a silenced loop still reporting): ``✘ [ERROR] ValueError: raised as the stop cancelled it``
and two empty error lines."""

from __future__ import annotations

from dev_reload_helpers import dev_streams

ENTRY = '''import asyncio
from workers import Response, WorkerEntrypoint

KEPT = []


async def waits_for_ever():
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        raise ValueError("raised as the stop cancelled it")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        KEPT.append(asyncio.ensure_future(waits_for_ever()))
        return Response("started")
'''


def test_the_error_a_cancelled_worker_task_raises_is_not_printed(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    out, err = dev_streams(tmp_path, [], [])
    assert "[wrangler:info] GET / 200 OK (Nms)\n" in out, (out, err)
    assert "ERROR" not in out + err and "raised as the stop" not in out + err, (out, err)
