"""Every query path of a v1 index in the original format (a Worker dated before 2023-11-08)
answers what a slow reference answers, numbers' types included.

The binding's fast paths -- the plain query of a list or a float32 array with at most an int
``topK``, a float ndarray converted in one step, plain options skipping the JSON round trip --
are held to the general path (an ndarray subclass and a dict subclass take it, as Pyodide
converts them alike), and the original format itself to today's answer for the same index and
query (two envs over one persisted index, one dated 2023-11-08): a match ``{id, score}`` is
``{vectorId, score}`` then, and with ``returnVectors`` the ``returnValues`` +
``returnMetadata: true`` match nests as ``vector: {id, values, [namespace], metadata}``.
Scores follow today's rules: a whole number arrives as ``int`` (``1``, ``0``, ``-1``), any
other as ``float``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workers_env import load_env

TOML = ('name = "w"\ncompatibility_date = "{date}"\n'
        '[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n')


class SlowArray(np.ndarray):
    """Converted exactly as an ndarray, but not ``type(x) is np.ndarray``: the general path."""


class SlowDict(dict):
    """Converted exactly as a dict, but not a plain ``dict``: the general path."""


def binding(folder: Path, date: str, metric: str) -> Any:
    """``env.unwrapped("IDX")`` of a config dated ``date`` over the index persisted in ``folder``."""
    sub = folder / date
    sub.mkdir(exist_ok=True)
    (sub / "wrangler.toml").write_text(TOML.format(date=date))
    env = load_env(sub / "wrangler.toml", indexes={"idx": {"dimensions": 4, "metric": metric}},
                   persist_to=folder / "state")
    return env.unwrapped("IDX")


def typed(value: Any) -> Any:
    """``value`` with each number's type beside it: ``1`` and ``1.0`` differ."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


@pytest.fixture
def run() -> Iterator[Any]:
    """One event loop for a test's hundreds of queries (an ``asyncio.run`` each made and closed a
    loop per query: 60% of the test's time), each query still run to its end alone: the loop's
    ``run_until_complete``, not ``Runner.run``, which swaps the SIGINT handler in and out for each
    call (on Python 3.11 ``signal.signal`` looking the handler it returns up as an enum member and
    formatting the task's repr for the miss: a quarter of the test's time)."""
    with asyncio.Runner() as runner:
        yield runner.get_loop().run_until_complete


def outcome(run: Any, coro: Any) -> Any:
    try:
        return ("ok", typed(run(coro)))
    except Exception as exc:  # noqa: BLE001 - the error itself is what is compared
        return ("error", type(exc).__name__, str(exc))


def as_original(today: Any, with_vectors: bool) -> Any:
    """Today's answer (``returnValues`` + ``returnMetadata: true`` when ``with_vectors``) in
    the original format; an error stays the error."""
    if today[0] != "ok":
        return today
    matches = []
    for m in today[1]["matches"]:
        match = {"vectorId": m["id"], "score": m["score"]}
        if with_vectors:
            vector = {"id": m["id"], "values": m["values"]}
            if "namespace" in m:
                vector["namespace"] = m["namespace"]
            vector["metadata"] = m["metadata"]
            match["vector"] = vector
        matches.append(match)
    return ("ok", {"count": today[1]["count"], "matches": matches})


def fill(run: Any, idx: Any, namespaces: bool) -> None:
    rng = np.random.default_rng(8)
    run(idx.upsert([
        {"id": f"v{i:02d}", "values": rng.standard_normal(4).tolist(),
         **({"namespace": "ab"[i % 2]} if namespaces and i % 3 else {}),
         **({"metadata": {"kind": "xy"[i % 3 == 0], "i": i}} if i % 4 else {})}
        for i in range(30)
    ] + [{"id": "zero", "values": [0.0, 0.0, 0.0, 0.0]}, {"id": "x", "values": [1.0, 0.0, 0.0, 0.0]},
         {"id": "twin", "values": [1.0, 2.0, 3.0, 4.0]}, {"id": "twin2", "values": [1.0, 2.0, 3.0, 4.0]}]))


