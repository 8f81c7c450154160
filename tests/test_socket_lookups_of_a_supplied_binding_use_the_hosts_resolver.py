"""A binding you supply runs for the Worker but is not its code: its ``socket`` name lookups
keep the host's resolver (a stand-in that connects to a local service by name, a client library
that resolves a host), as its file reads and imports are not the Worker's either -- only the
Worker's own code (and the libraries it calls) meets Emscripten's made-up addresses."""

from __future__ import annotations

import json
import socket

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """\
    import json
    import socket
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(json.dumps({"binding": self.env.LOOKUP.resolve("localhost"),
                                        "worker": [socket.gethostbyname("localhost"), socket.gethostname()]}))
"""


class Lookup:
    def resolve(self, name):
        return [socket.gethostbyname(name), socket.gethostname()]


@pytest.mark.asyncio
async def test_a_supplied_bindings_lookups_are_the_hosts(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    worker = load_worker(tmp_path, env=load_env(tmp_path, bindings={"LOOKUP": Lookup()}))
    got = json.loads(await (await worker.fetch("/")).text())
    assert got == {"binding": [socket.gethostbyname("localhost"), socket.gethostname()],
                   "worker": ["172.29.1.0", "emscripten"]}
