"""ci-info 4.4.0's ``isCI``, which wrangler 4.164.0 reads (``memoizeGetPort``: dev probes 8787
alone under CI; ``isNonInteractiveOrCI``): ``CI`` not ``"false"``, and one of its generic
variables set or one of its 53 vendors' conditions met (``vendors.json``, as wrangler bundles it)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

__all__ = ["in_ci"]

#: ci-info's generic variables, any one set (non-empty) meaning CI
_GENERIC = ("BUILD_ID", "BUILD_NUMBER", "CI", "CI_APP_ID", "CI_BUILD_ID", "CI_BUILD_NUMBER", "CI_NAME",
            "CONTINUOUS_INTEGRATION", "RUN_ID")
#: each vendor's ``env`` in vendors.json's order: a variable set; a tuple, all of them; ``{"any": ...}``,
#: one of them; ``{"env": K, "includes": S}``, K holding S; any other mapping, each variable equal to its value
_VENDORS: tuple[Any, ...] = (
    "AGOLA_GIT_REF", "ALPIC_HOST", "AC_APPCIRCLE", "APPVEYOR", "CODEBUILD_BUILD_ARN", "TF_BUILD",
    "bamboo_planKey", "BITBUCKET_COMMIT", "BITRISE_IO", "BUDDY_WORKSPACE_ID", "BUILDKITE", "CIRCLECI",
    "CIRRUS_CI", "CF_PAGES", "WORKERS_CI", "CF_BUILD_ID", "CM_BUILD_ID", {"CI_NAME": "codeship"}, "DRONE",
    "DSARI", "EARTHLY_CI", "EAS_BUILD", "GERRIT_PROJECT", "GITEA_ACTIONS", "GITHUB_ACTIONS", "GITLAB_CI",
    "GO_PIPELINE_LABEL", "BUILDER_OUTPUT", "HARNESS_BUILD_ID", {"env": "NODE", "includes":
    "/app/.heroku/node/bin/node"}, "HUDSON_URL", ("JENKINS_URL", "BUILD_ID"), "LAYERCI", "MAGNUM", "NETLIFY",
    "NEVERCODE", "PROW_JOB_ID", "RELEASE_BUILD_ID", "RENDER", "SAILCI", "SCREWDRIVER", "SEMAPHORE", {"CI_NAME":
    "sourcehut"}, "STRIDER", ("TASK_ID", "RUN_ID"), "TEAMCITY_VERSION", "TRAVIS", "VELA", {"any":
    ("NOW_BUILDER", "VERCEL")}, "APPCENTER_BUILD_ID", {"CI": "woodpecker"}, "CI_XCODE_PROJECT", "XCS",
)


def _met(condition: Any, environ: Mapping[str, str]) -> bool:
    """ci-info's ``checkEnv`` of one condition (a tuple: every one of its conditions)."""
    if isinstance(condition, str):
        return bool(environ.get(condition))
    if isinstance(condition, tuple):
        return all(_met(each, environ) for each in condition)
    if "any" in condition:
        return any(environ.get(name) for name in condition["any"])
    if "env" in condition:
        return condition["includes"] in environ.get(condition["env"], "")
    return all(environ.get(name) == value for name, value in condition.items())


def in_ci(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ci-info calls this environment (``os.environ`` unless given) CI."""
    environ = os.environ if environ is None else environ
    return environ.get("CI") != "false" and (any(environ.get(name) for name in _GENERIC)
                                             or any(_met(vendor, environ) for vendor in _VENDORS))
