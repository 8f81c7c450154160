"""The k-th-key bound the search selects with (block minima on big indexes, a plain partition
on small ones) picks exactly the rows the direct computation picks, and the float32 keys
under each metric keep the search exact at every index size."""

from __future__ import annotations

import numpy as np
import pytest
from test_core_matches_reference import ReferenceIndex, assert_same_results

from workers_env.vectorize.core import IndexCore, _rows_within


def direct_rows(key: np.ndarray, kk: int, tol: float) -> np.ndarray:
    """The obviously-correct selection: sort everything, take the kk-th key."""
    kth = float(np.sort(key)[kk - 1])
    return np.flatnonzero(key <= kth + tol)


def keys_with(kind: str, n: int, rng: np.random.Generator) -> np.ndarray:
    key = rng.standard_normal(n).astype(np.float32)
    if kind == "ties":
        key = np.round(key, 1)  # many equal keys around every k-th value
    elif kind == "inf":
        key[rng.random(n) < 0.3] = np.inf  # rows masked out by a filter
    elif kind == "nan":
        key[rng.random(n) < 0.05] = np.nan
    elif kind == "few-finite":
        key[:] = np.inf
        key[rng.integers(0, n, size=3)] = -1.0
    return key


@pytest.mark.parametrize("n", [100, 1000, 1023, 1024, 2559, 2560, 5000, 70_000])  # each side of each path
@pytest.mark.parametrize("kind", ["random", "ties", "inf", "nan", "few-finite"])
def test_rows_within_equals_the_direct_selection(n, kind):
    rng = np.random.default_rng(n)
    for kk in (1, 10, 16, 17, 100):
        if kk > n:
            continue
        key = keys_with(kind, n, rng)
        for tol in (0.0, 1e-3, 0.5):
            got = _rows_within(key, kk, tol)
            assert got.tolist() == direct_rows(key, kk, tol).tolist(), (n, kind, kk, tol)


def core_and_reference(metric: str, data: np.ndarray) -> tuple[IndexCore, ReferenceIndex]:
    """The same rows in the core and in the slow reference."""
    ids = [f"id-{i:04d}" for i in range(len(data))]
    core = IndexCore(data.shape[1], metric)
    core.upsert(ids, data, [None] * len(ids), [{} for _ in ids])
    ref = ReferenceIndex(metric)
    for vid, row in zip(ids, data.tolist()):
        ref.upsert(vid, row, None)
    return core, ref


@pytest.mark.parametrize("metric", ["cosine", "euclidean", "dot-product"])
@pytest.mark.parametrize("scale", [1e-12, 1.0, 1e8])  # float32 keys at both ends of their range (1e9 goes the float64 way)
def test_search_on_a_small_index_equals_the_reference(metric, scale):
    rng = np.random.default_rng(5)
    n, dims = 1000, 24
    data = (scale * rng.standard_normal((n, dims))).astype(np.float32)
    data[rng.integers(0, n, size=40)] = data[3]  # exact copies: ties on the k-th key
    core, ref = core_and_reference(metric, data)
    for q in (data[3], data[10] + np.float32(scale * 1e-3), (scale * rng.standard_normal(dims)).astype(np.float32)):
        ranking = ref.search(q.tolist(), n, None)  # the reference's full ranking, for every k
        for k in (1, 10, 50):
            got = [(vid, score) for _, vid, score in core.search(q, k)]
            assert_same_results(got, ranking, k)


@pytest.mark.parametrize("metric", ["cosine", "euclidean", "dot-product"])
def test_near_ties_below_float32_resolution_rank_as_in_float64(metric):
    """Rows that differ from one another by a few float32 ulps: their float32 keys cannot
    order them, so only the tolerance sends the right ones to the float64 rescoring."""
    rng = np.random.default_rng(9)
    n, dims = 1000, 384
    base = rng.standard_normal(dims).astype(np.float32)
    ulps = rng.integers(-3, 4, size=(n, dims)).astype(np.float32)
    data = (base + ulps * np.spacing(np.abs(base))).astype(np.float32)  # each row base +- 3 ulps
    core, ref = core_and_reference(metric, data)
    for q in (base, base + np.float32(0.01) * rng.standard_normal(dims).astype(np.float32)):
        ranking = ref.search(q.astype(np.float32).tolist(), n, None)  # the reference's full ranking, for every k
        for k in (1, 10):
            got = [(vid, score) for _, vid, score in core.search(q.astype(np.float32), k)]
            assert_same_results(got, ranking, k)
