"""Every documented limit, enforced on both sides, with the service's error text.

A rejected call changes nothing.
"""

from __future__ import annotations

import json
import re

import pytest

from workers_env import ConfigError, JsException, VectorizeError, load_env

pytestmark = pytest.mark.asyncio


def vec(i, dims=1, **extra):
    return {"id": str(i), "values": [float(i % 7)] * dims, **extra}


async def count(idx):
    info = await idx.describe()
    return info["vectorsCount"] if "vectorsCount" in info else info["vectorCount"]


@pytest.mark.parametrize("method", ["insert", "upsert"])
async def test_at_most_1000_vectors_per_write(make_binding, method):
    idx = make_binding(dimensions=1)
    op = "INSERT" if method == "insert" else "UPSERT"
    res = await getattr(idx, method)([vec(i) for i in range(1000)])
    assert res.count == 1000
    with pytest.raises(VectorizeError) as info:
        await getattr(idx, method)([vec(i) for i in range(1000, 2001)])
    assert str(info.value) == f"Error: VECTOR_{op}_ERROR: too many vectors in batch; max is 1000, got 1001"
    assert await count(idx) == 1000


@pytest.mark.parametrize(("method", "op"), [("insert", "INSERT"), ("upsert", "UPSERT")])
async def test_id_at_most_64_bytes(make_binding, method, op):
    idx = make_binding(dimensions=1)
    await getattr(idx, method)([{"id": "é" * 32, "values": [1]}])  # 64 bytes
    with pytest.raises(VectorizeError) as info:
        await getattr(idx, method)([{"id": "é" * 32 + "x", "values": [1]}])
    assert str(info.value) == f"Error: VECTOR_{op}_ERROR (code = 40008): id too long; max is 64 bytes, got 65 bytes"
    assert await count(idx) == 1


async def test_empty_id_is_rejected(make_binding):
    idx = make_binding(dimensions=1)
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "a", "values": [1]}, {"id": "", "values": [1]}])
    assert str(info.value) == "Error: VECTOR_UPSERT_ERROR: invalid vector at position 1: id must be a non-empty string"
    assert await count(idx) == 0


async def test_metadata_at_most_10240_bytes_of_compact_json(make_binding):
    idx = make_binding(dimensions=1)
    overhead = len(json.dumps({"k": ""}, separators=(",", ":")))
    fits = {"k": "x" * (10240 - overhead)}
    await idx.upsert([{"id": "a", "values": [1], "metadata": fits}])
    too_big = {"k": "x" * (10241 - overhead)}
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "b", "values": [1], "metadata": too_big}])
    assert str(info.value) == (
        'Error: VECTOR_UPSERT_ERROR (code = 40016): oversized metadata for vector id="b"; the compact JSON '
        "representation of the metadata must not exceed 10240 bytes, got 10241 bytes"
    )
    assert await count(idx) == 1


@pytest.mark.parametrize("key", ["", "a.b", 'say"hi', "$set"])
async def test_metadata_keys_rules(make_binding, key):
    idx = make_binding(dimensions=1)
    with pytest.raises(VectorizeError, match="invalid metadata key"):
        await idx.upsert([{"id": "a", "values": [1], "metadata": {"ok": {key: 1}}}])
    await idx.upsert([{"id": "a", "values": [1], "metadata": {"fine_key-1": {"nested ok": 1}}}])
    assert await count(idx) == 1


@pytest.mark.parametrize(
    ("version", "limit"), [("v1", 63), ("v2", 64)]
)
async def test_namespace_length_limit(make_binding, version, limit):
    idx = make_binding(dimensions=1, version=version)
    await idx.upsert([{"id": "a", "values": [1], "namespace": "n" * limit}])
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "b", "values": [1], "namespace": "n" * (limit + 1)}])
    assert str(info.value) == (
        f'Error: VECTOR_UPSERT_ERROR: invalid namespace for vector id="b"; max is {limit} bytes, got {limit + 1} bytes')
    assert await count(idx) == 1


