"""The 19 older models of the deprecation notice Cloudflare emailed its users in September 2025
(quoted in jackmcguire1/alexa-chatgpt#149, 2025-09-13; ``qwen1.5-7b-chat-awq``'s catalog file
carries ``planned_deprecation_date`` 2025-10-01) are emulated as active: no changelog of
Cloudflare's announces their retirement (the 2026-05-08 one retires 18 other models, which
answer 5028), their model files and pages stay, and no user reports a 5028 for them (README,
"Where we had to choose"). ``models()`` gives the property as the catalog does."""

from __future__ import annotations

import asyncio

from ai_helpers import ai_env, run

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


def test_every_model_of_the_notice_answers(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("still here")
    for model in NOTICE_2025:
        assert run(env, model, {"prompt": "hi"})["response"] == "still here", model
        assert env.AI.lastRequestHttpStatusCode == 200, model


def test_models_gives_the_planned_date_the_catalog_gives(tmp_path):
    env = ai_env(tmp_path)
    listed = {m["name"]: m for m in asyncio.run(env.AI.models({"per_page": 1000}))}
    assert {"property_id": "planned_deprecation_date", "value": "2025-10-01"} in \
        listed["@cf/qwen/qwen1.5-7b-chat-awq"]["properties"]
