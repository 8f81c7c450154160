"""A retired model's 5028 keeps the service's text and gains a note naming what to use instead:
the model's ``-fast`` variant where the catalog keeps one (``llama-3.1-8b-instruct-fast``: same
inputs, same ``response``), and the recommended replacements of the notice that retired it --
the 2026-05-08 changelog's for the models of 2026-05-30, the "Model Deprecations" page's for those
of 2025-10-01 -- saying which answer in another form (a Worker written after Cloudflare's RAG
tutorial, on ``llama-3-8b-instruct``, reads ``response``; they answer
``choices[0].message.content``). The service's 5028 names no successor: it points at the catalog."""

from __future__ import annotations

import json

import pytest
from ai_helpers import INFIRE, ai_env, retired, run

from workers_env import AiError
from workers_env.ai.catalog import DEPRECATED_MODELS, RECOMMENDED_REPLACEMENTS

MESSAGES = {"messages": [{"role": "system", "content": "Use the context."}, {"role": "user", "content": "hi"}]}
RECOMMENDS = ("Cloudflare's changelog of 2026-05-08 recommends '@cf/zai-org/glm-4.7-flash', '@cf/google/gemma-4-26b-a4b-it', "
              "'@cf/moonshotai/kimi-k2.6', which answer in OpenAI's chat-completions form (the text is "
              "choices[0].message.content, not response)")
CHANGELOG = "was retired on 2026-05-30 (Cloudflare's changelog \"Planned model deprecations on Workers AI\"): "


def test_a_retired_model_with_a_fast_variant_names_it_first(tmp_path):
    with pytest.raises(AiError) as caught:
        run(ai_env(tmp_path), "@cf/meta/llama-3.1-8b-instruct", MESSAGES)
    assert str(caught.value) == retired(INFIRE)  # the service's text, untouched
    assert caught.value.__notes__ == [
        f"'@cf/meta/llama-3.1-8b-instruct' {CHANGELOG}its variant '@cf/meta/llama-3.1-8b-instruct-fast' "
        f"stays active and answers in the same form; {RECOMMENDS}"]


def test_the_rag_tutorials_model_is_pointed_at_the_changelogs_replacements(tmp_path):
    with pytest.raises(AiError) as caught:
        run(ai_env(tmp_path), "@cf/meta/llama-3-8b-instruct", {**MESSAGES, "stream": True})
    assert str(caught.value) == retired("@cf/meta/llama-3-8b-instruct")
    assert caught.value.__notes__ == [f"'@cf/meta/llama-3-8b-instruct' {CHANGELOG}{RECOMMENDS}"]


def test_what_the_note_says_of_the_models_it_names_holds(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("Pepperoni.")
    assert run(env, "@cf/meta/llama-3.1-8b-instruct-fast", MESSAGES).response == "Pepperoni."
    for model in RECOMMENDED_REPLACEMENTS["2026-05-30"][1] + RECOMMENDED_REPLACEMENTS["2025-10-01"][1]:
        res = run(env, model, MESSAGES)
        if model == "@cf/meta/llama-4-scout-17b-16e-instruct":  # the one the page's note says answers alike
            assert res.response == "Pepperoni." and "choices" not in res
        else:
            assert res.choices[0].message.content == "Pepperoni." and "response" not in res
        assert model not in DEPRECATED_MODELS


def test_the_raw_answer_carries_no_note(tmp_path):
    env = ai_env(tmp_path)
    raw = run(env, "@cf/meta/llama-3-8b-instruct", MESSAGES, {"returnRawResponse": True})
    assert raw.status == 410
    description = retired("@cf/meta/llama-3-8b-instruct").removeprefix("AiError: 5028: ")
    assert json.loads(raw.text()) == {"internalCode": 5028, "message": f"AiError: {description}",
                                      "name": "AiError", "description": description}


def test_a_model_retired_in_2025_names_the_deprecations_pages_own_replacements(tmp_path):
    with pytest.raises(AiError) as caught:
        run(ai_env(tmp_path), "@hf/thebloke/zephyr-7b-beta-awq", MESSAGES)
    assert str(caught.value) == retired("@hf/thebloke/zephyr-7b-beta-awq", "2025-10-01")
    assert caught.value.__notes__ == [
        "'@hf/thebloke/zephyr-7b-beta-awq' was retired on 2025-10-01 (Cloudflare's \"Model Deprecations\" page): "
        "the page recommends '@cf/moonshotai/kimi-k2.6', '@cf/zai-org/glm-4.7-flash', '@cf/openai/gpt-oss-120b', "
        "'@cf/meta/llama-4-scout-17b-16e-instruct', of which '@cf/meta/llama-4-scout-17b-16e-instruct' answers in "
        "the same form (response), the others in OpenAI's chat-completions form (the text is "
        "choices[0].message.content)"]
