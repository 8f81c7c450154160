"""A probe of whether a module exists -- ``importlib.util.find_spec("x")``, an optional
dependency's check common in libraries -- is not an import: a synced ``python_modules/`` lacking
``x`` gets no line for it (production's probe answers ``None`` and the code goes on; nothing fails).
The import that may follow is said as any is; a dotted probe imports its parent package, as
Python's does (deployed, that import fails), and is said too. review82: the probe was said as an
import of a module the folder lacks."""

from __future__ import annotations

import importlib.metadata
import os
import sys

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
import importlib.util

{probe}
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")
"""


def _said(tmp_path, monkeypatch, capsys, name: str, probe: str) -> list[str]:
    """The lines said loading a Worker that runs ``probe`` at its top, ``name`` (a package with a
    ``sub`` module) in this environment and not in its project's synced ``python_modules/``."""
    site = tmp_path / "site"
    (site / name).mkdir(parents=True)
    (site / name / "__init__.py").write_text("")
    (site / name / "sub.py").write_text("")
    monkeypatch.syspath_prepend(str(site))
    for each in (name, f"{name}.sub"):
        monkeypatch.delitem(sys.modules, each, raising=False)
    folder = one_file_worker(tmp_path / "w", ENTRY.format(probe=probe.format(name=name)), date="2026-05-01")
    try:
        version = importlib.metadata.version("workers-py")
    except importlib.metadata.PackageNotFoundError:
        version = "1.17.9"
    for token in (folder / "python_modules" / ".synced", folder / ".venv-workers" / ".synced"):
        token.parent.mkdir(exist_ok=True)
        token.write_text(version)
        os.utime(token, (1_000_000, 1_000_000))
    os.utime(folder / "pyproject.toml", (500_000, 500_000))
    load_worker(folder)
    return [line.split(" imports ")[1].split(",")[0] for line in capsys.readouterr().err.splitlines()
            if line.startswith("workers-env: ") and f"'{name}'" in line]


def test_a_probe_alone_is_not_said(tmp_path, monkeypatch, capsys):
    probe = 'assert importlib.util.find_spec("{name}") is not None'
    assert _said(tmp_path, monkeypatch, capsys, "review82_probe_a", probe) == []


def test_the_import_after_a_probe_is_said(tmp_path, monkeypatch, capsys):
    probe = 'if importlib.util.find_spec("{name}") is not None:\n    import {name}'
    assert _said(tmp_path, monkeypatch, capsys, "review82_probe_b", probe) == ["'review82_probe_b'"]


def test_a_dotted_probe_imports_its_parent_and_is_said(tmp_path, monkeypatch, capsys):
    probe = 'assert importlib.util.find_spec("{name}.sub") is not None'
    assert _said(tmp_path, monkeypatch, capsys, "review82_probe_c", probe) == ["'review82_probe_c'"]
