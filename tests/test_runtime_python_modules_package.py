"""``import python_modules.<package>`` works in Worker code, as in production (workerd puts
``/session/metadata``, which holds the uploaded ``python_modules/`` folder, on ``sys.path``): a
second import of the installed package's files, under that name; the stand-in exists only
while Worker code runs."""

from __future__ import annotations

import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from python_modules.starlette import status
import starlette.status
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            import python_modules.no_such_package  # noqa: F401
        except ModuleNotFoundError as exc:
            missing = str(exc)
        return Response.json({"created": status.HTTP_201_CREATED, "same_object": status is starlette.status,
                              "name": status.__name__, "missing": missing})
'''


@pytest.mark.asyncio
async def test_python_modules_imports_the_installed_package_again(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2025-10-01")
    reply = await (await load_worker(tmp_path).fetch("/")).json()
    assert reply == {"created": 201, "same_object": False, "name": "python_modules.starlette.status",
                     "missing": "No module named 'python_modules.no_such_package'"}
    assert "python_modules" not in sys.modules  # gone with the Worker's import scope
