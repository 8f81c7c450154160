"""An index definition that misses by a typo says so instead of only "no definition": a
``[tool.workers-env.indexes]`` entry whose name is close to the wrangler.toml ``index_name``
is named in the error, and a ``[tool.workers_env]`` table (underscore), which workers-env would
otherwise pass over without a word, is a ConfigError naming the table it should be."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, IndexDefinitionError, load_env

WRANGLER = 'name = "w"\n[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "rag-docs"\n'


def _project(tmp_path, pyproject: str):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(pyproject)
    return tmp_path


def test_a_near_index_name_is_named(tmp_path):
    path = _project(tmp_path, '[tool.workers-env.indexes."rag_docs"]\ndimensions = 3\nmetric = "cosine"\n')
    with pytest.raises(IndexDefinitionError) as info:
        load_env(path)
    assert 'defines "rag_docs", not "rag-docs" (the index_name in wrangler.toml): a typo' in str(info.value)
    assert 'The Vectorize index "rag-docs" (binding VECTORIZE) has no definition' in str(info.value)


def test_an_unrelated_index_name_is_not_named(tmp_path):
    path = _project(tmp_path, '[tool.workers-env.indexes."faq"]\ndimensions = 3\nmetric = "cosine"\n')
    with pytest.raises(IndexDefinitionError) as info:
        load_env(path)
    assert "faq" not in str(info.value)


@pytest.mark.parametrize("table", ["workers_env", "workersenv", "Workers-Env", "worker-env", "workers-evn"])
def test_a_misspelt_tool_table_is_refused_with_the_right_name(tmp_path, table):
    path = _project(tmp_path, f'[tool.{table}.indexes."rag-docs"]\ndimensions = 3\nmetric = "cosine"\n')
    with pytest.raises(ConfigError) as info:
        load_env(path)
    assert f"[tool.{table}] in " in str(info.value)
    assert "rename the table to [tool.workers-env]" in str(info.value)


def test_other_tools_tables_are_left_alone(tmp_path):
    path = _project(tmp_path, '[tool.workers-env.indexes."rag-docs"]\ndimensions = 3\nmetric = "cosine"\n'
                              '[tool.workers_env]\nx = 1\n[tool.ruff]\nline-length = 100\n')
    assert load_env(path).VECTORIZE is not None   # [tool.workers-env] is there: the rest is not ours


@pytest.mark.parametrize("table", ["workers-dev", "workers-ext", "workers-eval", "workers-envx", "workers_env_test", "pyworkers-env"])
def test_another_tools_table_that_resembles_ours_is_not_refused(tmp_path, table):
    # only [tool.workers-env] spelt another way or one letter off is ours: a table of another tool
    # whose name merely resembles it (or extends it) must not stop the project from loading
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[vars]\nA = "1"\n')
    (tmp_path / "pyproject.toml").write_text(f'[tool.{table}]\nx = 1\n')
    assert load_env(tmp_path).A == "1"
