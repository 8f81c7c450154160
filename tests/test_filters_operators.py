"""Every filter operator on every value type, v1 and v2, through ``env.IDX.query``.

One fixed data set holds the awkward cases next to the plain ones: values of another type
than the metadata index, null, arrays, objects, missing properties, nested properties,
booleans next to the numbers 0 and 1, and strings whose UTF-8 byte order differs from
their UTF-16 order. Each table row is a filter and the exact set of ids it must match.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from binding_helpers import make_binding_in as binding

from workers_env import VectorizeBinding

# id -> metadata. "cat" is a string index, "price" a number index, "ok" a boolean index,
# "info.lang" a nested string index on v2.
ROWS: dict[str, dict[str, Any]] = {
    "apple": {"cat": "apple", "price": 10, "ok": True, "info": {"lang": "en"}},
    "banana": {"cat": "banana", "price": 20.5, "ok": False, "info": {"lang": "fr"}},
    "cherry": {"cat": "cherry", "price": -3, "ok": True},
    "zero": {"cat": "", "price": 0, "ok": False},
    "emoji": {"cat": "\U0001f600", "price": 1e300},  # U+1F600: after U+FFFF in UTF-8 bytes
    "bmp": {"cat": "\uffff", "price": -1e300},  # ... but before it in UTF-16 code units
    "accent": {"cat": "\u00e9clair", "price": 10.0},
    "wrongtype": {"cat": 5, "price": "10", "ok": "true", "info": {"lang": 1}},
    "boolnum": {"cat": True, "price": True, "ok": 1},
    "nulls": {"cat": None, "price": None, "ok": None, "info": None},
    "arrays": {"cat": ["apple"], "price": [10], "ok": [True], "info": ["en"]},
    "objects": {"cat": {"x": "apple"}, "price": {"v": 10}, "ok": {"v": True}, "info": {"lang": {"x": 1}}},
    "empty": {},
}
ALL = set(ROWS)




async def fill(b: VectorizeBinding) -> None:
    await b.upsert([{"id": vid, "values": [1.0, 0.5, 0.25], "metadata": meta} for vid, meta in ROWS.items()])


async def matched(b: VectorizeBinding, flt: Any, top_k: int) -> set[str]:
    res = await b.query([1.0, 0.5, 0.25], topK=top_k, filter=flt)
    assert res["count"] == len(res["matches"])
    return {m["id"] for m in res["matches"]}


@pytest_asyncio.fixture
async def v2(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path, version="v2", metadata_indexes={
        "cat": "string", "price": "number", "ok": "boolean", "info.lang": "string",
    })
    await fill(b)
    return b


@pytest_asyncio.fixture
async def v1(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path)
    await fill(b)
    return b


V2_CASES: list[tuple[str, Any, set[str]]] = [
    # -- strings ---------------------------------------------------------------------------
    ("implicit eq string", {"cat": "apple"}, {"apple"}),
    ("$eq string", {"cat": {"$eq": "banana"}}, {"banana"}),
    ("$eq empty string", {"cat": ""}, {"zero"}),
    ("$eq string, no match", {"cat": "durian"}, set()),
    ("$ne string: only vectors in the index", {"cat": {"$ne": "apple"}},
     {"banana", "cherry", "zero", "emoji", "bmp", "accent"}),
    ("$in strings", {"cat": {"$in": ["apple", "cherry", "durian"]}}, {"apple", "cherry"}),
    ("$nin strings", {"cat": {"$nin": ["apple", "cherry"]}}, {"banana", "zero", "emoji", "bmp", "accent"}),
    ("$lt string", {"cat": {"$lt": "b"}}, {"apple", "zero"}),
    ("$lte string", {"cat": {"$lte": "banana"}}, {"apple", "banana", "zero"}),
    ("$gt string", {"cat": {"$gt": "banana"}}, {"cherry", "emoji", "bmp", "accent"}),
    ("$gte string", {"cat": {"$gte": "banana"}}, {"banana", "cherry", "emoji", "bmp", "accent"}),
    ("string prefix range", {"cat": {"$gte": "ch", "$lt": "ci"}}, {"cherry"}),
    ("UTF-8 byte order: astral after U+FFFF", {"cat": {"$gt": "\uffff"}}, {"emoji"}),
    ("UTF-8 byte order: U+FFFF before astral", {"cat": {"$lt": "\U0001f600", "$gt": "z"}}, {"accent", "bmp"}),
    ("non-ASCII after ASCII", {"cat": {"$gt": "z"}}, {"emoji", "bmp", "accent"}),
    # -- numbers ---------------------------------------------------------------------------
    ("implicit eq number", {"price": 10}, {"apple", "accent"}),
    ("$eq int matches float", {"price": {"$eq": 10.0}}, {"apple", "accent"}),
    ("$eq float", {"price": 20.5}, {"banana"}),
    ("$eq zero", {"price": 0}, {"zero"}),
    ("$ne number: only vectors in the index", {"price": {"$ne": 10}}, {"banana", "cherry", "zero", "emoji", "bmp"}),
    ("$in numbers", {"price": {"$in": [-3, 0, 99]}}, {"cherry", "zero"}),
    ("$nin numbers", {"price": {"$nin": [10, 20.5]}}, {"cherry", "zero", "emoji", "bmp"}),
    ("$lt number", {"price": {"$lt": 0}}, {"cherry", "bmp"}),
    ("$lte number", {"price": {"$lte": 0}}, {"cherry", "zero", "bmp"}),
    ("$gt number", {"price": {"$gt": 10}}, {"banana", "emoji"}),
    ("$gte number", {"price": {"$gte": 10}}, {"apple", "banana", "accent", "emoji"}),
    ("number range pair", {"price": {"$gt": 0, "$lte": 20.5}}, {"apple", "banana", "accent"}),
    ("empty number range", {"price": {"$gt": 5, "$lt": 5}}, set()),
    # -- booleans --------------------------------------------------------------------------
    ("implicit eq true", {"ok": True}, {"apple", "cherry"}),
    ("$eq false", {"ok": {"$eq": False}}, {"banana", "zero"}),
    ("$ne true: only vectors in the index", {"ok": {"$ne": True}}, {"banana", "zero"}),
    ("$in booleans", {"ok": {"$in": [True, False]}}, {"apple", "banana", "cherry", "zero"}),
    ("$nin booleans", {"ok": {"$nin": [False]}}, {"apple", "cherry"}),
    # -- null and type mismatches: the index holds only its own type ------------------------
    ("null matches nothing", {"cat": None}, set()),
    ("$eq null matches nothing", {"price": {"$eq": None}}, set()),
    ("$ne null: every vector in the index", {"ok": {"$ne": None}}, {"apple", "banana", "cherry", "zero"}),
    ("$in with null ignores it", {"cat": {"$in": [None, "apple"]}}, {"apple"}),
    ("$nin null: every vector in the index", {"ok": {"$nin": [None]}}, {"apple", "banana", "cherry", "zero"}),
    ("number on a string index", {"cat": 5}, set()),
    ("string on a number index", {"price": "10"}, set()),
    ("true is not 1", {"price": True}, set()),
    ("1 is not true", {"ok": 1}, set()),
    ("string range on a number index", {"price": {"$gte": ""}}, set()),
    ("number range on a string index", {"cat": {"$gte": -1e308}}, set()),
    ("$ne of another type: every vector in the index", {"price": {"$ne": "x"}},
     {"apple", "banana", "cherry", "zero", "emoji", "bmp", "accent"}),
    # -- nested, several keys, unindexed ---------------------------------------------------
    ("nested dotted key", {"info.lang": "en"}, {"apple"}),
    ("nested $ne", {"info.lang": {"$ne": "en"}}, {"banana"}),
    ("several keys are ANDed", {"cat": {"$ne": "apple"}, "ok": True}, {"cherry"}),
    ("AND across three indexes", {"price": {"$gte": 0}, "ok": False, "cat": {"$lt": "c"}}, {"banana", "zero"}),
    ("AND with no overlap", {"cat": "apple", "ok": False}, set()),
    ("unindexed property matches nothing", {"color": "red"}, set()),
    ("unindexed nested parent matches nothing", {"info": "en"}, set()),
    ("one unindexed key empties the AND", {"cat": "apple", "color": {"$ne": "red"}}, set()),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("name", "flt", "want"), V2_CASES, ids=[c[0] for c in V2_CASES])
async def test_v2_operator(v2: VectorizeBinding, name: str, flt: Any, want: set[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert await matched(v2, flt, top_k=100) == want


V1_CASES: list[tuple[str, Any, set[str]]] = [
    ("implicit eq string", {"cat": "apple"}, {"apple"}),
    ("$eq string", {"cat": {"$eq": "\U0001f600"}}, {"emoji"}),
    ("$eq number", {"price": 10}, {"apple", "accent"}),
    ("$eq boolean", {"ok": False}, {"banana", "zero"}),
    ("$eq null: explicit nulls only", {"cat": None}, {"nulls"}),
    ("true is not 1", {"price": True}, {"boolnum"}),
    ("1 is not true", {"ok": 1}, {"boolnum"}),
    ("string '10' is not 10", {"price": "10"}, {"wrongtype"}),
    ("nested dotted key", {"info.lang": "fr"}, {"banana"}),
    ("v1 reads any property, no index needed", {"info.lang": 1}, {"wrongtype"}),
    ("$ne matches missing and different values", {"ok": {"$ne": True}}, ALL - {"apple", "cherry"}),
    ("$ne null matches everything but nulls", {"cat": {"$ne": None}}, ALL - {"nulls"}),
    ("$ne nested: missing parent counts as different", {"info.lang": {"$ne": "en"}}, ALL - {"apple"}),
    ("AND that excludes the only candidate", {"cat": {"$ne": "banana"}, "price": 20.5}, set()),
    ("AND of $eq and $ne", {"ok": True, "cat": {"$ne": "apple"}}, {"cherry"}),
    ("unknown property: $eq nothing", {"color": "red"}, set()),
    ("unknown property: $ne everything", {"color": {"$ne": "red"}}, ALL),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("name", "flt", "want"), V1_CASES, ids=[c[0] for c in V1_CASES])
async def test_v1_operator(v1: VectorizeBinding, name: str, flt: Any, want: set[str]) -> None:
    # v1 caps topK at 20, which covers the 13 vectors
    assert await matched(v1, flt, top_k=20) == want


@pytest.mark.asyncio
async def test_v1_long_strings_compare_whole(tmp_path: Path) -> None:
    b = binding(tmp_path)
    long_a, long_b = "x" * 70 + "a", "x" * 70 + "b"
    await b.upsert([
        {"id": "a", "values": [1, 0, 0], "metadata": {"s": long_a}},
        {"id": "b", "values": [1, 0, 0], "metadata": {"s": long_b}},
    ])
    assert await matched(b, {"s": long_a}, top_k=5) == {"a"}
    assert await matched(b, {"s": {"$ne": long_a}}, top_k=5) == {"b"}


@pytest.mark.asyncio
async def test_filter_is_applied_before_top_k(tmp_path: Path) -> None:
    """Pre-filtering: the nearest vectors fail the filter, yet topK qualifying ones come back."""
    b = binding(tmp_path, version="v2", metadata_indexes={"keep": "boolean"})
    vectors = [{"id": f"near{i}", "values": [1, 0, 0.001 * i], "metadata": {"keep": False}} for i in range(50)]
    vectors += [{"id": f"far{i}", "values": [0, 1, 0.001 * i], "metadata": {"keep": True}} for i in range(5)]
    await b.upsert(vectors)
    res = await b.query([1, 0, 0], topK=5, filter={"keep": True})
    assert sorted(m["id"] for m in res["matches"]) == [f"far{i}" for i in range(5)]
    res = await b.query([1, 0, 0], topK=3, filter={"keep": True})
    assert [m["id"] for m in res["matches"]] == ["far0", "far1", "far2"]  # still ranked by score


@pytest.mark.asyncio
async def test_filter_combines_with_namespace(tmp_path: Path) -> None:
    b = binding(tmp_path, version="v2", metadata_indexes={"cat": "string"})
    await b.upsert([
        {"id": "a1", "values": [1, 0, 0], "namespace": "a", "metadata": {"cat": "x"}},
        {"id": "a2", "values": [1, 0, 0], "namespace": "a", "metadata": {"cat": "y"}},
        {"id": "b1", "values": [1, 0, 0], "namespace": "b", "metadata": {"cat": "x"}},
        {"id": "none", "values": [1, 0, 0], "metadata": {"cat": "x"}},
    ])
    res = await b.query([1, 0, 0], topK=10, namespace="a", filter={"cat": "x"})
    assert [m["id"] for m in res["matches"]] == ["a1"]
    res = await b.query([1, 0, 0], topK=10, filter={"cat": "x"})
    assert {m["id"] for m in res["matches"]} == {"a1", "b1", "none"}


@pytest.mark.asyncio
async def test_filter_follows_upserts_and_deletes(v2: VectorizeBinding) -> None:
    """Columns move with their rows: replacing and deleting vectors updates what matches."""
    assert await matched(v2, {"cat": "apple"}, top_k=100) == {"apple"}
    await v2.upsert([{"id": "apple", "values": [1, 0, 0], "metadata": {"cat": "pear"}}])
    assert await matched(v2, {"cat": "apple"}, top_k=100) == set()
    assert await matched(v2, {"cat": "pear"}, top_k=100) == {"apple"}
    await v2.deleteByIds(["banana", "apple"])  # deletes move the last rows into the holes
    assert await matched(v2, {"cat": "pear"}, top_k=100) == set()
    assert await matched(v2, {"ok": {"$in": [True, False]}}, top_k=100) == {"cherry", "zero"}
    assert await matched(v2, {"cat": {"$gt": "\uffff"}}, top_k=100) == {"emoji"}


@pytest.mark.asyncio
async def test_query_by_id_takes_a_filter(v2: VectorizeBinding) -> None:
    res = await v2.queryById("apple", topK=100, filter={"price": {"$lt": 0}})
    assert {m["id"] for m in res["matches"]} == {"cherry", "bmp"}
