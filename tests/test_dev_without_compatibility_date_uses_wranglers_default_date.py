"""A config without ``compatibility_date`` runs, as under ``wrangler dev`` 4.168.0, on wrangler's
``DEFAULT_COMPAT_DATE`` -- 2026-11-23, the release date of the workerd it pins (1.20261123.1;
4.164.0's was 2026-11-23) -- not on today's date, which that workerd refuses ("the newest date
supported by this server binary is 2026-11-30"): so the date the warning tells you to add is one
wrangler dev starts with (measured, currency68)."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import dev_answers
from worker_helpers import typical_pyproject

WORKER = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""


def test_the_warning_and_the_worker_use_wranglers_default_date(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "wrangler.jsonc").write_text('{"name": "w", "main": "src/entry.py", "compatibility_flags": ["python_workers"]}')
    typical_pyproject(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    out, answers = dev_answers(tmp_path, monkeypatch=monkeypatch)  # (in-process: dev's date, not its server)
    assert answers == [(200, "ok")]
    assert "No compatibility_date was specified. Using the default compatibility date: 2026-11-23." in out
    assert 'Add one to your wrangler.jsonc file: {"compatibility_date":"2026-11-23"}, or' in out
    assert "(compatibility date 2026-11-23:" in out
