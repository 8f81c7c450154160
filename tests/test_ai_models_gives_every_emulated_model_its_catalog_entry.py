"""``env.AI.models()`` lists every emulated model with the id, description and properties of its
cloudflare-docs model file -- gpt-oss-120b and -20b included, which fell back to a made-up id and
"Text generation model" until the catalog was checked again on 2026-12-04."""

from __future__ import annotations

import asyncio
import uuid

from ai_helpers import ai_env


def _listed(tmp_path, params=None):
    env = ai_env(tmp_path)
    return asyncio.run(env.AI.models(params or {}))


def test_no_listed_model_has_a_made_up_id(tmp_path):
    listed = _listed(tmp_path)
    made_up = [m.name for m in listed if m.id == str(uuid.uuid5(uuid.NAMESPACE_URL, m.name))]
    assert made_up == []
    assert len({m.id for m in listed}) == len(listed)
    assert all(m.description and m.description != "Text generation model" for m in listed)


def test_gpt_oss_models_carry_their_catalog_files(tmp_path):
    by_name = {m.name: m for m in _listed(tmp_path, {"author": "openai"})}
    big, small = by_name["@cf/openai/gpt-oss-120b"], by_name["@cf/openai/gpt-oss-20b"]
    assert (big.id, big.source) == ("f9f2250b-1048-4a52-9910-d0bf976616a1", 1)
    assert (small.id, small.source) == ("188a4e1e-253e-46d0-9616-0bf8c149763f", 1)
    assert big.description.startswith("OpenAI\u2019s open-weight models designed for powerful reasoning")
    assert big.description.endswith("gpt-oss-120b is for production, general purpose, high reasoning use-cases.")
    assert small.description.endswith("gpt-oss-20b is for lower latency, and local or specialized use-cases.")
    assert [(p.property_id, p.value) for p in big.properties] == [
        ("async_queue", "true"), ("context_window", "128000"), ("function_calling", "true"), ("reasoning", "true")]
    assert [(p.property_id, p.value) for p in small.properties] == [
        ("context_window", "128000"), ("function_calling", "true"), ("reasoning", "true")]


def test_search_finds_gpt_oss_by_its_description(tmp_path):
    found = [m.name for m in _listed(tmp_path, {"search": "open-weight"})]
    assert found == ["@cf/openai/gpt-oss-120b", "@cf/openai/gpt-oss-20b"]


def test_embeddinggemma_has_the_id_of_its_newest_model_file(tmp_path):
    """embeddinggemma-300m.json at a782d420539d (created_at 2025-09-04, the schema with minLength
    and maxItems that the input check uses) has the id a dump of the live catalog (2026-05-18)
    lists; the id of its first file (created_at 2025-09-03) is gone."""
    gemma = next(m for m in _listed(tmp_path, {"author": "google"}) if m.name == "@cf/google/embeddinggemma-300m")
    assert gemma.id == "15631501-2742-4346-a469-22fe202188a2"
