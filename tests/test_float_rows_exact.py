"""The fast conversion of float lists is exact: it takes only what the slow path takes.

``float_rows`` / ``float_row`` (MessagePack-layout proof of exact ``float`` items) are held to a
slow, obvious reference; and through the public API, one odd item among plain floats gets
the same answer however long the rows are, in writes and in queries.
"""

from __future__ import annotations

import math
import threading
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workers_env import VectorizeError
from workers_env.vectorize.floatlists import float_row, float_rows

F32_MAX = float(np.finfo(np.float32).max)
ABOVE_MAX_ROUNDS_DOWN = float.fromhex("0x1.fffffe1p+127")  # > float32 max, rounds to it
BELOW_MAX_ROUNDS_UP = float.fromhex("0x1.fffffdfp+127")  # < float32 max, rounds to it


class MyFloat(float):
    pass


def reference(rows):
    """None unless every row is a same-length list of exact floats, finite and strictly
    inside float32's range once rounded; then np.asarray's float32 conversion."""
    if not rows or not all(type(r) is list for r in rows):
        return None
    dims = len(rows[0])
    if dims == 0 or any(len(r) != dims for r in rows):
        return None
    if any(type(x) is not float for r in rows for x in r):
        return None
    with np.errstate(over="ignore"):
        out = np.asarray(rows, dtype=np.float32)
    if not all(math.isfinite(v) and abs(v) < F32_MAX for v in out.ravel().tolist()):
        return None
    return out


@pytest.mark.parametrize("dims", [1, 2, 3, 768, 999, 1000, 1001, 1536, 1999, 2000, 2001])
def test_plain_float_rows_take_the_fast_path_at_every_length(dims):
    rng = np.random.default_rng(dims)
    rows = rng.standard_normal((5, dims)).tolist()
    got = float_rows(rows)
    assert got is not None
    assert got.dtype == np.float32 and got.shape == (5, dims)
    assert np.array_equal(got, np.asarray(rows, dtype=np.float32))
    one = float_row(rows[2])
    assert one is not None and one.dtype == np.float32 and np.array_equal(one, got[2])


@pytest.mark.parametrize(
    "odd",
    [1, True, False, "0.5", b"0.5", None, Decimal("0.5"), Fraction(1, 2), np.float32(0.5), np.float64(0.5),
     MyFloat(0.5), [0.5], float("nan"), float("inf"), -float("inf"), 1e39, F32_MAX, -F32_MAX, ABOVE_MAX_ROUNDS_DOWN, BELOW_MAX_ROUNDS_UP, -BELOW_MAX_ROUNDS_UP],
    ids=repr,
)
@pytest.mark.parametrize("where", [0, 500, 1000, -1])
def test_one_odd_item_sends_the_batch_the_exact_way(odd, where):
    rows = np.random.default_rng(1).standard_normal((3, 1001)).tolist()
    rows[1][where] = odd
    assert float_rows(rows) is None
    assert float_row(rows[1]) is None
    assert float_row(rows[0]) is not None


def test_ragged_rows_and_non_lists_are_not_fast():
    assert float_rows([[1.0, 2.0], [1.0]]) is None
    assert float_rows([[1.0], [1.0, 2.0]]) is None
    assert float_rows([[1.0, 2.0], (1.0, 2.0)]) is None
    assert float_rows([]) is None
    assert float_rows([[], []]) is None


def test_repeated_float_objects_and_signed_zero_survive():
    rows = [[0.0] * 7, [-0.0] * 7, [5e-324] * 7]  # one shared object per row; a subnormal
    got = float_rows(rows)
    assert got is not None
    assert np.array_equal(got, np.asarray(rows, dtype=np.float32))
    assert np.signbit(got[1]).all()


_items = st.one_of(
    st.floats(width=64, allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e3, max_value=1e3),
    st.sampled_from([F32_MAX, -F32_MAX, ABOVE_MAX_ROUNDS_DOWN, BELOW_MAX_ROUNDS_UP, 1e39]),
    st.integers(-3, 3),
    st.booleans(),
    st.just("1.0"),
    st.just(np.float32(1.0)),
    st.just(MyFloat(1.0)),
)
_row_lists = st.integers(1, 12).flatmap(
    lambda d: st.lists(
        st.lists(st.floats(-1e6, 1e6), min_size=d, max_size=d)
        | st.lists(_items, min_size=d, max_size=d)
        | st.lists(_items, min_size=1, max_size=d + 1),
        min_size=1,
        max_size=6,
    )
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_row_lists)
def test_matches_the_slow_reference(rows):
    got, want = float_rows(rows), reference(rows)
    if want is None:
        assert got is None
    else:
        assert got is not None and np.array_equal(got, want)
    for row in rows:  # one row alone, as a query vector
        got, want = float_row(row), reference([row])
        if want is None:
            assert got is None
        else:
            assert got is not None and np.array_equal(got, want[0])


# --- the same answers through the public API, at a length where the fast path runs ---

DIMS = 1001


def batch_with(odd):
    rng = np.random.default_rng(7)
    vectors = [{"id": f"v{i}", "values": rng.standard_normal(DIMS).tolist()} for i in range(3)]
    vectors[1]["values"][700] = odd
    return vectors


