"""``cli.common.in_ci``: ci-info 4.4.0's ``isCI``, which wrangler 4.164.0 reads (dev probes 8787
alone under CI; a bulk command asks nothing). The answers below are ci-info's own, run under Node
from wrangler's bundle with each environment (review68: 291/291 the same over these and random
mixes; before, only the generic variables were read, 223/291): a vendor's own variable (Azure
Pipelines' ``TF_BUILD``, AWS CodeBuild's, Vercel's) is CI without ``CI``; ``CI=false`` overrides all."""

from __future__ import annotations

import pytest

from workers_env.cli.common import in_ci

CASES = [
    ({}, False), ({"CI": "1"}, True), ({"CI": ""}, False), ({"CI": "false"}, False),
    ({"BUILD_NUMBER": "7"}, True), ({"TF_BUILD": "True"}, True), ({"TF_BUILD": "True", "CI": "false"}, False),
    ({"CODEBUILD_BUILD_ARN": "arn"}, True), ({"VERCEL": "1"}, True), ({"NOW_BUILDER": "1"}, True),
    ({"JENKINS_URL": "http://j"}, False), ({"TASK_ID": "t"}, False), ({"bamboo_planKey": "K"}, True),
    ({"NODE": "/app/.heroku/node/bin/node"}, True), ({"NODE": "/usr/bin/node"}, False),
    ({"CI_NAME": "codeship"}, True), ({"HOME": "/root"}, False), ({"GITHUB_ACTIONS": "true", "CI": "false"}, False),
]


@pytest.mark.parametrize(("environ", "expected"), CASES)
def test_as_ci_info_answers(environ: dict[str, str], expected: bool) -> None:
    assert in_ci(environ) is expected


def test_the_process_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CI", "TF_BUILD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TF_BUILD", "True")
    assert in_ci() is True
