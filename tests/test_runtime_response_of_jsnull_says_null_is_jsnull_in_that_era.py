"""``workers.Response(jsnull)`` is the SDK's ``TypeError: Unsupported type in Response: JsNull`` (its
``isinstance(body, (str, bytes))`` check; production's text), which a Worker moving from a 2024
date to 2025-09-29 meets where a missing KV key's ``get()`` was ``None`` on Pyodide 0.26 and is
``jsnull`` on 0.28 (``cached is not None`` lets it through): workers-env adds a note naming the
cause and the test to write (met in walk14's date upgrade). Other bodies keep the text alone."""

from __future__ import annotations

import pytest

from worker_helpers import one_file_worker
from workers_env import load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if "float" in request.url:
            return Response(1.5)
        cached = await self.env.CACHE.get("missing")
        if cached is not None:
            return Response(cached)
        return Response("none")
"""

KV = '[[kv_namespaces]]\nbinding = "CACHE"\nid = "11111111111111111111111111111111"\n'


async def _fetch(folder, date, path="/"):
    one_file_worker(folder, ENTRY, date=date, extra=KV)
    return await load_worker(folder).fetch(path)


@pytest.mark.asyncio
async def test_a_missing_keys_jsnull_as_a_body_carries_the_note(tmp_path):
    with pytest.raises(TypeError) as caught:
        await _fetch(tmp_path, "2025-10-01")
    assert str(caught.value) == "Unsupported type in Response: JsNull"
    (note,) = caught.value.__notes__
    assert note.startswith("workers-env: the body is jsnull, JavaScript's null as Pyodide 0.28")
    assert "`from pyodide.ffi import jsnull`" in note


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-11-17"])
async def test_where_the_key_is_none_nothing_is_said(tmp_path, date):
    resp = await _fetch(tmp_path, date)  # Pyodide 0.26's None; the external SDK's None
    assert await resp.text() == "none"


@pytest.mark.asyncio
async def test_another_unsupported_body_has_no_note(tmp_path):
    with pytest.raises(TypeError) as caught:
        await _fetch(tmp_path, "2025-10-01", "/float")
    assert str(caught.value) == "Unsupported type in Response: float"
    assert not getattr(caught.value, "__notes__", [])
