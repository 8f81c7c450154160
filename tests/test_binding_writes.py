"""insert / upsert / deleteByIds / getByIds behave and answer like the Workers binding."""

from __future__ import annotations

import re
import uuid
from array import array

import numpy as np
import pytest

from workers_env import JsDict, JsException, VectorizeError

pytestmark = pytest.mark.asyncio

V = [{"id": "a", "values": [1.0, 0.0, 0.0]}, {"id": "b", "values": [0.0, 1.0, 0.0]}]


async def test_v1_insert_returns_count_and_ids_as_attributes_and_keys(make_binding):
    idx = make_binding()
    res = await idx.insert(V)
    assert isinstance(res, JsDict)
    assert res == {"count": 2, "ids": ["a", "b"]}
    assert (res.count, res.ids) == (2, ["a", "b"])


async def test_v2_writes_return_a_uuid4_mutation_id(make_binding):
    idx = make_binding(version="v2")
    for res in (await idx.insert(V), await idx.upsert(V), await idx.deleteByIds(["a"])):
        assert list(res) == ["mutationId"]
        assert uuid.UUID(res.mutationId).version == 4


async def test_insert_skips_existing_ids_silently_and_keeps_the_stored_vector(make_binding):
    idx = make_binding()
    await idx.insert([{"id": "a", "values": [1, 2, 3], "metadata": {"v": 1}}])
    res = await idx.insert([{"id": "a", "values": [9, 9, 9], "metadata": {"v": 2}}, {"id": "c", "values": [0, 0, 1]}])
    assert res == {"count": 1, "ids": ["c"]}
    (a,) = await idx.getByIds(["a"])
    assert a["values"] == [1, 2, 3] and a.metadata == {"v": 1}


async def test_insert_keeps_the_first_of_repeated_ids_in_one_batch(make_binding):
    idx = make_binding()
    res = await idx.insert([{"id": "a", "values": [1, 0, 0]}, {"id": "a", "values": [0, 1, 0]}])
    assert res == {"count": 1, "ids": ["a"]}
    assert (await idx.getByIds(["a"]))[0]["values"] == [1, 0, 0]


async def test_upsert_replaces_the_whole_vector_and_keeps_the_last_repeat(make_binding):
    idx = make_binding()
    await idx.upsert([{"id": "a", "values": [1, 0, 0], "namespace": "n1", "metadata": {"x": 1, "y": 2}}])
    res = await idx.upsert([
        {"id": "a", "values": [0, 1, 0], "metadata": {"x": 5}},
        {"id": "a", "values": [0, 0, 1], "metadata": {"z": 3}},
    ])
    assert res == {"count": 1, "ids": ["a"]}
    (a,) = await idx.getByIds(["a"])
    assert a == {"id": "a", "namespace": None, "metadata": {"z": 3}, "values": [0, 0, 1]}


async def test_get_by_ids_keeps_request_order_skips_missing_and_repeats(make_binding):
    idx = make_binding()
    await idx.upsert(V + [{"id": "c", "values": [0, 0, 1], "namespace": "ns", "metadata": {"k": "v"}}])
    got = await idx.getByIds(["c", "missing", "a", "c"])
    assert [g.id for g in got] == ["c", "a"]
    assert got[0] == {"id": "c", "namespace": "ns", "metadata": {"k": "v"}, "values": [0, 0, 1]}
    assert got[1].namespace is None and got[1].metadata == {}
    assert await idx.getByIds([]) == []


async def test_delete_by_ids_removes_and_ignores_unknown_ids(make_binding):
    idx = make_binding()
    await idx.upsert(V)
    res = await idx.deleteByIds(["a", "nope"])
    assert res == {"count": 2, "ids": ["a", "nope"]}
    assert [g.id for g in await idx.getByIds(["a", "b"])] == ["b"]
    assert (await idx.describe()).vectorsCount == 1


async def test_values_are_stored_as_float32_and_returned_as_shortest_decimals(make_binding):
    idx = make_binding()
    await idx.upsert([{"id": "a", "values": [0.2321, 1 / 3, 16777217.0]}])
    (a,) = await idx.getByIds(["a"])
    assert a["values"] == [0.2321, 0.33333334, 16777216]
    assert isinstance(a["values"][2], int)


