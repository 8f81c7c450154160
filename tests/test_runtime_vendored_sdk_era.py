"""A project that vendors ``workers-runtime-sdk`` runs that SDK whatever its date and flags, as
workerd imports ``python_modules/`` before its built-in ``workers`` (its test
``python-workers-runtime-sdk-override``); the version decides what the SDK does (bindings it
converts, its ASGI bridge). Without one, the date and flags decide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker_helpers import one_file_worker

from workers_env import JsException, load_worker
from workers_env.runtime.eras import (
    NEWEST_SDK,
    installed_sdk_version,
    vendored_sdk_version,
)

OLD_CONFIG = {  # a built-in-era config: dated before 2026-04-21, the external SDK switched off
    "name": "v", "main": "src/entry.py", "compatibility_date": "2026-03-24",
    "compatibility_flags": ["python_workers", "disable_python_external_sdk"],
    "d1_databases": [{"binding": "DB", "database_name": "db", "database_id": "x"}],
}

D1_ENTRY = '''
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        row = await self.env.DB.prepare("SELECT ?1 AS a").bind(None).first()
        return Response(json.dumps(row if isinstance(row, dict) else row.to_py()))
'''

ASGI_ENTRY = '''
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from workers import WorkerEntrypoint


async def preflight(request):
    return JSONResponse(content="", status_code=204)


async def stream(request):
    async def parts():
        yield b"one "
        yield b"two"

    return StreamingResponse(parts())


async def cookies(request):
    response = Response("c")
    response.set_cookie("a", "1")
    response.set_cookie("b", "2")
    return response


app = Starlette(routes=[Route("/preflight", preflight, methods=["OPTIONS"]), Route("/stream", stream),
                        Route("/cookies", cookies)])


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request, self.env)
'''


def project(root: Path, entry: str, *, lock: str | None = None, pyproject: str | None = None,
            dist_info: str | None = None) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(entry)
    (root / "wrangler.json").write_text(json.dumps(OLD_CONFIG))
    if lock is not None:
        (root / "pylock.toml").write_text(f'lock-version = "1.0"\n\n[[packages]]\nname = "fastapi"\nversion = "0.116.1"\n\n'
                                          f'[[packages]]\nname = "workers-runtime-sdk"\nversion = "{lock}"\n')
    if pyproject is not None or lock is not None:  # a lock file is pywrangler's, which runs only with a pyproject.toml
        (root / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0"\ndependencies = [{pyproject or ""}]\n')
    if dist_info is not None:
        (root / "python_modules" / f"workers_runtime_sdk-{dist_info}.dist-info").mkdir(parents=True)
    return root


def test_where_the_vendored_version_is_read(tmp_path):
    assert vendored_sdk_version(project(tmp_path / "none", D1_ENTRY)) is None
    assert vendored_sdk_version(project(tmp_path / "modules", D1_ENTRY, dist_info="1.1.1")) == ((1, 1, 1), "python_modules/")
    assert vendored_sdk_version(project(tmp_path / "lock", D1_ENTRY, lock="1.6.13")) == ((1, 6, 13), "pylock.toml")
    pinned = project(tmp_path / "pin", D1_ENTRY, pyproject='"fastapi", "workers-runtime-sdk==1.6.0"')
    assert vendored_sdk_version(pinned) == ((1, 6, 0), "pyproject.toml")
    ranged = project(tmp_path / "range", D1_ENTRY, pyproject='"Workers_Runtime.SDK>=1.1.1"')
    assert vendored_sdk_version(ranged) == (installed_sdk_version() or NEWEST_SDK, "pyproject.toml")
    # python_modules/ (what is uploaded) wins over a lock file; a lock file we cannot parse says nothing
    both = project(tmp_path / "both", D1_ENTRY, lock="1.6.13", dist_info="1.6.1")
    assert vendored_sdk_version(both) == ((1, 6, 1), "python_modules/")
    broken = project(tmp_path / "broken", D1_ENTRY)
    (broken / "pylock.toml").write_text("[[packages]\nname = ")
    assert vendored_sdk_version(broken) is None


@pytest.mark.asyncio
async def test_a_vendored_sdk_converts_bindings_whatever_the_date(tmp_path):
    vendored = load_worker(project(tmp_path / "vendored", D1_ENTRY, lock="1.6.13"))
    assert vendored.era.external_sdk and vendored.era.sdk_version == (1, 6, 13)
    assert "the project vendors (pylock.toml)" in vendored.era.describe()
    assert await (await vendored.fetch("/")).json() == {"a": None}  # the SDK sends None as null
    builtin = load_worker(project(tmp_path / "builtin", D1_ENTRY))
    assert not builtin.era.external_sdk  # raw D1: a Python None is undefined there
    with pytest.raises(JsException, match="D1_TYPE_ERROR: Type 'undefined' not supported"):
        await builtin.fetch("/")


@pytest.mark.asyncio
@pytest.mark.parametrize(("version", "preflight", "cookies"), [
    ("1.6.0", "TypeError", ["b=2; Path=/; SameSite=lax"]),  # no null-body check yet; Object.fromEntries
    ("1.6.12", 204, ["b=2; Path=/; SameSite=lax"]),
    ("1.6.13", 204, ["a=1; Path=/; SameSite=lax", "b=2; Path=/; SameSite=lax"]),
])
async def test_the_vendored_asgi_bridge_by_version(tmp_path, version, preflight, cookies):
    worker = load_worker(project(tmp_path, ASGI_ENTRY, lock=version))
    assert await (await worker.fetch("/stream")).text() == "one two"  # every chunk, from 1.1.1
    assert (await worker.fetch("/cookies")).headers.get_all("set-cookie") == cookies
    if preflight == "TypeError":
        with pytest.raises(JsException, match="Response with null body status"):
            await worker.fetch("/preflight", method="OPTIONS")
    else:
        assert (await worker.fetch("/preflight", method="OPTIONS")).status == preflight


@pytest.mark.asyncio
async def test_before_1_1_1_the_bridge_keeps_the_first_chunk(tmp_path):
    worker = load_worker(project(tmp_path, ASGI_ENTRY, dist_info="1.1.0"))
    assert await (await worker.fetch("/stream")).text() == "one "


def _uv_lock(root: Path, *, own: list[str], pywrangler: str) -> Path:
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "my-worker"\nversion = "0.1.0"\n')  # uv's project
    deps = ", ".join(f'{{ name = "{n}" }}' for n in own)
    (root / "uv.lock").write_text(f'''version = 1

[[package]]
name = "my-worker"
version = "0.1.0"
source = {{ virtual = "." }}
dependencies = [{deps}]

[package.dev-dependencies]
dev = [{{ name = "workers-py" }}]

[[package]]
name = "fastapi"
version = "0.116.1"
source = {{ registry = "https://pypi.org/simple" }}
dependencies = [{{ name = "workers-runtime-sdk" }}]

[[package]]
name = "workers-py"
version = "{pywrangler}"
source = {{ registry = "https://pypi.org/simple" }}
dependencies = [{{ name = "workers-runtime-sdk" }}]

[[package]]
name = "workers-runtime-sdk"
version = "0.3.1"
source = {{ registry = "https://pypi.org/simple" }}
''')
    return root


def test_a_uv_lock_counts_what_the_project_itself_deploys(tmp_path):
    # pywrangler before 1.9 depends on the SDK as a dev tool: not uploaded, the date decides
    assert vendored_sdk_version(_uv_lock(tmp_path / "dev", own=[], pywrangler="1.8.0")) is None
    # the project's own dependencies reach it (here through fastapi): the locked version
    assert vendored_sdk_version(_uv_lock(tmp_path / "own", own=["fastapi"], pywrangler="1.8.0")) == ((0, 3, 1), "uv.lock")
    # pywrangler 1.9 adds the SDK on sync: the installed one or the newest
    assert vendored_sdk_version(_uv_lock(tmp_path / "new", own=[], pywrangler="1.9.0")) == (
        installed_sdk_version() or NEWEST_SDK, "uv.lock")



EXAMPLES_PYPROJECT = """[project]
name = "hello"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = []

