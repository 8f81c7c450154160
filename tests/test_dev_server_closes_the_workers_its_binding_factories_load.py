"""``workers-env dev`` closes the env of a Worker a ``[tool.workers-env.bindings]`` factory loaded
(another Worker behind a service binding, its local state persisted) with the env it was made
for: the retired one's after a reload, the last at exit, as it closes its own bindings' state.
Seen from the callee's D1 file: SQLite removes a WAL file when its last connection closes. Before,
nothing closed them: a reload left the replaced callee's database open (its ``-wal`` beside it)
until the garbage collector came by."""

from __future__ import annotations

import time
from pathlib import Path

from dev_reload_helpers import READY, DevServer, python_project

SEARCH = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
          "    async def fetch(self, request):\n"
          "        await self.env.DB.exec('CREATE TABLE IF NOT EXISTS hits (n)')\n"
          "        await self.env.DB.prepare('INSERT INTO hits VALUES (1)').run()\n"
          "        return Response('found')\n")
GATEWAY = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
           "    async def fetch(self, request):\n"
           "        return Response(await (await self.env.SEARCH.fetch('https://search/')).text())\n")
FACTORY = '''
import uuid
from pathlib import Path
from workers_env import load_env, load_worker

SEARCH = Path(__file__).parent.parent / "search"


def search():  # {}
    return load_worker(env=load_env(SEARCH, persist_to=SEARCH / "states" / uuid.uuid4().hex))
'''
D1 = ('[[d1_databases]]\nbinding = "DB"\ndatabase_name = "hits"\n'
      'database_id = "00000000-0000-0000-0000-000000000001"\n')


def _wal_files(search: Path, *, fewer_than: int = 99) -> list[Path]:
    """The callee databases' WAL files, once fewer than ``fewer_than`` (dev closes a retired env
    at its next look for changes, 50 ms here), or as they are after 10 s."""
    deadline = time.monotonic() + 10
    while True:
        found = sorted(search.glob("states/*/**/*.sqlite-wal"))
        if len(found) < fewer_than or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_a_reload_and_the_exit_close_the_callees_the_factories_loaded(tmp_path: Path) -> None:
    search = python_project(tmp_path / "search", SEARCH, config_extra=D1)
    gateway = python_project(tmp_path / "app", GATEWAY, files={
        "pyproject.toml": '[tool.workers-env.bindings]\nSEARCH = "services:search"\n',
        "services.py": FACTORY.format("one")})
    with DevServer(gateway) as dev:
        assert dev.get() == (200, "found")
        first = _wal_files(search)
        assert len(first) == 1
        dev.wait_for(READY, after=dev.edit(gateway / "services.py", FACTORY.format("two")))
        assert dev.get() == (200, "found")  # the retired callee's database closed once no request uses it
        left = _wal_files(search, fewer_than=2)
        assert first[0] not in left and len(left) == 1
    assert _wal_files(search) == []
