"""``BackgroundServer``'s ``timeout`` must be seconds above 0: with 0 or less it gave up before its
thread had started, closed the socket under it, and the thread failed with "Bad file descriptor";
now the mistake is refused in words before anything starts."""

from __future__ import annotations

import threading
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""


@pytest.mark.parametrize("timeout", [0, -1, 0.0, float("nan"), "10", None, True])
def test_a_timeout_that_is_no_positive_number_is_refused_before_anything_starts(tmp_path, timeout):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    threads = threading.active_count()
    with pytest.raises(ConfigError) as caught:
        BackgroundServer(worker, timeout=timeout)
    assert str(caught.value) == ("BackgroundServer's timeout is the seconds it waits for the server to start and "
                                 f"to stop: give a number above 0, not {timeout!r}")
    assert threading.active_count() == threads


def test_a_small_positive_timeout_still_serves(tmp_path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY)), timeout=5) as server:
        assert urllib.request.urlopen(server.url + "/", timeout=30).read() == b"ok"
