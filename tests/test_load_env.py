"""load_env: from a wrangler config to an env of bindings and vars."""

from __future__ import annotations

import json

import pytest

from workers_env import (
    ConfigError,
    Env,
    IndexDefinition,
    IndexDefinitionError,
    VectorizeBinding,
    load_env,
)

pytestmark = pytest.mark.asyncio

TOML = """\
name = "search"
main = "src/entry.py"
compatibility_flags = ["python_workers"]

[vars]
GREETING = "hello"
LIMITS = { max = 3 }

[[vectorize]]
binding = "SEARCH"
index_name = "docs"

[[vectorize]]
binding = "SEARCH_TOO"
index_name = "docs"

[env.staging]
vars = { GREETING = "staging" }
vectorize = [{ binding = "SEARCH", index_name = "docs-staging" }]

[env.bare]
"""

DOCS = {"docs": {"dimensions": 2, "metric": "euclidean"}, "docs-staging": {"preset": "@cf/baai/bge-small-en-v1.5"}}


@pytest.fixture
def project(tmp_path):
    (tmp_path / "wrangler.toml").write_text(TOML)
    return tmp_path


async def test_each_vectorize_entry_becomes_a_binding_and_vars_become_attributes(project):
    env = load_env(project / "wrangler.toml", indexes=DOCS)
    assert isinstance(env, Env)
    assert isinstance(env.SEARCH, VectorizeBinding)
    assert env.GREETING == "hello" and env.LIMITS == {"max": 3}
    assert env["GREETING"] == "hello" and "SEARCH" in env
    assert sorted(env) == ["GREETING", "LIMITS", "SEARCH", "SEARCH_TOO"]
    assert env.config.name == "search"
    with pytest.raises(AttributeError, match="no binding or var named 'NOPE'"):
        _ = env.NOPE


async def test_two_bindings_on_one_index_share_its_vectors(project):
    env = load_env(project, indexes=DOCS)
    await env.SEARCH.upsert([{"id": "a", "values": [1, 2]}])
    assert [v.id for v in await env.SEARCH_TOO.getByIds(["a"])] == ["a"]


async def test_every_load_starts_with_fresh_empty_indexes(project):
    first = load_env(project, indexes=DOCS)
    await first.SEARCH.upsert([{"id": "a", "values": [1, 2]}])
    second = load_env(project, indexes=DOCS)
    assert (await second.SEARCH.describe()).vectorsCount == 0


async def test_a_folder_or_the_current_directory_finds_the_config(project, monkeypatch):
    monkeypatch.chdir(project)
    assert load_env(indexes=DOCS).GREETING == "hello"
    sub = project / "src"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert load_env(indexes=DOCS).GREETING == "hello"  # searched upward, as wrangler does


async def test_environment_selects_its_own_bindings_without_inheriting(project):
    staging = load_env(project, environment="staging", indexes=DOCS)
    assert staging.GREETING == "staging"
    assert (await staging.SEARCH.describe()).config == {"dimensions": 384, "metric": "cosine"}
    assert "SEARCH_TOO" not in staging and "LIMITS" not in staging
    bare = load_env(project, environment="bare", indexes=DOCS)
    assert "SEARCH" not in bare and "GREETING" not in bare


async def test_unknown_environment_is_a_config_error(project):
    with pytest.raises(ConfigError, match="nope"):
        load_env(project, environment="nope", indexes=DOCS)


async def test_jsonc_config_with_comments_and_trailing_commas(tmp_path):
    (tmp_path / "wrangler.jsonc").write_text(
        '{\n  // a comment\n  "name": "j",\n  "vars": {"A": "1",},\n'
        '  /* block */ "vectorize": [{"binding": "V", "index_name": "i"},],\n}\n'
    )
    env = load_env(tmp_path, indexes={"i": {"dimensions": 3, "metric": "dot-product"}})
    assert env.A == "1" and (await env.V.describe()).config.metric == "dot-product"


async def test_json_config(tmp_path):
    (tmp_path / "wrangler.json").write_text(json.dumps({"vectorize": [{"binding": "V", "index_name": "i"}]}))
    env = load_env(tmp_path / "wrangler.json", indexes={"i": {"dimensions": 3, "metric": "cosine"}})
    assert (await env.V.describe()).name == "i"


async def test_dev_vars_add_secrets_and_override_vars(project):
    (project / ".dev.vars").write_text('GREETING="from dev vars"\nSECRET=s3cr3t\n')
    env = load_env(project, indexes=DOCS)
    assert env.GREETING == "from dev vars" and env.SECRET == "s3cr3t"


async def test_pyproject_table_defines_indexes_and_the_argument_wins(project):
    (project / "pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 4\nmetric = "cosine"\nversion = "v2"\n'
        '[tool.workers-env.indexes.docs.metadata_indexes]\ncategory = "string"\n'
    )
    env = load_env(project)
    info = await env.SEARCH.describe()
    assert info.dimensions == 4 and "vectorCount" in info  # v2 shape
    assert dict(env.SEARCH.index.metadata_index_types()) == {"category": "string"}
    overridden = load_env(project, indexes={"docs": {"dimensions": 2, "metric": "euclidean"}})
    assert (await overridden.SEARCH.describe()).config.dimensions == 2


async def test_index_defined_nowhere_names_index_binding_and_the_three_ways(project):
    with pytest.raises(IndexDefinitionError) as info:
        load_env(project)
    text = str(info.value)
    assert '"docs"' in text and "SEARCH" in text
    assert "indexes=" in text and "[tool.workers-env.indexes" in text and "vectorize create" in text
    assert isinstance(info.value, ConfigError) and isinstance(info.value, ValueError)


