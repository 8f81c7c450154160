"""A third-party model (``{author}/{model}``, AI Gateway's Unified Billing: ``openai/gpt-4.1-mini``
on AI Gateway's "Workers Bindings" page) runs through ``env.AI.run`` only with a gateway. With
``{"gateway": {"id": ...}}`` it is not emulated (a ``NotEmulatedError`` naming it, not the 5007 a
Worker would catch as "no such model"); without one it stays the service's 5007, with a note
saying such models need a gateway. A name that is a catalog model's misspelt keeps its did-you-mean
note."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError, NotEmulatedError

JOKE = {"messages": [{"role": "user", "content": "tell me a joke"}]}
GATEWAY = {"gateway": {"id": "default"}}


@pytest.mark.parametrize("model", ["openai/gpt-4.1-mini", "anthropic/claude-sonnet-4", "deepseek/deepseek-v4-pro"])
def test_through_a_gateway_a_third_party_model_is_not_emulated(tmp_path, model):
    env = ai_env(tmp_path)
    with pytest.raises(NotEmulatedError) as refused:
        run(env, model, JOKE, GATEWAY)
    assert f"third-party models through AI Gateway ({model})" in str(refused.value)
    assert not isinstance(refused.value, AiError)
    assert env.AI.calls[-1].model == model


def test_without_a_gateway_it_is_the_5007_with_a_note_naming_the_gateway_option(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as refused:
        run(env, "openai/gpt-4.1-mini", JOKE)
    assert str(refused.value) == "AiError: 5007: No such model openai/gpt-4.1-mini or task"
    note = "".join(refused.value.__notes__)
    assert "third-party model" in note and '{"gateway": {"id": ...}}' in note
    assert env.AI.lastRequestInternalStatusCode == 5007


def test_a_name_close_to_a_catalog_models_is_noted_as_that_model_with_or_without_a_gateway(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as refused:
        run(env, "meta/llama-3.3-70b-instruct-fp8-fast", JOKE)
    assert "did you mean '@cf/meta/llama-3.3-70b-instruct-fp8-fast'?" in "".join(refused.value.__notes__)
    with pytest.raises(NotEmulatedError) as not_emulated:  # through a gateway it may be a third-party model
        run(env, "deepseek/deepseek-v4-pro", JOKE, GATEWAY)
    assert "'@cf/deepseek-ai/deepseek-v4-pro-0813'" in "".join(not_emulated.value.__notes__)


def test_a_workers_ai_model_through_a_gateway_still_answers(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("a joke")
    assert run(env, "@cf/meta/llama-3.3-70b-instruct-fp8-fast", JOKE, GATEWAY)["response"] == "a joke"
    assert len(env.AI.aiGatewayLogId) == 26
