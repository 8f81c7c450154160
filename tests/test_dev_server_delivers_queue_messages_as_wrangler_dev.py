"""Under ``workers-env dev`` a message the Worker sends to a queue it consumes reaches its
``queue()`` handler on its own, as under ``wrangler dev`` 4.164.0, with Miniflare's lines
(``[wrangler:info] QUEUE jobs 2/2 (1ms)``, ``[wrangler:warn] Dropped message ...``)."""

from __future__ import annotations

import json
import time
import urllib.request

from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    SEEN = []

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.method == "POST":
                await self.env.JOBS.sendBatch([{"body": b} for b in await request.json()])
                return Response("sent")
            return Response.json(SEEN)

        async def queue(self, batch, env, ctx):
            SEEN.append([batch.queue, [[m.body, m.attempts] for m in batch.messages]])
            for message in batch.messages:
                if message.body == "again":
                    message.retry()
"""
CONFIG = consumed_queue(max_batch_timeout=0, max_retries=0)


def test_the_dev_server_delivers_and_prints_miniflares_lines(tmp_path, capsys):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=CONFIG))
    with BackgroundServer(worker, deliver_queues=True) as server:
        request = urllib.request.Request(server.url + "/", data=json.dumps(["a", "again"]).encode(), method="POST")
        assert urllib.request.urlopen(request, timeout=10).read() == b"sent"
        deadline = time.monotonic() + 10
        while not (seen := json.loads(urllib.request.urlopen(server.url + "/", timeout=10).read())):
            assert time.monotonic() < deadline, "nothing delivered"
            time.sleep(0.02)
    assert seen == [["jobs", [["a", 1], ["again", 1]]]]
    out = capsys.readouterr().out
    assert '[wrangler:warn] Dropped message "' in out and '" on queue "jobs" after 1 failed attempt!' in out
    assert "[wrangler:info] QUEUE jobs 1/2 (" in out


def test_a_background_server_delivers_nothing_unless_asked(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=CONFIG))
    with BackgroundServer(worker) as server:
        request = urllib.request.Request(server.url + "/", data=json.dumps(["a"]).encode(), method="POST")
        urllib.request.urlopen(request, timeout=10).read()
        assert json.loads(urllib.request.urlopen(server.url + "/", timeout=10).read()) == []
