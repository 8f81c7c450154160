"""What the tests of the wrappers ``self.env`` hands out share: a config naming a D1 database, a
service, a Durable Object namespace and a Workflow (:data:`BINDINGS`), the stand-ins supplied for
the last three, and :func:`wrapper_answer`, which runs a Worker under the SDK release a test names
-- vendored as ``pywrangler sync`` leaves it (``python_modules/workers_runtime_sdk-<v>.dist-info``),
or the built-in SDK by the date."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from test_supplied_workflow_and_durable_object_wrappers import Namespace, Workflow
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

BINDINGS = """
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000001"

[[services]]
binding = "SVC"
service = "other"

[[durable_objects.bindings]]
name = "NS"
class_name = "Room"

[[workflows]]
name = "flow"
binding = "WF"
class_name = "Flow"
"""


class Stub:
    """The service ``SVC``: a Fetcher answering nothing."""

    async def fetch(self, resource, init=None):
        return None


def wrapper_answer(folder: Path, worker: str, date: str, vendored: str | None = None, extra: str = "") -> Any:
    """The JSON body the Worker ``worker`` (configured with :data:`BINDINGS` and ``extra``, dated
    ``date``, workers-runtime-sdk ``vendored`` vendored when given) answers ``/`` with."""
    one_file_worker(folder, worker, date=date, extra=BINDINGS + extra)
    if vendored is not None:
        (folder / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
    loaded = load_worker(env=load_env(folder, bindings={"SVC": Stub(), "NS": Namespace(), "WF": Workflow()}))

    async def scenario() -> Any:
        resp = await loaded.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    return asyncio.run(scenario())
