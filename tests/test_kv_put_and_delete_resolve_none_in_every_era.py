"""KV ``put`` and ``delete`` return ``jsg::Promise<void>`` (kv.h): the promise resolves
``undefined``, which Pyodide makes ``None`` in every release (measured: an async JS function
returning ``undefined`` awaited under Pyodide 0.28.2 and 0.26.0a4 under Node gives ``None``;
returning ``null`` gives 0.28's ``jsnull``). workers-env answered them as ``null``, so in the
0.28 built-in era ``await kv.put(...)`` was ``jsnull`` and ``... is None`` was False. A missing
key's ``get`` stays ``null`` (``jsnull`` on 0.28)."""

from __future__ import annotations

import pytest

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        put = await kv.put("a", "1")
        deleted = await kv.delete("a")
        missing = await kv.get("a")
        return Response.json([put is None, deleted is None, missing is None, repr(missing)])
'''

PYPROJECT = ('[project]\nname = "v"\nversion = "0"\nrequires-python = ">=3.12"\ndependencies = []\n'
             '[dependency-groups]\ndev = ["workers-py"]\n')


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "missing"), [
    ("2025-11-01", [False, "jsnull"]),  # Pyodide 0.28, built-in SDK: null is jsnull
    ("2025-09-01", [True, "None"]),  # Pyodide 0.26: null is None
    ("2026-08-20", [True, "None"]),  # the external SDK makes jsnull None
])
async def test_put_and_delete_are_none_and_a_missing_key_is_the_eras_null(project, date, missing):
    files = {"src__entry_DOT_py": ENTRY}
    if date >= "2026-04-21":
        files["pyproject_DOT_toml"] = PYPROJECT
    folder = project(f'name = "v"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                     'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n', **files)
    assert await (await load_worker(folder).fetch("/")).json() == [True, True, *missing]
