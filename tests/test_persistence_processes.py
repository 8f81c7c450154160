"""Real processes on one state file: a writer killed mid-write, concurrent writers, a live
index seeing another process's commits."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import forkserver
import workers_env
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.definitions import IndexDefinition
from workers_env.vectorize.persistent import open_state

SUBPROCESS_ENV = {
    **os.environ,
    "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1]),
    "PYTHONUNBUFFERED": "1",
}
BATCH = 40
DIMS = 8

WRITER = textwrap.dedent(
    """
    import asyncio, json, sys
    from workers_env.vectorize.binding import VectorizeBinding
    from workers_env.vectorize.definitions import IndexDefinition
    from workers_env.vectorize.persistent import open_state

    root, tag, batches = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_state(root)
    binding = VectorizeBinding(store.open_index("idx", IndexDefinition({dims}, "cosine", "v2")))
    for k in range(batches):
        ids = [f"{{tag}}-{{k}}-{{i}}" for i in range({batch})]
        vectors = [{{"id": v, "values": [float(k), float(i)] + [0.5] * ({dims} - 2),
                    "metadata": {{"batch": k, "pad": "x" * 200}}}} for i, v in enumerate(ids)]
        asyncio.run(binding.upsert(vectors))
        print(json.dumps(ids), flush=True)  # only after the commit returned
    """
).format(dims=DIMS, batch=BATCH)


def _writer(root: Path, tag: str, batches: int) -> subprocess.Popen[str] | forkserver.Forked:
    """A process running :data:`WRITER` (``python -m`` of it, forked from the tests' fork server)."""
    folder = forkserver.module_folder(root.parent / f"{root.name}-writer", "state_writer", WRITER)
    return forkserver.popen(
        [sys.executable, "-m", "state_writer", str(root), tag, str(batches)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=SUBPROCESS_ENV, cwd=folder,
    )


def _run_and_kill(root: Path, tag: str, acks: int, delay: float) -> list[list[str]]:
    """Start a writer, wait for ``acks`` acknowledged batches, then SIGKILL it mid-stream."""
    proc = _writer(root, tag, 1_000_000)
    acknowledged: list[list[str]] = []
    deadline = time.monotonic() + 60
    try:
        assert proc.stdout is not None
        while len(acknowledged) < acks:
            line = proc.stdout.readline()
            if not line:
                pytest.fail(f"writer ended early: {proc.stderr.read() if proc.stderr else ''}")
            acknowledged.append(json.loads(line))
            assert time.monotonic() < deadline, "writer too slow"
        time.sleep(delay)  # land somewhere inside a later write
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        with proc:  # its pipes closed
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return acknowledged


def test_writer_killed_mid_write_loses_no_acknowledged_batch(tmp_path: Path) -> None:
    acknowledged: list[list[str]] = []
    for round_, delay in enumerate((0.0, 0.004, 0.013, 0.029)):
        acknowledged += _run_and_kill(tmp_path, f"r{round_}", 12, delay)
        with sqlite3.connect(tmp_path / "v3" / "vectorize" / "workers-env-vectorize.sqlite") as check:
            assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        check.close()
        with open_state(tmp_path) as store:
            index = store.open_index("idx")
            present = set(index.core.ids)
            for ids in acknowledged:
                assert present.issuperset(ids)
            batches: dict[str, int] = {}
            for vid in present:
                key = vid.rsplit("-", 1)[0]
                batches[key] = batches.get(key, 0) + 1
            assert all(count == BATCH for count in batches.values()), "a batch is half-present"
            assert len(batches) >= len(acknowledged)
            assert index.seq == len(batches)
            last = acknowledged[-1][-1]
            got = asyncio.run(VectorizeBinding(index).getByIds([last]))
            assert got[0]["metadata"]["batch"] == int(last.split("-")[1])


def test_concurrent_writer_processes_all_commit(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        store.open_index("idx", IndexDefinition(DIMS, "cosine", "v2"))
    procs = [_writer(tmp_path, tag, 15) for tag in ("p", "q")]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert len(out.splitlines()) == 15
    with open_state(tmp_path) as store:
        index = store.open_index("idx")
        assert len(index.core) == 2 * 15 * BATCH
        assert index.seq == 30


def test_a_live_index_and_a_cli_process_see_each_others_writes(tmp_path: Path) -> None:
    nd = tmp_path / "vectors.ndjson"
    nd.write_text("".join(json.dumps({"id": f"cli-{i}", "values": [i, 1, 0]}) + "\n" for i in range(5)))
    with open_state(tmp_path / "state") as store:
        live = VectorizeBinding(store.open_index("docs", IndexDefinition(3, "euclidean", "v2")))
        asyncio.run(live.upsert([{"id": "live", "values": [0, 0, 1]}]))

        cli = [sys.executable, "-m", "workers_env", "vectorize"]
        state = ["--persist-to", str(tmp_path / "state")]
        done = forkserver.run(cli + ["insert", "docs", "--file", str(nd), *state],
                              capture_output=True, text=True, env=SUBPROCESS_ENV, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "✅ Successfully enqueued 5 vectors into index 'docs' for insertion." in done.stdout

        result = asyncio.run(live.query([4, 1, 0], topK=2))
        assert [m["id"] for m in result["matches"]] == ["cli-4", "cli-3"]
        assert asyncio.run(live.describe())["vectorCount"] == 6

        asyncio.run(live.deleteByIds(["cli-0"]))
        shown = forkserver.run(cli + ["get-vectors", "docs", "--ids", "live", "cli-0", *state],
                               capture_output=True, text=True, env=SUBPROCESS_ENV, timeout=60)
        assert shown.returncode == 0, shown.stderr
        body = json.loads(shown.stdout.split("\n", 1)[1])
        assert [v["id"] for v in body] == ["live"]
