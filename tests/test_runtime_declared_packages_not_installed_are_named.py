"""A package ``pyproject.toml`` declares that the Python environment lacks is named when the Worker
imports it: once on stderr (a caught import too, at the top level or in a handler) and as a note on
the ``ModuleNotFoundError`` the import raises; not for one the Worker declares and never imports
(nothing differs from production there: pywrangler vendors it, the Worker never reads it).

``pywrangler sync`` vendors the declared packages into ``python_modules/``, so the deployed Worker
imports them; workers-env imports the Worker's packages from its own environment. A public
CSV-profiling Worker (gabmeirinho/cf_ai_automated_fe's python-worker, ``dependencies =
["pandas"]``) imports pandas bare in one commit -- a bare ``No module named 'pandas'`` here -- and
in another catches the ``ModuleNotFoundError`` to profile with the csv module instead, so here it
quietly answered ``"engine": "python-csv"`` where production answers ``"pandas"``. A project that
deploys with plain wrangler uploads no packages, so there production lacks them too: nothing is
said (its own line says so); nor of pywrangler's own packages."""

from __future__ import annotations

import asyncio
import importlib

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

MISSING = "hunt-absent-package"  # a distribution no environment of the suite installs

BARE = """\
    import hunt_absent_package
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""

FALLBACK = """\
    from workers import Response, WorkerEntrypoint
    try:
        import hunt_absent_package
        ENGINE = "package"
    except ModuleNotFoundError:
        ENGINE = "fallback"

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(ENGINE)
"""

LINE = ("workers-env: pyproject.toml declares hunt-absent-package, which `pywrangler sync` vendors into "
        "python_modules/ for production, but the Python environment workers-env runs in does not have it installed: "
        "the Worker's import fails here (or takes its fallback) where the deployed Worker's succeeds. Install the "
        "project's dependencies there: uv pip install -r pyproject.toml (or pip install hunt-absent-package).")

NOTE = ("workers-env: pyproject.toml declares hunt-absent-package, which `pywrangler sync` vendors into "
        "python_modules/, so the deployed Worker imports it; workers-env imports the Worker's packages from the "
        "Python environment it runs in, which does not have it: install it there: pip install hunt-absent-package "
        "(or every dependency the project declares: uv pip install -r pyproject.toml).")


def _project(root, entry, dependencies=(MISSING, "pytest", "workers-py")):
    folder = one_file_worker(root, entry, date="2026-03-01")
    listed = ", ".join(f'"{name}"' for name in dependencies)
    (folder / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0"\ndependencies = [{listed}]\n')
    return folder


def test_a_declared_package_the_environment_lacks_is_named_once_when_imported(tmp_path, capsys):
    folder = _project(tmp_path, FALLBACK)
    worker = load_worker(folder)
    load_worker(folder)
    err = capsys.readouterr().err
    assert err.splitlines().count(LINE) == 1  # pytest is installed and workers-py is pywrangler: not named
    async def answer() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(answer()) == "fallback"  # still the environment's answer: the line says why


def test_the_import_error_of_a_declared_package_carries_the_note(tmp_path):
    with pytest.raises(ModuleNotFoundError, match="No module named 'hunt_absent_package'") as caught:
        load_worker(_project(tmp_path, BARE))
    assert getattr(caught.value, "__notes__", None) == [NOTE]


def test_an_undeclared_missing_module_gets_no_declared_package_note(tmp_path, capsys):
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path, BARE, dependencies=("pytest",)))
    # only the note on an undeclared package (test_missing_undeclared_package_says_how_to_declare_and_install_it)
    assert [note.split(",")[0] for note in caught.value.__notes__] == [
        "workers-env: no package of the Python environment workers-env runs in provides hunt_absent_package"]
    assert "hunt-absent-package" not in capsys.readouterr().err


def test_a_plain_wrangler_deploy_names_nothing_of_the_kind(tmp_path, capsys):
    folder = _project(tmp_path, BARE)
    (folder / ".git").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "deploy.yml").write_text(
        "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n")
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(folder)  # deployed, wrangler uploads no package: the same error there
    assert not getattr(caught.value, "__notes__", None)
    err = capsys.readouterr().err
    assert "deploys with plain wrangler" in err and "vendors into python_modules/ for production" not in err


@pytest.mark.parametrize("marker", ["python_version < '3.10'", "sys_platform == 'win32'", "platform_machine == 'x86_64'"])
def test_a_package_pyodide_is_not_given_is_not_named(tmp_path, capsys, marker):
    # pywrangler resolves the declared packages for its Pyodide interpreter (`uv pip compile
    # --python` it: Python 3.12 to 3.14, emscripten, wasm32), so one whose marker Pyodide fails
    # is vendored for no one: production lacks it as this environment does
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path, BARE, dependencies=(f"{MISSING}; {marker}", "workers-py")))
    assert not getattr(caught.value, "__notes__", None)
    assert "hunt-absent-package" not in capsys.readouterr().err


def test_a_package_only_pyodide_is_given_is_named(tmp_path, capsys):
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path, BARE, dependencies=(f"{MISSING}; sys_platform == 'emscripten'", "workers-py")))
    assert getattr(caught.value, "__notes__", None) == [NOTE]
    assert capsys.readouterr().err.splitlines().count(LINE) == 1


NEVER_IMPORTED = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""

IMPORTED_IN_A_HANDLER = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                import hunt_absent_package.sub
            except ImportError:
                return Response("fallback")
            return Response("package")
"""


