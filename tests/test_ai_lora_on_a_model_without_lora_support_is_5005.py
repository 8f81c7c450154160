"""A ``lora`` input (a fine-tune's id or name, Cloudflare's "Fine-tunes: LoRAs" page) sent to a
model that takes no LoRA adapter is the service's ``5005: The model <model> does not support LoRA
inference`` with HTTP status 405 (the Workers AI error table; the text as a user measured it on
2026-09-20, for ``glm-5.3-flash`` and ``qwen3-30b-a3b-fp8``), whatever a test scripted. The models
that take one (the catalog's ``lora: true`` property, and ``llama-3.2-3b-instruct``) answer as
without it; an empty ``lora`` is none."""

from __future__ import annotations

import json

import pytest
from ai_helpers import ai_env, run, worker_json

from workers_env import AiError

HELLO = {"messages": [{"role": "user", "content": "Hello world"}]}
ADAPTER = "00000000-0000-0000-0000-000000000"


@pytest.mark.parametrize("model", [
    "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "@cf/qwen/qwen3-30b-a3b-fp8",  # a chat-completions model, whose own schema types lora a string
    "@cf/zai-org/glm-5.3-flash",
])
def test_a_model_without_lora_refuses_the_input_with_5005_and_405(tmp_path, model):
    env = ai_env(tmp_path)
    env.AI.reply("scripted")  # a scripted reply does not answer a refused call
    with pytest.raises(AiError) as refused:
        run(env, model, {**HELLO, "lora": ADAPTER})
    assert str(refused.value) == f"AiError: 5005: The model {model} does not support LoRA inference"
    assert refused.value.code == 5005
    assert "@cf/mistral/mistral-7b-instruct-v0.2-lora" in "".join(refused.value.__notes__)
    assert (env.AI.lastRequestHttpStatusCode, env.AI.lastRequestInternalStatusCode) == (405, 5005)


def test_the_raw_answer_is_the_405_with_the_error_body(tmp_path):
    env = ai_env(tmp_path)
    raw = run(env, "@cf/meta/llama-3.3-70b-instruct-fp8-fast", {**HELLO, "lora": ADAPTER}, {"returnRawResponse": True})
    assert (raw.status, raw.status_text) == (405, "Method Not Allowed")
    description = "The model @cf/meta/llama-3.3-70b-instruct-fp8-fast does not support LoRA inference"
    assert json.loads(raw.text()) == {"internalCode": 5005, "message": f"AiError: {description}",
                                      "name": "AiError", "description": description}


@pytest.mark.parametrize("model", [
    "@cf/mistral/mistral-7b-instruct-v0.2-lora",
    "@cf/google/gemma-2b-it-lora",
    "@cf/meta/llama-3.2-3b-instruct",
    "@cf/qwen/qwen2.5-coder-32b-instruct",
])
def test_a_model_that_takes_lora_answers_as_without_it(tmp_path, model):
    env = ai_env(tmp_path)
    env.AI.reply("fine-tuned")
    assert run(env, model, {**HELLO, "raw": True, "lora": ADAPTER})["response"] == "fine-tuned"
    assert env.AI.lastRequestHttpStatusCode == 200


def test_an_empty_lora_is_none_and_one_the_schema_refuses_is_its_5006_first(tmp_path):
    env = ai_env(tmp_path)
    assert "response" in run(env, "@cf/meta/llama-3.2-1b-instruct", {**HELLO, "lora": ""})
    with pytest.raises(AiError) as refused:  # its schema (the older template) types lora a string
        run(env, "@cf/meta/llama-3.2-1b-instruct", {"prompt": "hi", "lora": 5})
    assert refused.value.code == 5006 and "Type mismatch of '/lora', 'string'" in str(refused.value)


def test_worker_code_gets_the_5005_as_a_js_exception(tmp_path):
    entry = '''
from workers import Response, WorkerEntrypoint
from pyodide.ffi import JsException

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.AI.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast",
                                  {"messages": [{"role": "user", "content": "hi"}], "lora": "my-adapter"})
        except JsException as e:
            return Response.json({"error": str(e), "status": self.env.AI.lastRequestHttpStatusCode})
        return Response.json({})
'''
    assert worker_json(tmp_path, entry) == {
        "error": "AiError: 5005: The model @cf/meta/llama-3.3-70b-instruct-fp8-fast does not support LoRA inference",
        "status": 405,
    }