@pytest.mark.parametrize(
    ("bad", "hint"),
    [
        ({"id": "a", "values": [1.0, float("nan")]}, "finite"),
        ({"id": "a", "values": [float("inf"), 1.0]}, "finite"),
        ({"id": "a", "values": [1e39, 1.0]}, "finite float32"),
        ({"id": "a", "values": ["1", 1.0]}, "values must be numbers"),
        ({"id": "a", "values": [True, 1.0]}, "values must be numbers"),
        ({"id": "a", "values": [None, 1.0]}, "values must be numbers"),
        ({"id": 7, "values": [1.0, 1.0]}, "id must be a string"),
        ({"values": [1.0, 1.0]}, "id must be a string"),
        ({"id": "a", "values": [1.0, 1.0], "metadata": ["not", "an object"]}, "metadata must be an object"),
        ({"id": "a", "values": [1.0, 1.0], "namespace": 5}, "namespace must be a string"),
        ({"id": "a\ud800", "values": [1.0, 1.0]}, "not valid Unicode"),
        ({"id": "a", "values": [1.0, 1.0], "namespace": "\udfff"}, "not valid Unicode"),
        ({"id": "a", "values": [1.0, 1.0], "metadata": {"s": "x\ud800"}}, "not valid Unicode"),
    ],
)
async def test_what_json_cannot_carry_fails_to_parse_with_a_hint(make_binding, bad, hint):
    idx = make_binding(dimensions=2)
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "ok", "values": [1, 2]}, bad])
    assert str(info.value).startswith(
        "Error: VECTOR_UPSERT_ERROR (code = 40023): failed to parse upsert vectors request in json format ("
    )
    assert hint in str(info.value)
    assert info.value.code == 40023
    assert await count(idx) == 0


async def test_insert_parse_error_names_insert(make_binding):
    idx = make_binding(dimensions=2)
    with pytest.raises(VectorizeError, match=re.escape("VECTOR_INSERT_ERROR (code = 40023): failed to parse insert")):
        await idx.insert([{"id": "a", "values": ["x", 1]}])


async def test_vectors_argument_must_be_a_list(make_binding):
    idx = make_binding(dimensions=2)
    with pytest.raises(JsException, match=re.escape("TypeError: vectors.map is not a function")) as info:
        await idx.upsert({"id": "a", "values": [1, 2]})
    assert not isinstance(info.value, VectorizeError)


async def test_v1_top_k_max_is_20(make_binding):
    idx = make_binding(dimensions=1)
    await idx.upsert([vec(i) for i in range(30)])
    assert (await idx.query([1], topK=20, returnValues=True, returnMetadata=True)).count == 20
    with pytest.raises(VectorizeError) as info:
        await idx.query([1], topK=21)
    assert str(info.value) == "Error: VECTOR_QUERY_ERROR: max top K is 20, but got 21"


async def test_v2_top_k_max_is_100_without_values_or_all_metadata(make_binding):
    idx = make_binding(dimensions=1, version="v2")
    for start in (0, 1000):
        await idx.upsert([vec(i) for i in range(start, start + 60)])
    assert (await idx.query([1], topK=100, returnMetadata="indexed")).count == 100
    with pytest.raises(VectorizeError) as info:
        await idx.query([1], topK=101)
    assert str(info.value) == "Error: VECTOR_QUERY_ERROR (code = 40025): max top K is 100, but got 101"


@pytest.mark.parametrize("options", [{"returnValues": True}, {"returnMetadata": "all"}, {"returnMetadata": True}])
async def test_v2_top_k_max_is_50_with_values_or_all_metadata(make_binding, options):
    idx = make_binding(dimensions=1, version="v2")
    await idx.upsert([vec(i) for i in range(60)])
    assert (await idx.query([1], topK=50, **options)).count == 50
    with pytest.raises(VectorizeError) as info:
        await idx.query([1], topK=51, **options)
    assert str(info.value) == (
        "Error: VECTOR_QUERY_ERROR (code = 40025): with returnValues=true or returnMetadata=all, max top K is 50, "
        "but got 51; for a top K up to 100, retry with returnValues=false and returnMetadata=indexed"
    )


async def test_v2_get_by_ids_at_most_20(make_binding):
    idx = make_binding(dimensions=1, version="v2")
    await idx.upsert([vec(i) for i in range(25)])
    assert len(await idx.getByIds([str(i) for i in range(20)])) == 20
    with pytest.raises(VectorizeError) as info:
        await idx.getByIds([str(i) for i in range(21)])
    assert str(info.value) == "Error: VECTOR_GET_ERROR (code = 40007): too many ids in payload; max id count is 20, got 21"


