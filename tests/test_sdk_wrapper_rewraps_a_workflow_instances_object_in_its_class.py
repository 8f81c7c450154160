"""A JS object a Workflow instance's method gives back (one your supplied instance returns, which
``python_from_rpc`` leaves a proxy) comes back in the instance's own wrapper class,
``_WorkflowInstanceWrapper``: the external SDK's ``_BindingWrapper._convert_result`` wraps such a
proxy in ``self.__class__`` (workers-py ``rpc.py``: ``_wrap_js_value``'s ``return
self.__class__(value)``; the 1.5.3 and 1.5.4 tags: ``_convert_result``'s; the instance wrapper is a
``_BindingWrapper`` from 1.5.3), as a
service's ``_FetcherWrapper`` gives a ``_FetcherWrapper``
(test_sdk_wrapper_rewraps_a_returned_js_object_in_its_own_class.py). audit31: a plain
``_BindingWrapper`` came back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

WORKER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        instance = await self.env.WF.get("a")
        details = await instance.details()
        return Response.json([repr(type(instance)), repr(type(details)), await details.first()])
'''


class Details:
    async def first(self):
        return 1


class Instance:
    def __init__(self, ident):
        self.id = ident

    async def details(self):
        return Details()


class Workflow:
    JS_METHODS = ("create", "get", "createBatch")

    async def get(self, ident):
        return Instance(ident)


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "module"), [("1.5.3", "workers._workers"), ("1.9.5", "workers.rpc")])
async def test_an_instances_returned_object_is_a_workflow_instance_wrapper(tmp_path: Path, sdk: str, module: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "gateway", "main": "src/entry.py", "compatibility_date": "2026-05-01",
        "compatibility_flags": ["python_workers"],
        "workflows": [{"name": "flow", "binding": "WF", "class_name": "Flow"}]}))
    (tmp_path / "python_modules" / f"workers_runtime_sdk-{sdk}.dist-info").mkdir(parents=True)
    worker = load_worker(typical_pyproject(tmp_path), bindings={"WF": Workflow()})
    wrapper = f"<class '{module}._WorkflowInstanceWrapper'>"
    assert await (await worker.fetch("/")).json() == [wrapper, wrapper, 1]
