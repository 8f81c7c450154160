"""Two Workers loaded from the same folder (a test loading a project twice; ``workers-env dev``
after an edit, with a request of the Worker it replaced still under way) each keep their own
modules, and neither's lands in ``sys.modules`` once both handlers returned -- in whichever
order they end. (When the first one entered ended first, the second restored the first one's
modules into ``sys.modules`` as it stepped out: code outside any Worker then imported them.)"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = """
import asyncio

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await asyncio.sleep(float(request.url.rsplit("/", 1)[1]))
        import helper_two_workers

        return Response(f"{helper_two_workers.WORD} {__name__}")
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry_two_workers.py").write_text(ENTRY)
    (tmp_path / "src" / "helper_two_workers.py").write_text('WORD = "helped"\n')
    (tmp_path / "wrangler.toml").write_text('name = "two"\nmain = "src/entry_two_workers.py"\n'
                                            'compatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n')
    typical_pyproject(tmp_path)
    return tmp_path


@pytest.mark.parametrize("first_waits, second_waits", [(0.01, 0.05), (0.05, 0.01)],
                         ids=["first-ends-first", "second-ends-first"])
def test_concurrent_requests_of_two_workers_of_one_folder_leave_no_module_behind(
        project: Path, first_waits: float, second_waits: float) -> None:
    first, second = load_worker(project), load_worker(project)
    assert first.module is not second.module

    async def both() -> list[str]:
        answers = await asyncio.gather(first.fetch(f"http://w/{first_waits}"), second.fetch(f"http://w/{second_waits}"))
        return [await answer.text() for answer in answers]

    assert asyncio.run(both()) == ["helped entry_two_workers"] * 2
    leaked = [name for name in ("entry_two_workers", "helper_two_workers") if name in sys.modules]
    assert leaked == []
