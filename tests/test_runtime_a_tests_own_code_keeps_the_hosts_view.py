"""A binding your test defines is your code while the Worker calls it -- it reads the host's
``os.environ``, ``os.getpid()`` and ``sys.argv`` and a file of the Worker's folder a deploy would
not upload --, also when ``main`` sits at the project's top (``main = "worker.py"`` beside
``wrangler.toml``, so that ``tests/`` lies under the module root), and when the Worker calls a
function the binding returned (workers-env calls it for the Worker, as it calls a function the
Worker handed ``create_proxy``). The Worker's own copy of the same file keeps the Worker's view."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import textwrap

import pytest

from workers_env import load_worker

WORKER = '''
import json
import os
from workers import Response, WorkerEntrypoint
from tests.fake_binding import Fake


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps({"binding": json.loads(self.env.FAKE.read()),
                                    "own_copy": json.loads(Fake().read_identity()),
                                    "worker": [os.environ.get("REVIEW66_KEY"), os.getpid()]}))
'''

BINDING = '''
import json
import os
import sys
from pathlib import Path


class Fake:
    """A binding the tests supply: reads the host's key and its fixture file."""

    def read_identity(self):
        return json.dumps([os.environ.get("REVIEW66_KEY"), os.getpid(), len(sys.argv)])

    def read(self):
        try:
            data = (Path(__file__).parent / "fixture.csv").read_text()
        except OSError as error:
            data = type(error).__name__
        return json.dumps([*json.loads(self.read_identity()), data])
'''


@pytest.mark.asyncio
async def test_a_binding_defined_under_the_module_root_by_a_test_reads_the_hosts(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW66_KEY", "from the shell")
    (tmp_path / "wrangler.toml").write_text('name = "w"\nmain = "worker.py"\ncompatibility_date = "2025-12-01"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    (tmp_path / "worker.py").write_text(textwrap.dedent(WORKER))
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "fake_binding.py").write_text(textwrap.dedent(BINDING))
    (tmp_path / "tests" / "fixture.csv").write_text("a,b\n")  # no module rule uploads it
    spec = importlib.util.spec_from_file_location("review66_fake_binding", tmp_path / "tests" / "fake_binding.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "review66_fake_binding", module)  # imported as pytest imports a test's helper
    spec.loader.exec_module(module)
    worker = load_worker(tmp_path, bindings={"FAKE": module.Fake()})
    out = json.loads(await (await worker.fetch("/")).text())
    assert out["binding"] == ["from the shell", os.getpid(), len(sys.argv), "a,b\n"]
    assert out["own_copy"] == [None, 42, 1] and out["worker"] == [None, 42]  # the Worker's import of the file


ENTRY_CALLING_BACK = """
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        read = self.env.FAKE.reader()  # a function the binding returns: a JsProxy calling it
        return Response(json.dumps(list(read())))
"""


class _Returning:
    def reader(self):
        return lambda: [os.environ.get("REVIEW66_KEY"), os.getpid(), len(sys.argv)]


@pytest.mark.asyncio
async def test_a_function_a_test_binding_returns_is_the_tests_code_when_the_worker_calls_it(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW66_KEY", "from the shell")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY_CALLING_BACK))
    (tmp_path / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2025-12-01"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    worker = load_worker(tmp_path, bindings={"FAKE": _Returning()})
    assert json.loads(await (await worker.fetch("/")).text()) == ["from the shell", os.getpid(), len(sys.argv)]
