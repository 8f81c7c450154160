"""``workers-env dev -c A -c B``: once a callee's config is edited, its replaced Worker's env is
closed as soon as no call of it is alive -- counted by the Worker itself (``requests_alive``, one
up per request or call it answers, one down as it ends), as a session callee serves no request of
the server's. Seen from the dev process's open files: each env's D1 connection holds the database's
WAL file open, and closing the replaced env closes its descriptor, the new env's staying (Linux's
``/proc/PID/fd``). Were the count never to go down, the replaced env would stay open until dev
exits (measured: its descriptor stays)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer

SEARCH = '''from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def hit(self):
        await self.env.DB.exec("CREATE TABLE IF NOT EXISTS hits (n)")
        await self.env.DB.prepare("INSERT INTO hits VALUES (1)").run()
        return "hit"
'''
GATEWAY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(await self.env.S.hit())
'''
SEARCH_CONFIG = ('name = "search"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                 'compatibility_flags = ["python_workers"]\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\n'
                 'database_id = "dd"\n')
GATEWAY_CONFIG = ('name = "gateway"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                  'compatibility_flags = ["python_workers"]\nservices = [{ binding = "S", service = "search" }]\n')


def _open_wal_files(pid: int, *, down_to: int) -> int:
    """How many descriptors the process ``pid`` holds on SQLite WAL files: once ``down_to`` or
    fewer (dev closes a replaced env at its next look for changes, 50 ms here), or after 10 s."""
    deadline = time.monotonic() + 10
    while True:
        held = 0
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                held += os.readlink(f"/proc/{pid}/fd/{fd}").endswith(".sqlite-wal")
            except OSError:  # closed meanwhile
                pass
        if held <= down_to or time.monotonic() > deadline:
            return held
        time.sleep(0.05)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads the open files from Linux's /proc")
def test_the_replaced_callees_env_closes_once_its_calls_are_over(tmp_path: Path) -> None:
    for name, code, config in (("gateway", GATEWAY, GATEWAY_CONFIG), ("search", SEARCH, SEARCH_CONFIG)):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(code)
        (tmp_path / name / "wrangler.toml").write_text(config)
    with DevServer(Path("gateway/wrangler.toml"), "-c", "gateway/wrangler.toml", "-c", "search/wrangler.toml",
                   cwd=tmp_path) as server:
        assert server.get("/") == (200, "hit")
        assert _open_wal_files(server.proc.pid, down_to=1) == 1  # the callee's connection
        mark = server.edit(tmp_path / "search" / "wrangler.toml", SEARCH_CONFIG + '[vars]\nA = "new"\n')
        server.wait_for("Local server updated and ready", after=mark)
        assert server.get("/") == (200, "hit")  # the new callee's connection: two envs' for a moment
        assert _open_wal_files(server.proc.pid, down_to=1) == 1  # the replaced env's closed, dev still serving
        assert "closing the bindings" not in server.output
