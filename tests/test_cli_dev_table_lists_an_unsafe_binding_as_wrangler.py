"""``workers-env dev``'s bindings table lists an ``[[unsafe.bindings]]`` entry as wrangler dev
4.164.0 does -- its type, ``Unsafe Metadata``, ``remote`` -- also a ``ratelimit`` one, which both
then count locally (the expected table is wrangler dev's own output for a JavaScript twin of
this config, ratelimit49). Before, it had no row, and the table was not printed for it at all."""

from __future__ import annotations

from dev_reload_helpers import dev_printed_before_serving
from worker_helpers import one_file_worker

ENTRY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(repr([(await self.env.RL.limit(key="a")).success for _ in range(3)]))
'''
CONFIG = '''[[unsafe.bindings]]
name = "RL"
type = "ratelimit"
simple = { limit = 2, period = 10 }
'''


def test_an_unsafe_rate_limit_has_wranglers_row(tmp_path, monkeypatch):
    out, served = dev_printed_before_serving(one_file_worker(tmp_path, ENTRY, date="2025-11-02", extra=CONFIG),
                                             monkeypatch=monkeypatch)
    assert '''Your Worker has access to the following bindings:
Binding                 Resource             Mode
env.RL (ratelimit)      Unsafe Metadata      remote

''' in out, out
    assert "not emulated" not in out
