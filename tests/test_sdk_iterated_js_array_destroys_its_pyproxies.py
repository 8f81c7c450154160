"""A JS array argument whose items are PyProxies reaches a binding destroyed through the SDK.

Both SDKs' ``python_to_rpc`` run ``_raise_on_disabled_type`` on every argument, which iterates
any iterable -- a JsProxy array too. Iterating a JS array converts each PyProxy item back to its
Python object and destroys the proxy (Pyodide 0.28.2 under Node, with workers-runtime-sdk 1.9.5's
``workers/rpc.py``), so the JavaScript that then reads an item throws Pyodide's borrowed-proxy
error. That is what ``DB.batch(to_js([DB.prepare(...).bind(...), ...]))`` meets in the external
SDK era, where ``prepare()`` hands back the SDK's Python wrapper (bruj0/vectorize-mcp-worker-python
ingests so). In the built-in SDK era the statements are raw JS objects, ``to_js`` keeps them as
they are, and the batch runs; a plain Python list of the wrappers runs in either era.
"""

from __future__ import annotations

import pytest

from workers_env import load_worker

EXTERNAL = "2026-05-01"
BUILTIN = "2025-11-01"

TOML = (
    'name = "batch-proxies"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
    'compatibility_flags = ["python_workers"]\n'
    '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "db"\n'
)
DESTROYED = ("Error: This borrowed proxy was automatically destroyed at the end of a generator\n"
             "For more information about the cause of this error, use `pyodide.setDebug(true)`")

ENTRY = """
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        db = self.env.DB
        await db.prepare("CREATE TABLE IF NOT EXISTS t (a TEXT, b INTEGER)").run()
        statements = [db.prepare("INSERT INTO t VALUES (?, ?)").bind("x", 1),
                      db.prepare("INSERT INTO t VALUES (?, ?)").bind("y", 2)]
        shape = request.url.rsplit("/", 1)[1]
        argument = {"to_js": lambda: to_js(statements, dict_converter=Object.fromEntries),
                    "nested": lambda: to_js([statements]),
                    "list": lambda: statements}[shape]()
        try:
            await db.batch(argument)
            outcome = "ok"
        except Exception as exc:
            outcome = str(exc)
        count = await db.prepare("SELECT count(*) AS n FROM t").first("n")
        return Response.json({"outcome": outcome, "rows": count})
"""


async def _run(project, date, shape):
    worker = load_worker(project(TOML.format(date=date), src__entry_DOT_py=ENTRY))
    return await (await worker.fetch(f"/{shape}")).json()


@pytest.mark.asyncio
async def test_a_to_js_list_of_sdk_wrapped_statements_fails_as_a_destroyed_proxy_in_the_external_era(project):
    assert await _run(project, EXTERNAL, "to_js") == {"outcome": DESTROYED, "rows": 0}


@pytest.mark.asyncio
async def test_a_nested_js_array_is_iterated_too(project):
    assert await _run(project, EXTERNAL, "nested") == {"outcome": DESTROYED, "rows": 0}


@pytest.mark.asyncio
async def test_a_python_list_of_the_wrapped_statements_runs_in_the_external_era(project):
    assert await _run(project, EXTERNAL, "list") == {"outcome": "ok", "rows": 2}


@pytest.mark.asyncio
async def test_a_to_js_list_of_raw_statements_runs_in_the_builtin_era(project):
    assert await _run(project, BUILTIN, "to_js") == {"outcome": "ok", "rows": 2}


NOTED = """
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        db = self.env.DB
        try:
            await db.batch(to_js([db.prepare("SELECT 1")]))
        except Exception as exc:
            return Response.json({"error": str(exc), "notes": getattr(exc, "__notes__", [])})
        return Response("ran")
"""


@pytest.mark.asyncio
async def test_the_destroyed_proxy_error_carries_a_note_saying_to_pass_the_python_list(project):
    """Cloudflare's D1 docs write ``batch(to_js([...]))``; Pyodide's text alone names neither the
    cause nor the fix, so workers-env's note says both (the error text itself stays Pyodide's)."""
    worker = load_worker(project(TOML.format(date=EXTERNAL), src__entry_DOT_py=NOTED))
    answer = await (await worker.fetch("/")).json()
    assert answer["error"] == DESTROYED
    [note] = answer["notes"]
    assert note.startswith("workers-env: a to_js([...]) array of Python objects")
    assert "self.env.DB.batch([stmt1, stmt2])" in note
