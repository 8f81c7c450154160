"""A pywrangler-synced ``python_modules/`` is listed once when a Worker loads, not once for each
module its code imports: a load importing 40 modules the folder holds lists it as often as one
importing a single module. review82: each top-level import listed the folder twice (``glob`` of
``*.pth`` and of ``name.*.so``) and read its ``.pth`` files -- 1.7 ms an import with 500 entries
there (200 imports: load_worker 0.83 s without the watch, 1.10 s with it)."""

from __future__ import annotations

import os
import sys

from test_runtime_synced_python_modules_lacking_an_import_is_said import _project

from workers_env import load_worker

ENTRY = """\
{imports}
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")
"""


def _listings(tmp_path, monkeypatch, count: int) -> int:
    """How often a load importing ``count`` modules the synced folder holds lists that folder."""
    names = [f"review82_listed{count}_{i}" for i in range(count)]
    folder = _project(tmp_path / str(count), monkeypatch, names[0], held=names)
    site = tmp_path / str(count) / "site"
    for name in names[1:]:
        (site / name).mkdir()
        (site / name / "__init__.py").write_text("VALUE = 'ran'\n")
        monkeypatch.delitem(sys.modules, name, raising=False)
    (folder / "src" / "entry.py").write_text(ENTRY.format(imports="\n".join(f"import {name}" for name in names)))
    (folder / "python_modules" / "_virtualenv.pth").write_text("import _virtualenv\n")  # as uv's venv copy has
    modules = str((folder / "python_modules").resolve())
    seen = []
    scandir, listdir = os.scandir, os.listdir

    def counted(real):
        def call(path=".", *rest):
            if os.path.realpath(os.fspath(path)) == modules:
                seen.append(path)
            return real(path, *rest)
        return call

    monkeypatch.setattr(os, "scandir", counted(scandir))
    monkeypatch.setattr(os, "listdir", counted(listdir))
    try:
        load_worker(folder)
    finally:
        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "listdir", listdir)
    return len(seen)


def test_the_folder_is_listed_as_often_for_40_imports_as_for_one(tmp_path, monkeypatch, capsys):
    one, many = _listings(tmp_path, monkeypatch, 1), _listings(tmp_path, monkeypatch, 40)
    assert many == one
    assert "review82_listed" not in capsys.readouterr().err  # all held: nothing said
