"""A ``python_modules/`` that pywrangler synced uploads as it is: an import the environment answers
and that folder lacks is said on stderr, once, naming the importing file -- production's import
fails there. Not while pywrangler would sync again (``pyproject.toml`` newer than the tokens, or a
token missing), nor for a module the folder holds.

workers-py 1.17.9's ``sync()`` returns at once while ``python_modules/.synced`` and
``.venv-workers/.synced`` are newer than ``pyproject.toml``/``pylock.toml`` (``is_sync_needed``), so
``pywrangler deploy`` uploads what a later script left: Cloudflare's langchain-cloudflare Worker
example deletes ``uuid_utils`` after the sync, langsmith imports it, and the example does not load
deployed -- while under workers-env it loaded from the virtualenv (hunt53)."""

from __future__ import annotations

import asyncio
import importlib.metadata
import os
import sys
import textwrap

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import {name}
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response({name}.VALUE)
"""


def _version() -> str:
    try:
        return importlib.metadata.version("workers-py")
    except importlib.metadata.PackageNotFoundError:
        return "1.17.9"


def _project(tmp_path, monkeypatch, name, *, held=(), fresh=True, venv_token=True):
    """A Worker importing ``name`` (in an environment folder on ``sys.path``), its project synced
    by pywrangler: ``python_modules/`` holding ``held`` and both tokens, newer than ``pyproject.toml``
    unless not ``fresh``."""
    site = tmp_path / "site"
    (site / name).mkdir(parents=True)
    (site / name / "__init__.py").write_text("VALUE = 'ran'\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, name, raising=False)
    folder = one_file_worker(tmp_path / "w", ENTRY.format(name=name), date="2026-05-01")
    modules = folder / "python_modules"
    modules.mkdir()
    for each in held:
        (modules / each).mkdir()
        (modules / each / "__init__.py").write_text("")
    tokens = [modules / ".synced"] + ([folder / ".venv-workers" / ".synced"] if venv_token else [])
    for token in tokens:
        token.parent.mkdir(exist_ok=True)
        token.write_text(_version())
        os.utime(token, (1_000_000, 1_000_000))
    os.utime(folder / "pyproject.toml", (2_000_000 if not fresh else 500_000,) * 2)
    return folder


def _answer(worker) -> str:
    async def go() -> str:
        return await (await worker.fetch("/")).text()

    return asyncio.run(go())


def test_an_import_the_synced_folder_lacks_is_said_once_naming_the_file(tmp_path, monkeypatch, capsys):
    folder = _project(tmp_path, monkeypatch, "hunt53_unsynced_a")
    worker = load_worker(folder)
    err = capsys.readouterr().err
    entry = str((folder / "src" / "entry.py").resolve())
    lines = [line for line in err.splitlines() if "hunt53_unsynced_a" in line]
    assert lines == [
        f"workers-env: {entry} imports 'hunt53_unsynced_a', which python_modules/ does not hold; pywrangler "
        "synced that folder (python_modules/.synced is newer than pyproject.toml), so `pywrangler deploy` uploads it "
        "as it is and deployed this import fails (ModuleNotFoundError: No module named 'hunt53_unsynced_a'; code "
        "that catches it takes its fallback there), while workers-env imported it from this Python environment. "
        "`uv run pywrangler sync --force` restores the folder; a build step that removes 'hunt53_unsynced_a' from "
        "it breaks the Worker"]
    assert _answer(worker) == "ran"  # still the environment's module: the line says production's differs


def test_a_module_the_synced_folder_holds_is_not_said(tmp_path, monkeypatch, capsys):
    load_worker(_project(tmp_path, monkeypatch, "hunt53_unsynced_b", held=("hunt53_unsynced_b",)))
    assert "hunt53_unsynced_b" not in capsys.readouterr().err


def test_nothing_is_said_while_pywrangler_would_sync_again(tmp_path, monkeypatch, capsys):
    load_worker(_project(tmp_path, monkeypatch, "hunt53_unsynced_c", fresh=False))  # pyproject.toml edited since
    load_worker(_project(tmp_path / "2", monkeypatch, "hunt53_unsynced_d", venv_token=False))  # never synced whole
    err = capsys.readouterr().err
    assert "hunt53_unsynced_c" not in err and "hunt53_unsynced_d" not in err


def test_a_held_package_importing_what_the_folder_lacks_is_said(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    (site / "hunt53_lib").mkdir(parents=True)
    (site / "hunt53_lib" / "__init__.py").write_text("from hunt53_unsynced_e import VALUE\n")
    monkeypatch.delitem(sys.modules, "hunt53_lib", raising=False)
    folder = _project(tmp_path, monkeypatch, "hunt53_unsynced_e", held=("hunt53_lib",))
    (folder / "src" / "entry.py").write_text(textwrap.dedent(ENTRY).format(name="hunt53_lib"))
    worker = load_worker(folder)
    err = capsys.readouterr().err
    said = [line for line in err.splitlines() if "'hunt53_unsynced_e'" in line]
    assert len(said) == 1 and said[0].startswith(
        f"workers-env: {(site / 'hunt53_lib' / '__init__.py').resolve()} imports 'hunt53_unsynced_e'")
    assert "'hunt53_lib'" not in err  # the folder holds it
    assert _answer(worker) == "ran"