async def test_values_accept_array_array_and_numpy_arrays(make_binding):
    idx = make_binding()
    await idx.upsert([
        {"id": "f", "values": array("f", [1.5, 2, 3])},
        {"id": "d", "values": array("d", [0.1, 0.2, 0.3])},
        {"id": "n", "values": np.array([4, 5, 6], dtype=np.float64)},
        {"id": "n32", "values": np.array([7, 8, 9], dtype=np.float32)},
    ])
    got = {g.id: g["values"] for g in await idx.getByIds(["f", "d", "n", "n32"])}
    assert got == {"f": [1.5, 2, 3], "d": [0.1, 0.2, 0.3], "n": [4, 5, 6], "n32": [7, 8, 9]}


@pytest.mark.parametrize("bad", [(1.0, 2.0, 3.0), bytearray(b"abc")])
async def test_tuples_and_bytearrays_raise_the_sdk_type_error(make_binding, bad):
    idx = make_binding()
    with pytest.raises(TypeError, match=re.escape(f"{type(bad)} cannot be sent over RPC.")):
        await idx.upsert([{"id": "a", "values": bad}])
    with pytest.raises(TypeError, match="cannot be sent over RPC"):
        await idx.query([1, 2, 3], {"filter": {"k": {"$in": ("a",)}}})
    assert (await idx.describe()).vectorsCount == 0


async def test_metadata_round_trips_with_whole_floats_as_int(make_binding):
    idx = make_binding()
    meta = {"title": "Ünïcode ✓", "n": 2.0, "f": 2.5, "flag": True, "none": None, "nested": {"a": [1, "x", 3.0]}}
    await idx.upsert([{"id": "a", "values": [1, 2, 3], "metadata": meta}])
    (a,) = await idx.getByIds(["a"])
    assert a.metadata == meta
    assert type(a.metadata["n"]) is int and type(a.metadata["f"]) is float
    assert isinstance(a.metadata.nested, JsDict) and a.metadata.nested.a == [1, "x", 3]


async def test_stored_metadata_is_a_copy_the_caller_cannot_change(make_binding):
    idx = make_binding()
    meta = {"tags": ["x"]}
    await idx.upsert([{"id": "a", "values": [1, 2, 3], "metadata": meta}])
    meta["tags"].append("y")
    (a,) = await idx.getByIds(["a"])
    a.metadata["tags"].append("z")
    assert (await idx.getByIds(["a"]))[0].metadata == {"tags": ["x"]}


async def test_a_batch_with_one_bad_vector_writes_nothing(make_binding):
    idx = make_binding()
    batch = [{"id": f"ok{i}", "values": [1, 2, 3]} for i in range(5)] + [{"id": "bad", "values": [1, 2]}]
    with pytest.raises(VectorizeError, match="40012"):
        await idx.upsert(batch)
    with pytest.raises(VectorizeError):
        await idx.insert(batch)
    assert (await idx.describe()).vectorsCount == 0


async def test_empty_batches_are_allowed_and_change_nothing(make_binding):
    idx = make_binding()
    assert await idx.insert([]) == {"count": 0, "ids": []}
    assert await idx.upsert([]) == {"count": 0, "ids": []}
    assert (await idx.describe()).vectorsCount == 0


async def test_empty_string_namespace_means_no_namespace(make_binding):
    idx = make_binding()
    await idx.upsert([{"id": "a", "values": [1, 2, 3], "namespace": ""}])
    assert (await idx.getByIds(["a"]))[0].namespace is None


async def test_errors_are_js_exceptions_with_code_operation_and_error_prefix(make_binding):
    idx = make_binding()
    with pytest.raises(JsException) as info:
        await idx.insert([{"id": "a", "values": [1, 2]}])
    err = info.value
    assert isinstance(err, VectorizeError)
    assert (err.operation, err.code) == ("VECTOR_INSERT", 40012)
    assert str(err) == (
        'Error: VECTOR_INSERT_ERROR (code = 40012): invalid vector for id="a", '
        "expected 3 dimensions, and got 2 dimensions"
    )


async def test_a_tuple_hidden_inside_values_still_raises_the_sdk_type_error(make_binding):
    idx = make_binding()
    with pytest.raises(TypeError, match=re.escape("<class 'tuple'> cannot be sent over RPC.")):
        await idx.upsert([{"id": "a", "values": [1.0, (2.0, 3.0), 4.0]}])
    with pytest.raises(TypeError, match="cannot be sent over RPC"):
        await idx.upsert([{"id": "a", "values": [1.0, 2.0, 3.0], "metadata": {"t": (1,)}}])
    assert (await idx.describe()).vectorsCount == 0
