"""A change in the config's assets directory reloads the Worker, as wrangler dev's assets
watcher does (any file added, written or deleted there), so a new asset is served; a change of
``pyproject.toml`` (``[tool.workers-env]``: indexes, supplied bindings) is a config change."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import READY, DevServer, answering, python_project


def test_a_new_asset_is_served_after_the_reload(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("from the worker"),
                             config_extra='[assets]\ndirectory = "public"\n', files={"public/a.txt": "asset a"})
    with DevServer(project) as dev:
        assert dev.get("/a.txt") == (200, "asset a")
        assert dev.get("/b.txt") == (200, "from the worker")
        mark = dev.edit(project / "public" / "b.txt", "asset b")
        dev.wait_for(READY, after=mark)
        assert dev.get("/b.txt") == (200, "asset b")


def test_an_edit_of_pyproject_rebuilds_the_env(tmp_path: Path) -> None:
    entry = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
             "    async def fetch(self, request):\n"
             "        return Response(f'{self.env.SUPPLIED} {(await self.env.VEC.describe()).dimensions}')\n")
    vec = '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
    table = ('[tool.workers-env.bindings]\nSUPPLIED = "fakes:{}"\n'
             '[tool.workers-env.indexes.idx]\ndimensions = {}\nmetric = "cosine"\nversion = "v2"\n')
    project = python_project(tmp_path / "app", entry, config_extra=vec,
                             files={"pyproject.toml": table.format("first", 3),
                                    "fakes.py": "def first():\n    return 'one'\n\ndef second():\n    return 'two'\n"})
    with DevServer(project) as dev:
        assert dev.get() == (200, "one 3")
        mark = dev.edit(project / "pyproject.toml", table.format("second", 3))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "two 3")
        # an index definition that no longer fits the persisted index: said, and the Worker serves on
        mark = len(dev.lines)
        (project / "pyproject.toml").write_text(table.format("first", 5))
        dev.wait_for("does not match its definition: dimensions 5 (stored: 3)", after=mark)
        assert dev.get() == (200, "two 3")
