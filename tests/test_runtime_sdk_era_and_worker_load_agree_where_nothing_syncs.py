"""``load_env`` (``era_of``, ``vendored_sdk_version``) and ``load_worker`` make one decision on
whether a lock file vendors the SDK: where nothing runs pywrangler -- CI deploying with plain
wrangler, or no ``pyproject.toml`` -- a ``uv.lock`` or ``pylock.toml`` vendors nothing for
either (only a committed ``python_modules/`` does), so the era the env reports is the one the
Worker loads in, and in the external-SDK era both say the SDK is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker
from workers_env.runtime.eras import era_of, missing_sdk_reason, vendored_sdk_version

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""

UV_LOCK = """version = 1

[[package]]
name = "w"
version = "0.1.0"
source = { virtual = "." }
dependencies = [{ name = "workers-runtime-sdk" }]

[[package]]
name = "workers-runtime-sdk"
version = "1.6.13"
source = { registry = "https://pypi.org/simple" }
"""


def _plain_wrangler_ci(folder: Path) -> Path:
    (folder / "uv.lock").write_text(UV_LOCK)  # the project's own dependency on the SDK, locked
    (folder / ".git").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "deploy.yml").write_text(
        "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n")
    return folder


def test_before_the_external_era_both_run_the_built_in_sdk(tmp_path):
    folder = _plain_wrangler_ci(one_file_worker(tmp_path, ENTRY, date="2026-03-01"))
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0.1.0"\n'
                                           'dependencies = ["workers-runtime-sdk"]\n')
    assert vendored_sdk_version(folder) is None
    era = era_of(load_env(folder).config)
    assert (era.external_sdk, era.sdk_version, era.vendored) == (False, None, None)
    loaded = load_worker(folder).era
    assert (loaded.external_sdk, loaded.vendored) == (era.external_sdk, era.vendored)


def test_in_the_external_era_the_env_names_no_vendored_sdk_where_the_worker_has_none(tmp_path):
    folder = _plain_wrangler_ci(one_file_worker(tmp_path, ENTRY))
    config = load_env(folder).config
    reason = missing_sdk_reason(config)
    assert reason is not None and reason.kind == "plain wrangler CI" and "deploys with plain wrangler" in reason.text
    assert era_of(config).vendored is None
    with pytest.raises(ModuleNotFoundError):
        load_worker(folder)


def test_a_lock_file_without_pyproject_vendors_nothing(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, pyproject=False)
    (folder / "pylock.toml").write_text('lock-version = "1.0"\n\n[[packages]]\nname = "workers-runtime-sdk"\n'
                                        'version = "1.9.5"\n')
    config = load_env(folder).config
    assert vendored_sdk_version(folder) is None and era_of(config).vendored is None
    assert missing_sdk_reason(config) is not None
    with pytest.raises(ModuleNotFoundError):
        load_worker(folder)
    (folder / "python_modules" / "workers_runtime_sdk-1.9.5.dist-info").mkdir(parents=True)  # committed
    assert vendored_sdk_version(folder) == ((1, 9, 5), "python_modules/")
    assert load_worker(folder).era.vendored == "python_modules/"
