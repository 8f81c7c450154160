"""The ``Runtime stderr`` records under wrangler dev's ``The Workers runtime failed to start`` name
the workerd source line that logged them: ``src/workerd/server/server/entry.rs:171`` under wrangler
4.168.0 (workerd 1.20261123.1), where 4.164.0's workerd 1.20261117.1 said ``entry.rs:170``
(devprobes69: ``tools/wrangler/dev_session_probe.py flags-edit`` and ``given`` under both
wranglers, the one line apart in each record)."""

from __future__ import annotations

import json

import pytest
from runtime_stderr_lines import never_serving
from worker_helpers import HELLO, one_file_worker

from workers_env.cli import main


@pytest.mark.parametrize("args", [["--compatibility-flags", "made_up_x"], ["--compatibility-date", "2026-1-01"]],
                         ids=["unknown flag", "malformed date"])
def test_each_record_names_entry_rs_171(tmp_path, capsys, monkeypatch, args):
    never_serving(monkeypatch)
    one_file_worker(tmp_path, HELLO, date="2026-03-01")
    monkeypatch.chdir(tmp_path)
    assert main(["dev", *args]) == 1
    records = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith('  {"timestamp"')]
    assert records, "no Runtime stderr record printed"
    assert {record["source"] for record in records} == {"src/workerd/server/server/entry.rs:171"}
