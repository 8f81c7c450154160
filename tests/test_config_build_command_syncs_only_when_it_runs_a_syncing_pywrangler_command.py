"""A ``[build] command`` counts as vendoring ``python_modules/`` only when it runs a pywrangler
command that syncs: ``sync`` itself, or ``dev``, ``publish``, ``deploy``, ``versions ...`` and
``preview`` (workers-py 1.17.5 on), which pywrangler syncs before handing them to wrangler
(workers-py 1.17.9 ``ProxyToWranglerGroup.get_command``), but not ``dev --remote``, which
pywrangler 1.17.6 and later refuse (exit 1) before syncing. ``pywrangler build`` (handed to ``wrangler build``
unsynced), ``types``, ``--help`` and commands that merely mention pywrangler do not. The same
reading decides whether a CI workflow that deploys with wrangler runs pywrangler first
(``deploys_with_plain_wrangler``): a step's ``run`` or wrangler-action's ``preCommands``.
pywrangler needs a ``pyproject.toml`` in the build's folder or above it (workers-py 1.16.7
``find_pyproject_toml``): without one the build fails, and a Worker whose SDK only that build
would vendor is refused with pywrangler's words; with one only above, pywrangler vendors into
that folder, not the Worker's."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker
from workers_env.config import load_config
from workers_env.config.build import build_syncs, unfound_pyproject
from workers_env.runtime.eras import deploys_with_plain_wrangler, era_of

SYNCING = [
    "pywrangler sync",
    "pywrangler sync --force",
    "pywrangler --debug sync",
    "pywrangler dev",
    "pywrangler deploy",
    "pywrangler publish",
    "pywrangler versions upload",
    "pywrangler versions",
    "uv run pywrangler sync",
    "uv run --with-editable . pywrangler deploy --dry-run",
    "uvx pywrangler sync",
    "uvx --from workers-py pywrangler sync",
    "uv tool run pywrangler sync",
    ".venv/bin/pywrangler sync",
    "python -m pywrangler sync",
    "uv run python -m pywrangler sync",
    "npm ci && uv run pywrangler sync",
    "python manage.py collectstatic --noinput; uvx pywrangler sync",
    "cd . && pywrangler sync && echo done",
    "PYWRANGLER_LOG=debug pywrangler sync",
    "sh -c 'uv run pywrangler sync'",
    "echo building\nuv run pywrangler sync",
    "pywrangler preview",  # workers-py 1.17.5 on
    "uv run pywrangler preview --name pr-12",
    "pywrangler dev --remote false",  # what pywrangler 1.17.6 refuses is --remote turned on
    "pywrangler dev --remote=false",
    "pywrangler dev --remote=1",
    "pywrangler dev -- --remote",
]

NOT_SYNCING = [
    "pywrangler build",
    "uv run pywrangler build",
    "uvx pywrangler build && npm run build",
    "pywrangler types",
    "pywrangler --help",
    "pywrangler --version sync",
    "pywrangler",
    "echo pywrangler sync",
    "npm run build",
    "uv run python build.py",
    "wrangler deploy",
    "# pywrangler sync",
    "uv run pywrangler-sync",
    "pip install pywrangler",
    "uv run 'pywrangler sync",  # an unclosed quote: the shell runs nothing
    "pywrangler dev --remote",  # 1.17.6: not supported for Python Workers, exit 1 before the sync
    "uv run pywrangler dev -r",
    "pywrangler dev --remote=true",
    "pywrangler --debug dev --port 8787 --remote true",
]


PYPROJECT = '[project]\nname = "w"\nversion = "0.1.0"\n[dependency-groups]\ndev = ["workers-py"]\n'


def _config(tmp_path, command):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "wrangler.toml").write_text(
        f'name = "w"\ncompatibility_date = "2026-05-01"\n[build]\ncommand = {json.dumps(command)}\n')
    return load_config(tmp_path)


@pytest.mark.parametrize("command", SYNCING)
def test_a_build_running_a_syncing_pywrangler_command_syncs(tmp_path, command):
    assert build_syncs(_config(tmp_path, command)) is True


@pytest.mark.parametrize("command", NOT_SYNCING)
def test_other_build_commands_do_not(tmp_path, command):
    assert build_syncs(_config(tmp_path, command)) is False


def test_no_build_command_does_not_sync(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\ncompatibility_date = "2026-05-01"\n')
    assert build_syncs(load_config(tmp_path)) is False


def test_the_selected_environments_build_decides(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\ncompatibility_date = "2026-05-01"\n[build]\ncommand = "pywrangler build"\n'
        '[env.ci.build]\ncommand = "uv run pywrangler sync"\n')
    assert build_syncs(load_config(tmp_path)) is False
    assert build_syncs(load_config(tmp_path, environment="ci")) is True


ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""


def test_a_pywrangler_build_command_vendors_no_sdk(tmp_path):
    """External-SDK era, no pyproject.toml: only a syncing build would vendor the SDK."""
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False, extra='[build]\ncommand = "uv run pywrangler build"\n')
    with pytest.raises(ModuleNotFoundError) as error:
        load_worker(folder)
    assert "the project has no pyproject.toml" in error.value.__notes__[1]


@pytest.mark.asyncio
async def test_a_pywrangler_deploy_build_command_vendors_it(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False,
                             extra='[build]\ncommand = "uvx pywrangler deploy --dry-run"\n')
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0.1.0"\n')  # no workers-py in it
    assert unfound_pyproject(load_config(folder)) is None
    response = await load_worker(folder).fetch("/")
    assert (response.status, await response.text()) == (200, "ok")


def test_a_syncing_build_without_a_pyproject_fails_as_pywrangler_does(tmp_path, capsys):
    """pywrangler stops at ``pyproject.toml not found in <its folder> or any parent directories``
    (exit 1): the build fails and nothing is deployed, so the SDK is not taken as vendored."""
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False,
                             extra='[build]\ncommand = "uvx pywrangler deploy --dry-run"\n')
    config = load_config(folder)
    assert build_syncs(config) is False
    assert unfound_pyproject(config) == f"pyproject.toml not found in {folder.resolve()} or any parent directories"
    assert era_of(config).vendored is None
    with pytest.raises(ModuleNotFoundError) as error:
        load_worker(folder)
    note = error.value.__notes__[1]
    assert ("the project has no pyproject.toml: its [build] command `uvx pywrangler deploy --dry-run` runs "
            f'pywrangler, which stops at "pyproject.toml not found in {folder.resolve()} or any parent '
            'directories" (exit 1), so the build fails, and the deploy with it') in note
    assert "add a pyproject.toml with workers-py among its dev dependencies" in note
    assert "take pywrangler out of the [build] command" in note
    assert "disable_python_external_sdk" not in note  # the built-in SDK does not make the build pass
    assert "[build] command" not in capsys.readouterr().err  # the error says it: no second line
    assert note == (
        "workers-env: nothing vendors workers-runtime-sdk into this Worker (the project has no pyproject.toml: its "
        "[build] command `uvx pywrangler deploy --dry-run` runs pywrangler, which stops at \"pyproject.toml not found "
        f"in {folder.resolve()} or any parent directories\" (exit 1), so the build fails, and the deploy with it), and "
        "compatibility date 2026-05-01 (from 2026-04-21) leaves the runtime's built-in Python SDK out: `workers` is "
        "not there, as here. Fix it: add a pyproject.toml with workers-py among its dev dependencies (`uv init`, then "
        "`uv add --dev workers-py`) and deploy with `uv run pywrangler deploy`, which vendors the SDK; or take "
        "pywrangler out of the [build] command and commit a python_modules/ holding workers-runtime-sdk.")



def test_before_the_external_era_a_failing_build_is_one_line_and_the_worker_runs(tmp_path, capsys):
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False, date="2025-10-01",
                             extra='[build]\ncommand = "uvx pywrangler deploy"\n')
    load_worker(folder)  # the built-in SDK: the Worker starts here
    assert capsys.readouterr().err == (
        "workers-env: the config's [build] command `uvx pywrangler deploy` runs pywrangler, which stops at "
        f"\"pyproject.toml not found in {folder.resolve()} or any parent directories\" (exit 1): the build fails, and "
        "`wrangler deploy` with it, so this Worker is not deployed; workers-env never runs the build and runs the "
        "Worker anyway. Add a pyproject.toml beside the wrangler config (`uv init`, then `uv add --dev workers-py`).\n")


@pytest.mark.asyncio
async def test_a_load_after_adding_the_pyproject_sees_it_with_the_same_config(tmp_path, capsys):
    """Each load looks for pywrangler's ``pyproject.toml`` afresh, for the config it has (as
    ``workers-env dev`` reloads with the same config): none kept from a load before."""
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False, extra='[build]\ncommand = "uv run pywrangler sync"\n')
    env = load_env(folder)
    with pytest.raises(ModuleNotFoundError) as error:
        load_worker(env=env)
    assert "pyproject.toml not found in" in error.value.__notes__[1]
    (folder / "pyproject.toml").write_text(PYPROJECT)
    response = await load_worker(env=env).fetch("/")
    assert (response.status, await response.text()) == (200, "ok")
    assert "[build] command" not in capsys.readouterr().err

def test_a_committed_python_modules_does_not_save_a_failing_build(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False, extra='[build]\ncommand = "pywrangler sync"\n')
    info = folder / "python_modules" / "workers_runtime_sdk-1.9.5.dist-info"
    info.mkdir(parents=True)
    with pytest.raises(ModuleNotFoundError) as error:
        load_worker(folder)
    assert "pyproject.toml not found in" in error.value.__notes__[1]


def test_pywrangler_looks_from_the_builds_folder_upwards(tmp_path):
    """``build.cwd`` is where pywrangler starts; it takes the first folder above holding a
    ``pyproject.toml`` as its project: the Worker's own (synced), or a parent's (it vendors
    there, not into the python_modules/ wrangler uploads beside this config)."""
    worker = tmp_path / "repo" / "worker"
    (worker / "scripts").mkdir(parents=True)
    (worker / "wrangler.toml").write_text('name = "w"\ncompatibility_date = "2026-05-01"\n'
                                          '[build]\ncommand = "uv run pywrangler sync"\ncwd = "scripts"\n')
    assert unfound_pyproject(load_config(worker)) == (
        f"pyproject.toml not found in {(worker / 'scripts').resolve()} or any parent directories")
    (tmp_path / "repo" / "pyproject.toml").write_text(PYPROJECT)
    assert (unfound_pyproject(load_config(worker)), build_syncs(load_config(worker))) == (None, False)
    (worker / "pyproject.toml").write_text(PYPROJECT)
    assert (unfound_pyproject(load_config(worker)), build_syncs(load_config(worker))) == (None, True)


WORKFLOW = """jobs:
  deploy:
    steps:
{steps}      - uses: cloudflare/wrangler-action@v3
        with:
{action}"""


def _ci(tmp_path, steps="", action=""):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(WORKFLOW.format(steps=steps, action=action))
    return tmp_path


@pytest.mark.parametrize(("steps", "action"), [
    ("      - run: uv run pywrangler sync\n", ""),
    ("      - run: uv run pywrangler deploy\n", ""),
    ("      - name: Deploy\n        run: pywrangler deploy --env production\n", ""),
    ("      - run: |\n          uv sync\n          uv run pywrangler sync\n", ""),
    ("      - run: >-\n          uv run\n          pywrangler deploy\n", ""),
    ("      - run: 'uvx pywrangler sync'\n", ""),
    ("", "          preCommands: uv run pywrangler sync\n"),
    ("", "          preCommands: |\n            pip install uv\n            uvx pywrangler sync\n"),
])
def test_a_ci_step_running_a_syncing_pywrangler_command_is_no_plain_wrangler_deploy(tmp_path, steps, action):
    assert deploys_with_plain_wrangler(_ci(tmp_path, steps, action)) is False


@pytest.mark.parametrize(("steps", "action"), [
    ("", ""),
    ("      - run: echo pywrangler deploy\n", ""),
    ("      # - run: uv run pywrangler deploy\n", ""),
    ("      - run: uv run pywrangler types  # pywrangler deploy\n", ""),
    ("      - run: uv run pywrangler build\n", ""),
    ("      - name: pywrangler deploy\n        run: npm ci\n", ""),
    ("      - run: pip install workers-py  # pywrangler\n", ""),
    ("", "          command: deploy  # pywrangler deploy would sync\n"),
])
def test_a_ci_that_only_mentions_pywrangler_still_deploys_with_plain_wrangler(tmp_path, steps, action):
    assert deploys_with_plain_wrangler(_ci(tmp_path, steps, action)) is True


PYLOCK = 'lock-version = "1.0"\n[[packages]]\nname = "workers-runtime-sdk"\nversion = "1.6.13"\n'


@pytest.mark.parametrize("date", ["2026-03-01", "2026-05-01"])
def test_a_syncing_build_vendors_the_locked_sdk_where_ci_deploys_with_plain_wrangler(tmp_path, date):
    """wrangler runs the ``[build] command`` before it uploads, in CI too: a build that syncs
    vendors what ``pylock.toml`` locks, for ``load_env``'s era as for ``load_worker``'s, before the
    external-SDK date as after it; the same project without that build vendors nothing."""
    folder = _ci(one_file_worker(tmp_path, ENTRY, date=date), action="          command: deploy\n")
    (folder / "pylock.toml").write_text(PYLOCK)
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0.1.0"\n'
                                           '[dependency-groups]\ndev = ["workers-py"]\n')
    assert deploys_with_plain_wrangler(folder) is True
    assert era_of(load_config(folder)).vendored is None  # nothing syncs: the lock is never read
    text = (folder / "wrangler.toml").read_text()
    (folder / "wrangler.toml").write_text(text + '[build]\ncommand = "uv run pywrangler sync"\n')
    era = era_of(load_config(folder))
    assert (era.external_sdk, era.sdk_version, era.vendored) == (True, (1, 6, 13), "pylock.toml")
    loaded = load_worker(folder).era
    assert (loaded.sdk_version, loaded.vendored) == ((1, 6, 13), "pylock.toml")


@pytest.mark.asyncio
async def test_a_failing_build_of_the_built_in_sdk_era_is_said_once(tmp_path, capsys):
    """Before 2026-04-21 the Worker needs no vendored SDK and runs locally, but its build fails
    deployed: one stderr line says so, in pywrangler's words (the external-SDK era raises)."""
    folder = one_file_worker(tmp_path, ENTRY, date="2026-03-01", pyproject=False,
                             extra='[build]\ncommand = "uv run pywrangler sync"\n')
    response = await load_worker(folder).fetch("/")
    assert (response.status, await response.text()) == (200, "ok")
    load_worker(folder)
    err = capsys.readouterr().err
    line = (f"workers-env: the config's [build] command `uv run pywrangler sync` runs pywrangler, which stops at "
            f'"pyproject.toml not found in {folder.resolve()} or any parent directories" (exit 1): the build fails')
    assert err.count(line) == 1