[dependency-groups]
dev = [{spec}"workers-runtime-sdk"]
"""


@pytest.mark.parametrize(("spec", "vendors"), [
    ('"workers-py", ', True),  # cloudflare/python-workers-examples: pywrangler unpinned, no lock file yet
    ('"workers-py>=1.5", ', True),
    ('"workers-py==1.9.2", ', True),
    ('"workers-py<1.9", ', False),  # an older pywrangler adds nothing to python_modules/
    ('"workers-py==1.8.0", ', False),
    ("", False),  # no pywrangler: a plain `wrangler deploy` uploads no SDK
])
def test_a_project_pywrangler_will_sync_runs_the_sdk_it_adds(tmp_path, spec, vendors):
    """``pywrangler dev`` and ``deploy`` sync first, and pywrangler 1.9+ always vendors the SDK:
    a checkout that has not been synced yet (no lock file, python_modules/ gitignored) runs the
    installed SDK or the newest here too (batch 19: every python-workers-examples folder)."""
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(EXAMPLES_PYPROJECT.format(spec=spec))
    expected = (installed_sdk_version() or NEWEST_SDK, "pyproject.toml's workers-py: `pywrangler sync` adds it")
    assert vendored_sdk_version(tmp_path) == (expected if vendors else None)


def test_a_locked_pywrangler_decides_over_the_requirement(tmp_path):
    root = _uv_lock(tmp_path / "locked", own=[], pywrangler="1.8.0")  # uv run pywrangler runs the locked 1.8.0
    (root / "pyproject.toml").write_text(EXAMPLES_PYPROJECT.format(spec='"workers-py", '))
    assert vendored_sdk_version(root) is None
    uv_dev = tmp_path / "uv-dev"  # uv's older spelling of a dev group
    uv_dev.mkdir()
    (uv_dev / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\n[tool.uv]\ndev-dependencies = ["workers-py"]\n')
    assert vendored_sdk_version(uv_dev)[1] == "pyproject.toml's workers-py: `pywrangler sync` adds it"


SUPPLIED = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(type(await self.env.BUCKET.get("missing")).__name__)
'''


class _Bucket:
    async def get(self, key):
        return None


@pytest.mark.asyncio
@pytest.mark.parametrize(("version", "seen"), [("1.1.2", "JsNull"), ("1.6.13", "NoneType")])
async def test_a_supplied_binding_is_wrapped_only_by_an_sdk_that_wraps_its_kind(tmp_path, version, seen):
    """R2 (and any binding you supply) is converted by the SDK from 1.3.0; before, it is raw: a
    null result is jsnull (Pyodide 0.28), as production hands it over."""
    from workers_env import load_env

    root = project(tmp_path, SUPPLIED, lock=version)
    config = json.loads((root / "wrangler.json").read_text())
    config["compatibility_date"] = "2025-11-02"
    config["r2_buckets"] = [{"binding": "BUCKET", "bucket_name": "bucket"}]
    (root / "wrangler.json").write_text(json.dumps(config))
    worker = load_worker(root, env=load_env(root, bindings={"BUCKET": _Bucket()}))
    assert await (await worker.fetch("/")).text() == seen


def test_the_vendored_version_is_read_again_when_its_files_change(tmp_path):
    root = project(tmp_path, D1_ENTRY, lock="1.6.0")
    assert vendored_sdk_version(root) == ((1, 6, 0), "pylock.toml")
    assert vendored_sdk_version(root) == ((1, 6, 0), "pylock.toml")  # (read once, then from the cache)
    (root / "pylock.toml").write_text('[[packages]]\nname = "workers-runtime-sdk"\nversion = "1.6.13"\n')
    assert vendored_sdk_version(root) == ((1, 6, 13), "pylock.toml")
    (root / "pylock.toml").unlink()
    assert vendored_sdk_version(root) is None
    (root / "python_modules" / "workers_runtime_sdk-1.1.1.dist-info").mkdir(parents=True)
    assert vendored_sdk_version(root) == ((1, 1, 1), "python_modules/")


WRANGLER_ACTION = """# deploys with plain wrangler: no pywrangler sync, so nothing is vendored
name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: cloudflare/wrangler-action@v3
        with:
          apiToken: ${{ secrets.CLOUDFLARE_API_TOKEN }}
          command: deploy
