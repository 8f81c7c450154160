"""The boundary of review83's look at examples53 (an inherited library handler is the Worker's
code): only what runs under the Worker's request sees the Worker's ``os.environ``. The same
library read by the test itself -- directly, or from a function of the test the handler calls --
sees the host's environment; a second Worker inheriting the same handler sees its own, not what
the first one's wrote; the library's write never reaches the host."""

from __future__ import annotations

import os
import sys

import pytest
from worker_helpers import installed_package, one_file_worker

from workers_env import load_worker

LIBRARY = '''
import os


def read():
    return os.environ.get("REVIEW83_FROM_LIBRARY")


class Base:
    async def fetch(self, request):
        from workers import Response

        before = read()
        if request.url.endswith("/write"):
            os.environ["REVIEW83_FROM_LIBRARY"] = self.name
        return Response(f"{before} {read()} {self.callback()}")
'''

ENTRY = '''
from review83lib import Base
from workers import WorkerEntrypoint

CALLBACK = None  # the test's


class Default(Base, WorkerEntrypoint):
    name = "{name}"

    def callback(self):
        return CALLBACK()
'''


@pytest.mark.asyncio
async def test_only_the_request_of_the_worker_that_wrote_sees_its_write(tmp_path, monkeypatch, request):
    monkeypatch.setenv("REVIEW83_FROM_LIBRARY", "host")
    installed_package(tmp_path, monkeypatch, "review83lib", LIBRARY)
    request.addfinalizer(lambda: sys.modules.pop("review83lib", None))  # (the next test's library of that name is its own)
    import review83lib

    first = load_worker(one_file_worker(tmp_path / "first", ENTRY.replace("{name}", "first")))
    second = load_worker(one_file_worker(tmp_path / "second", ENTRY.replace("{name}", "second")))
    for worker in (first, second):
        worker.module.CALLBACK = lambda: review83lib.read()  # the test's own code, though the Worker's handler calls it
    assert await (await first.fetch("/write")).text() == "None first host"
    assert await (await first.fetch("/")).text() == "first first host"
    assert await (await second.fetch("/")).text() == "None None host"
    assert review83lib.read() == os.environ["REVIEW83_FROM_LIBRARY"] == "host"