_PRESETS = ("@cf/baai/bge-small-en-v1.5, @cf/baai/bge-base-en-v1.5, @cf/baai/bge-large-en-v1.5, "
            "openai/text-embedding-ada-002, cohere/embed-multilingual-v2.0")
_V2 = {"dimensions": 3, "metric": "cosine", "version": "v2"}


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ({"dimensions": 3, "metric": "manhattan"}, "metric must be one of cosine, euclidean, dot-product, got 'manhattan'"),
        ({"dimensions": "3", "metric": "cosine"}, "dimensions must be a whole number from 1 to 1536, got '3'"),
        ({"metric": "cosine"}, "missing dimensions (or give a preset)"),
        ({"preset": "@cf/nope"}, f"unknown preset '@cf/nope'; known presets: {_PRESETS}"),
        ({"preset": "@cf/baai/bge-base-en-v1.5", "dimensions": 768},
         "give either a preset or dimensions and metric, not both"),
        ({"dimensions": 3, "metric": "cosine", "version": "v3"}, """version must be "v1" or "v2", got 'v3'"""),
        ({"dimensions": 3, "metric": "cosine", "metadata_indexes": {"a": "string"}},
         'metadata indexes exist only on v2 indexes; add "version": "v2"'),
        ({"dimensions": 3, "metric": "cosine", "dims": 3},
         "unknown keys 'dims'; expected some of ['description', 'dimensions', 'metadata_indexes', 'metric', 'preset', "
         "'version']"),
        ({**_V2, "metadata_indexes": {"$x": "string"}},
         "metadata index property name '$x' is invalid: it must be a non-empty string of at most 512 characters, "
         """without '"', whose dot-separated parts are non-empty and do not start with '$'"""),
        ({**_V2, "metadata_indexes": ["a"]}, 'metadata_indexes must map property names to "string", "number" or "boolean"'),
        ({**_V2, "metadata_indexes": {"a": "text"}}, "metadata index 'a' has type 'text'; use one of string, number, boolean"),
        ({**_V2, "metadata_indexes": {f"p{i}": "string" for i in range(11)}}, "at most 10 metadata indexes per index, got 11"),
        ({"dimensions": 3, "metric": "cosine", "description": 5}, "description must be a string, got 5"),
        ({"dimensions": 3, "metric": "cosine", "description": "a\ud800"},
         "description 'a\\ud800' is not valid Unicode: it holds the lone surrogate U+D800; use a description of UTF-8 text"),
        ("768", 'an index definition must be a table/dict such as {"dimensions": 768, "metric": "cosine"}, got str'),
        ({"preset": ["@cf/baai/bge-base-en-v1.5"]}, f"unknown preset ['@cf/baai/bge-base-en-v1.5']; known presets: {_PRESETS}"),
        ({"dimensions": 3, "metric": "cosine", 1: 2, "x": 3},  # keys of mixed types
         "unknown keys 'x', 1; expected some of ['description', 'dimensions', 'metadata_indexes', 'metric', 'preset', "
         "'version']"),
    ],
)
async def test_bad_index_definitions_say_what_is_wrong(project, definition, message):
    with pytest.raises(ConfigError) as info:
        load_env(project, indexes={"docs": definition})
    # (one line for each of the two bindings of "docs")
    assert set(str(info.value).splitlines()) == {f'the indexes= argument, index "docs": {message}'}


async def test_an_index_definition_objects_preset_is_checked_too(project):
    with pytest.raises(ConfigError) as info:
        load_env(project, indexes={"docs": IndexDefinition(dimensions=3, metric="cosine", preset="@cf/nope")})
    assert set(str(info.value).splitlines()) == {
        f'the indexes= argument, index "docs": unknown preset \'@cf/nope\'; known presets: {_PRESETS}'}
    env = load_env(project, indexes={"docs": IndexDefinition(dimensions=768, metric="cosine",
                                                             preset="@cf/baai/bge-base-en-v1.5")})
    assert (await env.SEARCH.describe()).config.dimensions == 768


async def test_at_most_10_metadata_indexes_in_a_definition(project):
    env = load_env(project, indexes={"docs": {**_V2, "metadata_indexes": {f"p{i}": "string" for i in range(10)}}})
    assert (await env.SEARCH.describe()).dimensions == 3


async def test_presets_fix_dimensions_and_metric(project):
    env = load_env(project, indexes={"docs": {"preset": "@cf/baai/bge-base-en-v1.5", "version": "v2"}})
    assert (await env.SEARCH.describe()).dimensions == 768


async def test_broken_config_raises_one_config_error_listing_every_problem(tmp_path):
    (tmp_path / "wrangler.toml").write_text(
        '[[vectorize]]\nbinding = "A"\n\n[[vectorize]]\nindex_name = "x"\n'
    )
    with pytest.raises(ConfigError) as info:
        load_env(tmp_path)
    problems = info.value.problems
    assert len(problems) == 2
    assert any('"vectorize[0]" bindings must have an "index_name" field' in p for p in problems)
    assert any('"vectorize[1]" bindings should have a string "binding" field' in p for p in problems)


async def test_toml_syntax_error_names_line_and_column(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "x"\nvars = {\n')
    with pytest.raises(ConfigError, match=r"wrangler.toml:\d+:\d+:"):
        load_env(tmp_path)


async def test_indexes_argument_must_be_a_mapping(project):
    with pytest.raises(ConfigError, match="indexes= must map index names"):
        load_env(project, indexes=[("docs", {})])

