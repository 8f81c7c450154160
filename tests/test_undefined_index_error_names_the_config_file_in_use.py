"""The error for an index defined nowhere names the config file the project has
(``wrangler.jsonc``, ``wrangler.json`` or ``wrangler.toml``), not always ``wrangler.toml``."""

from __future__ import annotations

import pytest

from workers_env import IndexDefinitionError, load_env

JSONC = '// mine\n{"name": "w", "vectorize": [{"binding": "VECTORIZE", "index_name": "rag-docs"},],}\n'


@pytest.mark.parametrize("file_name", ["wrangler.jsonc", "wrangler.json"])
def test_a_json_config_is_named(tmp_path, file_name):
    (tmp_path / file_name).write_text(JSONC)
    with pytest.raises(IndexDefinitionError) as info:
        load_env(tmp_path)
    assert f"has no definition: {file_name} does not hold its dimensions" in str(info.value)
    assert "wrangler.toml" not in str(info.value)


def test_the_typo_line_names_the_json_config(tmp_path):
    (tmp_path / "wrangler.jsonc").write_text(JSONC)
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes."rag_docs"]\ndimensions = 3\nmetric = "cosine"\n')
    with pytest.raises(IndexDefinitionError) as info:
        load_env(tmp_path)
    assert '(the index_name in wrangler.jsonc): a typo' in str(info.value)


def test_a_toml_config_is_still_named_wrangler_toml(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[[vectorize]]\nbinding = "V"\nindex_name = "x"\n')
    with pytest.raises(IndexDefinitionError) as info:
        load_env(tmp_path)
    assert "has no definition: wrangler.toml does not hold" in str(info.value)
