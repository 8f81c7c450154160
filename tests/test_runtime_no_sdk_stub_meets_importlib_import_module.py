"""Production's stub ``workers`` (and ``asgi``) is a file in site-packages, so every route of an
import meets it, ``importlib.import_module`` as much as an ``import`` statement: a Worker of the
external-SDK era that nothing vendors the SDK into fails to load that way too
(test_runtime_worker_without_a_vendored_sdk_does_not_start_in_the_external_era.py), while the
stand-ins stay importable once the load is over. ``importlib.util.find_spec`` finds the stub
file too."""

from __future__ import annotations

import asyncio
import json
import sys

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
    entry = ('import importlib\nimport sys\ntry:\n    importlib.import_module("workers")\n'
             'except ModuleNotFoundError as error:\n    sys.workers_env_test_stub = str(error)\n')
    with pytest.raises(ModuleNotFoundError):
        load_worker(one_file_worker(tmp_path, entry, pyproject=False))
    assert sys.__dict__.pop("workers_env_test_stub") == "No module named 'workers'"


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
    assert (response.status, asyncio.run(response.text())) == (200, "workers.asgi")  # the SDK's (1.6.14 on)


FIND_SPEC = '''\
import importlib.util
import json
import sys
found = {}
for name in ("workers", "asgi"):
    spec = importlib.util.find_spec(name)
    found[name] = [spec.name, type(spec.loader).__name__, spec.origin, spec.submodule_search_locations, spec.cached]
try:
    spec = importlib.util.find_spec("workers")
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
except ModuleNotFoundError as error:
    found["exec"] = [str(error), error.name, error.__notes__]
sys.workers_env_test_spec = json.dumps(found)  # the test's channel (a Worker's os.environ is its own)
'''


@pytest.mark.parametrize(("date", "python"), [("2026-05-01", "3.13"), ("2026-09-08", "3.14")])
def test_find_spec_answers_the_stubs_spec(tmp_path, date, python):
    """``importlib.util.find_spec("workers")`` finds workerd's stub file -- a spec, not ``None``
    nor an error -- and executing it raises the stub's error, as a Worker guarding an import with
    it meets in production."""
    with pytest.raises(ModuleNotFoundError):
        load_worker(one_file_worker(tmp_path, FIND_SPEC, date=date, pyproject=False))
    found = json.loads(sys.__dict__.pop("workers_env_test_spec"))
    site = f"/lib/python{python}/site-packages"
    tag = "cpython-" + python.replace(".", "")
    assert found == {
        "workers": ["workers", "SourceFileLoader", f"{site}/workers/__init__.py", [f"{site}/workers"],
                    f"{site}/workers/__pycache__/__init__.{tag}.pyc"],
        "asgi": ["asgi", "SourceFileLoader", f"{site}/asgi.py", None, f"{site}/__pycache__/asgi.{tag}.pyc"],
        "exec": ["No module named 'workers'", "workers", [PRODUCTION_NOTE]],
    }
