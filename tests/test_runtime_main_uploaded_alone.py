"""``find_additional_modules = false``: wrangler uploads ``main`` alone, so nothing else imports.

From wrangler 4.102 a Python Worker's ``no_bundle`` deploy honours the setting: ``wrangler deploy
--dry-run`` lists no module but ``main`` (no sibling ``.py``, no ``python_modules/``). Deployed,
``import helper`` is ``ModuleNotFoundError``; here too, with a note saying why, while a Worker
without the line imports its modules as before. The vendored SDK is not uploaded either, so the
era follows the date (a Worker of the external-SDK era then has no SDK and does not start: these
Workers are dated before it); and declared packages are named on stderr once.
"""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker, typical_pyproject

from workers_env import load_env, load_worker
from workers_env.runtime.eras import era_of

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                import helper
            except ModuleNotFoundError as exc:
                return Response(f"{exc.name}|{exc}|{' '.join(getattr(exc, '__notes__', []))}", status=500)
            return Response(helper.GREETING)
"""


#: a date before the external SDK's: uploaded alone, main has the runtime's built-in SDK (from
#: 2026-04-21 nothing would vendor one, and the Worker would not start:
#: test_runtime_worker_without_a_vendored_sdk_does_not_start_in_the_external_era.py)
BUILT_IN = "2026-03-01"


def _project(tmp_path, extra=""):
    main_only = "find_additional_modules = false" in extra
    folder = one_file_worker(tmp_path, ENTRY, extra=extra, date=BUILT_IN if main_only else "2026-05-01")
    (folder / "src" / "helper.py").write_text('GREETING = "hello from helper"\n')
    return folder


@pytest.mark.asyncio
async def test_sibling_module_imports_when_additional_modules_are_found(tmp_path):
    worker = load_worker(_project(tmp_path))
    response = await worker.fetch("/")
    assert (response.status, await response.text()) == (200, "hello from helper")


@pytest.mark.asyncio
async def test_sibling_module_is_not_there_when_main_is_uploaded_alone(tmp_path):
    worker = load_worker(_project(tmp_path, extra="find_additional_modules = false\n"))
    response = await worker.fetch("/")
    name, message, note = (await response.text()).split("|")
    assert response.status == 500
    assert (name, message) == ("helper", "No module named 'helper'")
    assert note == ("workers-env: src/helper.py is beside main, but find_additional_modules = false makes wrangler "
                    "upload main alone (wrangler 4.102 and later; earlier releases ignored the key for a Python "
                    "Worker and uploaded every module, so one deployed with them has them); remove that line (or "
                    "set it to true) so the Worker's other modules are uploaded too")


@pytest.mark.asyncio
async def test_a_package_folder_beside_main_is_not_there_either(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, extra="find_additional_modules = false\n", date=BUILT_IN)
    (folder / "src" / "helper").mkdir()
    (folder / "src" / "helper" / "__init__.py").write_text('GREETING = "package"\n')
    response = await load_worker(folder).fetch("/")
    assert response.status == 500 and (await response.text()).startswith("helper|No module named 'helper'|")


@pytest.mark.asyncio
async def test_a_module_a_test_imported_from_the_folder_is_hidden_from_the_worker(tmp_path, monkeypatch):
    folder = _project(tmp_path, extra="find_additional_modules = false\n")
    monkeypatch.syspath_prepend(str(folder / "src"))  # pytest's pythonpath = ["src"]
    monkeypatch.delitem(sys.modules, "helper", raising=False)
    try:
        import helper  # type: ignore[import-not-found]

        assert helper.GREETING == "hello from helper"
        worker = load_worker(folder)
        response = await worker.fetch("/")
        assert response.status == 500 and (await response.text()).startswith("helper|")
        assert sys.modules["helper"] is helper  # the test's own import is put back afterwards
    finally:
        sys.modules.pop("helper", None)  # no later test sees this folder's helper


@pytest.mark.asyncio
async def test_the_setting_in_the_selected_environment_decides(tmp_path):
    folder = _project(tmp_path, extra="\n[env.lean]\nfind_additional_modules = false\n")
    assert (await load_worker(folder).fetch("/")).status == 200
    assert (await load_worker(folder, environment="lean").fetch("/")).status == 500


def test_the_vendored_sdk_is_not_uploaded_with_main_alone(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-03-01")  # before the external SDK's date
    dist = folder / "python_modules" / "workers_runtime_sdk-1.7.0.dist-info"
    dist.mkdir(parents=True)
    assert era_of(load_env(folder).config).sdk_version == (1, 7, 0)
    (folder / "wrangler.toml").write_text((folder / "wrangler.toml").read_text() + "find_additional_modules = false\n")
    typical_pyproject(folder)
    era = era_of(load_env(folder).config)
    assert (era.external_sdk, era.sdk_version, era.vendored) == (False, None, None)


def test_declared_packages_are_named_once_on_stderr(tmp_path, capsys):
    folder = _project(tmp_path, extra="find_additional_modules = false\n")
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\ndependencies = ["httpx", "PyJWT>=2"]\n')
    load_worker(folder)
    err = capsys.readouterr().err
    assert "find_additional_modules = false" in err and "(httpx, PyJWT)" in err
    load_worker(_project(tmp_path / "plain"))  # the line stays away without the setting
    assert "find_additional_modules" not in capsys.readouterr().err


SLOW = """\
    import asyncio
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await asyncio.sleep(0.2)
            return Response("slow")
"""

LAZY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            import utils_b
            return Response(utils_b.NAME)
"""


@pytest.mark.asyncio
async def test_another_worker_imports_as_usual_while_one_uploaded_alone_awaits(tmp_path):
    lean = one_file_worker(tmp_path / "a", SLOW, extra="find_additional_modules = false\n", date=BUILT_IN)
    (lean / "src" / "utils_b.py").write_text('NAME = "a\'s, not uploaded"\n')  # beside the lean Worker's main
    other = one_file_worker(tmp_path / "b", LAZY)
    (other / "src" / "utils_b.py").write_text('NAME = "b\'s own"\n')
    a, b = load_worker(lean), load_worker(other)
    slow = asyncio.ensure_future(a.fetch("/"))
    await asyncio.sleep(0.05)  # a's scope is entered and awaiting
    response = await b.fetch("/")
    assert (response.status, await response.text()) == (200, "b's own")
    assert await (await slow).text() == "slow"
