"""Production's stub ``workers`` (and ``asgi``) is a file in site-packages, so every route of an
import meets it, ``importlib.import_module`` as much as an ``import`` statement: a Worker of the
external-SDK era that nothing vendors the SDK into fails to load that way too
(test_runtime_worker_without_a_vendored_sdk_does_not_start_in_the_external_era.py), while the
stand-ins stay importable once the load is over."""

from __future__ import annotations

import asyncio
import os

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

PRODUCTION_NOTE = "You need to update to workers-py >= 1.9 or to pass disable_python_external_sdk"


@pytest.mark.parametrize("line,name", [
    ('import importlib\nimportlib.import_module("workers")\n', "workers"),
    ('import importlib\nimportlib.import_module("asgi")\n', "asgi"),
    ('import importlib\nimportlib.__import__("workers", fromlist=["Response"])\n', "workers"),
])
def test_importlib_meets_the_stub_at_the_top_level(tmp_path, line, name):
    with pytest.raises(ModuleNotFoundError) as error:
        load_worker(one_file_worker(tmp_path, line, pyproject=False))
    assert (str(error.value), error.value.name) == (f"No module named '{name}'", name)
    assert error.value.__notes__[0] == PRODUCTION_NOTE
    files = [str(entry.path) for entry in error.traceback]
    assert any(path.endswith("src/entry.py") for path in files)  # raised by the Worker's own line


def test_catching_it_at_the_top_level_sees_the_stub(tmp_path):
    entry = ('import importlib\nimport os\ntry:\n    importlib.import_module("workers")\n'
             'except ModuleNotFoundError as error:\n    os.environ["WORKERS_ENV_TEST_STUB"] = str(error)\n')
    with pytest.raises(ModuleNotFoundError):
        load_worker(one_file_worker(tmp_path, entry, pyproject=False))
    assert os.environ.pop("WORKERS_ENV_TEST_STUB") == "No module named 'workers'"


WITH_IMPORTLIB = """\
    import importlib
    workers = importlib.import_module("workers")

    class Default(workers.WorkerEntrypoint):
        async def fetch(self, request):
            return workers.Response(importlib.import_module("asgi").__name__)
"""


def test_a_worker_with_its_sdk_imports_it_through_importlib_after_one_failed(tmp_path):
    with pytest.raises(ModuleNotFoundError):
        load_worker(one_file_worker(tmp_path / "a", 'import importlib\nimportlib.import_module("workers")\n',
                                    pyproject=False))
    worker = load_worker(one_file_worker(tmp_path / "b", WITH_IMPORTLIB))
    response = asyncio.run(worker.fetch("/"))
    assert (response.status, asyncio.run(response.text())) == (200, "asgi")
