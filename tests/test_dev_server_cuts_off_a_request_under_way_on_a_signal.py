"""A signal stops ``workers-env dev`` at once even while a request is under way, as ``wrangler
dev`` 4.164.0 does (measured: it exits within 0.1 s, its client gets no response, curl's
"Empty reply from server"); nothing is printed for the cut-off request. Before, uvicorn waited
for the request to end: a Worker answering slowly (or streaming for ever) held Ctrl+C back."""

from __future__ import annotations

import http.client
import signal
import sys
import threading
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer, python_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ENTRY = """import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        print("answering", flush=True)
        await asyncio.sleep(60)
        return Response("late")
"""


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_a_signal_cuts_off_the_request_under_way_and_exits_at_once(tmp_path: Path, sig: int, status: int) -> None:
    project = python_project(tmp_path / "app", ENTRY)
    with DevServer(project) as dev:
        outcome: list[object] = []

        def ask() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", dev.port, timeout=30)
            try:
                conn.request("GET", "/")
                outcome.append(conn.getresponse().read())
            except (http.client.HTTPException, OSError) as exc:
                outcome.append(exc)

        client = threading.Thread(target=ask)
        client.start()
        dev.wait_for("answering")  # the request is under way
        code, took, after = dev.stopped_by(sig)
        client.join(30)
    assert code == status
    assert took < 30, took  # long before the handler's 60 s sleep (5 s: short at a load of 30-40, flake56)
    assert isinstance(outcome[0], (http.client.RemoteDisconnected, ConnectionError)), outcome
    assert after == [], after
