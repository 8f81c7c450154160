"""From compatibility date 2026-04-21 (or ``enable_python_external_sdk``) workerd leaves its built-in
Python SDK out: a Worker gets one only from ``workers-runtime-sdk`` vendored into
``python_modules/`` (pywrangler 1.9 and later does it). Without one, workerd's stand-in ``workers``
package raises ``ModuleNotFoundError: No module named 'workers'`` with the note "You need to
update to workers-py >= 1.9 or to pass disable_python_external_sdk" (``injectWorkersApi``,
src/pyodide/python-entrypoint-helper.ts; the same text in wrangler 4.164.0's workerd binary), and
its own ``introspection.py`` imports ``workers`` after the Worker's top level: the Worker never
starts (cloudflare/workers-py#212: a plain ``wrangler deploy`` of a one-file Worker). workers-env
fails the same way where nothing vendors the SDK, with a note saying how to fix it."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import forkserver
import pytest
from worker_helpers import PYPROJECT, one_file_worker

import workers_env
from workers_env import load_env, load_worker
from workers_env.runtime.eras import NEWEST_SDK, installed_sdk_version

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""

PRODUCTION_NOTE = "You need to update to workers-py >= 1.9 or to pass disable_python_external_sdk"


def _refused(folder: Path, name: str = "workers") -> list[str]:
    with pytest.raises(ModuleNotFoundError) as error:
        load_worker(folder)
    assert (str(error.value), error.value.name) == (f"No module named '{name}'", name)
    notes = error.value.__notes__
    assert notes[0] == PRODUCTION_NOTE
    return notes


def _fixes(sdk: str = ".".join(map(str, installed_sdk_version() or NEWEST_SDK))) -> str:
    return ("the runtime's built-in Python SDK out: deployed, `workers` is not there and the Worker does not start, "
            "as here. Fix it one of these ways: add a pyproject.toml with workers-py among its dev dependencies (`uv "
            "init`, then `uv add --dev workers-py`) and deploy with `uv run pywrangler deploy`, which vendors the SDK; "
            "commit a python_modules/ holding workers-runtime-sdk; add \"disable_python_external_sdk\" to "
            "compatibility_flags for the built-in SDK; or, when production gets the SDK in a way these files do not "
            f"show, say which in pyproject.toml: [tool.workers-env] python-sdk = \"{sdk}\".")


def test_a_one_file_worker_without_pyproject_does_not_start(tmp_path):
    notes = _refused(one_file_worker(tmp_path, ENTRY, pyproject=False))
    assert "the project has no pyproject.toml" in notes[1]
    assert notes[1] == (
        "workers-env: nothing vendors workers-runtime-sdk into this Worker (the project has no pyproject.toml: "
        "`pywrangler deploy` stops at \"pyproject.toml not found\", and `wrangler deploy` uploads no "
        "python_modules/), and compatibility date 2026-05-01 (from 2026-04-21) leaves " + _fixes())
    for fix in ("uv add --dev workers-py", "uv run pywrangler deploy", "python_modules/",
                '"disable_python_external_sdk"', "[tool.workers-env] python-sdk"):
        assert fix in notes[1]


def test_the_error_comes_from_productions_stub_file(tmp_path):
    with pytest.raises(ModuleNotFoundError) as error:
        load_worker(one_file_worker(tmp_path, ENTRY, pyproject=False))
    files = [str(entry.path) for entry in error.traceback]
    assert files[-1] == "/lib/python3.13/site-packages/workers/__init__.py"  # Pyodide 0.28 at 2026-05-01
    assert any(name.endswith("src/entry.py") for name in files)  # from the Worker's own import line


def test_a_worker_that_never_imports_workers_fails_all_the_same(tmp_path):
    """workerd's introspection does ``from workers import DurableObject, ...`` after the top level."""
    entry = "from js import Response\n\ndef on_fetch(request, env):\n    return Response.new('ok')\n"
    _refused(one_file_worker(tmp_path, entry, pyproject=False))


def test_asgi_is_stubbed_too(tmp_path):
    _refused(one_file_worker(tmp_path, "import asgi\n", pyproject=False), name="asgi")


