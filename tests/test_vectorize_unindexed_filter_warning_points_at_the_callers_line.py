"""The ``UnindexedFilterWarning`` of a v2 query filtering on a property without a metadata index
points at the line that called ``query`` -- the Worker's, a test's, a ``load_env`` user's -- as
``PyProxyWarning`` and ``StateElsewhereWarning`` do, not at a line of workers-env's own
``vectorize/binding.py`` (its fixed ``stacklevel`` had gone stale: every path named
``binding.py:137`` or ``:257``)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import UnindexedFilterWarning, load_env, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.V.upsert([{"id": "a", "values": [1.0, 0.0, 0.0]}])
            res = await self.env.V.query([1.0, 0.0, 0.0], {"topK": 1, "filter": {"k": "x"}})
            return Response(str(res["count"]))
"""
INDEX = '[[vectorize]]\nbinding = "V"\nindex_name = "v"\n'
DEFINITION = '[tool.workers-env.indexes.v]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'


def _project(tmp_path: Path) -> Path:
    folder = one_file_worker(tmp_path, ENTRY, date="2026-09-01", extra=INDEX)
    (folder / "pyproject.toml").write_text(DEFINITION)
    return folder


def _only(record: pytest.WarningsRecorder) -> tuple[str, int]:
    found = [w for w in record if issubclass(w.category, UnindexedFilterWarning)]
    assert len(found) == 1
    return found[0].filename, found[0].lineno


@pytest.mark.asyncio
async def test_a_workers_query_is_pointed_at(tmp_path):
    worker = load_worker(_project(tmp_path))
    with pytest.warns(UnindexedFilterWarning) as record:
        assert await (await worker.fetch("/")).text() == "0"
    assert _only(record) == (str(tmp_path / "src" / "entry.py"), 6)


@pytest.mark.asyncio
async def test_a_load_env_query_is_pointed_at(tmp_path):
    env = load_env(_project(tmp_path) / "wrangler.toml")
    await env.V.upsert([{"id": "a", "values": [1.0, 0.0, 0.0]}])
    with pytest.warns(UnindexedFilterWarning) as record:
        line = inspect.currentframe().f_lineno + 1
        await env.V.query([1.0, 0.0, 0.0], {"topK": 1, "filter": {"k": "x"}})
    assert _only(record) == (__file__, line)


def test_the_emulators_own_query_is_pointed_at(tmp_path):
    index = load_env(_project(tmp_path) / "wrangler.toml").unwrapped("V")
    index.upsert_sync([{"id": "a", "values": [1.0, 0.0, 0.0]}])
    with pytest.warns(UnindexedFilterWarning) as record:
        line = inspect.currentframe().f_lineno + 1
        index.query_sync([1.0, 0.0, 0.0], {"topK": 1, "filter": {"k": "x"}})
    assert _only(record) == (__file__, line)
