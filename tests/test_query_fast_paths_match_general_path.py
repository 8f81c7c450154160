"""A query's fast paths give what the step-by-step path gives, result or error.

A 1-D float32/float64 ndarray query is converted in one numpy step (``query_array``), and
an options dict of plain values skips Pyodide's conversion and the JSON round trip
(``requests``). An ndarray subclass and a dict subclass take the general path through the
same public call (Pyodide converts them alike), so each case is checked against it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from binding_helpers import make_binding_in

F32_MAX = float(np.finfo(np.float32).max)
pytestmark = pytest.mark.asyncio


class SlowArray(np.ndarray):
    """Converted exactly as an ndarray, but not ``type(x) is np.ndarray``: the general path."""


class SlowDict(dict):
    """Converted exactly as a dict, but not a plain ``dict``: the general path."""


async def run(coro: Any) -> Any:
    try:
        return ("ok", await coro)
    except Exception as exc:  # noqa: BLE001 - the error itself is what is compared
        return ("error", type(exc).__name__, str(exc))


def arrays() -> list[Any]:
    rng = np.random.default_rng(5)
    f32 = rng.standard_normal(4).astype(np.float32)
    return [
        f32,
        f32.astype(np.float64),
        rng.standard_normal(4),  # float64 values that round to float32
        np.array([0.0, -0.0, 1.0, 2.0], dtype=np.float32),
        np.zeros(4, dtype=np.float32),
        np.array([1e39, 1.0, 0.0, 0.0]),  # beyond float32
        np.array([F32_MAX, 1.0, 0.0, 0.0], dtype=np.float32),
        np.array([-F32_MAX, 1.0, 0.0, 0.0]),
        np.array([3.4028235e38, 1.0, 0.0, 0.0]),  # rounds to float32's max
        np.array([np.nan, 1.0, 0.0, 0.0], dtype=np.float32),
        np.array([np.inf, 1.0, 0.0, 0.0]),
        np.array([1e-45, 1e-300, 1.0, 0.0]),  # subnormal in float32, and to zero
        np.array([1e30, 1e30, 1e30, 1e30], dtype=np.float32),
        f32[:3],  # wrong dimensions
        np.concatenate([f32, f32]),
        np.array([], dtype=np.float32),
        f32.reshape(1, 4),
        np.arange(4, dtype=np.int32),
        np.arange(4, dtype=np.int64),
        f32.astype(np.float16),
        np.array([True, False, True, True]),
        np.concatenate([f32, f32])[::2],  # not contiguous
        f32.astype(">f4"),
        np.float32(1.0),
    ]


OPTIONS: list[dict[str, Any]] = [
    {},
    {"topK": 3},
    {"topK": 3.0, "returnValues": True},
    {"topK": 2, "returnMetadata": "all"},
    {"topK": 2, "returnMetadata": True},
    {"topK": 2, "returnMetadata": "indexed", "namespace": "a"},
    {"topK": 2, "returnMetadata": "nope"},
    {"topK": 0},
    {"topK": 2.5},
    {"topK": float("nan")},
    {"topK": 2**60},
    {"topK": True},
    {"returnValues": 1},
    {"returnValues": None, "namespace": None},
    {"namespace": "b", "extra": "ignored"},
    {"topK": 2, "filter": {"kind": "x"}},
]


def indexed(version: str) -> dict[str, Any]:
    return {"metadata_indexes": {"kind": "string"}} if version == "v2" else {}


async def fill(binding: Any) -> None:
    rng = np.random.default_rng(9)
    await binding.upsert([
        {"id": f"v{i}", "values": rng.standard_normal(4).tolist(), "namespace": "ab"[i % 2],
         "metadata": {"kind": "xy"[i % 3 == 0]}}
        for i in range(12)
    ] + [{"id": "zero", "values": [0.0, 0.0, 0.0, 0.0]}, {"id": "twin", "values": [1.0, 2.0, 3.0, 4.0]},
         {"id": "twin2", "values": [1.0, 2.0, 3.0, 4.0]}])


@pytest.mark.parametrize("version", ["v1", "v2"])
@pytest.mark.parametrize("metric", ["cosine", "euclidean", "dot-product"])
async def test_ndarray_queries_match_the_general_path(tmp_path: Path, version: str, metric: str) -> None:
    binding = make_binding_in(tmp_path, dimensions=4, metric=metric, version=version, **indexed(version))
    await fill(binding)
    compared = 0
    for arr in arrays():
        slow = arr.view(SlowArray) if isinstance(arr, np.ndarray) else arr
        for opts in OPTIONS:
            fast_out = await run(binding.query(arr, **opts))
            slow_out = await run(binding.query(slow, **opts))
            assert fast_out == slow_out, (arr, arr.dtype if isinstance(arr, np.ndarray) else None, opts)
            # positional options object too, and the array left as the caller passed it
            before = arr.copy()
            assert await run(binding.query(arr, opts)) == await run(binding.query(slow, SlowDict(opts)))
            assert np.array_equal(arr, before, equal_nan=True)
            compared += 1
    assert compared == len(arrays()) * len(OPTIONS)


async def test_ndarray_query_finds_what_the_list_query_finds(tmp_path: Path) -> None:
    """The fast path really runs the search: the same matches as the plain list query."""
    binding = make_binding_in(tmp_path, dimensions=4, metric="cosine")
    await fill(binding)
    q = np.array([1.0, 2.0, 3.0, 4.0], dtype=np.float32)
    out = await binding.query(q, topK=3)
    assert out == await binding.query(q.tolist(), topK=3)
    assert [m["id"] for m in out["matches"][:2]] == ["twin", "twin2"]
    assert out["matches"][0]["score"] == 1


@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_plain_options_match_the_general_path(tmp_path: Path, version: str) -> None:
    binding = make_binding_in(tmp_path, dimensions=4, metric="euclidean", version=version, **indexed(version))
    await fill(binding)
    q = [0.5, -1.0, 0.25, 2.0]
    for opts in OPTIONS:
        assert await run(binding.query(q, opts)) == await run(binding.query(q, SlowDict(opts))), opts
        assert await run(binding.query(q, **opts)) == await run(binding.query(q, SlowDict(opts))), opts
    if version == "v2":
        for opts in OPTIONS:
            assert await run(binding.queryById("v3", opts)) == await run(binding.queryById("v3", SlowDict(opts)))


class SubFloat(float):
    """A float subclass: Pyodide sends it as a number, the list fast path leaves it to the general one."""


def list_vectors() -> list[Any]:
    rng = np.random.default_rng(6)
    floats = rng.standard_normal(4).tolist()
    return [
        floats,
        [0.5, -1.0, 0.25, 2.0],
        [1, 2, 3, 4],  # ints are JS numbers too
        [1, 2.5, -3, 0.0],
        [True, 0.5, 0.5, 0.5],
        [np.float64(0.5), 0.5, 0.5, 0.5],  # a numpy scalar is a one-item typed array in Pyodide
        [np.float32(0.5), 0.5, 0.5, 0.5],
        [SubFloat(0.5), 0.5, 0.5, 0.5],
        ["0.5", 0.5, 0.5, 0.5],
        [None, 0.5, 0.5, 0.5],
        [float("nan"), 0.5, 0.5, 0.5],
        [float("inf"), 0.5, 0.5, 0.5],
        [1e39, 0.5, 0.5, 0.5],  # beyond float32
        [F32_MAX, 0.5, 0.5, 0.5],
        [2.0**60, 0.5, 0.5, 0.5],
        [2**60, 0.5, 0.5, 0.5],  # a BigInt in Pyodide
        [1e-45, 1e-300, 0.0, -0.0],
        [0.0, 0.0, 0.0, 0.0],
        [1.0, 2.0, 3.0, 4.0],  # equal to two stored rows: they tie exactly
        floats[:3],
        floats + floats,
        [],
        [floats],
        [[0.5], 0.5, 0.5, 0.5],
    ]


TOP_KS: list[Any] = [None, 1, 3, 20, 21, 50, 100, 101, 0, -1, True, 3.0, 2.5, "3", 2**60]


@pytest.mark.parametrize("version", ["v1", "v2"])
@pytest.mark.parametrize("metric", ["cosine", "euclidean", "dot-product"])
async def test_list_queries_with_a_plain_top_k_match_the_general_path(tmp_path: Path, version: str, metric: str) -> None:
    """``query(list, topK=k)`` and ``query(list, {"topK": k})`` take the list fast path when
    the items are exact floats and ``k`` a valid int; whatever they get -- matches or the
    error -- must be what the step-by-step path (a dict subclass of options) gets."""
    binding = make_binding_in(tmp_path, dimensions=4, metric=metric, version=version, **indexed(version))
    await fill(binding)
    compared = 0
    for vec in list_vectors():
        for k in TOP_KS:
            opts = {} if k is None else {"topK": k}
            slow = await run(binding.query(list(vec), SlowDict(opts)))
            assert await run(binding.query(list(vec), **opts)) == slow, (vec, k)
            assert await run(binding.query(list(vec), dict(opts))) == slow, (vec, k)
            compared += 1
    assert compared == len(list_vectors()) * len(TOP_KS)
    # and the fast path really searched: the twins first, tied at the top
    out = await binding.query([1.0, 2.0, 3.0, 4.0], topK=2)
    if metric != "dot-product":
        assert [m["id"] for m in out["matches"]] == ["twin", "twin2"]
    assert out["matches"][0]["score"] == out["matches"][1]["score"]
