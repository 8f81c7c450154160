"""Models the catalog marks ``require_workers_paid`` (cloudflare-docs changelog
2026-07-28-models-require-workers-paid.mdx at 962e854c348a: kimi-k2.6, kimi-k2.7-code and glm-5.2
then; the model files add deepseek-v4 and glm-5.3) answer a Free plan account's request with a
403 (internal code 5035). workers-env has no account plan: they answer as on Workers Paid,
and ``models()`` carries the property, as the catalog does."""

from __future__ import annotations

import asyncio

from ai_helpers import ai_env, run

CHANGELOG_PAID = ("@cf/moonshotai/kimi-k2.6", "@cf/moonshotai/kimi-k2.7-code", "@cf/zai-org/glm-5.2")


def _paid_models(env):
    listed = asyncio.run(env.AI.models({"per_page": 1000}))
    return [m["name"] for m in listed
            if {"property_id": "require_workers_paid", "value": "true"} in m["properties"]]


def test_models_lists_the_property_for_the_changelogs_models(tmp_path):
    env = ai_env(tmp_path)
    assert set(CHANGELOG_PAID) <= set(_paid_models(env))


def test_every_workers_paid_model_answers(tmp_path):
    env = ai_env(tmp_path)
    paid = _paid_models(env)
    assert paid
    for model in paid:
        answer = run(env, model, {"messages": [{"role": "user", "content": "hi"}]})
        assert answer["choices"][0]["message"]["role"] == "assistant", model
        assert env.AI.lastRequestHttpStatusCode == 200, model
