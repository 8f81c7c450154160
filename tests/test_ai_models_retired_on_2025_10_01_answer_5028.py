"""The 19 older models of the deprecation notice Cloudflare emailed its users in September 2025
(quoted in jackmcguire1/alexa-chatgpt#149, 2025-09-13) answer the service's 5028 with the date
2025-10-01: cloudflare-docs' ``src/util/deprecated-models.ts``, the data of its "Model
Deprecations" page, lists them "Already deprecated -- October 1, 2025" with status
``deprecated``, and the page says a deprecated model "will no longer be available for inference
and existing requests will return an error" (README, "Where we had to choose"). ``models()``
lists none of them, as a user's dump of the live catalog (2026-05-18) lacks exactly these 19."""

from __future__ import annotations

import asyncio

import pytest
from ai_helpers import ai_env, retired, run

from workers_env import AiError
from workers_env.ai.catalog import DEPRECATED_MODELS

NOTICE_2025 = (
    "@hf/thebloke/zephyr-7b-beta-awq", "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
    "@hf/thebloke/llama-2-13b-chat-awq", "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
    "@hf/thebloke/neural-chat-7b-v3-1-awq", "@hf/thebloke/llamaguard-7b-awq",
    "@hf/thebloke/deepseek-coder-6.7b-base-awq", "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
    "@cf/deepseek-ai/deepseek-math-7b-instruct", "@cf/openchat/openchat-3.5-0106",
    "@cf/tiiuae/falcon-7b-instruct", "@cf/thebloke/discolm-german-7b-v1-awq",
    "@cf/qwen/qwen1.5-0.5b-chat", "@cf/qwen/qwen1.5-7b-chat-awq", "@cf/qwen/qwen1.5-14b-chat-awq",
    "@cf/tinyllama/tinyllama-1.1b-chat-v1.0", "@cf/qwen/qwen1.5-1.8b-chat",
    "@hf/nexusflow/starling-lm-7b-beta", "@cf/fblgit/una-cybertron-7b-v2-bf16",
)


def test_the_notice_is_the_deprecations_pages_list():
    assert sorted(m for m, date in DEPRECATED_MODELS.items() if date == "2025-10-01") == sorted(NOTICE_2025)


@pytest.mark.parametrize("model", NOTICE_2025)
def test_every_model_of_the_notice_answers_5028(tmp_path, model):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as info:
        run(env, model, {"prompt": "hi"})
    assert str(info.value) == retired(model, "2025-10-01") and info.value.code == 5028
    assert env.AI.lastRequestHttpStatusCode == 410


def test_models_lists_none_of_them(tmp_path):
    listed = {m["name"] for m in asyncio.run(ai_env(tmp_path).AI.models({"per_page": 1000}))}
    assert listed and not listed & set(NOTICE_2025)
