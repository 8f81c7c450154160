"""A v1 index's ``query()`` answers in the format of the Worker's compatibility date.

workerd's ``vectorizeQueryMetadataOptional`` (compatibility-date.capnp: on from 2023-11-08, flags
``vectorize_query_metadata_optional`` / ``vectorize_query_original``) decides what the binding
sends as ``compat: {queryMetadataOptional}`` (vectorize-api.ts, v1 indexes only). Before it the
service answers in the ORIGINAL format that workerd ce4237abe (which added the flag) changed its
mock and tests away from: the option ``returnVectors`` (``returnValues`` and ``returnMetadata``
are not read -- Cloudflare's docs: the flag makes the query "accept newer arguments with
returnValues and returnMetadata specified discretely over the older argument returnVectors"),
and matches ``{vectorId, score}``, with ``returnVectors`` also ``vector: {id, values, metadata}``
(the old ``VectorizeMatch`` of types/defines/vectorize.d.ts and @cloudflare/workers-types
4.20231025.0). v2 indexes have one format whatever the date. ``load_env`` without a Worker
follows the config's date and flags, as the Worker would.
"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from worker_helpers import one_file_worker, typical_pyproject

from workers_env import VectorizeError, load_env, load_worker
from workers_env.cli import main

ORIGINAL_DATE = "2023-11-07"
FLAG_DATE = "2023-11-08"

DOCS = [
    {"id": "a", "values": [1.0, 0.0, 0.0], "metadata": {"title": "Intro", "n": 1}},
    {"id": "b", "values": [0.5, 0.25, 0.0], "namespace": "ns"},
    {"id": "c", "values": [0.0, 1.0, 0.0], "metadata": {"title": "Other"}},
]


def _toml(date: str, flags: tuple[str, ...] = ()) -> str:
    listed = ", ".join(f'"{f}"' for f in ("python_workers", *flags))
    return (f'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
            f'compatibility_flags = [{listed}]\n[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n')


def _index(tmp_path, date, flags=(), version="v1"):
    """``env.unwrapped("IDX")`` (plain data in and out) of a config with ``date`` and ``flags``,
    seeded with DOCS."""
    (tmp_path / "wrangler.toml").write_text(_toml(date, tuple(flags)))
    typical_pyproject(tmp_path)
    env = load_env(tmp_path / "wrangler.toml", indexes={"idx": {"dimensions": 3, "metric": "cosine",
                                                                  "version": version}})
    idx = env.unwrapped("IDX")
    asyncio.run(idx.upsert(DOCS))
    return idx


def _query(idx, *args, **kwargs):
    return asyncio.run(idx.query(*args, **kwargs))  # a JsDict tree: a dict, as compared


# the cosine scores of DOCS against [1, 0, 0]: a, then b, then c
B_SCORE = 0.5 / (0.5 ** 2 + 0.25 ** 2) ** 0.5
ORIGINAL_PLAIN = {"count": 3, "matches": [{"vectorId": "a", "score": 1}, {"vectorId": "b", "score": B_SCORE},
                                          {"vectorId": "c", "score": 0}]}
ORIGINAL_VECTORS = {"count": 3, "matches": [
    {"vectorId": "a", "score": 1,
     "vector": {"id": "a", "values": [1, 0, 0], "metadata": {"title": "Intro", "n": 1}}},
    {"vectorId": "b", "score": B_SCORE,
     "vector": {"id": "b", "values": [0.5, 0.25, 0], "namespace": "ns", "metadata": {}}},
    {"vectorId": "c", "score": 0,
     "vector": {"id": "c", "values": [0, 1, 0], "metadata": {"title": "Other"}}},
]}
TODAYS_PLAIN = {"count": 3, "matches": [{"id": "a", "score": 1}, {"id": "b", "score": B_SCORE, "namespace": "ns"},
                                        {"id": "c", "score": 0}]}


def test_before_the_flag_date_matches_name_the_vector_id_only(tmp_path):
    assert _query(_index(tmp_path, ORIGINAL_DATE), [1, 0, 0]) == ORIGINAL_PLAIN


def test_return_vectors_nests_the_whole_stored_vector_in_each_match(tmp_path):
    got = _query(_index(tmp_path, ORIGINAL_DATE), [1, 0, 0], topK=3, returnVectors=True)
    assert got == ORIGINAL_VECTORS
    # in the order of the old types and workerd's old mock: vectorId, score, vector{id, values, metadata}
    assert [list(m) for m in got["matches"]] == [["vectorId", "score", "vector"]] * 3
    assert list(got["matches"][0]["vector"]) == ["id", "values", "metadata"]


def test_the_new_options_are_not_read_in_the_original_format(tmp_path):
    idx = _index(tmp_path, ORIGINAL_DATE)
    assert _query(idx, [1, 0, 0], topK=3, returnValues=True, returnMetadata=True) == ORIGINAL_PLAIN
    assert _query(idx, [1, 0, 0], {"topK": 3, "returnVectors": False, "returnMetadata": True}) == ORIGINAL_PLAIN
    assert _query(idx, [1, 0, 0], {"topK": 3, "returnVectors": None}) == ORIGINAL_PLAIN  # null: false


def test_from_the_flag_date_matches_are_flat_and_return_vectors_is_not_read(tmp_path):
    idx = _index(tmp_path, FLAG_DATE)
    assert _query(idx, [1, 0, 0], topK=3, returnVectors=True) == TODAYS_PLAIN
    got = _query(idx, [1, 0, 0], topK=1, returnValues=True, returnMetadata=True)
    assert got == {"count": 1, "matches": [{"id": "a", "score": 1, "values": [1, 0, 0],
                                            "metadata": {"title": "Intro", "n": 1}}]}


@pytest.mark.parametrize(("date", "flag", "original"), [
    ("2026-05-01", "vectorize_query_original", True),
    (ORIGINAL_DATE, "vectorize_query_metadata_optional", False),
    ("2020-01-01", "vectorize_query_metadata_optional", False),
])
def test_the_flags_decide_whatever_the_date(tmp_path, date, flag, original):
    got = _query(_index(tmp_path, date, [flag]), [1, 0, 0], topK=3)
    assert got == (ORIGINAL_PLAIN if original else TODAYS_PLAIN)


def test_a_config_without_a_date_gets_todays_format(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n')
    typical_pyproject(tmp_path)
    env = load_env(tmp_path / "wrangler.toml", indexes={"idx": {"dimensions": 3, "metric": "cosine"}})
    idx = env.unwrapped("IDX")
    asyncio.run(idx.upsert(DOCS))
    assert _query(idx, [1, 0, 0], topK=3) == TODAYS_PLAIN


def test_v2_indexes_have_one_format_whatever_the_date(tmp_path):
    idx = _index(tmp_path, ORIGINAL_DATE, version="v2")
    got = _query(idx, [1, 0, 0], topK=1, returnValues=True, returnMetadata="all", returnVectors=True)
    assert got == {"count": 1, "matches": [{"id": "a", "score": 1, "values": [1, 0, 0],
                                            "metadata": {"title": "Intro", "n": 1}}]}
    assert _query(idx, [1, 0, 0], topK=1) == {"count": 1, "matches": [{"id": "a", "score": 1}]}


@pytest.mark.parametrize("vector", [[1, 0, 0], [1.0, 0.0, 0.0], np.array([1, 0, 0], dtype=np.float32)],
                         ids=["ints", "floats", "float32-array"])
@pytest.mark.parametrize("options", [{}, {"topK": 3}, {"topK": 3.0}], ids=["none", "topK", "topK-float"])
def test_every_query_path_answers_in_the_original_format(tmp_path, vector, options):
    got = _query(_index(tmp_path, ORIGINAL_DATE), vector, **options)
    assert got == ORIGINAL_PLAIN


def test_namespace_filter_and_top_k_work_in_the_original_format(tmp_path):
    idx = _index(tmp_path, ORIGINAL_DATE)
    assert _query(idx, [1, 0, 0], namespace="ns") == {"count": 1, "matches": [{"vectorId": "b", "score": B_SCORE}]}
    got = _query(idx, [1, 0, 0], topK=3, filter={"title": {"$ne": "Intro"}}, returnVectors=True)
    assert [m["vectorId"] for m in got["matches"]] == ["b", "c"]
    assert got["matches"][1]["vector"] == {"id": "c", "values": [0, 1, 0], "metadata": {"title": "Other"}}
    assert _query(idx, [1, 0, 0], topK=1, namespace="none-such") == {"count": 0, "matches": []}
    with pytest.raises(VectorizeError, match="max top K is 20, but got 21"):
        _query(idx, [1, 0, 0], topK=21, returnVectors=True)  # v1's 20 at most


def test_a_return_vectors_that_is_no_boolean_is_refused(tmp_path):
    idx = _index(tmp_path, ORIGINAL_DATE)
    with pytest.raises(VectorizeError) as caught:
        _query(idx, [1, 0, 0], returnVectors="yes")
    assert (caught.value.code, caught.value.operation) == (40026, "VECTOR_QUERY")
    assert "returnVectors: expected a boolean, got \"yes\"" in str(caught.value)


def test_the_bindings_own_return_metadata_check_still_runs(tmp_path):
    """vectorize-api.ts checks ``returnMetadata`` for v1 before it sends anything, whatever the flag."""
    idx = _index(tmp_path, ORIGINAL_DATE)
    with pytest.raises(VectorizeError, match="Invalid returnMetadata option. Expected boolean; got: all"):
        _query(idx, [1, 0, 0], returnMetadata="all")


def test_the_env_of_the_configs_era_hands_out_the_original_format(tmp_path):
    (tmp_path / "wrangler.toml").write_text(_toml(ORIGINAL_DATE))
    typical_pyproject(tmp_path)
    env = load_env(tmp_path / "wrangler.toml", indexes={"idx": {"dimensions": 3, "metric": "cosine"}})
    asyncio.run(env.unwrapped("IDX").upsert(DOCS))
    res = asyncio.run(env.IDX.query([1, 0, 0], topK=1, returnVectors=True))  # raw JavaScript in this era
    assert res.matches[0].vectorId == "a" and res.matches[0].vector.metadata.title == "Intro"
    assert res.to_py() == {"count": 1, "matches": [ORIGINAL_VECTORS["matches"][0]]}


WORKER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.IDX.query([1, 0, 0], topK=1, returnVectors=True, returnMetadata=True)
        return Response.json(res.to_py())
"""


