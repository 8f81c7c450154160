"""Worker code that forgets ``await`` on a binding call and then reads the result
(``res["matches"]``, ``res.matches``) fails with Python's own text about the awaitable --
``'coroutine' object is not subscriptable`` in the external SDK era, ``'PyodideFuture' ...`` in
the built-in one -- which does not say what was forgotten; the error keeps that text and gains
a note naming the missing ``await``. Other errors get no such note."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.handlererrors import UNAWAITED_NOTE

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'
ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            res = self.env.KV.list()
            try:
                if request.url.endswith("/item"):
                    return Response(str(res["keys"]))
                if request.url.endswith("/attr"):
                    return Response(str(res.keys))
                return Response(str({}["missing"]))
            finally:
                getattr(res, "close", lambda: None)()  # no "never awaited" warning from this test
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "awaitable"), [("2026-05-01", "coroutine"), ("2025-09-01", "PyodideFuture")])
async def test_reading_an_unawaited_result_notes_the_missing_await(tmp_path, date, awaitable):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=KV))
    with pytest.raises(TypeError) as item:
        await worker.fetch("/item")
    assert str(item.value) == f"'{awaitable}' object is not subscriptable"
    assert item.value.__notes__ == [UNAWAITED_NOTE]
    with pytest.raises(AttributeError) as attr:
        await worker.fetch("/attr")
    assert str(attr.value) == f"'{awaitable}' object has no attribute 'keys'"
    assert attr.value.__notes__ == [UNAWAITED_NOTE]


@pytest.mark.asyncio
async def test_other_errors_get_no_note(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))
    with pytest.raises(KeyError) as info:
        await worker.fetch("/other")
    assert not hasattr(info.value, "__notes__")


def test_the_note_names_the_fix():
    assert UNAWAITED_NOTE.startswith("workers-env: an awaitable was used as the value it gives: a call was not awaited")
    assert "write `await` before the call" in UNAWAITED_NOTE
