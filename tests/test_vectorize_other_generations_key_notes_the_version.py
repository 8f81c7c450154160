"""Subscripting one Vectorize generation's field on the other's result -- ``mutation["mutationId"]``
(v2, as Cloudflare's vectorize-rag example writes it) on a v1 index's write, which answers
``{count, ids}`` -- keeps Python's ``KeyError: 'mutationId'`` and gains the same note as the
attribute read: the index is v1 (a definition without ``version = "v2"`` is). Other missing
keys, and dicts that are no Vectorize result, get no note."""

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
            mutation = await self.env.VECTORIZE.upsert([{"id": "a", "values": [1, 0, 0]}])
            try:
                mutation["mutationId"]
            except KeyError as exc:
                return Response(str(exc) + " | " + " ".join(getattr(exc, "__notes__", [])))
            return Response("found")
"""
V1_NOTE = ("workers-env: 'mutationId' is a v2 index's field and this is a v1 index's result (it has: count, ids) "
           '-- a definition without version = "v2" is v1, while every index created today is v2: add '
           'version = "v2" to its definition if the real index is v2')


def _env(folder, version=None):
    definition = {"dimensions": 3, "metric": "cosine"} | ({"version": version} if version else {})
    return load_env(folder, indexes={"docs": definition})


def test_v2s_key_on_a_v1_write_notes_the_version(tmp_path):
    written = asyncio.run(_env(one_file_worker(tmp_path, ENTRY, extra=VECTORIZE)).VECTORIZE.upsert(
        [{"id": "a", "values": [1, 0, 0]}]))
    with pytest.raises(KeyError) as info:
        written["mutationId"]
    assert info.value.args == ("mutationId",)
    assert info.value.__notes__ == [V1_NOTE]


def test_v1s_key_on_a_v2_describe_notes_the_version(tmp_path):
    described = asyncio.run(_env(one_file_worker(tmp_path, ENTRY, extra=VECTORIZE), "v2").VECTORIZE.describe())
    with pytest.raises(KeyError) as info:
        described["vectorsCount"]
    assert "'vectorsCount' is a v1 index's field and this is a v2 index's result" in info.value.__notes__[0]


def test_other_missing_keys_and_lookups_are_plain(tmp_path):
    env = _env(one_file_worker(tmp_path, ENTRY, extra=VECTORIZE))
    written = asyncio.run(env.VECTORIZE.upsert([{"id": "a", "values": [1, 0, 0]}]))
    with pytest.raises(KeyError) as info:
        written["mutation_id"]
    assert not hasattr(info.value, "__notes__")
    assert written.get("mutationId") is None and "mutationId" not in written
    assert written["count"] == 1


@pytest.mark.asyncio
async def test_worker_code_gets_the_note_too(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, extra=VECTORIZE)
    worker = load_worker(folder, env=_env(folder))
    assert await (await worker.fetch("/")).text() == f"'mutationId' | {V1_NOTE}"


def test_a_d1_row_gets_no_note(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, extra='[[d1_databases]]\nbinding = "DB"\n'
                                   'database_name = "db"\ndatabase_id = "x"\n'))
    row = asyncio.run(env.DB.prepare("SELECT 'm1' AS mutationId, 3 AS total").first())
    with pytest.raises(KeyError) as info:
        row["count"]
    assert not hasattr(info.value, "__notes__")


def test_a_missing_key_is_freed_without_the_cyclic_gc():
    import gc

    from workers_env._jsvalues import JsDict

    results = [JsDict(count=1, ids=["a"]), JsDict(id="x", name="docs", config={}, vectorsCount=0)]
    gc.collect()
    gc.disable()
    try:
        for result in results * 5:
            for key in ("mutationId", "vectorCount", "nope"):
                with pytest.raises(KeyError):
                    result[key]
        assert gc.collect() == 0
    finally:
        gc.enable()
