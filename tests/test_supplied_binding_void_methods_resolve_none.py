"""A supplied binding standing in for a method production declares ``Promise<void>`` -- R2's
``delete`` (r2-bucket.h ``jsg::Promise<void> delete_``), a Workflow instance's ``pause``,
``resume``, ``terminate``, ``restart``, ``delete``, ``sendEvent`` (workflows-api.ts
``InstanceImpl``) -- resolves ``undefined`` there, which Pyodide makes ``None`` in every era. A
fake returning ``None`` from such a method gave Worker code Pyodide 0.28's ``jsnull`` (a JS
``null``) instead; elsewhere a fake's ``None`` is still the ``null`` it stands for (R2 ``get`` of
a missing key)."""

from __future__ import annotations

import pytest

from workers_env import load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        deleted = await self.env.BUCKET.delete("k")
        missing = await self.env.BUCKET.get("k")
        instance = await self.env.FLOW.create()
        paused = await (await instance.pause())  # the built-in SDK's wrapper answers the promise un-awaited
        return Response.json({"delete": repr(deleted), "get": repr(missing), "pause": repr(paused)})
'''


class Bucket:
    JS_METHODS = ("get", "delete")

    async def get(self, key, options=None):
        return None

    async def delete(self, keys):
        return None


class Instance:
    id = "i"

    async def pause(self):
        return None


class Workflow:
    JS_METHODS = ("create", "get")

    async def create(self, options=None):
        return Instance()

    async def get(self, ident):
        return Instance()


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "null"), [("2025-11-01", "jsnull"), ("2025-09-01", "None")])
async def test_a_fakes_none_from_a_void_method_is_none_in_every_era(project, date, null):
    folder = project(f'name = "v"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                     'compatibility_flags = ["python_workers"]\n[[r2_buckets]]\nbinding = "BUCKET"\n'
                     'bucket_name = "bkt"\n[[workflows]]\nbinding = "FLOW"\nname = "f"\nclass_name = "F"\n',
                     src__entry_DOT_py=ENTRY)
    worker = load_worker(folder, env=load_env(folder, bindings={"BUCKET": Bucket(), "FLOW": Workflow()}))
    body = await (await worker.fetch("/")).json()
    assert body == {"delete": "None", "get": null, "pause": "None"}