def test_catching_the_import_error_does_not_help(tmp_path):
    """The Worker's own ``except`` passes; the start's import of ``workers`` still raises."""
    entry = "try:\n    from workers import WorkerEntrypoint\nexcept ImportError:\n    WorkerEntrypoint = object\n"
    _refused(one_file_worker(tmp_path, entry, pyproject=False))


def test_the_enable_flag_at_an_older_date_is_named(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-03-01", flags=["enable_python_external_sdk"], pyproject=False)
    notes = _refused(folder)
    assert "the enable_python_external_sdk flag leaves the runtime's built-in Python SDK out" in notes[1]


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["disable flag", "built-in date", "pyproject", "python_modules", "python-sdk",
                                 "pywrangler build"])
async def test_a_worker_with_an_sdk_starts(tmp_path, how):
    folder = one_file_worker(tmp_path, ENTRY, pyproject=how in ("pyproject", "pywrangler build"),
                             date="2026-03-01" if how == "built-in date" else "2026-05-01",
                             flags=["disable_python_external_sdk"] if how == "disable flag" else (),
                             extra='[build]\ncommand = "uv run pywrangler sync"\n' if how == "pywrangler build" else "")
    if how == "pywrangler build":  # CI deploying with plain wrangler: only the build syncs (it needs the pyproject.toml)
        (folder / ".git").mkdir()
        (folder / ".github" / "workflows").mkdir(parents=True)
        (folder / ".github" / "workflows" / "deploy.yml").write_text(
            "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n")
    if how == "python_modules":
        (folder / "python_modules" / "workers_runtime_sdk-1.9.5.dist-info").mkdir(parents=True)
    if how == "python-sdk":
        (folder / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.9.5"\n')
    response = await load_worker(folder).fetch("/")
    assert (response.status, await response.text()) == (200, "ok")


def test_main_uploaded_alone_has_no_sdk(tmp_path):
    notes = _refused(one_file_worker(tmp_path, ENTRY, extra="find_additional_modules = false\n"))
    assert "find_additional_modules = false: wrangler uploads main alone" in notes[1]
    # the release it holds from: a Worker deployed before it had its python_modules/ (hunt46: johnshields/kurl)
    assert ("without python_modules/ (wrangler 4.102 and later; earlier releases ignored the key for a Python "
            "Worker and uploaded every module, so one deployed with them has them)") in notes[1]


def test_a_ci_that_deploys_with_plain_wrangler_vendors_nothing(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)  # the usual pyproject.toml, but pywrangler never runs
    (folder / ".git").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "deploy.yml").write_text(
        "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n")
    notes = _refused(folder)
    assert "its CI (.github/workflows) deploys with plain wrangler and never runs pywrangler" in notes[1]


def test_a_uv_lock_pinning_a_pywrangler_before_1_9_vendors_nothing(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "uv.lock").write_text('version = 1\n\n[[package]]\nname = "workers-py"\nversion = "1.8.2"\n')
    notes = _refused(folder)
    assert "its uv.lock pins workers-py 1.8.2, a pywrangler from before 1.9" in notes[1]
    assert notes[1] == (  # it has a pyproject.toml: the fix is a newer pywrangler
        "workers-env: nothing vendors workers-runtime-sdk into this Worker (its uv.lock pins workers-py 1.8.2, a "
        "pywrangler from before 1.9, which does not vendor the SDK), and compatibility date 2026-05-01 (from "
        "2026-04-21) leaves " + _fixes().replace(
            "add a pyproject.toml with workers-py among its dev dependencies (`uv init`, then `uv add --dev "
            "workers-py`) and deploy with `uv run pywrangler deploy`",
            "deploy with pywrangler 1.9 or later (`uv add --dev workers-py`, then `uv run pywrangler deploy`)"))


def test_load_env_still_hands_out_the_dates_bindings(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False, extra='[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n')
    assert load_env(folder).KV is not None  # the env alone is not a Worker start: no error