def test_a_declared_package_the_worker_never_imports_is_not_named(tmp_path, capsys):
    worker = load_worker(_project(tmp_path, NEVER_IMPORTED))

    async def answer() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(answer()) == "ok"
    assert "hunt-absent-package" not in capsys.readouterr().err


def test_a_caught_import_in_a_handler_is_named_when_it_runs(tmp_path, capsys):
    worker = load_worker(_project(tmp_path, IMPORTED_IN_A_HANDLER))
    assert "hunt-absent-package" not in capsys.readouterr().err  # not imported yet

    async def answer() -> str:
        return await (await worker.fetch("/")).text()

    assert [asyncio.run(answer()), asyncio.run(answer())] == ["fallback", "fallback"]
    assert capsys.readouterr().err.splitlines().count(LINE) == 1


def test_the_test_codes_own_import_is_not_the_workers(tmp_path, capsys):
    load_worker(_project(tmp_path, NEVER_IMPORTED))
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("hunt_absent_package")  # the test's import, outside the Worker's code
    assert "hunt-absent-package" not in capsys.readouterr().err


# A package whose module is named otherwise (beautifulsoup4: bs4, PyYAML: yaml, Pillow: PIL) is
# known by Pyodide's lock files' list of its modules (workers_env/runtime/importnames.py):
# python-flirt provides flirt, pyshp shapefile (no suite's environment installs either).


def _line(name: str) -> str:
    return LINE.replace(MISSING, name)


@pytest.mark.parametrize(("package", "module"), [("python-flirt", "flirt"), ("pyshp", "shapefile")])
def test_a_package_whose_module_is_named_otherwise_is_named_by_pyodides_list(tmp_path, capsys, package, module):
    load_worker(_project(tmp_path, FALLBACK.replace("hunt_absent_package", module), dependencies=(package, "workers-py")))
    assert capsys.readouterr().err.splitlines().count(_line(package)) == 1
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path / "bare", BARE.replace("hunt_absent_package", module),
                             dependencies=(package, "workers-py")))
    assert getattr(caught.value, "__notes__", None) == [NOTE.replace(MISSING, package)]


CANDIDATES = ("workers-env: the Worker's import of hunt_other_module found no module; pyproject.toml declares "
              "hunt-absent-package, which `pywrangler sync` vendors into python_modules/ for production, but the Python "
              "environment workers-env runs in does not have it installed: if it provides hunt_other_module, the "
              "deployed Worker's import succeeds. Install the project's dependencies there: uv pip install -r "
              "pyproject.toml.")


def test_a_module_no_declared_package_is_known_to_provide_names_the_lacking_ones_as_candidates(tmp_path, capsys):
    # hunt-absent-package is in no Pyodide lock file: what it provides is unknown, so a module the
    # Worker's own code fails to import may be its -- said once a project, and as the error's note
    entry = FALLBACK.replace("import hunt_absent_package", "import hunt_other_module")
    load_worker(_project(tmp_path, entry))
    load_worker(_project(tmp_path, entry))
    assert capsys.readouterr().err.splitlines().count(CANDIDATES) == 1
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path / "bare", BARE.replace("hunt_absent_package", "hunt_other_module")))
    assert getattr(caught.value, "__notes__", None) == [CANDIDATES]


