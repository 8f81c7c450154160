"""A Worker that catches a binding's or ``fetch``'s rejection and renders ``traceback.format_exc()``
(or logs it with ``logging.exception``) sees its own frames and the error, as in Pyodide: a
rejected JavaScript promise raises at the ``await`` with no frame of the JavaScript behind it.
Before, the traceback listed the frames of workers-env's D1/KV stand-ins, its webloop and task
plumbing and the ``asyncio.to_thread``/``concurrent.futures`` frames of its HTTP client
(found running gospelo-dev/open-context, whose MCP errors carry ``traceback.format_exc()``).
So does a rejected ``js.Promise`` the Worker awaits -- a call's (``Promise.reject(...)``, awaited at
once or later), a ``Promise.new(...)`` rejected before or while it is awaited, a chained
``catch``'s --, which showed the stand-in's ``__await__`` frame (Pyodide 0.26.0a4, 0.28.2 and
314.0.6 show the Worker's frames only)."""

from __future__ import annotations

import socket

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """\
    import asyncio
    import json
    import traceback

    import js
    from pyodide.ffi import create_proxy, to_js
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            async def stale():
                rejected = js.Promise.reject(js.Error.new("no"))
                await asyncio.sleep(0)
                await rejected

            calls = {
                "d1": lambda: self.env.DB.prepare("SELECT * FROM nope").all(),
                "kv": lambda: self.env.KV.put("", "x"),
                "vectorize": lambda: self.env.IDX.query(to_js([1.0, 2.0])),
                "js.fetch": lambda: js.fetch("http://127.0.0.1:PORT/"),
                "Promise.reject": lambda: js.Promise.reject(js.Error.new("no")),
                "Promise.new": lambda: js.Promise.new(lambda resolve, reject: reject(js.Error.new("no"))),
                "Promise.new later": lambda: js.Promise.new(
                    lambda resolve, reject: js.setTimeout(create_proxy(lambda: reject(js.Error.new("no"))), 1)),
                "catch": lambda: js.Promise.new(lambda resolve, reject: reject(js.Error.new("no"))).catch(
                    lambda error: 1 / 0),
                "stale Promise.reject": stale,
            }
            frames = {}
            for name, call in calls.items():
                try:
                    await call()
                except Exception:
                    frames[name] = [line.strip() for line in traceback.format_exc().splitlines()
                                    if line.startswith("  File ")]
            return Response(json.dumps(frames))
"""
EXTRA = """
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "33333333-0000-0000-0000-000000000000"
[[kv_namespaces]]
binding = "KV"
id = "kv"
[[vectorize]]
binding = "IDX"
index_name = "idx"
"""
PYPROJECT_INDEX = '\n[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\n'


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("date", ["2025-09-01", "2026-02-01"])
def test_a_rejection_the_worker_catches_shows_only_its_own_frames(tmp_path, date):
    one_file_worker(tmp_path, ENTRY.replace("PORT", str(_closed_port())), date=date, extra=EXTRA)
    with (tmp_path / "pyproject.toml").open("a") as pyproject:
        pyproject.write(PYPROJECT_INDEX)
    frames = json_answer(tmp_path, "/")
    names = {"d1", "kv", "vectorize", "js.fetch", "Promise.reject", "Promise.new", "Promise.new later", "catch",
             "stale Promise.reject"}
    assert set(frames) == names, frames
    for name in names:
        assert frames[name] and all(line.startswith('File "') and 'src/entry.py", line' in line
                                    for line in frames[name]), (name, frames[name])
