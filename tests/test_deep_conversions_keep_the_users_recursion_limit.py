"""A deep conversion raises Python's recursion limit only while it walks (workers_env._deep) and
puts back the user's limit after: the limit as it was before, or the one the user's own code
set while the conversion ran (a ``default_converter`` calling ``sys.setrecursionlimit``, another
thread doing so while two conversions overlap) -- the user's change is never undone."""

from __future__ import annotations

import sys
import threading
import types

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """
import sys, threading
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Marker:
    def __init__(self, name):
        self.name = name

def nested(n, leaf):
    v = leaf
    for _ in range(n):
        v = [v]
    return v

def convert(value, _convert, _cache):
    from deep_limit_hooks import HOOKS  # the test's: name -> what to do on meeting Marker(name)
    HOOKS.get(value.name, lambda: None)()
    return 1

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, name, n = request.url.rsplit("/", 2)
        to_js(nested(int(n), Marker(name)), default_converter=convert)
        return Response(str(sys.getrecursionlimit()))
"""


@pytest.fixture
def worker(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY))
    yield load_worker(env=env)
    env.close()


@pytest.fixture
def hooks(worker):
    """What the worker's ``default_converter`` does on meeting each marker; the limit is put back after."""
    before = sys.getrecursionlimit()
    module = types.ModuleType("deep_limit_hooks")
    module.HOOKS = {}  # type: ignore[attr-defined]
    sys.modules["deep_limit_hooks"] = module
    yield module.HOOKS  # type: ignore[attr-defined]
    del sys.modules["deep_limit_hooks"]
    sys.setrecursionlimit(before)


@pytest.mark.asyncio
async def test_a_deep_conversion_puts_the_limit_back(worker, hooks):
    before = sys.getrecursionlimit()
    response = await worker.fetch("/a/500")
    assert response.status == 200 and sys.getrecursionlimit() == before


@pytest.mark.asyncio
@pytest.mark.parametrize("theirs", [5_000, 50_000])
async def test_a_limit_the_user_sets_during_a_deep_conversion_is_kept(worker, hooks, theirs):
    hooks["a"] = lambda: sys.setrecursionlimit(theirs)
    await worker.fetch("/a/300")
    assert sys.getrecursionlimit() == theirs


def test_overlapping_conversions_in_two_threads_keep_the_users_change(worker, hooks):
    """A walks, B starts walking, A ends, the user changes the limit, then B ends: the user's limit stays."""
    import asyncio

    before = sys.getrecursionlimit()
    a_in, b_in, a_done, set_done = (threading.Event() for _ in range(4))
    hooks["a"] = lambda: (a_in.set(), b_in.wait(10))
    hooks["b"] = lambda: (b_in.set(), a_done.wait(10), set_done.wait(10))
    statuses = []

    def fetch(name: str) -> None:
        statuses.append(asyncio.run(worker.fetch(f"/{name}/200")).status)

    thread_a = threading.Thread(target=fetch, args=("a",))
    thread_b = threading.Thread(target=fetch, args=("b",))
    thread_a.start()
    assert a_in.wait(10)
    thread_b.start()
    thread_a.join(10)
    a_done.set()
    sys.setrecursionlimit(before + 777)  # the user's own change while B still walks
    set_done.set()
    thread_b.join(10)
    assert statuses == [200, 200]
    assert sys.getrecursionlimit() == before + 777