def queries() -> list[Any]:
    rng = np.random.default_rng(4)
    f32 = rng.standard_normal(4).astype(np.float32)
    return [
        [1.0, 2.0, 3.0, 4.0],  # ties two rows exactly
        [1, 0, 0, 0],  # whole-number scores
        [-1.0, 0.0, 0.0, 0.0],  # -1 under cosine
        rng.standard_normal(4).tolist(),
        [0.0, 0.0, 0.0, 0.0],
        f32,
        f32.astype(np.float64),
        np.array([1, 0, 0, 0], dtype=np.float32),
        f32[:3],  # wrong dimensions
        [1.0, 2.0, 3.0],
    ]


OPTIONS: list[dict[str, Any]] = [
    {}, {"topK": 1}, {"topK": 3}, {"topK": 3.0}, {"topK": 20}, {"topK": 21}, {"topK": 0}, {"topK": 2.5},
    {"namespace": "a"}, {"namespace": "a", "topK": 5}, {"namespace": "none-such"},
    {"filter": {"kind": "x"}, "topK": 7}, {"filter": {"kind": {"$ne": "x"}}, "namespace": "b", "topK": 4.0},
]


@pytest.mark.parametrize("metric", ["cosine", "euclidean", "dot-product"])
@pytest.mark.parametrize("namespaces", [True, False], ids=["namespaces", "no-namespaces"])
def test_the_original_format_is_todays_answer_renamed(tmp_path, run, metric, namespaces):
    today = binding(tmp_path, "2023-11-08", metric)
    fill(run, today, namespaces)
    original = binding(tmp_path, "2023-11-07", metric)  # the same persisted index, the old era
    compared = 0
    for q in queries():
        for opts in OPTIONS:
            for with_vectors in (False, True):
                asked = {**opts, "returnVectors": True} if with_vectors else opts
                want = as_original(
                    outcome(run, today.query(q, {**opts, "returnValues": True, "returnMetadata": True} if with_vectors else opts)),
                    with_vectors)
                assert outcome(run, original.query(q, **asked)) == want, (q, asked)
                compared += 1
    assert compared == len(queries()) * len(OPTIONS) * 2


@pytest.mark.parametrize("metric", ["cosine", "euclidean", "dot-product"])
def test_the_fast_paths_answer_as_the_general_path(tmp_path, run, metric):
    idx = binding(tmp_path, "2023-11-07", metric)
    fill(run, idx, namespaces=False)  # an index without namespaces: the plain query's inlined path
    more = [{"returnVectors": True}, {"topK": 2, "returnVectors": True}, {"returnVectors": None},
            {"returnVectors": 1}, {"topK": 3, "returnValues": True, "returnMetadata": True}]
    for q in queries():
        slow = q.view(SlowArray) if isinstance(q, np.ndarray) else list(q)
        for opts in OPTIONS + more:
            want = outcome(run, idx.query(slow, SlowDict(opts)))
            assert outcome(run, idx.query(q, **opts)) == want, (q, opts)
            assert outcome(run, idx.query(q, dict(opts))) == want, (q, opts)


def test_scores_arrive_as_int_when_whole_in_every_path(tmp_path, run):
    idx = binding(tmp_path, "2023-11-07", "cosine")
    run(idx.upsert([{"id": "x", "values": [1, 0, 0, 0]}, {"id": "y", "values": [0, 1, 0, 0]},
                            {"id": "n", "values": [-1, 0, 0, 0]}, {"id": "d", "values": [1, 1, 0, 0]}]))
    for q in ([1.0, 0.0, 0.0, 0.0], np.array([1, 0, 0, 0], dtype=np.float32)):
        for opts in ({"topK": 4}, {"topK": 4.0}, {"topK": 4, "returnVectors": True}):
            got = run(idx.query(q, **opts))
            scores = [(m["vectorId"], m["score"]) for m in got["matches"]]
            assert scores == [("x", 1), ("d", pytest.approx(0.5 ** 0.5)), ("y", 0), ("n", -1)], opts
            assert [type(s) for _, s in scores] == [int, float, int, int], opts