def test_the_worker_fixture_fails_the_same_way(pytester: pytest.Pytester):
    pytester.makefile(".toml", wrangler='name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                         'compatibility_flags = ["python_workers"]\n')
    pytester.path.joinpath("src").mkdir()
    pytester.path.joinpath("src", "entry.py").write_text(textwrap.dedent(ENTRY))
    pytester.makeini("[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_w="def test_it(worker):\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*ModuleNotFoundError: No module named 'workers'*", f"*{PRODUCTION_NOTE}*"])
    pytester.makefile(".toml", pyproject=PYPROJECT)
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest").assert_outcomes(passed=1)


def test_workers_env_dev_exits_with_the_error(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False)
    environ = {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1])}
    done = forkserver.run([sys.executable, "-m", "workers_env", "dev", "--port", "0"], cwd=folder, env=environ,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "workers-env dev: the Worker failed to load:" in done.stderr
    assert "ModuleNotFoundError: No module named 'workers'\n" + PRODUCTION_NOTE + "\n" in done.stderr
    assert "the project has no pyproject.toml" in done.stderr


def test_python_sdk_built_in_in_the_external_era_has_no_sdk(tmp_path):
    """``python-sdk = "built-in"`` says nothing vendors the SDK; from 2026-04-21 workerd has no
    built-in one to fall back on (only its stub ``workers``), unless disable_python_external_sdk."""
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "pyproject.toml").write_text(PYPROJECT + '\n[tool.workers-env]\npython-sdk = "built-in"\n')
    notes = _refused(folder)
    assert '[tool.workers-env] python-sdk = "built-in"' in notes[1] and '"disable_python_external_sdk"' in notes[1]
    flagged = one_file_worker(tmp_path / "flagged", ENTRY, flags=["disable_python_external_sdk"])
    (flagged / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "built-in"\n')
    assert load_worker(flagged).era.external_sdk is False


@pytest.mark.parametrize("lock", ["uv.lock", "pylock.toml"])
def test_a_ci_that_deploys_with_plain_wrangler_vendors_nothing_whatever_the_lock_says(tmp_path, lock):
    """A lock file is what ``pywrangler sync`` would install; a CI that never runs pywrangler
    never syncs, so only a committed python_modules/ holding the SDK gives the Worker one."""
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / lock).write_text(
        'version = 1\n\n[[package]]\nname = "workers-py"\nversion = "1.9.2"\n' if lock == "uv.lock" else
        'lock-version = "1.0"\n\n[[packages]]\nname = "workers-runtime-sdk"\nversion = "1.9.5"\n')
    (folder / ".git").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "deploy.yml").write_text(
        "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n")
    notes = _refused(folder)
    assert "its CI (.github/workflows) deploys with plain wrangler" in notes[1]
    (folder / "python_modules" / "workers_runtime_sdk-1.9.5.dist-info").mkdir(parents=True)  # committed: it starts
    assert load_worker(folder).era.sdk_version == (1, 9, 5)


def test_a_pyproject_only_in_a_parent_folder_vendors_nothing_into_the_worker(tmp_path):
    """pywrangler takes the folder of the pyproject.toml it finds (the cwd's, else a parent's) as
    the project: it wants the wrangler config there and vendors into its python_modules/, while
    wrangler uploads the python_modules/ beside the Worker's config (workers-py's utils.py,
    sync.py; wrangler's projectRoot)."""
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    notes = _refused(one_file_worker(tmp_path / "worker", ENTRY, pyproject=False))
    assert f"the one in {tmp_path} is not this Worker's" in notes[1]
    assert "uv add --dev workers-py" in notes[1]
    assert notes[1] == (
        "workers-env: nothing vendors workers-runtime-sdk into this Worker (the project has no pyproject.toml beside "
        f"its wrangler config, and the one in {tmp_path} is not this Worker's: pywrangler takes that folder as the "
        f"project, wants the wrangler config there and vendors into {tmp_path / 'python_modules'}/, while wrangler "
        "uploads the python_modules/ beside this Worker's config), and compatibility date 2026-05-01 (from "
        "2026-04-21) leaves " + _fixes())


def test_a_monorepo_ci_deploying_other_workers_with_plain_wrangler_does_not_stop_this_one(tmp_path):
    """A repository whose CI deploys another folder's Worker with wrangler-action says nothing
    about how this Worker, in a folder the workflows never name, is deployed."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n"
        "        with:\n          workingDirectory: workers/js-api\n")
    python = one_file_worker(tmp_path / "workers" / "py-api", ENTRY)
    assert load_worker(python).era.external_sdk
    named = one_file_worker(tmp_path / "workers" / "js-api", ENTRY)  # the folder the workflow deploys
    assert "deploys with plain wrangler" in _refused(named)[1]
