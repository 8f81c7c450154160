"""The line saying a synced ``python_modules/`` lacks an import comes once per folder and module,
however often the Worker's code tries that import: a module whose own code fails here too (its
extension missing, say) leaves ``sys.modules`` without it, so each ``try: import ...`` looks for
it again -- at the load and at each request. audit30: a mutant saying it at every look passed
every test (the module stays imported once it loads, so no test looked twice)."""

from __future__ import annotations

import asyncio

from test_runtime_synced_python_modules_lacking_an_import_is_said import _project

from workers_env import load_worker

ENTRY = """\
from workers import Response, WorkerEntrypoint

try:
    import audit30_unsynced_fails
except ImportError as error:
    FIRST = str(error)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            import audit30_unsynced_fails
        except ImportError as error:
            return Response(FIRST + " / " + str(error))
"""


def test_the_line_comes_once_for_three_tries(tmp_path, monkeypatch, capsys):
    folder = _project(tmp_path, monkeypatch, "audit30_unsynced_fails")
    (tmp_path / "site" / "audit30_unsynced_fails" / "__init__.py").write_text(
        "raise ImportError('its extension is missing here too')\n")
    (folder / "src" / "entry.py").write_text(ENTRY)
    worker = load_worker(folder)

    async def twice() -> list[str]:
        return [await (await worker.fetch("/")).text() for _ in range(2)]

    assert asyncio.run(twice()) == ["its extension is missing here too / its extension is missing here too"] * 2
    said = [line for line in capsys.readouterr().err.splitlines() if "'audit30_unsynced_fails'" in line]
    assert len(said) == 1 and said[0].startswith("workers-env: ") and "imports 'audit30_unsynced_fails'" in said[0]
