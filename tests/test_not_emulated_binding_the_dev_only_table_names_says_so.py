"""A declared binding workers-env does not emulate, which the project's ``pyproject.toml`` supplies
through ``[tool.workers-env.bindings]`` -- a table only ``workers-env dev`` reads --, is a placeholder
under ``load_env``/``load_worker``/pytest: its error, and ``load_worker``'s line at start, say that
the table names it and that here it is passed with ``bindings=``. Found running a public podcast
Worker (code index, walk60) whose R2 bucket and Analytics Engine dataset its project supplied there
for dev: the script's ``load_worker`` printed only the usual line, as if the table were not there."""

from __future__ import annotations

import pickle

import pytest

from workers_env import BindingNotEmulatedError, load_env, load_worker

TOML = (
    'name = "podcasts"\nmain = "src/entry.py"\ncompatibility_date = "2025-09-01"\n'
    'compatibility_flags = ["python_workers"]\n'
    '[[r2_buckets]]\nbinding = "LAKE"\nbucket_name = "lake"\n'
    '[[analytics_engine_datasets]]\nbinding = "METRICS"\ndataset = "podcasts"\n'
)
PYPROJECT = '[tool.workers-env.bindings]\nLAKE = "fakes:lake"\n'
FAKES = '''
class Lake:
    JS_METHODS = ("put",)
    async def put(self, key, value, options=None):
        return None

def lake():
    return Lake()
'''
ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.LAKE.put("k", "v")
        return Response("ok")
'''
SENTENCE = "pyproject.toml's [tool.workers-env.bindings] names LAKE, but only workers-env dev reads that table"


def _project(project):
    return project(TOML, pyproject_DOT_toml=PYPROJECT, fakes_DOT_py=FAKES, src__entry_DOT_py=ENTRY)


@pytest.mark.asyncio
async def test_its_error_says_the_table_is_read_by_dev_only(project):
    env = load_env(_project(project))
    with pytest.raises(BindingNotEmulatedError) as caught:
        await env.LAKE.put("k", "v")
    assert SENTENCE in str(caught.value)
    assert str(caught.value).endswith("here pass the object with bindings= (load_worker(path, bindings=...), "
                                      "load_env(..., bindings=...) or the pytest ways above).")
    with pytest.raises(BindingNotEmulatedError) as other:  # the table does not name METRICS
        env.METRICS.writeDataPoint({})
    assert "only workers-env dev reads" not in str(other.value)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (str(again), again.dev_table) == (str(caught.value), True)


@pytest.mark.asyncio
async def test_load_worker_says_so_at_start_and_bindings_supplies_it(project, capsys):
    folder = _project(project)
    load_worker(folder)
    [line] = [line for line in capsys.readouterr().err.splitlines() if "not emulated" in line]
    assert line.endswith("; pyproject.toml's [tool.workers-env.bindings] names LAKE, but only workers-env dev "
                         "reads that table: pass them here with bindings=")
    assert "METRICS (Analytics Engine Dataset)" in line

    class Lake:
        JS_METHODS = ("put",)

        async def put(self, key, value, options=None):
            return None

    worker = load_worker(folder, bindings={"LAKE": Lake()})
    assert await (await worker.fetch("/")).text() == "ok"
    [line] = [line for line in capsys.readouterr().err.splitlines() if "not emulated" in line]
    assert "LAKE" not in line and "only workers-env dev" not in line
