"""An index that ``wrangler.toml`` names and nothing defines is refused with one message,
pinned here whole: which source has a near name (a typo), the bindings naming the index, the
three ways to define it -- with an example's values, or with the values of the definition the
state beside the config holds (its metadata indexes too) when it does. The texts are
workers-env's own: production reads an index's definition from the account, not a file."""

from __future__ import annotations

import pytest

from workers_env import IndexDefinitionError, load_env
from workers_env.cli import main

WRANGLER = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'

WAYS_WITH_AN_EXAMPLE = (
    "Define it, with the dimensions of the vectors you store (768 for @cf/baai/bge-base-en-v1.5's, 384 for "
    "bge-small's), in one of these ways:\n"
    "  1. in pyproject.toml beside the config, read by load_env, the pytest fixtures and workers-env dev:\n"
    '       [tool.workers-env.indexes."docs"]\n'
    '       dimensions = 768     # or, for dimensions and metric: preset = "@cf/baai/bge-base-en-v1.5"\n'
    '       metric = "cosine"\n'
    '       version = "v2"\n'
    '  2. for one script or test: load_env(..., indexes={"docs": {"dimensions": 768, "metric": "cosine", '
    '"version": "v2"}}), a workers_env_indexes fixture or @pytest.mark.workers_env(indexes=...)\n'
    "  3. in persisted local state, as you create it on Cloudflare: workers-env vectorize create docs "
    "--dimensions=768 --metric=cosine (no file to edit; workers-env dev reads that state, "
    "load_env(..., persist_to=...) too; not this env, built without persist_to, nor the pytest fixtures': 1 or 2 "
    "for them)"  # (walk58: way 3 was taken for the fixtures)
)


def _refusal(folder, **kwargs) -> str:
    with pytest.raises(IndexDefinitionError) as info:
        load_env(folder, **kwargs)
    return str(info.value)


def test_an_index_defined_nowhere_names_the_three_ways_with_an_example(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    assert _refusal(tmp_path) == (
        'The Vectorize index "docs" (binding VECTORIZE) has no definition: wrangler.toml does not hold its '
        "dimensions and metric. " + WAYS_WITH_AN_EXAMPLE)


def test_a_near_name_in_pyproject_is_named_first_and_every_binding_of_the_index(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER + '[[vectorize]]\nbinding = "OTHER"\nindex_name = "docs"\n')
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.doc]\ndimensions = 3\nmetric = "cosine"\n')
    assert _refusal(tmp_path) == (
        f'[tool.workers-env.indexes] in {tmp_path / "pyproject.toml"} defines "doc", not "docs" (the index_name '
        "in wrangler.toml): a typo in one of the two?\n"
        'The Vectorize index "docs" (bindings VECTORIZE, OTHER) has no definition: wrangler.toml does not hold '
        "its dimensions and metric. " + WAYS_WITH_AN_EXAMPLE)


def test_a_near_name_in_the_indexes_argument_is_named_first(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    refusal = _refusal(tmp_path, indexes={"doc": {"dimensions": 3, "metric": "cosine"}})
    assert refusal.startswith(
        'the indexes= argument defines "doc", not "docs" (the index_name in wrangler.toml): a typo in one of '
        'the two?\nThe Vectorize index "docs" (binding VECTORIZE) has no definition')


def test_the_state_beside_the_config_gives_its_definition_as_the_example(tmp_path, capsys):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    state = str(tmp_path / ".wrangler" / "state")
    assert main(["vectorize", "create", "docs", "--dimensions", "3", "--metric", "euclidean",
                 "--persist-to", state]) == 0
    assert main(["vectorize", "create-metadata-index", "docs", "--property-name", "a b", "--type", "string",
                 "--persist-to", state]) == 0
    capsys.readouterr()
    assert _refusal(tmp_path) == (
        'The Vectorize index "docs" (binding VECTORIZE) has no definition: wrangler.toml does not hold its '
        "dimensions and metric. The state beside the config (.wrangler/state) holds it, as `workers-env "
        "vectorize create` made it, but without persist_to an env reads no state: its indexes start empty, in "
        "memory (so do the pytest fixtures', for every test). Define it as that state does, in one of these ways:\n"
        "  1. in pyproject.toml beside the config, read by load_env, the pytest fixtures and workers-env dev:\n"
        '       [tool.workers-env.indexes."docs"]\n'
        "       dimensions = 3\n"
        '       metric = "euclidean"\n'
        '       version = "v2"\n'
        '       metadata_indexes = { "a b" = "string" }\n'
        '  2. for one script or test: load_env(..., indexes={"docs": {"dimensions": 3, "metric": "euclidean", '
        '"version": "v2", "metadata_indexes": {"a b": "string"}}}), a workers_env_indexes fixture or '
        "@pytest.mark.workers_env(indexes=...)\n"
        '  3. to use that state itself, vectors and all: load_env(..., persist_to=".wrangler/state") run from '
        "the config's folder, as workers-env dev does (a Worker's: load_worker(env=load_env(...)))")
