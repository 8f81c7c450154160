"""``env.AI.models(params)`` sends each param as ``value.toString()`` in the query (workerd's
ai-api.ts): a null value is JavaScript's TypeError there, a ``page``/``per_page`` that is not a
whole number from 1 the service's refusal (an ``AiInternalError``; the text is ours). The
Python-side ``env.AI.embed(model, texts)`` takes one text or a list of texts, and the model's
own pooling choices, refusing anything else with a ``ConfigError``."""

from __future__ import annotations

import asyncio
import re

import pytest
from ai_helpers import ai_env

from workers_env import ConfigError, JsException

BGE = "@cf/baai/bge-base-en-v1.5"


def models(env, params):
    return asyncio.run(env.AI.models(params))


def test_models_params_as_the_query_string_carries_them(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(JsException) as info:
        models(env, {"search": None})
    assert str(info.value) == "TypeError: Cannot read properties of null (reading 'toString')"
    for params, shown in (({"per_page": "abc"}, "per_page must be a whole number from 1, got 'abc'"),
                          ({"per_page": 2, "page": 0}, "page must be a whole number from 1, got '0'"),
                          ({"per_page": float("nan")}, "per_page must be a whole number from 1, got 'NaN'"),
                          ({"per_page": 2.5}, "per_page must be a whole number from 1, got '2.5'"),
                          ({"per_page": True}, "per_page must be a whole number from 1, got 'true'"),
                          ({"per_page": "²"}, "per_page must be a whole number from 1, got '²'"),  # not ASCII digits
                          ({"per_page": 2, "page": "٣"}, "page must be a whole number from 1, got '٣'")):
        with pytest.raises(JsException) as info:
            models(env, params)
        assert (info.value.name, info.value.message) == ("AiInternalError", shown)
    everything = models(env, {})
    assert models(env, {"per_page": "2", "page": 2.0}) == everything[2:4]  # String(2.0) is "2"
    assert models(env, {"per_page": "9" * 5000}) == everything  # past int()'s digit limit: every model
    assert models(env, {"per_page": 1, "page": "9" * 5000}) == []


def test_embed_takes_one_text_or_a_list_of_texts(tmp_path):
    env = ai_env(tmp_path)
    assert env.AI.embed(BGE, "hello").shape == (1, 768)  # one text, not one per character
    assert (env.AI.embed(BGE, "hello") == env.AI.embed(BGE, ["hello"])).all()
    for texts, shown in ((None, "got NoneType"), (["a", 1], "got an item 1 (int)"), ({"text": "a"}, "got dict")):
        with pytest.raises(ConfigError, match=re.escape(f"embed(): texts is a list of strings, {shown}")):
            env.AI.embed(BGE, texts)


def test_embed_takes_the_models_pooling(tmp_path):
    env = ai_env(tmp_path)
    assert env.AI.embed(BGE, ["a"], pooling="cls").shape == (1, 768)
    with pytest.raises(ConfigError, match=f"embed\\(\\): {BGE} takes pooling 'mean' or 'cls', got 'max'"):
        env.AI.embed(BGE, ["a"], pooling="max")
    with pytest.raises(ConfigError, match="embed\\(\\): @cf/baai/bge-m3 takes pooling 'cls', got 'mean'"):
        env.AI.embed("@cf/baai/bge-m3", ["a"], pooling="mean")


def test_arguments_past_a_methods_own_are_ignored_as_javascript_does(tmp_path):
    env = ai_env(tmp_path)
    assert env.AI.getLogs("extra") == []
    assert asyncio.run(env.AI.run(BGE, {"text": "a"}, {}, "extra"))["shape"] == [1, 768]
    assert len(asyncio.run(env.AI.models({"per_page": 1}, "extra"))) == 1
    from workers_env import NotEmulatedError

    for call in (lambda: env.AI.aiSearch("x"), lambda: env.AI.gateway("g", {}, "x"), lambda: env.AI.autorag("a", 1)):
        with pytest.raises(NotEmulatedError):  # was a bare TypeError for the extra argument
            call()
