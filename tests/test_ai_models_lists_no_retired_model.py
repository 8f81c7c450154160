"""``models()`` -- and so ``workers-env ai models list``, which asks it page by page as wrangler
asks Cloudflare's search -- lists no model that ``run()`` answers with 5028: the live catalog
drops a model once retired (a dump of it on 2026-05-18 lacks exactly the 19 models retired around
2025-10-01, whose model files stay), so ``wrangler ai models --search llama`` offers none of the
models of the 2026-05-30 notice. kimi-k2.5, whose calls kimi-k2.6 answers, stays, flagged with
the notice's ``planned_deprecation_date``."""

from __future__ import annotations

import asyncio
import json

from ai_helpers import ai_env

from workers_env import AiError
from workers_env.ai.catalog import DEPRECATED_MODELS
from workers_env.cli import main


async def _answers_5028(ai, name: str) -> bool:
    try:
        await ai.run(name, {"prompt": "hello"})
    except AiError as e:
        return e.code == 5028
    return False


def test_no_listed_model_answers_5028_and_kimi_k2_5_is_the_one_flagged(tmp_path):
    env = ai_env(tmp_path)

    async def go():
        listed = await env.AI.models()
        flagged = {m.name: {p.property_id: p.value for p in m.properties}.get("planned_deprecation_date")
                   for m in listed}
        retired = [m.name for m in listed if await _answers_5028(env.AI, m.name)]
        return flagged, retired

    flagged, retired = asyncio.run(go())
    assert retired == []
    assert not set(flagged) & set(DEPRECATED_MODELS)
    assert {name for name, date in flagged.items() if date == "2026-05-30"} == {"@cf/moonshotai/kimi-k2.5"}
    assert flagged["@cf/meta/llama-3.1-8b-instruct-fast"] is None  # the -fast variant stays, listed


def test_every_retired_model_still_answers_5028(tmp_path):
    env = ai_env(tmp_path)

    async def go():
        return [name for name in DEPRECATED_MODELS if not await _answers_5028(env.AI, name)]

    assert asyncio.run(go()) == []


def test_the_cli_search_offers_no_retired_model(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["ai", "models", "list", "--search", "llama", "--json"]) == 0
    names = [entry["name"] for entry in json.loads(capsys.readouterr().out)]
    assert "@cf/meta/llama-3-8b-instruct" not in names and "@cf/meta/llama-3.1-8b-instruct" not in names
    assert "@cf/meta/llama-3.1-8b-instruct-fast" in names and "@cf/meta/llama-3.3-70b-instruct-fp8-fast" in names
