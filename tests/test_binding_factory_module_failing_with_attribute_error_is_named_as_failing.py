"""A ``[tool.workers-env.bindings]`` module whose own top-level code raises ``AttributeError`` (a
typo there, ``math.tau_half``) is reported as a module that failed to import, with that error --
not as a module lacking the factory: workers-env read the import's ``AttributeError`` as
``getattr``'s and said ``module 'x' has no 'make_store'`` (review90, beside walk58's did-you-mean)."""

from __future__ import annotations

import pytest

from workers_env import ConfigError
from workers_env._env import bindings_from_pyproject
from workers_env.config import load_config


def test_an_attribute_error_of_the_modules_own_code_is_its_failure(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n')
    (tmp_path / "review90_facts.py").write_text("import math\nHALF = math.tau_half\n\ndef make_store():\n"
                                                "    return object()\n")
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.bindings]\nSTORE = "review90_facts:make_store"\n')
    with pytest.raises(ConfigError) as info:
        bindings_from_pyproject(load_config(tmp_path))
    assert str(info.value).endswith("STORE: importing \"review90_facts\" raised AttributeError: module 'math' has no "
                                    "attribute 'tau_half'; fix that module")
