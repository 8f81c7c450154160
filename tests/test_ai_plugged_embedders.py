"""Plugging a real embedding model in, by every route: ``load_env(embedders=...)``, a
``"package.module:function"`` string, ``[tool.workers-env.ai.embedders]`` in pyproject.toml
(so ``workers-env dev``), and the pytest plugin (fixture and marker)."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from ai_helpers import WRANGLER, ai_env, run

from workers_env import ConfigError

BGE = "@cf/baai/bge-small-en-v1.5"

MODULE = '''
import numpy as np

SEEN = []

def embed(texts):
    SEEN.append(list(texts))
    out = np.zeros((len(texts), 384))
    for i, text in enumerate(texts):
        out[i, len(text) % 384] = 0.5
    return out
'''


def fake(texts):
    """A stand-in for sentence-transformers: one-hot on the text length."""
    out = np.zeros((len(texts), 384))
    for i, text in enumerate(texts):
        out[i, len(text) % 384] = 0.5
    return out


def test_a_function_through_load_env(tmp_path):
    env = ai_env(tmp_path, embedders={BGE: fake})
    res = run(env, BGE, {"text": ["abc", "abcd"]})
    assert res.shape == [2, 384] and res.pooling == "mean"
    assert res.data[0][3] == 0.5 and res.data[1][4] == 0.5
    assert all(type(v) is int for v in res.data[0] if v == 0)  # whole numbers as Pyodide gives them
    other = run(env, "@cf/baai/bge-base-en-v1.5", {"text": ["abc"]})  # other models keep the default
    assert other.shape == [1, 768]
    assert env.AI.embed(BGE, ["abc"]).shape == (1, 384)


def test_a_module_function_string_and_pyproject(tmp_path):
    (tmp_path / "myembed.py").write_text(MODULE)
    env = ai_env(tmp_path, embedders={BGE: "myembed:embed"})
    assert run(env, BGE, {"text": "hello"}).data[0][5] == 0.5
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(f'''
        [tool.workers-env.ai.embedders]
        "{BGE}" = "myembed:embed"
    '''))
    env = ai_env(tmp_path)  # what workers-env dev does: load_env reads pyproject's table
    assert run(env, BGE, {"text": "hey"}).data[0][3] == 0.5
    env = ai_env(tmp_path, embedders={BGE: fake})  # the argument wins over pyproject
    assert run(env, BGE, {"text": "hey"}).data[0][3] == 0.5


def test_the_shape_is_checked_with_a_clear_error(tmp_path):
    env = ai_env(tmp_path, embedders={BGE: lambda texts: np.zeros((len(texts), 768))})
    with pytest.raises(ConfigError, match=r"returned shape \(1, 768\) for 1 texts; @cf/baai/bge-small-en-v1.5 gives \(1, 384\)"):
        run(env, BGE, {"text": "x"})
    env = ai_env(tmp_path, embedders={BGE: lambda texts: np.zeros(384)})
    with pytest.raises(ConfigError, match=r"returned shape \(384,\)"):
        run(env, BGE, {"text": "x"})
    env = ai_env(tmp_path, embedders={BGE: lambda texts: [["a"] * 384]})
    with pytest.raises(ConfigError, match="did not return an array of numbers"):
        run(env, BGE, {"text": "x"})
    env = ai_env(tmp_path, embedders={BGE: lambda texts: np.full((len(texts), 384), np.nan)})
    with pytest.raises(ConfigError, match="NaN or infinite"):
        run(env, BGE, {"text": "x"})


def test_bad_embedder_configuration_is_reported_at_load(tmp_path):
    with pytest.raises(ConfigError) as info:
        ai_env(tmp_path, embedders={"@cf/meta/llama-3.1-8b-instruct-fast": fake, BGE: "nowhere_module:embed",
                                    "@cf/baai/bge-large-en-v1.5": "no-colon", "@cf/baai/bge-m3": 42})
    problems = info.value.problems
    assert len(problems) == 4
    assert "not a Workers AI text embedding model" in problems[0]
    assert 'cannot import "nowhere_module"' in problems[1]
    assert 'is not "package.module:function"' in problems[2]
    assert "42 is not callable" in problems[3]
    with pytest.raises(ConfigError, match="must map model names to embedding functions"):
        ai_env(tmp_path, embedders=[fake])


def test_the_pytest_plugin_fixture_and_marker(pytester):
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(myembed=MODULE)
    pytester.makeconftest('''
import pytest

@pytest.fixture
def workers_env_embedders():
    return {"@cf/baai/bge-small-en-v1.5": "myembed:embed"}
''')
    pytester.makepyfile(test_it='''
import numpy as np
import pytest

@pytest.mark.asyncio
async def test_fixture(env):
    res = await env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["hello"]})
    assert res.data[0][5] == 0.5

def mine(texts):
    return np.ones((len(texts), 384)) / np.sqrt(384)

@pytest.mark.workers_env(embedders={"@cf/baai/bge-small-en-v1.5": mine})
@pytest.mark.asyncio
async def test_marker(env):
    res = await env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["hello"]})
    assert abs(res.data[0][0] - 1 / np.sqrt(384)) < 1e-6

@pytest.mark.workers_env(ai_replies="scripted")
@pytest.mark.asyncio
async def test_replies_marker(env):
    res = await env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi"})
    assert res.response == "scripted"
''')
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")  # in-process, as the plugin tests run it
    result.assert_outcomes(passed=3)
