"""A query equal to a stored vector scores exactly 1 under cosine and 0 under euclidean,
and zero vectors keep scoring 0 as rows are replaced and deleted around them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest
from binding_helpers import make_binding_in as binding

from workers_env.vectorize import core


@pytest.fixture(autouse=True, params=["vecdot", "einsum"])
def row_kernel(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """numpy 2's vecdot, and the einsum that numpy < 2 gets instead."""
    if request.param == "einsum":
        monkeypatch.setattr(core, "_VECDOT", None)


@pytest.mark.parametrize("dims", [3, 16, 384])
@pytest.mark.parametrize("metric,expected", [("cosine", 1), ("euclidean", 0)])
def test_a_stored_vector_is_its_own_exact_best_match(tmp_path: Path, dims: int, metric: str, expected: int) -> None:
    idx = binding(tmp_path, dimensions=dims, metric=metric, version="v2")
    rows = np.random.default_rng(dims).standard_normal((40, dims)).astype(np.float32).tolist()
    asyncio.run(idx.upsert([{"id": f"v{i}", "values": r} for i, r in enumerate(rows)]))
    for i, row in enumerate(rows):
        by_values = asyncio.run(idx.query(row, topK=1))["matches"][0]
        by_id = asyncio.run(idx.queryById(f"v{i}", topK=1))["matches"][0]
        assert (by_values["id"], by_values["score"]) == (f"v{i}", expected)
        assert (by_id["id"], by_id["score"]) == (f"v{i}", expected)


def test_zero_vectors_score_zero_while_rows_change_around_them(tmp_path: Path) -> None:
    idx = binding(tmp_path, dimensions=2, metric="cosine", version="v2")
    asyncio.run(idx.upsert([{"id": "z", "values": [0.0, 0.0]}, {"id": "x", "values": [1.0, 0.0]}]))
    asyncio.run(idx.upsert([{"id": "z", "values": [0.0, 1.0]}]))  # no zero vector left
    asyncio.run(idx.upsert([{"id": "y", "values": [0.0, 0.0]}]))  # a new one
    scores = {m["id"]: m["score"] for m in asyncio.run(idx.query([1.0, 0.0], topK=3))["matches"]}
    assert scores == {"x": 1, "z": 0, "y": 0}
    asyncio.run(idx.deleteByIds(["y"]))
    scores = {m["id"]: m["score"] for m in asyncio.run(idx.query([1.0, 1.0], topK=3))["matches"]}
    assert set(scores) == {"x", "z"} and abs(scores["x"] - 0.5**0.5) < 1e-12
    zero_query = asyncio.run(idx.query([0.0, 0.0], topK=3))["matches"]
    assert [m["score"] for m in zero_query] == [0, 0]
