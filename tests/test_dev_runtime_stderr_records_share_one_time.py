"""The records of the ``Runtime stderr`` block dev prints when workerd refuses to start bear one
time, now's, in milliseconds: wrangler dev 4.164.0's bear the time workerd logged each line, and
those lines are logged together -- measured six times on a JavaScript twin with three unknown flags
and a redundant one (leftovers53): all four records the same millisecond in three runs, in the
other three the first 1, 8 and 23 ms before the other three, which shared one. One time is what
wrangler prints most often, and no spread of ours would be more faithful."""

from __future__ import annotations

import json
import time

import pytest
from runtime_stderr_lines import never_serving
from worker_helpers import one_file_worker

from workers_env.cli import main

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""


@pytest.fixture(autouse=True)
def dev_never_serves(monkeypatch):
    """A dev that went on to serve would serve until killed: the flags wrongly taken fail at once."""
    never_serving(monkeypatch)


def test_the_blocks_records_bear_one_time_now(tmp_path, capsys, monkeypatch):
    one_file_worker(tmp_path, ENTRY, date="2025-11-02", flags=("made_up_a", "made_up_b", "made_up_c", "url_standard"))
    monkeypatch.chdir(tmp_path)
    before = time.time_ns() // 1_000_000
    assert main(["dev"]) == 1
    after = time.time_ns() // 1_000_000
    err = capsys.readouterr().err
    records = [json.loads(line) for line in (line.strip() for line in err.splitlines()) if line.startswith('{"timestamp":')]
    assert [record["level"] for record in records] == ["error", "error", "error", "warn"]
    times = {record["timestamp"] for record in records}
    assert len(times) == 1 and before <= int(times.pop()) <= after
