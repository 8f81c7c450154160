"""A function stub inside a JavaScript ``Map`` a service call returned -- the built-in SDK sends a
Worker method's dict result as a ``Map`` -- passed on to a third Worker: each stub in it a new
reference, as in a dict, list, object or array (one walker, ``services._shape``, knows the shapes;
before, relaying the Map failed with ``AttributeError: _items``). Worker code does not meet the
Map (its SDK converts the result to a dict first), so test code holds the service here."""

from __future__ import annotations

import json

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker
from workers_env.runtime.jsproxy import JsMap
from workers_env.runtime.services import WorkerService

SOURCE = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("source")

    def plus_100(self, x):
        return x + 100

    async def get_map(self):
        return {"cb": self.plus_100, "n": 1}
'''

THIRD = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("third")

    async def call_it(self, m):
        return await m["cb"](2)
'''


def _worker(root, name, code):
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "entry.py").write_text(code)
    (root / name / "wrangler.json").write_text(json.dumps({
        "name": name, "main": "src/entry.py", "compatibility_date": "2025-11-02",
        "compatibility_flags": ["python_workers"]}))
    return load_worker(typical_pyproject(root / name))


@pytest.mark.asyncio
async def test_a_stub_in_a_returned_map_is_relayed_and_stays_the_holders(tmp_path):
    source, third = _worker(tmp_path, "source", SOURCE), _worker(tmp_path, "third", THIRD)
    got = await WorkerService(lambda: source, None, None).get_map()
    assert isinstance(got, JsMap) and got._entries["cb"]._bound  # the Map, its function a stub it holds
    assert await WorkerService(lambda: third, None, None).call_it(got) == 102
    assert await got._entries["cb"](1) == 101  # the holder's own stub: not disposed with the third's call
    assert got._entries["n"] == 1
