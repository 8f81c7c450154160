"""The ``prefix`` run() option: ai-api.ts sends the model as ``cf-consn-model-id:
${prefix}:${model}`` when ``prefix`` is truthy (and keeps the option out of the body), so the
service looks for a model of that name. No catalog model has one: the answer is 5007 naming
it (with a note saying where the prefix came from), even for a retired model's name, which
would otherwise answer 5028. A falsy prefix (``""``, ``0``, ``None``, ``False``) is none."""

from __future__ import annotations

import re

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

BGE = "@cf/baai/bge-base-en-v1.5"


def test_a_prefix_makes_the_service_look_for_another_name(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as caught:
        run(env, BGE, {"text": "a"}, {"prefix": "my-project"})
    assert str(caught.value) == f"AiError: 5007: No such model my-project:{BGE} or task"
    assert any("prefix" in note and f"'my-project:{BGE}'" in note for note in caught.value.__notes__)
    assert (env.AI.lastRequestHttpStatusCode, env.AI.lastRequestInternalStatusCode) == (400, 5007)
    assert env.AI.calls[-1].model == BGE  # the call as the Worker made it


def test_the_prefix_is_written_as_a_template_string_writes_it(tmp_path):
    env = ai_env(tmp_path)
    for prefix, written in ((7, "7"), ([1, 2], "1,2"), ({"a": 1}, "[object Object]"), (True, "true")):
        with pytest.raises(AiError, match=f"No such model {re.escape(written)}:{BGE} or task"):
            run(env, BGE, {"text": "a"}, {"prefix": prefix})


def test_a_retired_model_with_a_prefix_is_no_such_model(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError, match="^AiError: 5007: No such model p:@cf/meta/llama-3.1-8b-instruct or task"):
        run(env, "@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"}, {"prefix": "p"})


def test_a_falsy_prefix_is_none(tmp_path):
    env = ai_env(tmp_path)
    for falsy in ("", 0, None, False):
        assert run(env, BGE, {"text": "a"}, {"prefix": falsy}).shape == [1, 768]


def test_a_raw_response_carries_the_refusal(tmp_path):
    env = ai_env(tmp_path)
    raw = run(env, BGE, {"text": "a"}, {"prefix": "p", "returnRawResponse": True})
    assert raw.status == 400 and f"No such model p:{BGE} or task" in raw.text()
