"""Worker code of the built-in SDK era reading a JS object -- a D1 row, a binding's result --
with ``row["id"]`` fails with Pyodide's own ``'pyodide.ffi.JsProxy' object is not subscriptable``,
which does not say what to write instead (a Python port of Cloudflare's RAG tutorial, with its
``record["id"]`` after ``INSERT ... RETURNING *``, meets it first); the error keeps that text and
gains a note: the properties are attributes (``row.id``), or ``row.to_py()``. Reading it as an
attribute works; other errors get no such note."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.handlererrors import JSPROXY_SUBSCRIPT_NOTE

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "5f1b6a2e-8c3d-4f7a-9b1e-2d4c6e8f0a1b"\n'
ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            res = await self.env.DB.prepare("SELECT 7 AS id").all()
            record = res.results[0]
            if request.url.endswith("/key"):
                return Response(str(record["id"]))
            if request.url.endswith("/attr"):
                return Response(str(record.id) + " " + str(record.to_py()["id"]))
            return Response(str(record.nope))
"""


@pytest.mark.asyncio
async def test_a_js_object_read_with_a_key_notes_the_attribute(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra=D1))
    with pytest.raises(TypeError) as caught:
        await worker.fetch("/key")
    assert str(caught.value) == "'pyodide.ffi.JsProxy' object is not subscriptable"  # Pyodide's text, kept
    assert caught.value.__notes__ == [JSPROXY_SUBSCRIPT_NOTE]
    assert await (await worker.fetch("/attr")).text() == "7 7"  # what the note says to write works


@pytest.mark.asyncio
async def test_other_errors_get_no_such_note(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra=D1))
    with pytest.raises(AttributeError) as caught:
        await worker.fetch("/other")
    assert JSPROXY_SUBSCRIPT_NOTE not in getattr(caught.value, "__notes__", [])


@pytest.mark.asyncio
async def test_the_external_sdk_era_takes_the_key(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-05-01", extra=D1))
    assert await (await worker.fetch("/key")).text() == "7"


def test_the_note_names_both_ways():
    assert 'write row.id rather than row["id"]' in JSPROXY_SUBSCRIPT_NOTE and "row.to_py()" in JSPROXY_SUBSCRIPT_NOTE
    assert JSPROXY_SUBSCRIPT_NOTE == (
        "workers-env: a JavaScript object reached Python as a JsProxy, whose properties are attributes, not keys: "
        'write row.id rather than row["id"], or convert it first (row.to_py()["id"]); from compatibility_date '
        "2026-04-21 the external SDK hands binding results out as objects that take both")
