"""query / queryById / describe: options, defaults, scores, order and result shapes."""

from __future__ import annotations

import math
import re

import pytest

from workers_env import JsDict, VectorizeError

pytestmark = pytest.mark.asyncio

DOCS = [
    {"id": "x", "values": [1.0, 0.0], "metadata": {"kind": "axis"}},
    {"id": "y", "values": [0.0, 2.0], "metadata": {"kind": "axis"}},
    {"id": "d", "values": [1.0, 1.0]},
    {"id": "n", "values": [-1.0, 0.0], "namespace": "neg"},
]


async def seeded(make_binding, **definition):
    idx = make_binding(dimensions=2, **definition)
    await idx.upsert(DOCS)
    return idx


async def test_the_readme_example_works(make_binding):
    idx = make_binding(dimensions=5)
    res = await idx.insert([{"id": "123", "values": [32.4, 6.5, 11.2, 10.3, 87.9]}])
    assert (res.count, res.ids, res["count"]) == (1, ["123"], 1)
    m = await idx.query([32.4, 6.55, 11.2, 10.3, 87.9], {"topK": 5, "returnValues": True})
    assert m.count == 1 and m.matches[0].id == "123"
    assert m.matches[0]["values"] == [32.4, 6.5, 11.2, 10.3, 87.9]
    assert 0.9999 < m.matches[0].score < 1
    assert callable(m.matches[0].values)  # dict methods win, as in production


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("cosine", [("x", 1), ("d", 1 / math.sqrt(2)), ("y", 0), ("n", -1)]),
        ("euclidean", [("x", 0), ("d", 1), ("n", 2), ("y", math.sqrt(5))]),
        ("dot-product", [("d", -1), ("x", -1), ("y", 0), ("n", 1.0)]),
    ],
)
async def test_scores_and_order_per_metric(make_binding, metric, expected):
    idx = await seeded(make_binding, metric=metric)
    res = await idx.query([1.0, 0.0], topK=4)
    got = [(m.id, m.score) for m in res.matches]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for (_, g), (_, e) in zip(got, expected):
        assert math.isclose(g, e, abs_tol=1e-12)


async def test_dot_product_score_is_the_negative_dot_product_lowest_first(make_binding):
    idx = make_binding(dimensions=2, metric="dot-product")
    await idx.upsert([{"id": "big", "values": [3, 0]}, {"id": "small", "values": [1, 0]}])
    res = await idx.query([1, 0], topK=2)
    assert [(m.id, m.score) for m in res.matches] == [("big", -3), ("small", -1)]


async def test_whole_number_scores_arrive_as_int(make_binding):
    idx = await seeded(make_binding, metric="euclidean")
    res = await idx.query([1.0, 0.0], topK=1)
    assert res.matches[0].score == 0 and type(res.matches[0].score) is int


async def test_ties_are_broken_by_id(make_binding):
    idx = make_binding(dimensions=2)
    await idx.upsert([{"id": i, "values": [1, 1]} for i in ("b", "c", "a", "B")])
    res = await idx.query([1, 1], topK=3)
    assert [m.id for m in res.matches] == ["B", "a", "b"]


async def test_v1_default_top_k_is_3_and_v2_default_is_5(make_binding, tmp_path):
    v1 = make_binding(dimensions=1, metric="euclidean")
    await v1.upsert([{"id": str(i), "values": [i]} for i in range(10)])
    assert (await v1.query([0])).count == 3
    v2 = make_binding(dimensions=1, metric="euclidean", version="v2")
    await v2.upsert([{"id": str(i), "values": [i]} for i in range(10)])
    assert (await v2.query([0])).count == 5


async def test_match_fields_appear_only_when_asked(make_binding):
    idx = await seeded(make_binding)
    plain = (await idx.query([-1, 0], topK=1)).matches[0]
    assert plain == {"id": "n", "score": 1, "namespace": "neg"}
    full = (await idx.query([1, 0], {"topK": 1, "returnValues": True, "returnMetadata": True})).matches[0]
    assert full == {"id": "x", "score": 1, "values": [1, 0], "metadata": {"kind": "axis"}}
    no_meta = (await idx.query([1, 1], topK=1, returnMetadata=True)).matches[0]
    assert no_meta.metadata == {}


async def test_keywords_are_the_options_only_without_an_options_dict(make_binding):
    idx = await seeded(make_binding)
    a = await idx.query([1, 0], {"topK": 2, "returnValues": True})
    b = await idx.query([1, 0], topK=2, returnValues=True)
    assert a == b and a.count == 2 and "values" in a.matches[0]
    # Pyodide appends keywords as one more trailing object, which query() never reads
    c = await idx.query([1, 0], {"topK": 2}, returnValues=True)
    assert c.count == 2 and "values" not in c.matches[0]


async def test_unknown_option_keys_are_ignored(make_binding):
    idx = await seeded(make_binding)
    res = await idx.query([1, 0], topK=1, bogus=True, returnVectors=1)
    assert res.count == 1


