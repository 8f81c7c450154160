"""A handler the Worker's ``Default`` class inherits from a library is the Worker's code: what it
writes to ``os.environ`` is the Worker's environment, as deployed, where one isolate holds both.
cloudflare/python-workers-examples' ``19-django-todo-d1`` (affcbff) is ``class Default(DjangoCF,
WorkerEntrypoint)``: django-cf 0.2.17's inherited ``fetch`` sets ``DJANGO_ALLOW_ASYNC_UNSAFE`` with
``os.environ.setdefault``, and Django's ``async_unsafe`` check (called from the Worker's views)
reads it. The write went to the host's environment (the library's frame sat under workers-env's
handler call) and the read to the Worker's, so every D1 query was Django's
``SynchronousOnlyOperation`` and the example's POST a 500 (its own test: 201)."""

from __future__ import annotations

import os

import pytest
from worker_helpers import installed_package, one_file_worker

from workers_env import load_worker

LIBRARY = '''
import os
from workers import Response


class Base:
    async def fetch(self, request):
        os.environ.setdefault("HUNT_E53_FROM_LIBRARY", "1")
        return Response(self.answer())


class SyncBase:
    def fetch(self, request):
        os.environ["HUNT_E53_FROM_LIBRARY"] = "sync"
        return Response(self.answer())

    def scheduled(self, controller, env, ctx):
        os.environ["HUNT_E53_FROM_LIBRARY"] = "cron"
        self.seen.append(os.environ.get("HUNT_E53_FROM_LIBRARY"))
'''

ENTRY = '''
import os
from handlerlib import {base}
from workers import WorkerEntrypoint

SEEN = []


class Default({base}, WorkerEntrypoint):
    seen = SEEN

    def answer(self):
        return "worker reads " + str(os.environ.get("HUNT_E53_FROM_LIBRARY"))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("base", "written"), [("Base", "1"), ("SyncBase", "sync")])
async def test_an_inherited_fetch_writes_the_workers_environ(tmp_path, monkeypatch, base, written):
    monkeypatch.delenv("HUNT_E53_FROM_LIBRARY", raising=False)
    installed_package(tmp_path, monkeypatch, "handlerlib", LIBRARY)
    worker = load_worker(one_file_worker(tmp_path / "worker", ENTRY.format(base=base)))
    resp = await worker.fetch("/")
    assert (resp.status, await resp.text()) == (200, f"worker reads {written}")
    assert "HUNT_E53_FROM_LIBRARY" not in os.environ  # the host's environment is untouched


@pytest.mark.asyncio
async def test_an_inherited_scheduled_handler_writes_the_workers_environ(tmp_path, monkeypatch):
    monkeypatch.delenv("HUNT_E53_FROM_LIBRARY", raising=False)
    installed_package(tmp_path, monkeypatch, "handlerlib", LIBRARY)
    worker = load_worker(one_file_worker(tmp_path / "worker", ENTRY.format(base="SyncBase")))
    result = await worker.scheduled("*/5 * * * *")
    assert result.outcome == "ok"
    assert worker.module.SEEN == ["cron"]
    assert "HUNT_E53_FROM_LIBRARY" not in os.environ
    resp = await worker.fetch("/")  # the Worker's own code then reads what the cron wrote (overwritten by fetch)
    assert await resp.text() == "worker reads sync"
