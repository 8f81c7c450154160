"""The models Cloudflare retired on 2026-05-30 (changelog "Planned model deprecations on Workers
AI"): run() answers the service's ``5028: <model> was deprecated on 2026-05-30. See the model
catalog for alternatives: ...`` whatever the inputs (HTTP 410); kimi-k2.5's requests are answered by kimi-k2.6; the
``-fast`` and ``-lora`` variants stay (README, Text generation)."""

from __future__ import annotations

import pytest
from ai_helpers import INFIRE, ai_env, retired, run

from workers_env import AiError, ConfigError
from workers_env.ai.catalog import DEPRECATED_MODELS, TEXT_GENERATION_MODELS

RETIRED_2026 = sorted(m for m, date in DEPRECATED_MODELS.items() if date == "2026-05-30")


def test_the_changelog_s_seventeen_models_and_one_alias():
    assert len(RETIRED_2026) == 17 and len(DEPRECATED_MODELS) == 17 + 19  # (and the 19 of 2025-10-01)
    assert "@cf/moonshotai/kimi-k2.5" not in DEPRECATED_MODELS


@pytest.mark.parametrize("model", RETIRED_2026)
def test_every_retired_model_answers_5028(tmp_path, model):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as caught:
        run(env, model, {"prompt": "hi"})
    named = INFIRE if model == "@cf/meta/llama-3.1-8b-instruct" else model
    assert str(caught.value) == retired(named) and caught.value.code == 5028
    assert (env.AI.lastRequestHttpStatusCode, env.AI.lastRequestInternalStatusCode) == (410, 5028)


def test_the_model_is_refused_before_its_inputs_are_read(tmp_path):
    with pytest.raises(AiError, match="^AiError: 5028: "):
        run(ai_env(tmp_path), "@cf/meta/llama-3.1-8b-instruct", {"no": "prompt"})


@pytest.mark.parametrize("model", [
    "@cf/meta/llama-3.1-8b-instruct-fast", "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "@cf/google/gemma-7b-it-lora", "@cf/google/gemma-2b-it-lora", "@cf/mistral/mistral-7b-instruct-v0.2-lora",
    "@cf/meta-llama/llama-2-7b-chat-hf-lora",
])
def test_the_variants_that_remain_active_answer(tmp_path, model):
    assert run(ai_env(tmp_path), model, {"prompt": "hi"}).response.startswith("[workers-env offline reply")


def test_kimi_k2_5_is_answered_by_kimi_k2_6(tmp_path):
    env = ai_env(tmp_path)
    res = run(env, "@cf/moonshotai/kimi-k2.5", {"messages": [{"role": "user", "content": "hi"}]})
    assert res.object == "chat.completion" and res.model == "@cf/moonshotai/kimi-k2.6"
    env.AI.reply("scripted for the name the Worker asked", model="@cf/moonshotai/kimi-k2.5")
    res = run(env, "@cf/moonshotai/kimi-k2.5", {"messages": [{"role": "user", "content": "hi"}]})
    assert res.choices[0].message.content == "scripted for the name the Worker asked"


def test_a_reply_scripted_for_a_retired_model_is_a_config_error(tmp_path):
    env = ai_env(tmp_path)
    assert "@cf/meta/llama-3.1-8b-instruct" in TEXT_GENERATION_MODELS  # still in the catalog (models() lists it)
    with pytest.raises(ConfigError, match="was deprecated on 2026-05-30: run\\(\\) answers the service's 5028"):
        env.AI.reply("never used", model="@cf/meta/llama-3.1-8b-instruct")


def test_models_no_longer_lists_them_as_the_live_catalog_does(tmp_path):
    import asyncio

    names = [m.name for m in asyncio.run(ai_env(tmp_path).AI.models(search="llama-3.1-8b"))]
    assert "@cf/meta/llama-3.1-8b-instruct" not in names and "@cf/meta/llama-3.1-8b-instruct-fast" in names
