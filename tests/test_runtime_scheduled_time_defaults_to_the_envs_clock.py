"""``worker.scheduled(cron)`` without ``scheduled_time`` runs the event at now on the env's clock --
the test's ``workers_env_clock``, ``load_env(clock=...)`` -- which KV expiry reads too: a cron
handler writing a key that expires an hour after ``controller.scheduledTime`` works after the
test moved its clock a day on (before, the default was the host's time, and KV refused that
expiration as in the clock's past)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import ManualClock, load_env, load_worker

ENTRY = '''
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def scheduled(self, controller, env, ctx):
        await self.env.KV.put("at", str(controller.scheduledTime), expiration=int(controller.scheduledTime / 1000) + 3600)
'''


@pytest.mark.asyncio
async def test_the_default_time_is_the_envs_clocks(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-11-17", extra='[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n')
    clock = ManualClock(1_800_000_000.25)
    worker = load_worker(folder, env=load_env(folder, clock=clock))
    clock.advance(86_400)
    assert (await worker.scheduled("0 * * * *")).outcome == "ok"
    assert await worker.env.KV.get("at") == "1800086400250"
    clock.advance(3_600)
    assert await worker.env.KV.get("at") is None
    assert (await worker.scheduled("0 * * * *", scheduled_time=1_900_000_000_000)).outcome == "ok"  # given: as given
    assert await worker.env.KV.get("at") == "1900000000000"