"""


def test_ci_that_deploys_with_plain_wrangler_vendors_nothing(tmp_path):
    """pywrangler as a dev tool but a CI that deploys with wrangler itself (re-run 11: batch 15's
    inventory-management, cloudflare/wrangler-action): nothing syncs, production runs the
    date's SDK -- and a CI that runs pywrangler does vendor it; the workflows of a monorepo's
    root count for a Worker in a subfolder they name (``workingDirectory: backend``), as
    ``load_worker`` decides (missing_sdk_reason): one deploying only other folders says nothing of it."""
    repo = tmp_path / "repo"
    worker = repo / "backend"
    worker.mkdir(parents=True)
    (repo / ".git").mkdir()
    (worker / "pyproject.toml").write_text(EXAMPLES_PYPROJECT.format(spec='"workers-py", '))
    workflows = repo / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "deploy.yml").write_text(WRANGLER_ACTION)  # wrangler-action at the root: another Worker
    assert vendored_sdk_version(worker) == (installed_sdk_version() or NEWEST_SDK,
                                            "pyproject.toml's workers-py: `pywrangler sync` adds it")
    (workflows / "deploy.yml").write_text(WRANGLER_ACTION + "          workingDirectory: backend\n")
    assert vendored_sdk_version(worker) is None
    (workflows / "deploy.yml").write_text(WRANGLER_ACTION.replace("      - uses: cloudflare/wrangler-action@v3\n"
                                                                  "        with:\n", "      - run: uv run pywrangler deploy\n        env:\n"))
    assert vendored_sdk_version(worker) == (installed_sdk_version() or NEWEST_SDK,
                                            "pyproject.toml's workers-py: `pywrangler sync` adds it")


@pytest.mark.parametrize(("choice", "era"), [
    ('"built-in"', (False, None, None)),
    ('"1.6.13"', (True, (1, 6, 13), "[tool.workers-env] python-sdk")),
])
def test_the_project_can_name_the_sdk_production_runs(tmp_path, choice, era):
    """Where the files cannot tell how the project deploys, ``[tool.workers-env] python-sdk``
    says it, over what the files suggest (here a pylock.toml vendoring 1.9.5)."""
    root = project(tmp_path, D1_ENTRY, lock="1.9.5")
    (root / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0"\n\n[tool.workers-env]\npython-sdk = {choice}\n')
    got = load_worker(root).era
    assert (got.external_sdk, got.sdk_version, got.vendored) == era


def test_a_python_sdk_choice_that_is_neither_is_refused_with_the_fix(tmp_path):
    from workers_env import ConfigError

    root = project(tmp_path, D1_ENTRY)
    (root / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "latest"\n')
    with pytest.raises(ConfigError) as refused:
        load_worker(root)
    assert str(refused.value).endswith(
        "[tool.workers-env] python-sdk = 'latest' in pyproject.toml: use \"built-in\" for the runtime's built-in "
        "Python SDK, or the workers-runtime-sdk version production runs, e.g. \"1.9.5\"")


@pytest.mark.parametrize(("date", "pyproject", "described"), [
    ("2026-03-24", '[project]\nname = "w"\nversion = "0"\n',
     "compatibility date 2026-03-24: the runtime's built-in Python SDK (raw JavaScript bindings)"),
    ("2026-05-01", '[project]\nname = "w"\nversion = "0"\n',  # nothing says how it deploys: the SDK installed here
     f"compatibility date 2026-05-01: the external workers-runtime-sdk "
     f"{'.'.join(map(str, installed_sdk_version() or NEWEST_SDK))}"),
    ("2026-05-01", '[tool.workers-env]\npython-sdk = "1.6.13"\n',
     "compatibility date 2026-05-01: the workers-runtime-sdk 1.6.13 the project vendors ([tool.workers-env] "
     "python-sdk), which production imports before the built-in SDK"),
])
def test_the_era_says_which_sdk_the_worker_runs(tmp_path, date, pyproject, described):
    """What ``workers-env dev`` prints after ``Loaded <name> ...``."""
    root = one_file_worker(tmp_path, D1_ENTRY, date=date, pyproject=False)
    (root / "pyproject.toml").write_text(pyproject)
    assert load_worker(root).era.describe() == described


def test_a_context_copied_during_a_load_reads_the_files_afresh_after_it(tmp_path, monkeypatch):
    # a task or thread started while load_worker looks at the project (its context copied then) asks
    # afresh once the load is over: what the load read once for its own questions is not kept for it
    import contextvars

    from workers_env.runtime import loader

    root = project(tmp_path, D1_ENTRY, lock="1.6.0")
    copied: list[contextvars.Context] = []
    real_era_of = loader.era_of

    def era_of(config, **kwargs):
        era = real_era_of(config, **kwargs)  # (the load's answer, read for the load)
        copied.append(contextvars.copy_context())
        return era

    monkeypatch.setattr(loader, "era_of", era_of)
    load_worker(root)
    assert copied[0].run(vendored_sdk_version, root) == ((1, 6, 0), "pylock.toml")
    (root / "pylock.toml").write_text('[[packages]]\nname = "workers-runtime-sdk"\nversion = "1.6.13"\n')
    assert copied[0].run(vendored_sdk_version, root) == ((1, 6, 13), "pylock.toml")
