"""SIGTERM and Ctrl+C stop ``workers-env dev`` after it closes the Worker's env, so its persisted
state is left closed: a Vectorize index big enough to matter gets its snapshot (what
``VectorizeStore.close`` writes), SQLite's write-ahead log is folded into the state file.
The exit status is wrangler 4.164.0's (measured: ``kill -TERM`` gives 143, Ctrl+C 130, its
launcher's ``128 + signal``), and neither prints anything more, as wrangler prints nothing (Ctrl+C printed the CLI's
``Interrupted.`` before).
uvicorn raises the signal again once its server has shut down, and SIGTERM's default action
then ended the process before the env was closed: no snapshot, the log left beside the file."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer, python_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

DIMS = 1536
COUNT = 1400  # 1400 * 1536 * 4 bytes: over the 8 MiB from which an index gets a snapshot
ENTRY = f"""from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for start in range(0, {COUNT}, 700):
            await self.env.VEC.upsert([{{"id": str(i), "values": [float(i % 7) + j / {DIMS} for j in range({DIMS})]}}
                                       for i in range(start, start + 700)])
        await self.env.KV.put("key", "value")
        return Response("filled")
"""
CONFIG = ('[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
          '[[kv_namespaces]]\nbinding = "KV"\nid = "kv-id"\n')
PYPROJECT = f'[tool.workers-env.indexes.idx]\ndimensions = {DIMS}\nmetric = "cosine"\nversion = "v2"\n'


def _stop(dev: DevServer, sig: int) -> tuple[int, list[str]]:
    """Send ``sig``; the exit status and the lines printed after it."""
    mark = len(dev.lines)
    dev.proc.send_signal(sig)
    code = dev.proc.wait(20)
    dev._reader.join(20)
    return code, dev.lines[mark:]


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_a_signal_closes_the_persisted_state_and_exits_with_wranglers_status(tmp_path: Path, sig: int,
                                                                                status: int) -> None:
    project = python_project(tmp_path / "app", ENTRY, config_extra=CONFIG, files={"pyproject.toml": PYPROJECT})
    state = project / ".wrangler" / "state" / "v3"
    with DevServer(project) as dev:
        assert dev.get() == (200, "filled")
        dev.wait_for("GET / 200 OK")  # the request's line, printed before its answer, read before the mark
        assert not list(state.glob("vectorize/snapshots/*.wevs"))  # written when the state is closed
        assert list(state.glob("**/*-wal"))  # SQLite's log, folded in and removed when it is closed
        code, said = _stop(dev, sig)
    assert code == status
    assert said == [], said  # wrangler prints nothing either way (measured)
    assert len(list(state.glob("vectorize/snapshots/*.wevs"))) == 1
    assert not [log for log in state.glob("**/*-wal") if log.stat().st_size], list(state.glob("**/*-wal"))
