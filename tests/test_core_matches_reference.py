"""The numpy core returns exactly what a slow, obviously-correct search returns.

Random data, every metric, namespaces, and interleaved upserts and deletes; the reference
keeps a dict of vectors and scores each one with plain Python floats.
"""

from __future__ import annotations

import math
from itertools import repeat
from operator import mul, sub

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workers_env.vectorize.core import IndexCore

METRICS = ("cosine", "euclidean", "dot-product")
TOL = 1e-9


class ReferenceIndex:
    """A dict of vectors searched one by one in Python floats."""

    def __init__(self, metric: str):
        self.metric = metric
        self.vectors: dict[str, tuple[list[float], str | None]] = {}

    def upsert(self, vid: str, values: list[float], namespace: str | None) -> None:
        # the service stores float32: each value rounded as np.float32(v) rounds it, in one
        # numpy pass (a float32 array sets each item as the scalar does: the same 1,503,151
        # values bit for bit over this file and test_top_k_selection_paths.py; a scalar a value
        # was most of the latter's time)
        stored = np.array(values, dtype=np.float32).tolist()
        self.vectors[vid] = (stored, namespace)

    def delete(self, vid: str) -> None:
        self.vectors.pop(vid, None)

    def key(self, x: list[float], q: list[float], nq: float | None = None) -> float:
        """Ascending sort key: smaller is better (``nq``: the query's norm, worked out once a
        search rather than once a row; the same ``fsum``, so the same value)."""
        dot = math.fsum(map(mul, x, q))
        if self.metric == "dot-product":
            return -dot
        if self.metric == "euclidean":
            return math.sqrt(math.fsum(map(pow, map(sub, x, q), repeat(2))))
        nx = math.sqrt(math.fsum(map(mul, x, x)))
        if nq is None:
            nq = math.sqrt(math.fsum(map(mul, q, q)))
        return 0.0 if nx == 0 or nq == 0 else -(dot / (nx * nq))

    def search(self, q: list[float], k: int, namespace: str | None) -> list[tuple[str, float]]:
        q = np.array(q, dtype=np.float32).tolist()
        nq = math.sqrt(math.fsum(map(mul, q, q)))
        scored = [
            (self.key(x, q, nq), vid)
            for vid, (x, ns) in self.vectors.items()
            if namespace is None or ns == namespace
        ]
        scored.sort()
        sign = -1.0 if self.metric == "cosine" else 1.0
        return [(vid, sign * key) for key, vid in scored[:k]]


def assert_same_results(got: list[tuple[str, float]], ranking: list[tuple[str, float]], k: int) -> None:
    """``got`` is the top ``k`` of the reference's full ``ranking`` (ties in any id order)."""
    want = ranking[:k]
    assert len(got) == len(want)
    got_scores = [s for _, s in got]
    want_scores = [s for _, s in want]
    for g, w in zip(got_scores, want_scores):
        assert math.isclose(g, w, rel_tol=TOL, abs_tol=TOL), (got, want)
    # Where a score is clear of its neighbours, the id must be the same; inside a band of
    # equal scores, ids must come in ascending order (ties broken by id).
    all_scores = [s for _, s in ranking]
    scores = np.array(all_scores)
    for i, (vid, score) in enumerate(want):
        clear = all(
            not math.isclose(score, all_scores[j], rel_tol=TOL, abs_tol=TOL)
            for j in _maybe_close(scores, score)
            if j != i
        )
        if clear:
            assert got[i][0] == vid, (got, want)
    assert {v for v, _ in got} <= {v for v, _ in want} | _tie_band_ids(got, want)


def _maybe_close(scores: np.ndarray, score: float) -> np.ndarray:
    """The positions of every score ``math.isclose`` could call close to ``score`` (and a few
    more): within twice the tolerance of the larger magnitude or of 1, or equal. A superset, so
    the exact check over it answers as over every score; one numpy pass instead of a Python
    ``isclose`` per score (up to 1,000 for each of 50 wanted: the most of a test's time)."""
    with np.errstate(invalid="ignore", over="ignore"):
        bound = 2 * TOL * np.maximum(1.0, np.maximum(abs(score), np.abs(scores)))
        return np.flatnonzero((np.abs(scores - score) <= bound) | (scores == score))


def _tie_band_ids(got, want):
    last = want[-1][1] if want else None
    return {v for v, s in got if last is not None and math.isclose(s, last, rel_tol=TOL, abs_tol=TOL)}


# A small value pool makes exact duplicates and ties common; floats make them rare.
values_pool = st.one_of(
    st.sampled_from([0.0, 1.0, -1.0, 2.0, 0.5]),
    st.floats(min_value=-100, max_value=100, allow_nan=False, width=32),
)


