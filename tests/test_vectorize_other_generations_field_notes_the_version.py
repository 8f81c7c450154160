"""Reading one Vectorize generation's field on the other's result -- ``describe().vectorCount``
(v2) on a v1 index, whose answer has ``vectorsCount`` -- keeps Python's ``AttributeError:
vectorCount`` and gains a note that the index is the other version (a definition without
``version = "v2"`` is v1). Other missing fields get no note."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

VECTORIZE = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'
ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            described = await self.env.VECTORIZE.describe()
            try:
                described.vectorCount
            except AttributeError as exc:
                return Response(str(exc) + " | " + " ".join(getattr(exc, "__notes__", [])))
            return Response("found")
"""
V1_NOTE = ("workers-env: 'vectorCount' is a v2 index's field and this is a v1 index's result (it has: id, name, "
           'config, vectorsCount) -- a definition without version = "v2" is v1, while every index created today is '
           'v2: add version = "v2" to its definition if the real index is v2')


def _env(folder, version=None):
    definition = {"dimensions": 3, "metric": "cosine"} | ({"version": version} if version else {})
    return load_env(folder, indexes={"docs": definition})


def test_v2s_describe_field_on_a_v1_index_notes_the_version(tmp_path):
    described = asyncio.run(_env(one_file_worker(tmp_path, ENTRY, extra=VECTORIZE)).VECTORIZE.describe())
    with pytest.raises(AttributeError) as info:
        described.vectorCount
    assert str(info.value) == "vectorCount"
    assert info.value.__notes__ == [V1_NOTE]


def test_v1s_fields_on_a_v2_index_note_the_version(tmp_path):
    env = _env(one_file_worker(tmp_path, ENTRY, extra=VECTORIZE), "v2")
    inserted = asyncio.run(env.VECTORIZE.insert([{"id": "a", "values": [1, 0, 0]}]))
    with pytest.raises(AttributeError) as info:
        inserted.count
    assert info.value.__notes__ == ["workers-env: 'count' is a v1 index's field and this is a v2 index's result "
                                    "(it has: mutationId); v2 answers describe() with vectorCount and writes with a "
                                    "mutationId"]


def test_other_missing_fields_get_no_note(tmp_path):
    described = asyncio.run(_env(one_file_worker(tmp_path, ENTRY, extra=VECTORIZE)).VECTORIZE.describe())
    with pytest.raises(AttributeError) as info:
        described.vectorz
    assert str(info.value) == "vectorz" and not hasattr(info.value, "__notes__")


@pytest.mark.asyncio
async def test_worker_code_gets_the_note_too(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, extra=VECTORIZE)
    worker = load_worker(folder, env=_env(folder))
    assert await (await worker.fetch("/")).text() == f"vectorCount | {V1_NOTE}"


D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n'


def test_a_d1_row_with_a_vectorize_like_column_gets_no_note(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, extra=D1))
    row = asyncio.run(env.DB.prepare("SELECT '1,2' AS ids, 'box' AS name").first())
    assert row.ids == "1,2"
    with pytest.raises(AttributeError) as info:
        row.dimensions
    assert str(info.value) == "dimensions" and not hasattr(info.value, "__notes__")
    row = asyncio.run(env.DB.prepare("SELECT 'm1' AS mutationId, 3 AS total").first())
    with pytest.raises(AttributeError) as info:
        row.count
    assert not hasattr(info.value, "__notes__")
