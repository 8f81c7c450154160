"""Which module is drawing decides a draw of entropy at a Worker's top level (``runtime/entropy.py``,
README "Where we had to choose"): code the Worker's top level runs through ``exec`` or ``eval`` counts
as its caller's, the Worker's own here, in whatever namespace it runs (``exec(code, {})`` went through
before audit26; production refuses every top-level draw no granted import makes); a module production's
``entropy_import_context*.py`` grants may draw at its import wherever it was installed from, a
vendored copy in ``python_modules/`` too (pywrangler uploads packages there); a package installed
in the interpreter's own ``site-packages`` is a package, not the standard library; a
standard-library module's import that draws (CPython's ``multiprocessing.process`` names its
authkey with ``os.urandom(32)``) goes through, as CPython's standard library imports differently
from Pyodide's."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from worker_helpers import ATTEMPT_IMPORT, attempting_worker, one_file_worker

from workers_env import load_worker

async def _at_top(folder):
    worker = load_worker(folder)
    return await (await worker.fetch("/")).json()


@pytest.mark.asyncio
async def test_code_the_top_level_runs_through_exec_is_the_workers_own(tmp_path):
    folder = one_file_worker(tmp_path / "w", ATTEMPT_IMPORT + """
def drawn(run):
    try:
        run()
        return "ran"
    except OSError as e:
        return f"OSError: {e.errno}"

AT_TOP = [drawn(lambda: exec("import os\\nos.urandom(4)")), drawn(lambda: exec("import uuid\\nuuid.uuid4()", globals())),
          drawn(lambda: exec("import os\\nos.urandom(4)", {})), drawn(lambda: eval("__import__('secrets').token_hex()", {}))]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json(AT_TOP)
""")
    assert await _at_top(folder) == ["OSError: 29"] * 4


@pytest.mark.asyncio
@pytest.mark.parametrize("main", ["src/entry.py", "entry.py"])  # python_modules/ beside main's folder, or in it
async def test_a_granted_module_vendored_in_python_modules_may_draw_at_its_import(tmp_path, monkeypatch, main):
    folder = attempting_worker(tmp_path / "w", ["litestar.constants", "litestar.routes"])
    if main == "entry.py":
        (folder / "src" / "entry.py").rename(folder / "entry.py")
        config = folder / "wrangler.toml"
        config.write_text(config.read_text().replace('main = "src/entry.py"', 'main = "entry.py"'))
    package = folder / "python_modules" / "litestar"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "constants.py").write_text("import os\nHANDLER = os.urandom(4).hex()\n")  # granted by name
    (package / "routes.py").write_text("import uuid\nROUTE = uuid.uuid4().hex\n")  # not granted
    monkeypatch.syspath_prepend(str(folder / "python_modules"))  # as PYTHONPATH=python_modules
    for name in ("litestar", "litestar.constants", "litestar.routes"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert await _at_top(folder) == ["ran", "OSError: 29"]


@pytest.mark.asyncio
async def test_a_package_in_the_interpreters_own_site_packages_is_refused_as_any_package(tmp_path, monkeypatch):
    """Installed packages live under the interpreter's library folder (``.../lib/python3.X/site-packages``):
    a module there is a package's, not the standard library's. (No test may write into the real
    one: the library folder is spelled through the interpreter's, as an import then names it.)"""
    stdlib = os.path.dirname(os.path.abspath(threading.__file__))
    site = tmp_path / "lib" / "site-packages"
    site.mkdir(parents=True)
    (site / "site_draw.py").write_text("import os\nKEY = os.urandom(8)\n")
    spelled = os.path.join(stdlib, *[".."] * len(stdlib.strip(os.sep).split(os.sep)), str(site).lstrip(os.sep))
    monkeypatch.syspath_prepend(spelled)
    monkeypatch.delitem(sys.modules, "site_draw", raising=False)
    folder = attempting_worker(tmp_path / "w", ["site_draw"])
    assert await _at_top(folder) == ["OSError: 29"]


@pytest.mark.asyncio
async def test_a_standard_library_modules_draw_at_its_import_goes_through(tmp_path, monkeypatch):
    import multiprocessing

    monkeypatch.delitem(sys.modules, "multiprocessing.process")  # imported again: its _MainProcess draws
    monkeypatch.setattr(multiprocessing, "process", multiprocessing.process)  # (the import rebinds it)
    folder = attempting_worker(tmp_path / "w", ["multiprocessing.process"])
    assert await _at_top(folder) == ["ran"]