@st.composite
def scenarios(draw):
    dims = draw(st.integers(min_value=1, max_value=6))
    metric = draw(st.sampled_from(METRICS))
    ids = [f"v{i}" for i in range(draw(st.integers(min_value=1, max_value=25)))]
    vector = st.lists(values_pool, min_size=dims, max_size=dims)
    namespace = st.sampled_from([None, None, "a", "b"])
    op = st.one_of(
        st.tuples(st.just("upsert"), st.lists(st.tuples(st.sampled_from(ids), vector, namespace), min_size=1, max_size=8)),
        st.tuples(st.just("delete"), st.lists(st.sampled_from(ids), min_size=1, max_size=5)),
        st.tuples(st.just("query"), vector, st.integers(min_value=1, max_value=12), namespace),
    )
    return dims, metric, draw(st.lists(op, min_size=1, max_size=25))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_core_search_equals_reference_after_interleaved_writes(scenario):
    dims, metric, ops = scenario
    core = IndexCore(dims, metric)
    ref = ReferenceIndex(metric)
    for op in ops:
        if op[0] == "upsert":
            batch = {vid: (vals, ns) for vid, vals, ns in op[1]}  # last one wins, like upsert
            ids = list(batch)
            values = np.array([batch[v][0] for v in ids], dtype=np.float32).reshape(len(ids), dims)
            core.upsert(ids, values, [batch[v][1] for v in ids], [{} for _ in ids])
            for vid in ids:
                ref.upsert(vid, *batch[vid])
        elif op[0] == "delete":
            core.delete(op[1])
            for vid in op[1]:
                ref.delete(vid)
        else:
            _, q, k, ns = op
            code = core.namespace_code(ns) if ns is not None else None
            if ns is not None and code is None:
                got = []
            else:
                cands = core.candidates_for(namespace_code=code)
                got = [(vid, score) for _, vid, score in core.search(np.array(q, dtype=np.float32), k, candidates=cands)]
            assert_same_results(got, ref.search(q, len(ref.vectors), ns), k)
        assert len(core) == len(ref.vectors)
        assert sorted(core.ids) == sorted(ref.vectors)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(METRICS),
    st.integers(min_value=50, max_value=400),
    st.integers(min_value=2, max_value=48),
    st.integers(min_value=1, max_value=20),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_core_search_equals_reference_on_random_gaussian_data(metric, n, dims, k, seed):
    rng = np.random.default_rng(seed)
    data = rng.standard_normal((n, dims)).astype(np.float32)
    data[rng.integers(0, n, size=n // 10)] = data[0]  # exact duplicates: ties by id
    core = IndexCore(dims, metric)
    ids = [f"id-{i:04d}" for i in range(n)]
    core.upsert(ids, data, [None] * n, [{} for _ in ids])
    ref = ReferenceIndex(metric)
    for vid, row in zip(ids, data.tolist()):
        ref.upsert(vid, row, None)
    q = data[0] if seed % 2 else rng.standard_normal(dims).astype(np.float32)
    got = [(vid, score) for _, vid, score in core.search(q, k)]
    assert_same_results(got, ref.search(q.tolist(), n, None), k)
    # Copies of one vector tie exactly, so they come smallest id first.
    copies = sorted(vid for vid, row in zip(ids, data) if np.array_equal(row, data[0]))
    got_copies = [vid for vid, _ in got if vid in set(copies)]
    assert got_copies == copies[: len(got_copies)]
    assert len({score for vid, score in got if vid in set(copies)}) <= 1


def test_filtered_gather_path_and_masked_scan_path_agree():
    rng = np.random.default_rng(7)
    n, dims = 2000, 16
    data = rng.standard_normal((n, dims)).astype(np.float32)
    core = IndexCore(dims, "cosine")
    ids = [f"{i}" for i in range(n)]
    core.upsert(ids, data, [None] * n, [{} for _ in ids])
    q = rng.standard_normal(dims).astype(np.float32)
    ref = ReferenceIndex("cosine")
    for vid, row in zip(ids, data.tolist()):
        ref.upsert(vid, row, None)
    for share in (0.05, 0.9):  # below and above the gather threshold
        keep = rng.random(n) < share
        rows = np.flatnonzero(keep)
        got = [(vid, score) for _, vid, score in core.search(q, 10, candidates=rows)]
        allowed = {ids[r] for r in rows}
        sub = ReferenceIndex("cosine")
        sub.vectors = {v: ref.vectors[v] for v in allowed}
        assert_same_results(got, sub.search(q.tolist(), len(sub.vectors), None), 10)


def test_capacity_grows_geometrically_and_deletes_keep_rows_dense():
    core = IndexCore(4, "euclidean")
    capacities = set()
    for i in range(200):
        core.upsert([f"{i}"], np.full((1, 4), i, dtype=np.float32), [None], [{}])
        capacities.add(core.capacity)
    assert len(capacities) < 15  # geometric growth: few reallocations, not one per append
    removed = core.delete([f"{i}" for i in range(0, 200, 2)] + ["missing"])
    assert len(removed) == 100 and len(core) == 100
    _, vid, score = core.search(np.full(4, 7, dtype=np.float32), 1)[0]
    assert (vid, score) == ("7", 0.0)
    row = core.row_of("199")
    assert row is not None and core.values_of([row]).tolist() == [[199.0] * 4]


def test_zero_vector_scores_zero_under_cosine():
    core = IndexCore(2, "cosine")
    core.upsert(["z", "x"], np.array([[0, 0], [1, 0]], dtype=np.float32), [None, None], [{}, {}])
    scores = {vid: score for _, vid, score in core.search(np.array([1, 0], dtype=np.float32), 2)}
    assert scores == {"x": 1.0, "z": 0.0}
    zero_q = {vid: score for _, vid, score in core.search(np.array([0, 0], dtype=np.float32), 2)}
    assert zero_q == {"x": 0.0, "z": 0.0}


def test_copies_of_one_vector_tie_exactly_and_come_smallest_id_first():
    rng = np.random.default_rng(31)
    for metric in METRICS:
        for dims in (5, 31, 384):
            for copies in (5, 6, 7, 37):  # BLAS kernels treat remainder rows differently
                base = rng.standard_normal(dims).astype(np.float32)
                others = 0.1 * rng.standard_normal((20, dims)).astype(np.float32)
                data = np.vstack([others, np.tile(base, (copies, 1))])
                ids = [f"{i:03d}" for i in range(len(data))][::-1]  # copies get the smallest ids
                core = IndexCore(dims, metric)
                core.upsert(ids, data, [None] * len(ids), [{} for _ in ids])
                hits = core.search(base, copies)
                assert [vid for _, vid, _ in hits] == sorted(ids[20:]), (metric, dims, copies)
                assert len({score for _, _, score in hits}) == 1
