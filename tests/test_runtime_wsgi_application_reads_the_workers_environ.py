"""The WSGI application a Worker hands ``workers.wsgi.fetch`` runs as the Worker's code -- when
called, when its body is iterated and when it is closed -- so it reads and writes the Worker's
``os.environ``, as the SDK's ``wsgi.py`` calls it in production (one isolate). Django's
``request_started``/``request_finished`` handlers check ``DJANGO_ALLOW_ASYNC_UNSAFE`` (which
django-cf writes) from there: cloudflare/python-workers-examples' ``19-django-todo-d1`` (affcbff)
answered its second request with Django's ``SynchronousOnlyOperation`` (500; its own test
wants 200/204) while workers-env's bridge frame made the application's reads the host's."""

from __future__ import annotations

import os

import pytest
from worker_helpers import installed_package, one_file_worker

from workers_env import load_worker

LIBRARY = '''
import os

SEEN = []


class Body:
    def __iter__(self):
        SEEN.append(("iterated", os.environ.get("HUNT_E53_WORKER_SET")))
        yield b"body"

    def close(self):
        SEEN.append(("closed", os.environ.get("HUNT_E53_WORKER_SET")))


def app(environ, start_response):
    SEEN.append(("called", os.environ.get("HUNT_E53_WORKER_SET")))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body()
'''

ENTRY = '''
import os
import wsgilib
from workers import WorkerEntrypoint, wsgi

os.environ["HUNT_E53_WORKER_SET"] = "worker"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await wsgi.fetch(wsgilib.app, request, self.env)
'''


@pytest.mark.asyncio
async def test_the_wsgi_application_reads_the_workers_environ(tmp_path, monkeypatch):
    monkeypatch.delenv("HUNT_E53_WORKER_SET", raising=False)
    installed_package(tmp_path, monkeypatch, "wsgilib", LIBRARY)
    worker = load_worker(one_file_worker(tmp_path / "worker", ENTRY))
    resp = await worker.fetch("/")
    assert (resp.status, await resp.text()) == (200, "body")
    import wsgilib

    assert wsgilib.SEEN == [("called", "worker"), ("iterated", "worker"), ("closed", "worker")]
    assert "HUNT_E53_WORKER_SET" not in os.environ
