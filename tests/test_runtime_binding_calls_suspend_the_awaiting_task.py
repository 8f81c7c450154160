"""Awaiting a binding call suspends the awaiting task at least once, as awaiting any JavaScript
promise does under Pyodide (its future takes the promise's outcome in a ``then`` reaction): two
tasks gathered, each awaiting ``env.KV.get(...)``, ``env.DB.prepare(...).first()``,
``env.VEC.query(...)``, a queue's ``send``, run a1 b1 a2 b2 -- measured with a JavaScript binding
whose call returns a resolved promise in real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (Python Workers
need Pyodide's bundle from the network, so not under wrangler dev here). workers-env settled the
emulator's answer at the call and ran a1 a2 b1 b2, so gathered work ran in another order than
deployed. In both SDK eras: the external SDK's wrappers await the same promise.

A call the emulator rejects at the call (a KV key refused, a D1 statement that does not parse, the
JavaScript ``env``'s Fetcher given an init ``new Request`` refuses or a signal aborted already)
still suspends the task awaiting it, as a resolved one does: workerd hands a promise-returning API's
throw back as a rejected promise (the ``capture_async_api_throws`` flag, on from 2022-10-31: every
Python Worker's date), and Pyodide's future takes a rejection in a ``then`` reaction too. audit33's
mutants -- the microtask only for a call settled with a value, and a Fetcher's early refusal handed
back settled -- survived leftovers56's tests, which awaited calls that succeed. The Worker runs the
calls a test names (``/resolved``, ``/rejected``)."""

from __future__ import annotations

import pytest
from worker_helpers import GATHERED_PAIR, RecordingService, json_answer, one_file_worker

ENTRY = '''
import asyncio
from urllib.parse import urlsplit

import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, import_from_javascript


def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        svc = import_from_javascript("cloudflare:workers").env.SVC  # the JavaScript env's Fetcher
        calls = {
            "/resolved": {
                "kv": lambda: self.env.KV.get("k"),
                "d1": lambda: self.env.DB.prepare("SELECT 1").first(),
                "vectorize": lambda: self.env.VEC.query([0.1, 0.2, 0.3], topK=1),
                "queue": lambda: self.env.Q.send("x"),
            },
            "/rejected": {
                "kv": lambda: self.env.KV.get(""),
                "d1": lambda: self.env.DB.prepare("SELEC 1").first(),
                "init": lambda: svc.fetch("http://x/", init(method="bad method")),
                "aborted": lambda: svc.fetch("http://x/", init(signal=js.AbortSignal.abort())),
            },
        }[urlsplit(str(request.url)).path]
        orders = {}
        for name, call in calls.items():
            orders[name] = log = []
            await pair(call, log)
        return Response.json(orders)
''' + GATHERED_PAIR

EXTRA = """
[[kv_namespaces]]
binding = "KV"
id = "k1"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000001"

[[vectorize]]
binding = "VEC"
index_name = "idx"

[[queues.producers]]
binding = "Q"
queue = "q"

[[services]]
binding = "SVC"
service = "other"
"""


def orders(tmp_path, date, path, service):
    """The orders the Worker dated ``date`` answers ``path`` with, ``service`` its SVC."""
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA)
    (folder / "pyproject.toml").write_text(((folder / "pyproject.toml").read_text() if (folder / "pyproject.toml").exists()
                                            else "") + '\n[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\n')
    return json_answer(folder, path, bindings={"SVC": service})


@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-01"])  # the built-in SDK (raw bindings), the external one
def test_gathered_binding_calls_interleave_as_deployed(tmp_path, date):
    assert orders(tmp_path, date, "/resolved", RecordingService()) == dict.fromkeys(
        ["kv", "d1", "vectorize", "queue"], ["a1", "b1", "a2", "b2"])


def test_gathered_rejected_binding_calls_interleave_as_deployed(tmp_path):
    service = RecordingService()
    assert orders(tmp_path, "2025-10-01", "/rejected", service) == dict.fromkeys(
        ["kv", "d1", "init", "aborted"], ["a1", "b1", "a!", "b!"])
    assert service.fetched == []  # (refused before the binding is asked)
