"""The plain query's inlined path (``IndexCore.nearest``: a list of floats and at most ``topK``)
gives exactly what the general search gives -- same ids, same order, bit-identical scores --
or declines (``None``) where only the general path is right."""

from __future__ import annotations

import numpy as np
import pytest
from binding_helpers import make_binding_in

from workers_env.vectorize.core import IndexCore

METRICS = ("cosine", "euclidean", "dot-product")


def data_of(kind: str, n: int, dims: int, rng: np.random.Generator) -> np.ndarray:
    x = rng.standard_normal((n, dims)).astype(np.float32)
    if kind == "copies":  # exact duplicates: ties broken by id
        x[rng.integers(0, n, size=n // 4)] = x[0]
    elif kind == "ulps":  # rows a few float32 ulps apart: the tolerance decides
        base = x[0]
        x = (base + rng.integers(-3, 4, size=(n, dims)) * np.spacing(np.abs(base))).astype(np.float32)
    elif kind == "scaled":  # wide spread of norms
        x *= np.float32(10.0) ** rng.integers(-6, 7, size=(n, 1)).astype(np.float32)
    return x


def core_with(metric: str, x: np.ndarray) -> IndexCore:
    core = IndexCore(x.shape[1], metric)
    ids = [f"id-{i:05d}" for i in range(len(x))]
    core.upsert(ids, x, [None] * len(ids), [{} for _ in ids])
    return core


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("kind", ["gaussian", "copies", "ulps", "scaled"])
@pytest.mark.parametrize(("n", "dims"), [(2, 3), (11, 8), (300, 16), (1000, 384), (3000, 24)])
def test_nearest_equals_search_or_declines(metric, kind, n, dims):
    rng = np.random.default_rng(n * 7 + dims)
    x = data_of(kind, n, dims, rng)
    core = core_with(metric, x)
    queries = [x[0], x[n // 2] + np.float32(1e-3), rng.standard_normal(dims).astype(np.float32)]
    answered = 0
    for q in queries:
        q = np.ascontiguousarray(q, dtype=np.float32)
        for k in (1, 5, 10, n - 1, n, n + 3):
            got = core.nearest(q, k)
            want = [(vid, score) for _, vid, score in core.search(q, k)]
            if got is None:  # k not below n, or more rows within tolerance than the row-wise rescoring takes
                assert not (kind == "gaussian" and 0 < k <= 10 and k < n), (metric, kind, n, k)
            else:
                answered += 1
                assert got == want, (metric, kind, n, k)
                assert [np.float64(s).tobytes() for _, s in got] == [np.float64(s).tobytes() for _, s in want]
    if kind in ("gaussian", "copies"):
        assert answered  # the path is taken, not always declined (rows ulps apart, or norms 12 orders
        # of magnitude apart under euclidean, leave too many rows within tolerance: declined)


@pytest.mark.parametrize("metric", METRICS)
def test_nearest_declines_where_only_the_general_path_is_right(metric):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((50, 8)).astype(np.float32)
    q = rng.standard_normal(8).astype(np.float32)
    assert core_with(metric, x).nearest(q, 50) is None  # k not below the row count
    assert core_with(metric, x * np.float32(1e20)).nearest(q, 3) is None  # beyond the float32 scan's range
    with_zero = x.copy()
    with_zero[4] = 0.0
    core = core_with(metric, with_zero)
    if metric == "cosine":  # a zero vector scores 0: the general path's rule
        assert core.nearest(q, 3) is None
        assert core_with(metric, x).nearest(np.zeros(8, np.float32), 3) is None
    else:
        assert core.nearest(q, 3) == [(vid, s) for _, vid, s in core.search(q, 3)]


@pytest.mark.asyncio
@pytest.mark.parametrize("metric", METRICS)
async def test_a_plain_list_query_answers_as_the_general_path(tmp_path, metric):
    idx = make_binding_in(tmp_path, dimensions=32, metric=metric)
    rng = np.random.default_rng(11)
    x = rng.standard_normal((400, 32)).astype(np.float32)
    x[7] = x[3]  # a tie
    for s in range(0, 400, 100):
        await idx.upsert([{"id": f"v{i}", "values": x[i].tolist()} for i in range(s, s + 100)])
    for q in (x[3].tolist(), rng.standard_normal(32).tolist()):
        for k in (1, 3, 10, 20):
            plain = await idx.query(q, topK=k)  # the inlined path
            general = await idx.query(q, {"topK": k, "returnValues": False})  # two options: the general path
            assert plain == general
            assert [type(m["score"]) for m in plain["matches"]] == [type(m["score"]) for m in general["matches"]]