@pytest.mark.parametrize(
    ("odd", "hint"),
    [
        (True, "values must be numbers, found True"),
        ("0.5", "values must be numbers, found '0.5'"),
        (None, "values must be numbers, found NoneType"),
        (Decimal("0.5"), "values must be numbers, found Decimal"),
        (Fraction(1, 2), "values must be numbers, found Fraction"),
        (np.float32(0.5), "values must be numbers, found float32"),
        (float("nan"), "finite"),
        (1e39, "finite float32"),
        (ABOVE_MAX_ROUNDS_DOWN, "finite float32"),
    ],
    ids=repr,
)
@pytest.mark.asyncio
async def test_odd_items_among_long_float_rows_are_refused_and_write_nothing(make_binding, odd, hint):
    idx = make_binding(dimensions=DIMS)
    with pytest.raises(VectorizeError) as info:
        await idx.upsert(batch_with(odd))
    assert info.value.code == 40023
    assert hint in str(info.value)
    assert (await idx.describe())["vectorsCount"] == 0  # v1 describe


@pytest.mark.parametrize("odd", [1, np.float64(0.5), MyFloat(0.5), F32_MAX], ids=repr)
@pytest.mark.asyncio
async def test_numbers_the_slow_path_takes_are_taken_among_long_float_rows(make_binding, odd):
    idx = make_binding(dimensions=DIMS)
    vectors = batch_with(odd)
    await idx.upsert(vectors)
    got = await idx.getByIds(["v1"])
    want = np.asarray([float(x) for x in vectors[1]["values"]], dtype=np.float32)
    assert np.array_equal(np.asarray(got[0]["values"], dtype=np.float32), want)  # values come back as
    assert want[700] == np.float32(float(odd))  # shortest float32 decimals


@pytest.mark.parametrize(
    ("odd", "hint"),
    [
        (True, "found True"),
        ("0.5", "found '0.5'"),
        (Decimal("0.5"), "found Decimal"),
        (np.float32(0.5), "found float32"),
        (float("inf"), "finite"),
        (ABOVE_MAX_ROUNDS_DOWN, "finite float32"),
    ],
    ids=repr,
)
@pytest.mark.asyncio
async def test_odd_items_in_a_long_query_vector_are_refused(make_binding, odd, hint):
    idx = make_binding(dimensions=DIMS)
    await idx.upsert(batch_with(0.5))
    vector = batch_with(0.5)[1]["values"]
    vector[700] = odd
    with pytest.raises(VectorizeError) as info:
        await idx.query(vector)
    assert "Failed to parse the request body as JSON: vector:" in str(info.value)
    assert hint in str(info.value)
    assert str(info.value).count("(") == str(info.value).count(")")  # the parentheses close


@pytest.mark.asyncio
async def test_a_long_float_query_finds_its_own_vector(make_binding):
    idx = make_binding(dimensions=DIMS, metric="euclidean")
    vectors = batch_with(0.5)
    await idx.upsert(vectors)
    res = await idx.query(vectors[2]["values"], topK=1)
    assert res.matches[0].id == "v2" and res.matches[0].score == 0
    with pytest.raises(VectorizeError, match="dimension"):
        await idx.query(vectors[2]["values"][:-1])


class Watched:
    """An odd item that records whether any of its own code ran during validation."""

    ran = False

    def __reduce_ex__(self, protocol):
        Watched.ran = True
        return (float, (0.5,))

    def __float__(self):
        Watched.ran = True
        return 0.5


def _deep(levels):
    value = [0.5]
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("where", ["write", "query"])
@pytest.mark.asyncio
async def test_odd_objects_run_no_code_and_get_the_parse_error(make_binding, where):
    idx = make_binding(dimensions=DIMS)
    Watched.ran = False
    vectors = batch_with(Watched())
    with pytest.raises(VectorizeError) as info:
        if where == "write":
            await idx.upsert(vectors)
        else:
            await idx.query(vectors[1]["values"])
    assert "found Watched" in str(info.value)
    assert not Watched.ran


def test_nesting_too_deep_for_the_encoder_is_just_not_fast():
    rows = np.random.default_rng(3).standard_normal((2, 1001)).tolist()
    rows[1][5] = _deep(5000)
    assert float_rows(rows) is None
    assert float_row(rows[1]) is None


@pytest.mark.parametrize("odd", [threading.Lock(), lambda: 0.5], ids=["lock", "lambda"])
@pytest.mark.asyncio
async def test_unencodable_items_get_the_parse_error_not_an_encoder_one(make_binding, odd):
    idx = make_binding(dimensions=DIMS)
    with pytest.raises(VectorizeError) as info:
        await idx.upsert(batch_with(odd))
    assert info.value.code == 40023 and "values must be numbers" in str(info.value)
    with pytest.raises(VectorizeError, match="values must be numbers"):
        vector = batch_with(0.5)[1]["values"]
        vector[3] = odd
        await idx.query(vector)


def test_query_rows_convert_correctly_from_many_threads_at_once():
    from concurrent.futures import ThreadPoolExecutor

    rng = np.random.default_rng(9)
    lists = [rng.standard_normal(int(rng.integers(1, 1200))).tolist() for _ in range(64)]
    lists[5][0] = True  # an odd one: refused in its thread, no effect on the others

    def convert(i):
        return [float_row(lists[i]) for _ in range(20)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(convert, range(len(lists))))
    for i, got in enumerate(results):
        for arr in got:
            if i == 5:
                assert arr is None
            else:
                assert arr is not None and np.array_equal(arr, np.asarray(lists[i], dtype=np.float32))
