"""A ``"package.module:function"`` of pyproject.toml whose function name is misspelt --
``[tool.workers-env.ai.embedders]``, ``load_env(embedders=...)``, ``[tool.workers-env.bindings]``
-- is refused with the closest public name the module has, as the target to write (walk58:
``myproject.embeddings:bge_bse`` said only that the module has no ``bge_bse``); a name close to
none keeps the refusal as it was. A dotted name's misspelt part is matched among the names of
the object it is looked up on, callables only (audit35)."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_env
from workers_env._env import bindings_from_pyproject
from workers_env.config import load_config

TOML = 'name = "w"\n[ai]\nbinding = "AI"\n'
MODEL = "@cf/baai/bge-small-en-v1.5"
FUNCTIONS = "def bge_small(texts):\n    return [[1.0] * 384 for _ in texts]\n\ndef make_store():\n    return object()\n"


def _project(tmp_path, module: str, pyproject: str = "") -> None:
    (tmp_path / "wrangler.toml").write_text(TOML)
    (tmp_path / f"{module}.py").write_text(FUNCTIONS)
    (tmp_path / "pyproject.toml").write_text(pyproject)


def test_an_embedder_in_pyproject(tmp_path):
    _project(tmp_path, "walk58_emb_a", f'[tool.workers-env.ai.embedders]\n"{MODEL}" = "walk58_emb_a:bge_smal"\n')
    with pytest.raises(ConfigError) as info:
        load_env(tmp_path)
    assert str(info.value).endswith(
        f'[tool.workers-env.ai.embedders] in pyproject.toml, "{MODEL}": "walk58_emb_a" has no "bge_smal" (from '
        '"walk58_emb_a:bge_smal"): did you mean "walk58_emb_a:bge_small"?')


def test_an_embedder_given_to_load_env_and_a_name_close_to_none(tmp_path):
    _project(tmp_path, "walk58_emb_b")
    with pytest.raises(ConfigError, match=r'has no "bge_smal" \(from "walk58_emb_b:bge_smal"\): did you mean '
                                          r'"walk58_emb_b:bge_small"\?$'):
        load_env(tmp_path, embedders={MODEL: "walk58_emb_b:bge_smal"})
    with pytest.raises(ConfigError, match=r'has no "nothing_alike" \(from "walk58_emb_b:nothing_alike"\)$'):
        load_env(tmp_path, embedders={MODEL: "walk58_emb_b:nothing_alike"})


def test_a_binding_factory_in_pyproject(tmp_path):
    _project(tmp_path, "walk58_facts", '[tool.workers-env.bindings]\nSTORE = "walk58_facts:make_stor"\n')
    with pytest.raises(ConfigError) as info:
        bindings_from_pyproject(load_config(tmp_path))
    assert ('STORE: "walk58_facts" has no "make_stor" (from "walk58_facts:make_stor"): did you mean '
            '"walk58_facts:make_store"?') in str(info.value)


NESTED = ("class Models:\n    @staticmethod\n    def bge_small(texts):\n        return [[1.0] * 384 for _ in texts]\n\n"
          "bge_smalls = ['a list, not a function']\n")


def test_a_dotted_name_is_matched_where_it_is_looked_up_and_only_callables_are_named(tmp_path):
    # audit35: the names of the object the misspelt part is looked up on (Models), not the module's;
    # a module attribute that is no function (bge_smalls) is never offered as the function
    _project(tmp_path, "audit35_emb")
    (tmp_path / "audit35_emb.py").write_text(NESTED)
    with pytest.raises(ConfigError, match=r'has no "Models.bge_smal" \(from "audit35_emb:Models.bge_smal"\): did you '
                                          r'mean "audit35_emb:Models.bge_small"\?$'):
        load_env(tmp_path, embedders={MODEL: "audit35_emb:Models.bge_smal"})
    with pytest.raises(ConfigError, match=r'has no "bge_smal" \(from "audit35_emb:bge_smal"\)$'):
        load_env(tmp_path, embedders={MODEL: "audit35_emb:bge_smal"})
