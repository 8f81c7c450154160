"""``workers-env dev -c A -c B`` warns that scheduled Workers are not triggered locally when any
Worker of the session has a cron, as wrangler 4.164.0 does (``maybePrintScheduledWorkerWarning``
reads ``allDevEnvs.some(...)``; measured with JavaScript twins under ``wrangler dev -c a -c b``:
crons on the second config only, or an empty list on the first and crons on the second, warn; no
crons on either, no warning). A public project found it (hunt48): a Worker without crons served
first with its cron-driven sibling second got no warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from dev_reload_helpers import dev_streams

ENTRY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("hi")
'''

WARNING = "Scheduled Workers are not automatically triggered during local development."


def _session(root: Path, first_triggers: str, second_triggers: str) -> tuple[str, str]:
    for name, triggers in (("alpha", first_triggers), ("beta", second_triggers)):
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "entry.py").write_text(ENTRY)
        (root / name / "wrangler.toml").write_text(
            f'name = "{name}"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
            f'compatibility_flags = ["python_workers"]\n{triggers}')
    return dev_streams(root, ["-c", "alpha/wrangler.toml", "-c", "beta/wrangler.toml"], [])


@pytest.mark.parametrize(("first", "second", "warned"), [
    ("", '[triggers]\ncrons = ["0 2 * * *"]\n', True),
    ("[triggers]\ncrons = []\n", '[triggers]\ncrons = ["0 2 * * *"]\n', True),
    ('[triggers]\ncrons = ["0 2 * * *"]\n', "", True),
    ("[triggers]\ncrons = []\n", "", False),
])
def test_the_warning_follows_every_worker_of_the_session(tmp_path, first, second, warned):
    out, err = _session(tmp_path, first, second)
    assert "[wrangler:info] Ready on" in out
    assert err.count(WARNING) == (1 if warned else 0), err
