"""A small index's search (``IndexCore._search_small``, under 1,024 rows) gives bit for bit
what the general path gives: same rows, same ids, same scores, same order.

The general path is forced by passing every row as the candidate set (a full scan with a
mask that keeps all rows), so both run on one index and one query. The data mixes exact
duplicates (ties by id), zero rows and whole-number values (which send a cosine query to
the general path, as they must), and queries equal to a stored row (scores of exactly 1/0).
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workers_env.vectorize.core import IndexCore

METRICS = ("cosine", "euclidean", "dot-product")


def _index(metric: str, data: np.ndarray) -> IndexCore:
    core = IndexCore(data.shape[1], metric)
    ids = [f"id-{i:04d}" for i in range(data.shape[0])]
    core.upsert(ids, data, [None] * len(ids), [{} for _ in ids])
    return core


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(METRICS),
    st.integers(min_value=2, max_value=1100),
    st.integers(min_value=1, max_value=48),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=0, max_value=2**32 - 1),
    st.sampled_from(["gaussian", "small whole numbers", "with a zero row"]),
)
def test_small_index_search_equals_the_general_path_bit_for_bit(metric, n, dims, k, seed, kind):
    rng = np.random.default_rng(seed)
    if kind == "small whole numbers":  # many exact ties
        data = rng.integers(-2, 3, size=(n, dims)).astype(np.float32)
    else:
        data = rng.standard_normal((n, dims)).astype(np.float32)
        data[rng.integers(0, n, size=n // 8)] = data[0]  # exact duplicates
        if kind == "with a zero row":
            data[n // 2] = 0.0
    core = _index(metric, data)
    every_row = np.arange(n)
    queries = [data[0], data[n - 1], rng.standard_normal(dims).astype(np.float32)]
    for q in queries:
        fast = core.search(q, k)
        general = core.search(q, k, candidates=every_row)
        assert fast == general
        assert [score.hex() for _, _, score in fast] == [score.hex() for _, _, score in general]  # bit for bit
        assert len(fast) == min(k, n)


def test_the_small_index_path_is_taken_and_declines_what_it_cannot_rank():
    """Its preconditions, through the method itself: it answers a plain query on a small
    index, and leaves zero rows under cosine, tiny-norm queries and k >= n to the general path."""
    rng = np.random.default_rng(5)
    data = rng.standard_normal((300, 8)).astype(np.float32)
    for metric in METRICS:
        core = _index(metric, data)
        assert core._search_small(data[3], 10) == core.search(data[3], 10, candidates=np.arange(300))
    with_zero = data.copy()
    with_zero[7] = 0.0
    assert _index("cosine", with_zero)._search_small(data[3], 10) is None
    assert _index("dot-product", with_zero)._search_small(data[3], 10) is not None
    assert _index("cosine", data)._search_small(np.zeros(8, np.float32), 10) is None
    assert _index("euclidean", data)._search_small(np.full(8, 1e20, np.float32), 10) is None  # past float32's comfort
