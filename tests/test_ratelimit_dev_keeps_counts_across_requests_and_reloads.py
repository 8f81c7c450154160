"""Under ``workers-env dev`` a rate limit counts across the requests of one run, and a reload of
the Worker's code or of its config keeps the counts, as wrangler dev 4.164.0's Miniflare keeps
them in its state folder (the counters belong to the run's ``--persist-to`` folder)."""

from __future__ import annotations

import time

from dev_reload_helpers import DevServer, python_project

CONFIG = '[[ratelimits]]\nname = "RL"\nnamespace_id = "1001"\nsimple = {{ limit = {limit}, period = 60 }}\n'
ENTRY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        result = await self.env.RL.limit({{"key": "me"}})
        return Response("{word}" if result.success else "slow down", status=200 if result.success else 429)
'''


def _run(project):
    with DevServer(project) as dev:
        got = [dev.get("/") for _ in range(2)]
        dev.edit(project / "src" / "entry.py", ENTRY.format(word="fine"))  # the code reloads
        got.append(dev.get("/"))
        dev.edit(project / "wrangler.toml", (project / "wrangler.toml").read_text().replace("limit = 4", "limit = 5"))
        return got + [dev.get("/") for _ in range(3)]


def test_counts_go_on_across_requests_and_reloads(tmp_path):
    for attempt in range(2):  # the windows are the wall clock's minutes: a run that crossed one is run again
        project = python_project(tmp_path / str(attempt), ENTRY.format(word="ok"), config_extra=CONFIG.format(limit=4))
        minute = time.time() // 60
        got = _run(project)
        if time.time() // 60 == minute:
            break
    assert got == [(200, "ok"), (200, "ok"), (200, "fine"), (200, "fine"), (200, "fine"), (429, "slow down")]
