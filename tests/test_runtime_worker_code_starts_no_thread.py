"""Production has no threads: in Pyodide 0.26 and 0.28 ``threading.Thread(...).start()`` (so a
``threading.Timer``, ``ThreadPoolExecutor.submit``) raises ``RuntimeError: can't start new
thread``. The Worker's own code gets that error -- in a handler, at its module's top level, in
a ``waitUntil`` task -- while the threads workers-env starts for it (``fetch``) and test code's
keep working."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import threading
from pathlib import Path

import pytest

from workers_env import load_worker

ENTRY = '''
import asyncio
import importlib.util
import concurrent.futures
import threading

from workers import Response, WorkerEntrypoint


def refusal(start):
    try:
        start()
    except RuntimeError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "started"


AT_TOP = refusal(threading.Thread(target=lambda: None).start)
LATER = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/later"):
            async def later():
                LATER.append(refusal(threading.Thread(target=lambda: None).start))
            self.ctx.waitUntil(asyncio.ensure_future(later()))
            return Response("ok")
        return Response.json({
            "top": AT_TOP,
            "thread": refusal(threading.Thread(target=lambda: None).start),
            "timer": refusal(threading.Timer(1, lambda: None).start),
            "pool": refusal(lambda: concurrent.futures.ThreadPoolExecutor(1).submit(lambda: 1)),
            "later": LATER,
        })
'''

REFUSED = "RuntimeError: can't start new thread"


def worker(root: Path):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({"name": "t", "main": "src/entry.py", "compatibility_date": "2026-03-24",
                                                    "compatibility_flags": ["python_workers"]}))
    return load_worker(root)


@pytest.mark.asyncio
async def test_the_workers_own_code_cannot_start_a_thread(tmp_path):
    w = worker(tmp_path)
    assert (await w.fetch("/later")).status == 200
    resp = await w.fetch("/")
    assert await resp.json() == {"top": REFUSED, "thread": REFUSED, "timer": REFUSED, "pool": REFUSED,
                                 "later": [REFUSED]}


@pytest.mark.asyncio
async def test_test_code_still_starts_threads(tmp_path):
    await worker(tmp_path).fetch("/")
    seen: list[str] = []
    thread = threading.Thread(target=lambda: seen.append(threading.current_thread().name), name="mine")
    thread.start()
    thread.join()
    assert seen == ["mine"]
    name = await asyncio.to_thread(lambda: threading.current_thread().name)
    assert name != threading.main_thread().name


LIBRARY_ENTRY = '''
import threadinglib

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(threadinglib.in_a_thread())
'''


@pytest.mark.asyncio
async def test_a_module_outside_the_worker_and_installed_packages_keeps_its_threads(tmp_path, monkeypatch):
    # a folder test code put on sys.path is neither the Worker's nor an installed package (whose
    # threads started from Worker code are refused: test_runtime_library_thread_from_worker_code_is_refused.py):
    # its frames stop the walk, as test code's do (README, "Where we had to choose")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "threadinglib.py").write_text(
        "import threading\n\ndef in_a_thread():\n    seen = []\n"
        "    t = threading.Thread(target=lambda: seen.append('ran'))\n    t.start()\n    t.join()\n    return seen[0]\n")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    (tmp_path / "w" / "src").mkdir(parents=True)
    (tmp_path / "w" / "src" / "entry.py").write_text(LIBRARY_ENTRY)
    (tmp_path / "w" / "wrangler.json").write_text(json.dumps({"name": "t", "main": "src/entry.py",
                                                              "compatibility_date": "2026-03-24",
                                                              "compatibility_flags": ["python_workers"]}))
    resp = await load_worker(tmp_path / "w").fetch("/")
    assert await resp.text() == "ran"


@pytest.mark.asyncio
async def test_a_module_of_the_workers_folder_called_by_test_code_starts_threads(tmp_path):
    # the file is the Worker's (under its upload root), but test code calls it outside any
    # request: the refusal follows the running Worker, not the file alone
    w = worker(tmp_path)
    (tmp_path / "src" / "helper.py").write_text(
        "import threading\n\ndef in_a_thread():\n    seen = []\n"
        "    t = threading.Thread(target=lambda: seen.append('ran'))\n    t.start()\n    t.join()\n    return seen\n")
    await w.fetch("/")
    spec = importlib.util.spec_from_file_location("workers_folder_helper", tmp_path / "src" / "helper.py")
    assert spec is not None and spec.loader is not None
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    assert helper.in_a_thread() == ["ran"]


@pytest.mark.asyncio
async def test_a_package_vendored_in_the_workers_folder_is_the_workers_own(tmp_path):
    # vendor/ beside main is uploaded and, before 2025-08-11, on Pyodide's sys.path: the same
    # pure-Python file runs there, where no thread starts (README, "Where we had to choose")
    (tmp_path / "src" / "vendor").mkdir(parents=True)
    (tmp_path / "src" / "vendor" / "vendoredthreads.py").write_text(
        "import threading\n\ndef in_a_thread():\n    try:\n        threading.Thread(target=lambda: None).start()\n"
        "    except RuntimeError as exc:\n        return str(exc)\n    return 'started'\n")
    (tmp_path / "src" / "entry.py").write_text(LIBRARY_ENTRY.replace("threadinglib", "vendoredthreads"))
    (tmp_path / "wrangler.json").write_text(json.dumps({"name": "t", "main": "src/entry.py",
                                                        "compatibility_date": "2025-06-01",
                                                        "compatibility_flags": ["python_workers",
                                                                                "python_no_global_handlers"]}))
    resp = await load_worker(tmp_path).fetch("/")
    assert await resp.text() == "can't start new thread"
