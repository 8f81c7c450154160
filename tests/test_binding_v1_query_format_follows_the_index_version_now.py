"""The original v1 query format (a Worker dated before 2023-11-08) follows the version the
index has at the time of the query, not the one it had when the env was loaded.

vectorize-api.ts sends ``compat: {queryMetadataOptional}`` for v1 indexes only: a v2 index
answers today's format whatever the date. A persisted index can be deleted and created again
under its name, as the other version, by another process (``workers-env vectorize delete`` /
``create``) while an env holds its binding; the binding's limits, ``describe`` and
``queryById`` already follow the new version, and its query format has to follow it too.
"""

from __future__ import annotations

import asyncio

import pytest

from workers_env import VectorizeError, load_env
from workers_env.cli import main

TOML = ('name = "w"\ncompatibility_date = "2023-11-07"\n'
        '[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n')


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    (tmp_path / "one.ndjson").write_text('{"id":"a","values":[1,0,0],"metadata":{"t":"x"}}\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    return tmp_path


def cli(*args: str) -> None:
    assert main(list(args)) == 0


def _binding(project):
    return load_env(project / "wrangler.toml", persist_to=project / ".wrangler" / "state").unwrapped("IDX")


def test_a_v1_index_created_again_as_v2_answers_in_todays_format(project, capsys):
    cli("vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1")
    idx = _binding(project)
    asyncio.run(idx.upsert([{"id": "a", "values": [1, 0, 0]}]))
    assert asyncio.run(idx.query([1, 0, 0])) == {"count": 1, "matches": [{"vectorId": "a", "score": 1}]}

    cli("vectorize", "delete", "idx", "--force", "--deprecated-v1")  # wrangler's v1 delete
    cli("vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine")  # v2
    cli("vectorize", "insert", "idx", "--file", "one.ndjson")
    assert asyncio.run(idx.query([1, 0, 0])) == {"count": 1, "matches": [{"id": "a", "score": 1}]}
    got = asyncio.run(idx.query([1, 0, 0], topK=1, returnValues=True, returnMetadata="all", returnVectors=True))
    assert got == {"count": 1, "matches": [{"id": "a", "score": 1, "values": [1, 0, 0], "metadata": {"t": "x"}}]}
    assert asyncio.run(idx.queryById("a")) == {"count": 1, "matches": [{"id": "a", "score": 1}]}


def test_a_v2_index_created_again_as_v1_answers_in_the_original_format(project, capsys):
    cli("vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine")  # v2
    idx = _binding(project)
    asyncio.run(idx.upsert([{"id": "a", "values": [1, 0, 0]}]))
    assert asyncio.run(idx.query([1, 0, 0])) == {"count": 1, "matches": [{"id": "a", "score": 1}]}

    cli("vectorize", "delete", "idx", "--force")
    cli("vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1")
    cli("vectorize", "insert", "idx", "--file", "one.ndjson", "--deprecated-v1")
    assert asyncio.run(idx.query([1, 0, 0], topK=1)) == {"count": 1, "matches": [{"vectorId": "a", "score": 1}]}
    got = asyncio.run(idx.query([1, 0, 0], topK=1, returnVectors=True))
    assert got == {"count": 1, "matches": [
        {"vectorId": "a", "score": 1, "vector": {"id": "a", "values": [1, 0, 0], "metadata": {"t": "x"}}}]}
    with pytest.raises(VectorizeError, match="QueryById operation is not supported for v1 indexes."):
        asyncio.run(idx.queryById("a"))


def test_the_first_plain_query_after_a_recreation_takes_the_new_versions_top_k_limits(project, capsys):
    cli("vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine")  # v2: topK up to 100
    idx = _binding(project)
    asyncio.run(idx.upsert([{"id": str(i), "values": [1, i, 0]} for i in range(30)]))
    assert asyncio.run(idx.query([1, 0, 0], topK=50))["count"] == 30

    cli("vectorize", "delete", "idx", "--force")
    cli("vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1")  # topK up to 20
    cli("vectorize", "insert", "idx", "--file", "one.ndjson", "--deprecated-v1")
    with pytest.raises(VectorizeError, match="max top K is 20, but got 50"):  # v1's, on the first query after
        asyncio.run(idx.query([1, 0, 0], topK=50))
    assert asyncio.run(idx.query([1, 0, 0])) == {"count": 1, "matches": [{"vectorId": "a", "score": 1}]}


def test_the_first_plain_query_after_a_recreation_with_other_dimensions_is_refused(project, capsys):
    cli("vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine")
    idx = _binding(project)
    asyncio.run(idx.upsert([{"id": "a", "values": [1, 0, 0]}]))
    assert asyncio.run(idx.query([1, 0, 0]))["count"] == 1

    cli("vectorize", "delete", "idx", "--force")
    cli("vectorize", "create", "idx", "--dimensions", "2", "--metric", "cosine")
    with pytest.raises(VectorizeError, match="dimension"):
        asyncio.run(idx.query([1.0, 0.0, 0.0]))
