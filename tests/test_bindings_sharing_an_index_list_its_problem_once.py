"""Two ``[[vectorize]]`` bindings naming one index share its definition, so ``load_env``'s error
lists that definition's problem once (naming both bindings), next to other indexes' problems."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, IndexDefinitionError, load_env

TOML = ('name = "w"\n[[vectorize]]\nbinding = "A"\nindex_name = "idx"\n'
        '[[vectorize]]\nbinding = "B"\nindex_name = "idx"\n'
        '[[vectorize]]\nbinding = "C"\nindex_name = "other"\n')


def test_an_undefined_shared_index_is_one_problem_naming_both_bindings(tmp_path):
    (tmp_path / "wrangler.toml").write_text(TOML)
    with pytest.raises(IndexDefinitionError) as info:
        load_env(tmp_path)
    assert info.value.problems[0].startswith('The Vectorize index "idx" (bindings A, B) has no definition: ')
    assert info.value.problems[1].startswith('The Vectorize index "other" (binding C) has no definition: ')
    assert len(info.value.problems) == 2
    assert str(info.value).count('The Vectorize index "idx"') == 1


def test_a_bad_shared_definition_is_one_problem(tmp_path):
    (tmp_path / "wrangler.toml").write_text(TOML)
    indexes = {"idx": {"dimensions": 0, "metric": "cosine"}, "other": {"dimensions": 3, "metric": "cosine"}}
    with pytest.raises(ConfigError) as info:
        load_env(tmp_path, indexes=indexes)
    assert info.value.problems == [
        'the indexes= argument, index "idx": dimensions must be a whole number from 1 to 1536, got 0']

