"""One env shared by many threads: every operation succeeds, reads see whole writes, and
``describe()`` stays consistent -- in memory and persisted.

Each vector's values encode its id (``values[0]`` is its number), so a torn read (an id
paired with another row's values or metadata) is visible. The thread switch interval is
made tiny so that, without the index's lock, threads interleave inside every operation.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

import pytest
from binding_helpers import WRANGLER_TOML
from worker_helpers import run_at_once

from workers_env import load_env

THREADS = 8
OPS = 400
POOL = 60
DIMS = 4


def _vector(j: int, tag: int) -> dict[str, Any]:
    return {"id": f"v{j}", "values": [float(j + 1), float(tag), 1.0, 0.5], "metadata": {"j": j, "tag": tag}}


def _check_match(match: Any, problems: list[str]) -> None:
    j = int(match["id"][1:])
    values = match.get("values")
    if values is not None and values[0] != j + 1:
        problems.append(f"{match['id']} came back with the values of v{int(values[0]) - 1}")
    metadata = match.get("metadata")
    if metadata is not None and metadata.get("j") != j:
        problems.append(f"{match['id']} came back with the metadata of v{metadata.get('j')}")


def _worker(binding: Any, seed: int, problems: list[str]) -> None:
    rng = random.Random(seed)

    async def run() -> None:
        for _ in range(OPS):
            op = rng.randrange(7)
            picks = rng.sample(range(POOL), rng.randint(1, 6))
            try:
                if op == 0:
                    await binding.upsert([_vector(j, seed) for j in picks])
                elif op == 1:
                    await binding.insert([_vector(j, seed) for j in picks])
                elif op == 2:
                    await binding.deleteByIds([f"v{j}" for j in picks])
                elif op == 3:
                    for match in await binding.getByIds([f"v{j}" for j in picks]):
                        _check_match(match, problems)
                elif op == 4:
                    res = await binding.query([1.0, 0.5, 1.0, 0.5], topK=5, returnValues=True, returnMetadata="all")
                    if res["count"] != len(res["matches"]):
                        problems.append(f"count {res['count']} with {len(res['matches'])} matches")
                    for match in res["matches"]:
                        _check_match(match, problems)
                elif op == 5:
                    res = await binding.queryById(f"v{picks[0]}", topK=3, returnMetadata="all")
                    for match in res["matches"]:
                        _check_match(match, problems)
                else:
                    count = (await binding.describe())["vectorCount"]
                    if not 0 <= count <= POOL:
                        problems.append(f"describe() counted {count} vectors")
            except Exception as exc:  # noqa: BLE001 - every operation here is valid
                problems.append(f"op {op}: {type(exc).__name__}: {exc}")

    asyncio.run(run())


def _get_all(binding: Any) -> list[Any]:
    """Every stored vector of the pool, 20 ids per call (getByIds' limit)."""
    ids = [f"v{j}" for j in range(POOL)]
    return [m for s in range(0, POOL, 20) for m in asyncio.run(binding.getByIds(ids[s : s + 20]))]


def _hammer(binding: Any) -> list[str]:
    problems: list[str] = []
    run_at_once(THREADS, lambda seed: _worker(binding, seed, problems))
    # afterwards: describe() agrees with what getByIds finds, and every stored vector is whole
    stored = _get_all(binding)
    for match in stored:
        _check_match(match, problems)
    count = asyncio.run(binding.describe())["vectorCount"]
    if count != len(stored):
        problems.append(f"describe() says {count} vectors, getByIds finds {len(stored)}")
    return problems


@pytest.mark.parametrize("persisted", [False, True], ids=["in-memory", "persisted"])
def test_threads_sharing_one_env_see_consistent_state(tmp_path: Path, persisted: bool) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    definition = {"idx": {"dimensions": DIMS, "metric": "euclidean", "version": "v2"}}
    with load_env(tmp_path, indexes=definition, persist_to=tmp_path / "state" if persisted else None) as env:
        problems = _hammer(env.IDX)
        assert problems[:10] == [] and len(problems) == 0
        if persisted:  # a fresh process-level view of the file agrees with the live index
            with load_env(tmp_path, indexes=definition, persist_to=tmp_path / "state") as again:
                fresh, live = _get_all(again.IDX), _get_all(env.IDX)
                assert sorted((m["id"], m["values"]) for m in fresh) == sorted((m["id"], m["values"]) for m in live)
