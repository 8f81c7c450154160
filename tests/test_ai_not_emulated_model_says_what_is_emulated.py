"""A model workers-env does not emulate is refused with a message that says truly what is
emulated -- the embedding models, the reranker and the text generation models of every result
form -- and points at ``env.AI.models()``, which lists exactly those."""

from __future__ import annotations

import asyncio

import pytest
from ai_helpers import ai_env, run

from workers_env import NotEmulatedError


@pytest.mark.parametrize("model,inputs", [
    ("@cf/black-forest-labs/flux-1-schnell", {"prompt": "a cat"}),  # another task
    ("@cf/cloudflare/clef", {"prompt": "a cat"}),  # text generation with a result form of its own
])
def test_the_refusal_names_every_kind_of_model_that_is_emulated(tmp_path, model, inputs):
    env = ai_env(tmp_path)
    with pytest.raises(NotEmulatedError) as info:
        run(env, model, inputs)
    message = str(info.value)
    assert message.startswith(f"workers-env does not emulate {model} (")
    for kind in ("text embedding models", "@cf/baai/bge-reranker-base", "chat-completions", "gpt-oss",
                 "env.AI.models()"):
        assert kind in message
    assert 'models that answer {"response": ...};' not in message  # the old text, which left most out


def test_the_models_the_message_points_at_are_listed_and_answer(tmp_path):
    env = ai_env(tmp_path)
    listed = {m["name"] for m in asyncio.run(env.AI.models())}
    for model, inputs in (
        ("@cf/baai/bge-reranker-base", {"query": "cat", "contexts": [{"text": "a cat"}]}),
        ("@cf/qwen/qwen3-30b-a3b-fp8", {"messages": [{"role": "user", "content": "hi"}]}),  # chat-completions
        ("@cf/openai/gpt-oss-20b", {"input": "hi"}),  # gpt-oss's Responses form
    ):
        assert model in listed
        assert run(env, model, inputs)  # answered, not refused
    assert "@cf/cloudflare/clef" not in listed and "@cf/black-forest-labs/flux-1-schnell" not in listed
