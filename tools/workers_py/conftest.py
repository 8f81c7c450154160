"""Harness for Cloudflare's runtime-sdk binding suites against workers-env (see run.sh).

Cloudflare's own conftest hands the tests ``from workers import env`` inside workerd. Here the
same name comes from workers-env's stand-in ``workers`` module, reading a runtime built on a
fresh ``load_env`` per test (fresh in-memory KV, D1, Vectorize) in the config's SDK era -- what
a Worker's code gets in production. The stand-in modules sit on ``sys.modules`` for the whole
run, because the suites import ``pyodide.ffi`` and ``workers.rpc`` at module level.
"""

import sys
import uuid
from pathlib import Path

import pytest

from workers_env import load_env
from workers_env.runtime.current import WorkerRuntime, acting_for, set_current
from workers_env.runtime.envwrap import JsEnv
from workers_env.runtime.eras import era_of
from workers_env.runtime.standins import standin_modules

ROOT = Path(__file__).resolve().parent.parent  # the folder holding wrangler.jsonc
sys.modules.update(standin_modules())


def _runtime(env):
    era = era_of(env.config)
    return WorkerRuntime(JsEnv(env, era), era)


set_current(_runtime(load_env(ROOT)))  # for module-level ``from workers import env``


@pytest.fixture
def env():
    fresh = load_env(ROOT)
    set_current(_runtime(fresh))
    import workers

    # in workerd the suites run inside a request: binding I/O outside one is the global-scope error
    with acting_for(object()):
        yield workers.env
    fresh.close()


def unique_table_name() -> str:
    """As Cloudflare's conftest: unique per call."""
    return f"test_{uuid.uuid4().hex[:10]}"
