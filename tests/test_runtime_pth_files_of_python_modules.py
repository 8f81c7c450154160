"""The ``.pth`` files of the uploaded ``python_modules/`` are processed as workerd processes them:
from compatibility date 2026-05-26 (``python_process_pth_files``) its startup runs
``site.addsitedir`` on the folder (``setup_python_search_path.py``; workerd's own ``pth-file``
test), so a path line puts ``python_modules/<line>`` on ``sys.path`` and an import line runs,
before the Worker's module is imported; before that date (or with
``disable_python_process_pth_files``) they are ignored. A ``.pth`` file the environment's
site-packages holds too is not run a second time (the interpreter ran that one at its start).
What the Worker imports from ``python_modules/`` is its own, as each isolate's: gone from
``sys.modules`` once its code is done, so the host and another Worker do not find it."""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import importlib, sys
from workers import Response, WorkerEntrypoint

HOOKED = "pth_hook_{n}" in sys.modules  # imported by the .pth file's import line, before this module
try:
    FOUND = importlib.import_module("extra_module_{n}").VALUE
except ModuleNotFoundError as exc:
    FOUND = str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        on_path = [p for p in sys.path if p.endswith("extra_dir")]
        return Response(repr((FOUND, HOOKED, on_path)))
"""


_NAMES = iter(range(1_000_000))


def project(tmp_path, date, flags=()):
    n = next(_NAMES)
    folder = one_file_worker(tmp_path / "p", ENTRY.replace("{n}", str(n)), date=date, flags=flags)
    modules = folder / "python_modules"
    (modules / "extra_dir").mkdir(parents=True)
    (modules / "extra_dir" / f"extra_module_{n}.py").write_text("VALUE = 42\n")
    (modules / f"pth_hook_{n}.py").write_text("HOOK = True\n")
    (modules / "setup.pth").write_text(f"# a comment line\nextra_dir\nmissing_dir\nimport pth_hook_{n}\n")
    return folder


NOT_FOUND = "No module named 'extra_module_"


def answer(folder):
    async def scenario():
        return await (await load_worker(folder).fetch("/")).text()

    return eval(asyncio.run(scenario()))  # noqa: S307 - the Worker's repr of a tuple of str, int, bool, list


@pytest.mark.parametrize(("date", "flags"), [("2026-06-01", ()), ("2026-05-01", ("python_process_pth_files",))])
def test_from_2026_05_26_or_by_flag_a_pth_file_is_processed_before_the_worker_imports(tmp_path, date, flags):
    folder = project(tmp_path, date, flags)
    found, hooked, on_path = answer(folder)
    assert (found, hooked) == (42, True)
    assert on_path == [str(folder / "python_modules" / "extra_dir")]  # missing_dir does not exist: left out
    assert not any(p.endswith("extra_dir") for p in sys.path)  # the Worker's while its code runs, not the host's


@pytest.mark.parametrize(("date", "flags"), [("2026-05-25", ()), ("2026-06-01", ("disable_python_process_pth_files",))])
def test_before_2026_05_26_or_with_the_disable_flag_it_is_ignored(tmp_path, date, flags):
    found, hooked, on_path = answer(project(tmp_path, date, flags))
    assert (found.startswith(NOT_FOUND), hooked, on_path) == (True, False, [])


def test_a_pth_file_the_environments_site_packages_holds_too_is_not_run_again(tmp_path, monkeypatch):
    installed = tmp_path / "env" / "site-packages"
    installed.mkdir(parents=True)
    (installed / "setup.pth").write_text("")  # the interpreter processed this one when it started
    monkeypatch.syspath_prepend(str(installed))
    found, hooked, on_path = answer(project(tmp_path, "2026-06-01"))
    assert (found.startswith(NOT_FOUND), hooked, on_path) == (True, False, [])


def test_a_failing_line_is_reported_as_site_reports_it_and_the_worker_still_starts(tmp_path, capsys):
    folder = project(tmp_path, "2026-06-01")
    (folder / "python_modules" / "a_broken.pth").write_text("import no_such_module_anywhere\n")
    found, hooked, _ = answer(folder)
    assert (found, hooked) == (42, True)  # the next file (setup.pth) still processed
    err = capsys.readouterr().err
    assert f"Error processing line 1 of {folder / 'python_modules' / 'a_broken.pth'}" in err
    assert "ModuleNotFoundError: No module named 'no_such_module_anywhere'" in err


def test_what_a_pth_file_imported_is_the_workers_own_not_the_next_workers_nor_the_hosts(tmp_path):
    """Each isolate imports its own: a later Worker of a date before 2026-05-26 with the same
    python_modules/ finds neither the path line's module nor the import line's, nor does the host."""
    first = project(tmp_path / "first", "2026-06-01")
    assert answer(first)[:2] == (42, True)
    n = next(iter(first.glob("python_modules/pth_hook_*.py"))).stem.removeprefix("pth_hook_")
    assert not {f"pth_hook_{n}", f"extra_module_{n}"} & set(sys.modules)
    later = project(tmp_path / "later", "2026-05-25")
    for module in (later / "python_modules").glob("**/*_[0-9]*.py"):  # the same names as the first's
        module.rename(module.with_name(module.name.rsplit("_", 1)[0] + f"_{n}.py"))
    (later / "src" / "entry.py").write_text((first / "src" / "entry.py").read_text())
    found, hooked, on_path = answer(later)
    assert (found, hooked, on_path) == (f"No module named 'extra_module_{n}'", False, [])


def test_the_workers_modules_of_its_pth_files_are_there_for_every_request(tmp_path):
    folder = project(tmp_path, "2026-06-01")
    n = next(iter(folder.glob("python_modules/pth_hook_*.py"))).stem.removeprefix("pth_hook_")
    (folder / "src" / "entry.py").write_text(ENTRY.replace("{n}", n).replace(
        "return Response(repr((FOUND, HOOKED, on_path)))",
        "return Response(repr((importlib.import_module('extra_module_" + n + "').VALUE, 'pth_hook_" + n
        + "' in sys.modules, on_path)))"))

    async def scenario():
        worker = load_worker(folder)
        return [await (await worker.fetch("/")).text() for _ in range(2)]

    assert [eval(text) for text in asyncio.run(scenario())] == [  # noqa: S307 - the Worker's repr
        (42, True, [str(folder / "python_modules" / "extra_dir")])] * 2


def test_only_the_pth_files_at_the_top_of_python_modules_are_processed(tmp_path):
    """``site.addsitedir`` reads the folder's own ``.pth`` files: not those of a subfolder, nor
    those of a folder a path line adds."""
    folder = project(tmp_path, "2026-06-01")
    modules = folder / "python_modules"
    n = next(iter(modules.glob("pth_hook_*.py"))).stem.removeprefix("pth_hook_")
    (modules / "setup.pth").write_text("extra_dir\n")  # its import line gone: only the ones below could import
    (modules / "sub").mkdir()
    (modules / "sub" / "nested.pth").write_text(f"import pth_hook_{n}\n")
    (modules / "extra_dir" / "added.pth").write_text(f"import pth_hook_{n}\n")
    found, hooked, on_path = answer(folder)
    assert (found, hooked, on_path) == (42, False, [str(modules / "extra_dir")])


def test_with_python_modules_on_the_hosts_own_sys_path_what_it_imported_stays_shared(tmp_path, monkeypatch):
    """``PYTHONPATH=python_modules``: host code imports from there too, so a module the Worker
    imported from it stays in ``sys.modules``, one copy for both (as an installed package)."""
    folder = project(tmp_path, "2026-06-01")
    monkeypatch.syspath_prepend(str(folder / "python_modules"))
    n = next(iter(folder.glob("python_modules/pth_hook_*.py"))).stem.removeprefix("pth_hook_")
    assert answer(folder)[:2] == (42, True)
    shared = [sys.modules.pop(name, None) for name in (f"pth_hook_{n}", f"extra_module_{n}")]
    assert [getattr(module, "__name__", None) for module in shared] == [f"pth_hook_{n}", f"extra_module_{n}"]
