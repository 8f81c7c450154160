"""A ``[tool.workers-env.bindings]`` factory with an ``environment`` parameter gets the selected
``[env.NAME]`` (``None`` for the top level), so ``workers-env dev --env staging`` can load the
Worker a service binding names in that environment too; any other factory is called without
arguments, as before."""

from __future__ import annotations

import pytest

from workers_env._env import bindings_from_pyproject
from workers_env.config import load_config

TOML = ('name = "gw"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\n[env.staging]\n')
FACTORIES = '''
def with_env(environment):
    return ("with_env", environment)

def keyword_only(*, environment=None):
    return ("keyword_only", environment)

def plain():
    return ("plain",)

def other(**kwargs):
    return ("other", kwargs)

builtin = dict
'''
PYPROJECT = ('[tool.workers-env.bindings]\nA = "facts:with_env"\nB = "facts:keyword_only"\nC = "facts:plain"\n'
             'D = "facts:other"\nE = "facts:builtin"\n')


@pytest.mark.parametrize("environment", [None, "staging"])
def test_a_factory_taking_environment_gets_the_selected_one(tmp_path, environment):
    (tmp_path / "wrangler.toml").write_text(TOML)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "facts.py").write_text(FACTORIES)
    built = bindings_from_pyproject(load_config(tmp_path, environment=environment))
    assert built == {"A": ("with_env", environment), "B": ("keyword_only", environment), "C": ("plain",),
                     "D": ("other", {}), "E": {}}
