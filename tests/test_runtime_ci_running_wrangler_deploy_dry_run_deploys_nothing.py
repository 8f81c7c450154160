"""A CI step running ``wrangler deploy --dry-run`` (wrangler: "Compile a project and run checks
without actually uploading the Worker", deploy-args.ts) uploads nothing, so it is no sign that
the project deploys with plain wrangler: the lock file pywrangler syncs from still decides the
SDK production runs. Found running sachinkundu/deos, whose CI validates its configs with
``npx wrangler deploy --dry-run --config wrangler.jsonc`` and whose deploy script runs
``uvx --from workers-py pywrangler deploy`` over a ``pylock.toml`` locking
workers-runtime-sdk 1.6.12: workers-env refused to start it (no SDK), production runs it."""

from __future__ import annotations

import pytest
from worker_helpers import HELLO, one_file_worker

from workers_env import load_worker
from workers_env.runtime.eras import deploys_with_plain_wrangler


def _ci(folder, run):
    (folder / ".git").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "ci.yml").write_text(
        "jobs:\n  check:\n    steps:\n      - name: Validate\n        run: " + run + "\n")
    return folder


@pytest.mark.parametrize(("run", "deploys"), [
    ("npx wrangler deploy --dry-run --config wrangler.jsonc", False),
    ("npx wrangler deploy --config wrangler.jsonc --dry-run", False),
    ("wrangler deploy --dry-run=true", False),
    ("wrangler deploy --dryRun", False),
    ("npx wrangler versions upload --dry-run", False),
    ("|\n          npx wrangler deploy --dry-run --config a.jsonc\n          npx wrangler deploy --dry-run --config b.jsonc", False),
    ("|\n          npx wrangler deploy \\\n            --dry-run --outdir dist", False),
    ("npx wrangler deploy --config wrangler.jsonc", True),
    ("wrangler deploy --dry-run=false", True),
    ("wrangler deploy --dry-runs", True),
    ("wrangler deploy; echo --dry-run", True),
    ("wrangler deploy --dry-run && wrangler deploy", True),
    ("|\n          npx wrangler deploy --dry-run\n          npx wrangler deploy", True),
])
def test_a_dry_run_is_no_deploy_and_a_real_upload_still_is(tmp_path, run, deploys):
    assert deploys_with_plain_wrangler(_ci(tmp_path, run)) is deploys


PYPROJECT = ('[project]\nname = "w"\nversion = "0.1.0"\ndependencies = []\n\n'
             '[project.optional-dependencies]\ndev = ["pytest>=8.0", "workers-py>=1.0"]\n')
PYLOCK = 'lock-version = "1.0"\n[[packages]]\nname = "workers-runtime-sdk"\nversion = "1.6.12"\n'


def test_the_locked_sdk_runs_where_ci_only_checks_with_a_dry_run(tmp_path):
    folder = _ci(one_file_worker(tmp_path, HELLO, date="2026-08-11"),
                 "npx wrangler deploy --dry-run --config wrangler.toml")
    (folder / "pyproject.toml").write_text(PYPROJECT)
    (folder / "pylock.toml").write_text(PYLOCK)
    era = load_worker(folder).era
    assert (era.external_sdk, era.sdk_version, era.vendored) == (True, (1, 6, 12), "pylock.toml")