@pytest.mark.parametrize(("date", "expected"), [
    (ORIGINAL_DATE, {"count": 1, "matches": [ORIGINAL_VECTORS["matches"][0]]}),
    (FLAG_DATE, {"count": 1, "matches": [{"id": "a", "score": 1, "metadata": {"title": "Intro", "n": 1}}]}),
])
def test_a_worker_gets_the_format_of_its_date(tmp_path, date, expected):
    folder = one_file_worker(tmp_path, WORKER, date=date, flags=("python_no_global_handlers",),
                             extra='[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n')
    env = load_env(folder / "wrangler.toml", indexes={"idx": {"dimensions": 3, "metric": "cosine"}})
    asyncio.run(env.unwrapped("IDX").upsert(DOCS))
    worker = load_worker(env=env)

    async def scenario():
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    assert asyncio.run(scenario()) == expected


@pytest.mark.parametrize("flag", ["vectorize_query_original", "vectorize_query_metadata_optional"])
def test_validate_takes_both_flags_as_wrangler_does(tmp_path, monkeypatch, capsys, flag):
    (tmp_path / "wrangler.toml").write_text(_toml("2024-09-23", (flag,)))
    typical_pyproject(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == "wrangler.toml is valid.\n"


@pytest.mark.parametrize(("section", "original"), [
    ('[env.old]\ncompatibility_date = "2023-11-07"\n', True),
    ('[env.old]\ncompatibility_flags = ["python_workers", "vectorize_query_original"]\n', True),
    ('[env.old]\ncompatibility_date = "2024-01-01"\n', False),
])
def test_an_environments_own_date_and_flags_decide(tmp_path, section, original):
    """wrangler's ``compatibility_date`` and ``compatibility_flags`` are inheritable keys: an
    ``[env.NAME]`` that sets its own decides for that environment."""
    top = 'name = "w"\ncompatibility_date = "2024-06-01"\n[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n'
    if not original:
        top = top.replace("2024-06-01", "2023-10-01")
    (tmp_path / "wrangler.toml").write_text(top + section + '[[env.old.vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n')
    typical_pyproject(tmp_path)
    for environment, wanted in ((None, not original), ("old", original)):
        env = load_env(tmp_path / "wrangler.toml", environment=environment,
                       indexes={"idx": {"dimensions": 3, "metric": "cosine"}})
        idx = env.unwrapped("IDX")
        asyncio.run(idx.upsert(DOCS))
        assert _query(idx, [1, 0, 0], topK=3) == (ORIGINAL_PLAIN if wanted else TODAYS_PLAIN), environment


def test_the_cli_query_never_prints_the_original_format(tmp_path, monkeypatch, capsys):
    """``workers-env vectorize query`` stands for ``wrangler vectorize query``, which calls the v2
    REST API: no Worker's compatibility date reaches it, and a v1 index -- the only one with the
    original format -- is refused there (``vectorize.incorrect_api_version``), so it prints
    today's format or nothing."""
    (tmp_path / "wrangler.toml").write_text(_toml(ORIGINAL_DATE, ("vectorize_query_original",)))
    typical_pyproject(tmp_path)
    (tmp_path / "v.ndjson").write_text('{"id": "a", "values": [1, 0, 0]}\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    assert main(["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1"]) == 0
    assert main(["vectorize", "insert", "idx", "--file", "v.ndjson", "--deprecated-v1"]) == 0
    capsys.readouterr()
    assert main(["vectorize", "query", "idx", "--vector", "1", "0", "0"]) == 1
    printed, err = capsys.readouterr()
    assert "vectorId" not in printed and 'with version "v1" called with api version "v2"' in err
    assert main(["vectorize", "create", "now", "--dimensions", "3", "--metric", "cosine"]) == 0
    assert main(["vectorize", "insert", "now", "--file", "v.ndjson"]) == 0
    capsys.readouterr()
    assert main(["vectorize", "query", "now", "--vector", "1", "0", "0"]) == 0
    printed = capsys.readouterr().out
    assert '"id": "a"' in printed and "vectorId" not in printed