def test_two_lacking_packages_are_named_as_candidates_together(tmp_path, capsys):
    # both in no Pyodide lock file, both lacking here: either may provide the module
    entry = FALLBACK.replace("import hunt_absent_package", "import hunt_other_module")
    load_worker(_project(tmp_path, entry, dependencies=(MISSING, "hunt-absent-other", "workers-py")))
    assert capsys.readouterr().err.splitlines().count(CANDIDATES.replace(
        "hunt-absent-package,", "hunt-absent-package, hunt-absent-other,").replace(
        "have it installed: if it provides", "have them installed: if one of them provides")) == 1


def test_no_candidates_for_a_librarys_import_nor_beside_packages_whose_modules_are_known(tmp_path, capsys):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "hunt_library.py").write_text("try:\n    import hunt_other_module\nexcept ImportError:\n    pass\n")
    entry = f"""\
        import sys
        sys.path.insert(0, {str(library)!r})
        import hunt_library  # an installed library's optional import, not the Worker's
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response("ok")
    """
    load_worker(_project(tmp_path / "p", entry))
    # galpy and pyshp are in Pyodide's lock files, which list their modules: neither provides it
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path / "known", BARE.replace("hunt_absent_package", "hunt_other_module"),
                             dependencies=("galpy", "pyshp", "workers-py")))
    # no candidate: at most the note on an undeclared package, which names none as providing it
    assert not any("if it provides" in note or "one of them provides" in note for note in caught.value.__notes__)
    assert caught.value.__notes__[0].startswith("workers-env: no package of the Python environment")
    assert "hunt_other_module" not in capsys.readouterr().err


@pytest.mark.parametrize("package", ["asyncpg", "psycopg-binary", "osqp", "arro3-core"])
def test_packages_of_pywranglers_312_and_314_indexes_are_known_by_their_modules(tmp_path, capsys, package):
    # pywrangler 1.17.3+ resolves a 3.14 Worker's packages against Pyodide 314.0.7's index, whose
    # lock adds asyncpg and psycopg-binary (each providing its own-named module), and a 3.12 Worker's
    # against 0.27.7's, whose lock adds osqp and arro3-core (module arro3.core: arro3): declared and
    # lacking here, none is a candidate for a module it does not provide
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path, BARE.replace("hunt_absent_package", "hunt_other_module"),
                             dependencies=(package, "workers-py")))
    # no candidate: at most the note on an undeclared package, which names none as providing it
    assert not any("if it provides" in note or "one of them provides" in note for note in caught.value.__notes__)
    assert caught.value.__notes__[0].startswith("workers-env: no package of the Python environment")
    assert "hunt_other_module" not in capsys.readouterr().err


def test_reloading_the_module_keeps_one_finder(tmp_path, capsys):
    import workers_env.runtime.uninstalled as uninstalled

    importlib.reload(uninstalled)
    importlib.reload(uninstalled)
    finders = [finder for finder in __import__("sys").meta_path if type(finder).__name__ == "_DeclaredMissing"]
    assert len(finders) == 1
    load_worker(_project(tmp_path, FALLBACK))
    assert capsys.readouterr().err.splitlines().count(LINE) == 1


IN_A_LIBRARYS_THREAD = """\
    import threadlib_for_missing
    from workers import Response, WorkerEntrypoint

    def attempt():
        try:
            import hunt_absent_package
            return "package"
        except ModuleNotFoundError:
            return "fallback"

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(threadlib_for_missing.in_a_thread(attempt))
"""


def test_an_import_in_a_thread_the_workers_code_started_is_named_too(tmp_path, capsys, monkeypatch):
    """A library's thread the Worker's code starts (the Worker's own threads are refused, as in
    Pyodide) imports as the Worker: the line is printed there too (the thread had no Worker)."""
    library = tmp_path / "library"
    library.mkdir()
    (library / "threadlib_for_missing.py").write_text(
        "import threading\n\n\ndef in_a_thread(call):\n    out = []\n"
        "    thread = threading.Thread(target=lambda: out.append(call()))\n"
        "    thread.start()\n    thread.join()\n    return out[0]\n")
    monkeypatch.syspath_prepend(str(library))
    worker = load_worker(_project(tmp_path / "w", IN_A_LIBRARYS_THREAD))

    async def answer() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(answer()) == "fallback"
    assert capsys.readouterr().err.splitlines().count(LINE) == 1


