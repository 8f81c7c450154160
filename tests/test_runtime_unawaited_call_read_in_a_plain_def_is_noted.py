"""A binding call's result read un-awaited in a plain ``def`` -- a sync handler, or a sync helper
an async handler calls -- keeps Python's ``'coroutine' object is not subscriptable`` and gains the
missing-await note, which then names that function (the one holding a comprehension that read
it) and says to make it ``async def`` first (an ``await`` cannot be written in a plain ``def``). Read in the async handler itself, the note is
the plain one, as before."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.handlererrors import UNAWAITED_NOTE

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'
SYNC_HANDLER = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        def fetch(self, request):
            res = self.env.KV.list()
            try:
                return Response(str(res["keys"]))
            finally:
                res.close()  # no "never awaited" warning from this test
"""
SYNC_HELPER = """\
    from workers import Response, WorkerEntrypoint

    def key_names(env):
        res = env.KV.list()
        try:
            return [k.name for k in res.keys]
        finally:
            res.close()

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(str(key_names(self.env)))

        async def scheduled(self, controller, env, ctx):
            key_names(self.env)
"""
IN_A_COMPREHENSION = """\
    from workers import Response, WorkerEntrypoint

    def key_lists(env):
        res = env.KV.list()
        try:
            return [res["keys"] for _ in range(1)]
        finally:
            res.close()

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(str(key_lists(self.env)))
"""
GLOBAL_SYNC_HANDLER = """\
    from workers import Response

    def on_fetch(request, env):
        res = env.KV.list()
        try:
            return Response(str(res["keys"]))
        finally:
            getattr(res, "close", lambda: None)()  # a PyodideFuture has none
"""


def _plain_def(where: str, name: str) -> str:
    return (UNAWAITED_NOTE + f"; it was read in {where}, a plain `def`, where `await` cannot be written: make "
            f"{name}() `async def`, then `await` the call there (and `await` {name}() wherever your code calls it)")


@pytest.mark.asyncio
async def test_a_sync_handler_is_told_to_become_async(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, SYNC_HANDLER, extra=KV))
    with pytest.raises(TypeError) as info:
        await worker.fetch("/")
    assert str(info.value) == "'coroutine' object is not subscriptable"
    assert info.value.__notes__ == [_plain_def("Default.fetch() (line 7)", "fetch")]


@pytest.mark.asyncio
async def test_a_module_level_sync_handler_is_told_too(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, GLOBAL_SYNC_HANDLER, date="2025-05-01", extra=KV))
    with pytest.raises(TypeError) as info:
        await worker.fetch("/")
    assert str(info.value) == "'PyodideFuture' object is not subscriptable"
    assert info.value.__notes__ == [_plain_def("on_fetch() (line 6)", "on_fetch")]


@pytest.mark.asyncio
async def test_a_sync_helper_of_an_async_handler_is_named(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, SYNC_HELPER, extra=KV))
    with pytest.raises(AttributeError) as info:
        await worker.fetch("/")
    assert str(info.value) == "'coroutine' object has no attribute 'keys'"
    assert info.value.__notes__ == [_plain_def("key_names() (line 6)", "key_names")]
    with pytest.raises(AttributeError) as event:
        await worker.scheduled()
    assert event.value.__notes__ == [_plain_def("key_names() (line 6)", "key_names")]


@pytest.mark.asyncio
async def test_a_read_inside_a_comprehension_names_the_function_holding_it(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, IN_A_COMPREHENSION, extra=KV))
    with pytest.raises(TypeError) as info:
        await worker.fetch("/")
    assert info.value.__notes__ == [_plain_def("key_lists() (line 6)", "key_lists")]
