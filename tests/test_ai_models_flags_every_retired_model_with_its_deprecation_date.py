"""Every model ``run()`` answers with 5028 is listed by ``models()`` with the catalog's
``planned_deprecation_date`` of Cloudflare's notice (2026-05-30), so a Worker that drops models
past that date -- as code picking a model from the catalog does -- never picks a retired one; the
one other model flagged so is kimi-k2.5, whose calls kimi-k2.6 answers."""

from __future__ import annotations

import asyncio

from ai_helpers import ai_env

from workers_env import AiError


async def _answers_5028(ai, name: str) -> bool:
    try:
        await ai.run(name, {"prompt": "hello"})
    except AiError as e:
        return e.code == 5028
    return False


def test_the_models_flagged_deprecated_are_those_that_answer_5028(tmp_path):
    env = ai_env(tmp_path)

    async def go():
        listed = await env.AI.models({"task": "Text Generation"})
        flagged = {m.name: {p.property_id: p.value for p in m.properties}.get("planned_deprecation_date")
                   for m in listed}
        retired = {m.name for m in listed if await _answers_5028(env.AI, m.name)}
        return flagged, retired

    flagged, retired = asyncio.run(go())
    assert len(retired) == 15  # the 17 of the notice less uform-gen2 and bart-large-cnn (other tasks)
    assert {name for name, date in flagged.items() if date == "2026-05-30"} == retired | {"@cf/moonshotai/kimi-k2.5"}
    assert flagged["@cf/meta/llama-3.1-8b-instruct"] == "2026-05-30"
    assert flagged["@cf/meta/llama-3.1-8b-instruct-fast"] is None  # the -fast variant stays


def test_a_worker_dropping_past_dates_keeps_only_models_that_answer(tmp_path):
    env = ai_env(tmp_path)

    async def go():
        listed = await env.AI.models({"task": "Text Generation"})
        kept = [m.name for m in listed
                if {p.property_id: p.value for p in m.properties}.get("planned_deprecation_date", "9999") > "2026-12-04"]
        return [name for name in kept if await _answers_5028(env.AI, name)]

    assert asyncio.run(go()) == []