async def test_v2_delete_by_ids_at_most_100(make_binding):
    idx = make_binding(dimensions=1, version="v2")
    await idx.upsert([vec(i) for i in range(150)])
    await idx.deleteByIds([str(i) for i in range(100)])
    with pytest.raises(VectorizeError) as info:
        await idx.deleteByIds([str(i) for i in range(100, 150)] + [f"x{i}" for i in range(51)])
    assert str(info.value) == (
        "Error: VECTOR_DELETE_ERROR (code = 40007): too many ids in payload; max id count is 100, got 101"
    )
    assert await count(idx) == 50


async def test_v1_get_and_delete_have_no_id_cap(make_binding):
    idx = make_binding(dimensions=1)
    await idx.upsert([vec(i) for i in range(300)])
    assert len(await idx.getByIds([str(i) for i in range(300)])) == 300
    assert (await idx.deleteByIds([str(i) for i in range(300)])).count == 300


@pytest.mark.parametrize("bad", [[1, 2], "a", None, [None]])
async def test_ids_must_be_a_list_of_strings(make_binding, bad):
    idx = make_binding(dimensions=1)
    with pytest.raises(VectorizeError, match="ids must be"):
        await idx.getByIds(bad)
    with pytest.raises(VectorizeError, match="ids must be"):
        await idx.deleteByIds(bad)


async def test_v1_index_holds_at_most_200000_vectors(make_binding):
    idx = make_binding(dimensions=1)
    # filled in one write (the CLI's, whose batches are not held to the binding's 1000); the
    # vectors share one values list (each is read, none kept: 200,000 lists were ~0.2 s to make)
    one = [1.0]
    idx.insert_sync([{"id": str(i), "values": one} for i in range(200_000)], max_vectors=200_000)
    assert await count(idx) == 200_000
    await idx.upsert([{"id": "0", "values": [2.0]}])  # replacing keeps the count: allowed
    with pytest.raises(VectorizeError, match="index is full; max vectors per index is 200000"):
        await idx.upsert([{"id": "one-more", "values": [1.0]}])
    assert await count(idx) == 200_000


async def test_v2_index_limit_is_20_million(make_binding):
    idx = make_binding(dimensions=1, version="v2")
    assert idx.index.limits.max_vectors == 20_000_000


async def test_at_most_50000_namespaces_per_index(make_binding):
    idx = make_binding(dimensions=1, version="v2")
    # filled in one write (the CLI's, whose batches are not held to the binding's 1000)
    one = [1.0]  # (one values list for all: see test_v1_index_holds_at_most_200000_vectors)
    idx.upsert_sync([{"id": str(i), "values": one, "namespace": f"ns{i}"} for i in range(50_000)], max_vectors=50_000)
    await idx.upsert([{"id": "again", "values": [1.0], "namespace": "ns7"}])  # an existing namespace
    with pytest.raises(VectorizeError, match="too many namespaces; max is 50000 per index"):
        await idx.upsert([{"id": "new", "values": [1.0], "namespace": "ns-new"}])
    # moving a vector out of a namespace frees it
    await idx.upsert([{"id": "0", "values": [1.0]}])
    await idx.upsert([{"id": "new", "values": [1.0], "namespace": "ns-new"}])
    assert await count(idx) == 50_002


async def test_at_most_1000_namespaces_per_v1_index(make_binding):
    idx = make_binding(dimensions=1, version="v1")
    await idx.upsert([{"id": str(i), "values": [1.0], "namespace": f"ns{i}"} for i in range(1000)])
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "new", "values": [1.0], "namespace": "ns-new"}])
    assert str(info.value) == (
        "Error: VECTOR_UPSERT_ERROR: too many namespaces; max is 1000 per index, this write would make 1001")
    assert await count(idx) == 1000


@pytest.mark.parametrize(("dims", "ok"), [(0, False), (1, True), (1536, True), (1537, False)])
async def test_dimensions_from_1_to_1536(tmp_path, dims, ok):
    (tmp_path / "wrangler.toml").write_text('[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n')
    if ok:
        env = load_env(tmp_path, indexes={"idx": {"dimensions": dims, "metric": "cosine"}})
        assert (await env.IDX.describe()).config.dimensions == dims
    else:
        with pytest.raises(ConfigError, match="dimensions must be a whole number from 1 to 1536"):
            load_env(tmp_path, indexes={"idx": {"dimensions": dims, "metric": "cosine"}})