def test_a_thread_test_code_starts_is_not_the_workers(tmp_path, capsys):
    import threading

    load_worker(_project(tmp_path, NEVER_IMPORTED))
    failed = []

    def outside() -> None:
        try:
            importlib.import_module("hunt_absent_package")
        except ModuleNotFoundError:
            failed.append(True)

    thread = threading.Thread(target=outside)
    thread.start()
    thread.join()
    assert failed == [True] and "hunt-absent-package" not in capsys.readouterr().err



def _vendor(folder, package, source, name):
    """``package`` installed under ``folder``'s ``src/vendor`` as ``pip install -t`` leaves it:
    its ``__init__.py`` (``source``) and a ``<name>-1.0.dist-info`` whose RECORD lists it."""
    vendor = folder / "src" / "vendor"
    (vendor / package).mkdir(parents=True)
    (vendor / package / "__init__.py").write_text(source)
    info = vendor / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "RECORD").write_text(f"{package}/__init__.py,,\n{info.name}/METADATA,,\n{info.name}/RECORD,,\n")


#: a Worker of the legacy vendor/ era (workerd puts src/vendor on sys.path before 2025-08-11)
VENDORING = """\
    {before}
    import {module}
    from js import Response

    async def on_fetch(request, env):
        return Response.new({module}.ANSWER)
"""


def _vendoring(root, module, before=""):
    folder = one_file_worker(root, VENDORING.format(module=module, before=before), date="2025-05-08")
    (folder / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0"\ndependencies = ["{MISSING}"]\n')
    return folder


def _answer(folder) -> str:
    async def answer() -> str:
        return await (await load_worker(folder).fetch("/")).text()

    return asyncio.run(answer())


def test_a_library_the_worker_vendors_in_its_own_folder_is_not_its_code(tmp_path, capsys):
    # getjotsu/mcp-servers' layout (danlapid/python-workers-mcp's build.sh): `pip install -t
    # src/vendor` beside the Worker's files; httpx's optional `import brotli` there failed and was
    # taken for the Worker's own import, naming the declared packages as what might provide it
    folder = _vendoring(tmp_path, "hunt_vendored_lib")
    _vendor(folder, "hunt_vendored_lib",
            "try:\n    import hunt_other_module\nexcept ImportError:\n    pass\nANSWER = 'vendored'\n",
            "hunt-vendored-lib")
    assert _answer(folder) == "vendored"
    assert "hunt_other_module" not in capsys.readouterr().err  # production's import fails alike


def test_a_declared_package_the_worker_vendors_is_not_lacking(tmp_path, capsys):
    # the Worker carries hunt-absent-package in src/vendor: deployed and here it imports from
    # there, so no candidates' line for the Worker's own failed import either
    own = "try:\n        import hunt_other_module\n    except ImportError:\n        pass"
    folder = _vendoring(tmp_path, "hunt_absent_package", own)
    _vendor(folder, "hunt_absent_package", "ANSWER = 'carried'\n", MISSING)
    assert _answer(folder) == "carried"
    err = capsys.readouterr().err
    assert "hunt-absent-package" not in err and "hunt_other_module" not in err
    # the same Worker without the vendored copy: named, as before
    with pytest.raises(ModuleNotFoundError):
        load_worker(_vendoring(tmp_path / "bare", "hunt_absent_package", own))
    assert CANDIDATES in capsys.readouterr().err.splitlines()


def test_a_dotted_module_of_the_lock_is_known_by_its_top_module(tmp_path, capsys):
    with pytest.raises(ModuleNotFoundError, match="No module named 'arro3'") as caught:
        load_worker(_project(tmp_path, BARE.replace("hunt_absent_package", "arro3.core"),
                             dependencies=("arro3-core", "workers-py")))
    assert caught.value.__notes__ == [NOTE.replace(MISSING, "arro3-core")]  # named, not a mere candidate
