"""``from workers import DurableObject, WorkflowEntrypoint`` import, as in both SDKs, so a Worker
that defines a Durable Object loads and serves its other routes; the namespace binding itself
is not emulated and says so when used."""

from __future__ import annotations

import textwrap

import pytest
from worker_helpers import typical_pyproject

from workers_env import BindingNotEmulatedError, load_worker

ENTRY = """
from workers import DurableObject, Response, WorkerEntrypoint, WorkflowEntrypoint

class Counter(DurableObject):
    async def fetch(self, request):
        return Response("counted")

class Nightly(WorkflowEntrypoint):
    async def run(self, event, step):
        return "done"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/do"):
            stub = self.env.COUNTER.get(self.env.COUNTER.idFromName("x"))
            return await stub.fetch(request)
        return Response("hello")
"""

WRANGLER = """\
name = "do"
main = "src/entry.py"
compatibility_date = "DATE"
compatibility_flags = ["python_workers"]

[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter"]
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-01"])  # both SDKs define the classes
async def test_a_worker_defining_a_durable_object_loads_and_serves(tmp_path, date):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(WRANGLER.replace("DATE", date))
    typical_pyproject(tmp_path)
    worker = load_worker(tmp_path)
    response = await worker.fetch("/")
    assert (response.status, await response.text()) == (200, "hello")
    with pytest.raises(BindingNotEmulatedError, match="env.COUNTER \\(Durable Object binding"):
        await worker.fetch("/do")
    counter = worker.module.Counter("ctx", worker.env)  # a test may build one itself
    assert counter.ctx == "ctx" and hasattr(counter.env, "COUNTER")
    assert await (await counter.fetch(None)).text() == "counted"