async def test_namespace_restricts_candidates_and_unknown_namespace_is_empty(make_binding):
    idx = await seeded(make_binding)
    res = await idx.query([1, 0], topK=4, namespace="neg")
    assert [m.id for m in res.matches] == ["n"]
    assert await idx.query([1, 0], namespace="nowhere") == {"count": 0, "matches": []}
    everything = await idx.query([1, 0], topK=4)
    assert everything.count == 4  # without a namespace every vector is a candidate


async def test_v1_filter_eq_and_ne(make_binding):
    idx = await seeded(make_binding)
    eq = await idx.query([1, 1], topK=10, filter={"kind": "axis"})
    assert sorted(m.id for m in eq.matches) == ["x", "y"]
    ne = await idx.query([1, 1], topK=10, filter={"kind": {"$ne": "axis"}})
    assert sorted(m.id for m in ne.matches) == ["d", "n"]
    with pytest.raises(VectorizeError, match=r"\$in .*not supported by v1"):
        await idx.query([1, 1], filter={"kind": {"$in": ["axis"]}})


async def test_filter_is_applied_before_top_k(make_binding):
    idx = make_binding(dimensions=1, metric="euclidean")
    await idx.upsert([{"id": f"{i:02d}", "values": [i], "metadata": {"even": i % 2 == 0}} for i in range(20)])
    res = await idx.query([0], topK=5, filter={"even": False})
    assert [m.id for m in res.matches] == ["01", "03", "05", "07", "09"]


async def test_query_by_id_uses_the_stored_vector_on_v2(make_binding):
    idx = await seeded(make_binding, version="v2")
    res = await idx.queryById("x", topK=2)
    assert [m.id for m in res.matches] == ["x", "d"]
    assert await idx.queryById("missing") == {"count": 0, "matches": []}


async def test_query_by_id_is_refused_on_v1(make_binding):
    idx = await seeded(make_binding)
    with pytest.raises(VectorizeError) as info:
        await idx.queryById("x")
    assert str(info.value) == "Error: QueryById operation is not supported for v1 indexes."
    assert info.value.code is None


async def test_v1_return_metadata_must_be_boolean(make_binding):
    idx = await seeded(make_binding)
    with pytest.raises(VectorizeError) as info:
        await idx.query([1, 0], returnMetadata="all")
    assert str(info.value) == "Error: Invalid returnMetadata option. Expected boolean; got: all"


async def test_v2_return_metadata_values(make_binding):
    idx = await seeded(make_binding, version="v2")
    assert "metadata" in (await idx.query([1, 0], topK=1, returnMetadata=True)).matches[0]
    assert "metadata" not in (await idx.query([1, 0], topK=1, returnMetadata="none")).matches[0]
    assert (await idx.query([1, 0], topK=1, returnMetadata="all")).matches[0].metadata == {"kind": "axis"}
    with pytest.raises(VectorizeError) as info:
        await idx.query([1, 0], returnMetadata=False)
    assert str(info.value) == (
        "Error: VECTOR_QUERY_ERROR (code = 40026): Failed to parse the request body as JSON: "
        "returnMetadata: expected value"
    )
    with pytest.raises(VectorizeError) as info:
        await idx.query([1, 0], returnMetadata="some")
    assert str(info.value) == (
        'Error: Invalid returnMetadata option. Expected: true, false, "none", "indexed" or "all"; got: some'
    )


async def test_query_with_wrong_dimensions(make_binding):
    idx = await seeded(make_binding)
    with pytest.raises(VectorizeError) as info:
        await idx.query([1, 0, 0])
    assert str(info.value) == (
        "Error: VECTOR_QUERY_ERROR (code = 40006): invalid query vector, expected 2 dimensions, and got 3 dimensions"
    )


@pytest.mark.parametrize("top_k", [0, -1, 2.5, "3", True])
async def test_top_k_must_be_a_positive_whole_number(make_binding, top_k):
    idx = await seeded(make_binding)
    with pytest.raises(VectorizeError, match=re.escape("(code = 40026): topK must be a whole number")):
        await idx.query([1, 0], topK=top_k)


async def test_top_k_as_whole_float_is_accepted(make_binding):
    idx = await seeded(make_binding)
    assert (await idx.query([1, 0], topK=2.0)).count == 2


async def test_describe_v1_shape(make_binding):
    idx = await seeded(make_binding)
    info = await idx.describe()
    assert set(info) == {"id", "name", "config", "vectorsCount"}
    assert info.name == "idx" and info.config == {"dimensions": 2, "metric": "cosine"}
    assert info.vectorsCount == 4 and isinstance(info.config, JsDict)


async def test_describe_v1_includes_description_when_defined(make_binding):
    idx = make_binding(dimensions=2, description="docs")
    assert (await idx.describe()).description == "docs"


async def test_describe_v2_shape_tracks_the_last_mutation(make_binding):
    idx = make_binding(dimensions=2, version="v2")
    before = await idx.describe()
    assert before == {"vectorCount": 0, "dimensions": 2, "processedUpToDatetime": None, "processedUpToMutation": None}
    res = await idx.upsert(DOCS)
    after = await idx.describe()
    assert after.vectorCount == 4 and after.processedUpToMutation == res.mutationId
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", after.processedUpToDatetime)
