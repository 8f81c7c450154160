"""Two processes writing at once cannot take an index past its vector limit: the limit is
checked inside the write transaction, after the other process's commit is applied.

A real v1 index (limit 200,000) is filled to 199,000 one-dimensional vectors; two
processes, each with the index loaded at 199,000, upsert 1,000 new vectors at the same
moment. Each write alone fits; both together would make 201,000. The test's own process,
which filled the index (and so holds it at 199,000), is one of the two: a second writer
process would load the same 199,000 rows and start one more interpreter for nothing.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np

import workers_env
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.definitions import IndexDefinition
from workers_env.vectorize.index import VectorBatch
from workers_env.vectorize.persistent import open_state

LIMIT = 200_000
FILLED = LIMIT - 1_000

WRITER = textwrap.dedent(
    """
    import asyncio, os, sys, time
    from workers_env.vectorize.binding import VectorizeBinding
    from workers_env.vectorize.persistent import open_state

    root, tag, go = sys.argv[1], sys.argv[2], sys.argv[3]
    store = open_state(root)
    binding = VectorizeBinding(store.open_index("idx"))
    assert len(binding.index.core) == {filled}
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.001)
    try:
        asyncio.run(binding.upsert([{{"id": f"{{tag}}-{{i}}", "values": [1.0]}} for i in range(1000)]))
        print("written", flush=True)
    except Exception as exc:
        print(f"refused {{type(exc).__name__}}: {{exc}}", flush=True)
    """
).format(filled=FILLED)


def test_two_processes_cannot_exceed_the_vector_limit_together(tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1])}
    with open_state(tmp_path) as store:
        index = store.open_index("idx", IndexDefinition(1, "euclidean", "v1"))
        assert index.limits.max_vectors == LIMIT
        index.write(VectorBatch(ids=[f"v{i}" for i in range(FILLED)], values=np.ones((FILLED, 1), np.float32),
                                namespaces=[None] * FILLED, metadata=[{} for _ in range(FILLED)]))
        binding = VectorizeBinding(index)
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), "b", str(go)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr
            go.touch()  # both go: the other process as it sees the file, this one now
            try:
                asyncio.run(binding.upsert([{"id": f"a-{i}", "values": [1.0]} for i in range(1000)]))
                here = "written"
            except Exception as exc:
                here = f"refused {type(exc).__name__}: {exc}"
            outcomes = sorted([here, proc.communicate(timeout=120)[0].strip()])
        finally:
            if proc.poll() is None:
                proc.kill()
    assert outcomes[1] == "written", outcomes
    assert outcomes[0].startswith("refused VectorizeError") and "max vectors per index is 200000" in outcomes[0]
    assert "would make 201000" in outcomes[0]
    with open_state(tmp_path) as store:
        assert store.count_vectors("idx") == LIMIT
        assert len(store.open_index("idx").core) == LIMIT
