"""A Worker that sets Python's root logger to DEBUG at its top (``logging.basicConfig(level=
logging.DEBUG)``, as Hugo-C/threatfox-daily-c2 does) gets its own log lines from `workers-env dev`,
not asyncio's ``DEBUG:asyncio:Using selector: EpollSelector``: that line is the host's event loop
starting after the Worker loaded. Pyodide's event loop is its WebLoop, made before the Worker's code
runs, and has no selector, so production never writes it."""

from __future__ import annotations

from dev_reload_helpers import dev_streams, python_project

ENTRY = """\
import logging

from workers import Response, WorkerEntrypoint

logging.basicConfig(level=logging.DEBUG)
logger = logging.getLogger("worker")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        logger.debug("handled %s", request.method)
        return Response("ok")
"""


def test_dev_prints_the_workers_debug_lines_and_not_the_host_loops(tmp_path):
    out, err = dev_streams(python_project(tmp_path / "w", ENTRY), [], [])
    assert "DEBUG:worker:handled GET" in err  # the Worker's own line (its stderr: a console.error block)
    assert "Using selector" not in out + err, out + err
