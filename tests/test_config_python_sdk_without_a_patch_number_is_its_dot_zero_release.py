"""A workers-runtime-sdk version written without its patch number (``[tool.workers-env]
python-sdk = "1.2"``, a ``workers-runtime-sdk==1.2`` requirement) is that minor's ``.0``
release, as pip and uv read it (``1.2 == 1.2.0``): what came with 1.2.0 (``workers.Request.cf``,
workers-py 5777f80) is there, not missing as if it were an older release."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json([hasattr(request, "cf"), request.js_object.cf.country])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("pyproject", [
    '[tool.workers-env]\npython-sdk = "1.2"\n',
    '[project]\nname = "w"\nversion = "0"\ndependencies = ["workers-runtime-sdk==1.2"]\n',
])
async def test_a_two_part_sdk_version_is_its_dot_zero_release(tmp_path, pyproject):
    one_file_worker(tmp_path, ENTRY, date="2026-05-01")
    (tmp_path / "pyproject.toml").write_text(pyproject)
    worker = load_worker(tmp_path)
    assert await (await worker.fetch("/", cf={"country": "DE"})).json() == [True, "DE"]


@pytest.mark.asyncio
async def test_the_minor_before_still_lacks_it(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-05-01")
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.1"\n')
    worker = load_worker(tmp_path)
    assert await (await worker.fetch("/", cf={"country": "DE"})).json() == [False, "DE"]
