"""A Worker's era (its Pyodide's ``null``, its SDK) holds while its code runs and ends with the
call: code outside every Worker -- a test's own ``load_env`` bindings, the next test -- sees the
newest era again, however old the Worker it just called (a 2024 Worker once left Pyodide 0.26's
``null`` -> ``None`` behind for the rest of the process)."""

from __future__ import annotations

import asyncio

from workers_env import load_env, load_worker
from workers_env.runtime.jsproxy import jsnull

WORKER = '''\
from js import JSON, Response

async def on_fetch(request, env):
    return Response.new(type(JSON.parse("null")).__name__)
'''

D1 = """\
name = "after"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000000"
"""


def _old_worker(tmp_path):
    (tmp_path / "w" / "src").mkdir(parents=True)
    (tmp_path / "w" / "src" / "entry.py").write_text(WORKER)
    (tmp_path / "w" / "wrangler.toml").write_text(
        'name = "old"\nmain = "src/entry.py"\ncompatibility_date = "2024-09-01"\ncompatibility_flags = ["python_workers"]\n')
    return load_worker(tmp_path / "w")


async def _null_read_by_a_newer_env(folder):
    folder.mkdir()
    (folder / "wrangler.toml").write_text(D1)
    env = load_env(folder)
    return (await env.DB.prepare("SELECT NULL AS a").first()).to_py()["a"]


def test_code_after_an_old_worker_sees_the_newest_era(tmp_path):
    worker = _old_worker(tmp_path)  # importing the module runs Worker code too

    async def scenario():
        inside = await (await worker.fetch("/")).text()
        return inside, await _null_read_by_a_newer_env(tmp_path / "after")

    inside, after = asyncio.run(scenario())
    assert inside == "NoneType"  # Pyodide 0.26: JavaScript null is None in the Worker
    assert after is jsnull  # Pyodide 0.28's jsnull outside it, as before any Worker ran


def test_the_worker_keeps_its_era_on_every_call(tmp_path):
    worker = _old_worker(tmp_path)

    async def scenario():
        first = await (await worker.fetch("/")).text()
        between = await _null_read_by_a_newer_env(tmp_path / "between")
        second = await (await worker.fetch("/")).text()
        return first, between, second

    assert asyncio.run(scenario()) == ("NoneType", jsnull, "NoneType")
