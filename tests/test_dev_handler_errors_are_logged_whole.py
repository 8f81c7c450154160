"""``workers-env dev``'s log lines for a scheduled or email handler that raises, pinned whole: the
heading (``Uncaught exception in the worker's scheduled handler (cron '...')`` for
``/__scheduled`` under ``--test-scheduled`` and for ``/cdn-cgi/handler/scheduled``, ``Uncaught
exception in the worker's email handler`` for ``/cdn-cgi/handler/email``) with the Worker's own
exception, and the answer. workers-env's words, a Python logger's line with the traceback, as
README says; production logs ``Uncaught Error: <message>`` for a JavaScript Worker's throwing
``scheduled``/``email`` (``wrangler dev`` 4.164.0, measured)."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import asgi_exchange, one_file_worker

from workers_env import load_worker
from workers_env.runtime.workerapp import WorkerApp

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("fetch handler")

    async def scheduled(self, controller, env, ctx):
        raise ValueError("boom in scheduled")

    async def email(self, message, env, ctx):
        raise ValueError("boom in email")
'''

MESSAGE = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\nMessage-ID: <1@example.com>\r\n\r\nbody\r\n"


@pytest.mark.asyncio
async def test_each_handlers_error_is_logged_with_its_heading(tmp_path, caplog):
    app = WorkerApp(load_worker(one_file_worker(tmp_path, ENTRY)), test_scheduled=True)
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert (await asgi_exchange(app, "GET", "/__scheduled?cron=*+*+*+*+*"))[0] == 500
        assert await asgi_exchange(app, "GET", "/cdn-cgi/handler/scheduled?cron=0+*+*+*+*") == (500, b"exception")
        assert await asgi_exchange(app, "POST", "/cdn-cgi/handler/email?from=a@example.com&to=b@example.com", MESSAGE) == (
            500, b"Internal Server Error")
    logged = [(r.getMessage(), repr(r.exc_info[1]) if r.exc_info else None) for r in caplog.records
              if r.levelno >= logging.ERROR]
    assert logged == [
        ("Uncaught exception in the worker's scheduled handler (cron '* * * * *')", "ValueError('boom in scheduled')"),
        ("Uncaught exception in the worker's scheduled handler (cron '0 * * * *')", "ValueError('boom in scheduled')"),
        ("Uncaught exception in the worker's email handler", "ValueError('boom in email')"),
    ]
