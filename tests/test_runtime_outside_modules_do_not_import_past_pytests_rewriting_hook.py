"""Under pytest, a module of the project outside the upload named like a test file
(``test_*.py``, ``*_test.py``, ``conftest.py``) does not import into the Worker either. pytest's
assertion-rewriting import hook sits first on ``sys.meta_path`` and finds such names with its own
search of ``sys.path``: before the scope's finder came ahead of it, the Worker got the project's
``test_fixtures_data.py``, which is not deployed. The Worker's own module of such a name still
imports."""

from __future__ import annotations

import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    import sys

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                import {name} as found
            except ImportError as exc:
                return Response(f"{{type(exc).__name__}}: {{exc}}")
            return Response(found.X)
"""


@pytest.fixture
def cleanup():
    yield
    for name in ("test_fixtures_data", "data_test"):
        sys.modules.pop(name, None)


def test_pytest_s_hook_is_on_the_meta_path_here() -> None:
    assert any(type(finder).__name__ == "AssertionRewritingHook" for finder in sys.meta_path)


@pytest.mark.asyncio
@pytest.mark.parametrize("name", ["test_fixtures_data", "data_test"])
async def test_a_test_named_module_outside_the_upload_does_not_import(tmp_path, cleanup, name):
    (tmp_path / f"{name}.py").write_text('X = "from the project root"\n')
    worker = load_worker(one_file_worker(tmp_path, ENTRY.format(name=name)))
    assert await (await worker.fetch("/")).text() == f"ModuleNotFoundError: No module named '{name}'"


@pytest.mark.asyncio
async def test_the_workers_own_test_named_module_imports(tmp_path, cleanup):
    (tmp_path / "test_fixtures_data.py").write_text('X = "from the project root"\n')
    one_file_worker(tmp_path, ENTRY.format(name="test_fixtures_data"))
    (tmp_path / "src" / "test_fixtures_data.py").write_text('X = "uploaded"\n')
    assert await (await load_worker(tmp_path).fetch("/")).text() == "uploaded"
