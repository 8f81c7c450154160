"""``socket`` name lookups in Worker code answer as Pyodide's do: Emscripten's fake DNS, which
gives each new name the next ``172.29.<n>.0`` (per isolate), keeps an IPv4 literal, maps an
address back to its name, and has no host name but ``emscripten`` -- never the host's resolver
(a Python Worker has no network resolver). Every expected value here was read from Pyodide 0.28.2
(and 0.26.0a4, the same) under Node; robber5/cloudflare-python-workers-examples answers
``Host: example.com, IP: 172.29.1.0, ...`` so. Code outside a Worker keeps the host's resolver."""

from __future__ import annotations

import json
import socket

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import socket
from workers import Response, WorkerEntrypoint

AT_IMPORT = socket.gethostbyname("first.test")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"import": AT_IMPORT}
        out["example"] = socket.gethostbyname("example.com")
        out["again"] = socket.gethostbyname("example.com")
        out["ex"] = socket.gethostbyname_ex("other.test")
        out["addr_of_name"] = socket.gethostbyaddr("example.com")
        out["addr_of_fake"] = socket.gethostbyaddr("172.29.3.0")
        out["addr_unmapped"] = socket.gethostbyaddr("8.8.8.8")
        out["literal"] = socket.gethostbyname("1.2.3.4")
        out["empty"] = socket.gethostbyname("")
        out["hostname"] = socket.gethostname()
        out["fqdn"] = socket.getfqdn("baz.test")
        try:
            socket.gethostbyname("::1")
        except socket.gaierror as exc:
            out["ipv6"] = [exc.errno, exc.strerror]
        return Response(json.dumps(out))
'''


async def _answers(tmp_path):
    return json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")).text())


@pytest.mark.asyncio
async def test_worker_code_resolves_names_as_emscriptens_fake_dns(tmp_path):
    assert await _answers(tmp_path) == {
        "import": "172.29.1.0",  # the module's top level counts in the same isolate
        "example": "172.29.2.0",
        "again": "172.29.2.0",
        "ex": ["other.test", ["other.test"], ["172.29.3.0"]],
        "addr_of_name": ["example.com", ["example.com"], ["172.29.2.0"]],
        "addr_of_fake": ["other.test", ["other.test"], ["172.29.3.0"]],
        "addr_unmapped": ["8.8.8.8", ["8.8.8.8"], ["8.8.8.8"]],
        "literal": "1.2.3.4",
        "empty": "0.0.0.0",
        "hostname": "emscripten",
        "fqdn": "baz.test",
        "ipv6": [-2, "Name does not resolve"],
    }


@pytest.mark.asyncio
async def test_each_loaded_worker_numbers_its_names_afresh(tmp_path):
    await _answers(tmp_path / "one")
    assert (await _answers(tmp_path / "two"))["import"] == "172.29.1.0"


@pytest.mark.asyncio
async def test_code_outside_a_worker_keeps_the_hosts_resolver(tmp_path):
    await _answers(tmp_path)
    assert socket.gethostname() != "emscripten"
    assert not socket.gethostbyname("localhost").startswith("172.29.")
