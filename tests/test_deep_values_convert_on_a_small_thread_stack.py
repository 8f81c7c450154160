"""Values nested 1,000 levels deep convert in a thread with a small stack: workers-env raises
Python's recursion limit while it walks a deep value (workers_env._deep), so a walk must not
spend a C stack frame a level, or the thread's stack overflows -- a segfault, no error -- long
before the limit (``String(array)`` did on Python 3.11: its keyword-folding wrapper's
``func(*args)`` is not inlined there). Worker code can run in threads with small stacks
(``threading.stack_size``, musl's 128 KiB default, run_sync's helper thread).

The cases run in a child interpreter, so a crash fails the test instead of ending the run: one
child for all of them, and when one crashes, a new child for the cases after it, so that a crash
fails only the case it happened in."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

import forkserver

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

def fetch(path, got):
    try:
        response = asyncio.run(worker.fetch(path))
        got.append(f"{response.status} {asyncio.run(response.text())}")
    except Exception as exc:
        got.append(f"{type(exc).__name__}: {exc}")

for path in sys.argv[2:]:
    print("START", path, flush=True)
    got = []
    fetch(path, got)  # on the main thread's stack (8 MiB)
    threading.stack_size(256 * 1024)
    thread = threading.Thread(target=fetch, args=(path, got))
    thread.start()
    thread.join()
    threading.stack_size(0)
    print("RESULT", path, repr(got), flush=True)
env.close()
"""

KINDS = ["list", "dict"]
CASES = ["to_py", "stringify", "stringify_pyproxy", "str", "repr", "console_log", "kv_metadata"]
TIMEOUT = 120


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return one_file_worker(tmp_path_factory.mktemp("deep"), ENTRY, extra=KV)


@pytest.fixture(scope="module")
def outcomes(project: Path) -> dict[str, tuple[int, str, str]]:
    """Per case path, ``(exit status, the child's result line, the end of its stderr)``: 0 for
    a case whose child went on past it; a crash's status for the case it was running (and the
    cases after it are run again in a new child); a child that fails between or after its cases
    fails every case it ran. Each child finishes at least one case, so this ends."""
    # (the child: python -m of CHILD, forked from the tests' fork server)
    runner = forkserver.module_folder(project.parent / "runner", "deep_values_child", textwrap.dedent(CHILD))
    paths = [f"/{case}/{kind}" for case in CASES for kind in KINDS]
    found: dict[str, tuple[int, str, str]] = {}
    while pending := [path for path in paths if path not in found]:
        try:
            done = forkserver.run([sys.executable, "-m", "deep_values_child", str(project), *pending],
                                  capture_output=True, text=True, cwd=runner, timeout=TIMEOUT)
            code, out, err = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired as exc:
            code = -1
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
            err = f"timed out after {TIMEOUT} s\n" + (exc.stderr.decode() if isinstance(exc.stderr, bytes)
                                                      else exc.stderr or "")
        ran = []
        for line in out.splitlines():
            word, _, rest = line.partition(" ")
            path, _, said = rest.partition(" ")
            if word == "START":
                ran.append(path)
            elif word == "RESULT":
                found[path] = (0, said, "")
        if code == 0 and all(path in found for path in pending):
            continue
        unfinished = [path for path in ran if path not in found]
        why = err[-2000:] if code else "the child ended without this case's result\n" + err[-2000:]
        for path in unfinished[:1] or ran or pending:  # the crashed case; else every case of that child
            found[path] = (code or 1, "", why)
    return found


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", CASES)
def test_a_deep_value_converts_in_a_small_thread_stack(outcomes, case, kind):
    code, said, err = outcomes[f"/{case}/{kind}"]
    assert code == 0, err
    on_main, on_thread = eval(said)  # noqa: S307 - our child's repr of two strings
    assert on_thread == on_main
