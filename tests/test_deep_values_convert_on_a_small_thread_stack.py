"""Values nested 1,000 levels deep convert in a thread with a small stack: workers-env raises
Python's recursion limit while it walks a deep value (workers_env._deep), so a walk must not
spend a C stack frame a level, or the thread's stack overflows -- a segfault, no error -- long
before the limit (``String(array)`` did on Python 3.11: its keyword-folding wrapper's
``func(*args)`` is not inlined there). Worker code can run in threads with small stacks
(``threading.stack_size``, musl's 128 KiB default, run_sync's helper thread).

Each case runs in a child interpreter, so a crash fails the test instead of ending the run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

ENTRY = """
import json
from js import JSON, Object, console
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def nested(n, kind):
    v = 1
    for _ in range(n):
        v = [v] if kind == "list" else {"a": v}
    return v

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, case, kind = request.url.rsplit("/", 2)
        value = nested(1000, kind)
        js = to_js(value, dict_converter=Object.fromEntries)
        if case == "to_py":
            out = js.to_py()
        elif case == "stringify":
            out = JSON.stringify(js)
        elif case == "stringify_pyproxy":
            out = JSON.stringify(value)
        elif case == "str":
            out = str(js)
        elif case == "repr":
            out = repr(js)
        elif case == "console_log":
            console.log(js)
            out = "logged"
        elif case == "kv_metadata":
            await self.env.KV.put("k", "v", metadata=value)
            out = (await self.env.KV.getWithMetadata("k")).metadata
        return Response(type(out).__name__)
"""

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'

CHILD = """
import asyncio, sys, threading
from workers_env import load_env, load_worker

env = load_env(sys.argv[1])
worker = load_worker(env=env)
got = []

def fetch():
    try:
        response = asyncio.run(worker.fetch(sys.argv[2]))
        got.append(f"{response.status} {asyncio.run(response.text())}")
    except Exception as exc:
        got.append(f"{type(exc).__name__}: {exc}")

fetch()  # on the main thread's stack (8 MiB)
threading.stack_size(256 * 1024)
thread = threading.Thread(target=fetch)
thread.start()
thread.join()
print(repr(got))
env.close()
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return one_file_worker(tmp_path_factory.mktemp("deep"), ENTRY, extra=KV)


@pytest.mark.parametrize("kind", ["list", "dict"])
@pytest.mark.parametrize("case", ["to_py", "stringify", "stringify_pyproxy", "str", "repr", "console_log",
                                  "kv_metadata"])
def test_a_deep_value_converts_in_a_small_thread_stack(project, case, kind):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(CHILD), str(project), f"/{case}/{kind}"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    on_main, on_thread = eval(done.stdout.splitlines()[-1])  # noqa: S307 - our child's repr of two strings
    assert on_thread == on_main
