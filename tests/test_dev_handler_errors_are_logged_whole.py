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
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import WorkerApp

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


async def _call(app, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
    sent: list[dict] = []
    raw_path, _, query = path.partition("?")
    scope = {"type": "http", "method": method, "path": raw_path, "raw_path": raw_path.encode(),
             "query_string": query.encode(), "headers": [(b"host", b"localhost"),
                                                        (b"content-length", str(len(body)).encode())],
             "scheme": "http", "server": ("localhost", 8787), "client": ("127.0.0.1", 1), "http_version": "1.1"}
    chunks = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


@pytest.mark.asyncio
async def test_each_handlers_error_is_logged_with_its_heading(tmp_path, caplog):
    app = WorkerApp(load_worker(one_file_worker(tmp_path, ENTRY)), test_scheduled=True)
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert (await _call(app, "GET", "/__scheduled?cron=*+*+*+*+*"))[0] == 500
        assert await _call(app, "GET", "/cdn-cgi/handler/scheduled?cron=0+*+*+*+*") == (500, b"exception")
        assert await _call(app, "POST", "/cdn-cgi/handler/email?from=a@example.com&to=b@example.com", MESSAGE) == (
            500, b"Internal Server Error")
    logged = [(r.getMessage(), repr(r.exc_info[1]) if r.exc_info else None) for r in caplog.records
              if r.levelno >= logging.ERROR]
    assert logged == [
        ("Uncaught exception in the worker's scheduled handler (cron '* * * * *')", "ValueError('boom in scheduled')"),
        ("Uncaught exception in the worker's scheduled handler (cron '0 * * * *')", "ValueError('boom in scheduled')"),
        ("Uncaught exception in the worker's email handler", "ValueError('boom in email')"),
    ]
