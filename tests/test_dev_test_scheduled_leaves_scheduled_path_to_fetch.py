"""``workers-env dev --test-scheduled``: accepted as ``wrangler dev``'s, and -- as there for a
Python Worker -- adds no ``/__scheduled`` route. ``/__scheduled`` is wrangler's bundling-time
``middleware-scheduled``; wrangler serves a Python Worker unbundled (``applyPythonConfig`` sets
``no_bundle``), so the path reaches the Worker's ``fetch`` (wrangler dev 4.164.0, measured with
an unbundled JavaScript Worker). workers-env says so at start, naming the trigger path that
works (wrangler says nothing); ``/cdn-cgi/handler/scheduled`` still runs ``scheduled``."""

from __future__ import annotations

from dev_reload_helpers import DevServer
from worker_helpers import one_file_worker

ENTRY = """
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint

RUNS = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"fetch saw {urlparse(request.url).path}; scheduled ran {len(RUNS)}")

    async def scheduled(self, controller, env, ctx):
        RUNS.append(controller.cron)
"""


def test_scheduled_path_reaches_fetch_and_the_trigger_path_runs_scheduled(tmp_path):
    with DevServer(one_file_worker(tmp_path, ENTRY), "--test-scheduled") as server:
        assert server.get("/__scheduled?cron=*+*+*+*+*") == (200, "fetch saw /__scheduled; scheduled ran 0")
        assert server.get("/cdn-cgi/handler/scheduled?cron=*+*+*+*+*") == (200, "ok")
        assert server.get("/__scheduled") == (200, "fetch saw /__scheduled; scheduled ran 1")
        warned = server.wait_for("--test-scheduled adds no /__scheduled route to a Python Worker")
        told = server.wait_for("/cdn-cgi/handler/scheduled?cron=", after=warned)
    assert told > warned
