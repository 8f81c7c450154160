"""``workers.workflows`` (``NonRetryableError``) is in the built-in SDK (since workerd
2025-07-17) and in every workers-runtime-sdk release, so a Worker that defines a Workflow and
imports it loads and serves its other routes in every era -- Cloudflare's image-redraw
example failed to load with ``ModuleNotFoundError: No module named 'workers.workflows'``
(batch 54)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
import workers.workflows
from workers import Response, WorkerEntrypoint, WorkflowEntrypoint, workflows
from workers.workflows import NonRetryableError

class Flow(WorkflowEntrypoint):
    async def run(self, event, step):
        raise NonRetryableError("stop")

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        same = workflows.NonRetryableError is NonRetryableError is workers.workflows.NonRetryableError
        try:
            raise NonRetryableError("no retry")
        except Exception as exc:
            return Response(f"{same} {type(exc).__name__}: {exc} {issubclass(NonRetryableError, Exception)} "
                            f"{workers.workflows.__doc__!r}")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-10-01", "2026-08-21"])  # the built-in SDK, the external one
async def test_a_worker_importing_workers_workflows_loads(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).text() == (
        "True NonRetryableError: no retry True '\\nWorkflow-specific classes and exceptions for the workers module.\\n'")
