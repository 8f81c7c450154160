"""``pyodide.ffi.run_sync``: synchronous code waits for a binding call, as libraries that offer
sync APIs over async bindings do in production (``sqlalchemy-cloudflare-d1``, langmem's
Vectorize store); the call's result or error comes back, the running Worker goes along."""

from __future__ import annotations

import asyncio
import textwrap

import pytest

from workers_env import JsException, load_worker
from workers_env.runtime.runsync import can_run_sync, run_sync

WRANGLER = '''name = "sync"
main = "src/entry.py"
compatibility_date = "{date}"
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "VEC"
index_name = "idx"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "0f1e2d3c-0000-4000-8000-00000000000a"
'''

WORKER = '''
from pyodide.ffi import JsException, can_run_sync, run_sync
from workers import Response, WorkerEntrypoint


def stored_count(db):
    """A synchronous helper, as a sync library would write it."""
    run_sync(db.prepare("CREATE TABLE IF NOT EXISTS t (x INTEGER)").run())
    run_sync(db.prepare("INSERT INTO t VALUES (?)").bind(7).run())
    row = run_sync(db.prepare("SELECT count(*) AS n, max(x) AS m FROM t").first())
    return row["n"], row["m"]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        n, m = stored_count(self.env.DB)
        run_sync(self.env.VEC.upsert([{"id": "a", "values": [1, 0, 0]}, {"id": "b", "values": [0, 1, 0]}]))
        res = run_sync(self.env.VEC.query([1, 0, 0], topK=1))
        try:
            run_sync(self.env.VEC.query([1, 0]))  # wrong dimensions: the binding's error comes back
            error = None
        except JsException as exc:
            error = str(exc)
        return Response.json({"can": can_run_sync(), "n": n, "m": m, "top": res["matches"][0]["id"], "error": error})
'''


def test_a_worker_waits_synchronously_for_d1_and_vectorize(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(WORKER))
    (tmp_path / "wrangler.toml").write_text(WRANGLER.format(date="2026-05-01"))
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n')
    worker = load_worker(tmp_path)

    async def scenario():
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    body = asyncio.run(scenario())
    assert {k: body[k] for k in ("can", "n", "m", "top")} == {"can": True, "n": 1, "m": 7, "top": "a"}
    assert "dimension" in body["error"], body["error"]


def test_run_sync_outside_a_running_loop_and_its_errors():
    async def answer():
        await asyncio.sleep(0)
        return 42

    async def fail():
        raise JsException("Error: nope")

    assert run_sync(answer()) == 42 and can_run_sync()
    with pytest.raises(JsException, match="nope"):
        run_sync(fail())
    with pytest.raises(TypeError, match="expects an awaitable, got int"):
        run_sync(42)


def test_inside_a_loop_the_context_goes_along_and_the_loops_own_tasks_settle():
    import contextvars

    marker = contextvars.ContextVar("marker", default=None)

    async def read_marker():
        await asyncio.sleep(0)
        return marker.get()

    async def scenario():
        marker.set("the running Worker")
        seen = run_sync(read_marker())  # from sync code called inside the loop
        task = asyncio.ensure_future(read_marker())
        # the loop goes on while the caller waits, as production's under JSPI (it was refused)
        assert run_sync(task) == "the running Worker" and task.done()
        return seen

    assert asyncio.run(scenario()) == "the running Worker"
