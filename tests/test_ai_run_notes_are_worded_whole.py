"""The notes ``env.AI.run()`` adds to the service's errors and to workerd's, pinned whole (the
error's own text is the service's or workerd's; the note says what to do): an assistant turn
that only calls tools sent with ``content: null`` (5006), a ``lora`` for a model that takes
none (5005, the active models that take one), an unknown model asked for with the ``prefix``
option (5007, the name the service looked for), an ``extraHeaders`` name or value workerd's
``Headers`` refuses, a third-party model without AI Gateway (5007) and one through it whose name
is close to a catalog model's."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError, JsException, NotEmulatedError

R1 = "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b"
LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"


def notes(tmp_path, *args) -> tuple[str, list[str]]:
    with pytest.raises((AiError, JsException)) as info:
        run(ai_env(tmp_path), *args)
    return str(info.value), getattr(info.value, "__notes__", [])


def test_a_tool_calling_turn_with_content_null(tmp_path):
    call = {"id": "1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
    messages = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": None, "tool_calls": [call]}]
    assert notes(tmp_path, R1, {"messages": messages})[1] == [
        "messages[1] is an assistant turn that only calls tools, with content null (OpenAI's convention): this "
        'model\'s schema takes a string there, so send content "" for it']


def test_a_lora_for_a_model_that_takes_none(tmp_path):
    assert notes(tmp_path, LLAMA, {"prompt": "hi", "lora": "my-adapter"}) == (
        "AiError: 5005: The model @cf/meta/llama-3.1-8b-instruct-fast does not support LoRA inference",
        ["the models that take a LoRA adapter (the lora input): @cf/meta/llama-3.2-3b-instruct, "
         "@cf/meta/llama-3.2-11b-vision-instruct, @cf/meta-llama/llama-2-7b-chat-hf-lora, "
         "@cf/mistral/mistral-7b-instruct-v0.2-lora, @cf/mistralai/mistral-small-3.1-24b-instruct, "
         "@cf/qwen/qwen2.5-coder-32b-instruct, @cf/qwen/qwq-32b, @cf/google/gemma-2b-it-lora, "
         "@cf/google/gemma-7b-it-lora"])


@pytest.mark.parametrize(("prefix", "shown"), [("workers-ai", "workers-ai"), ({1, 2}, "[object Set]")])
def test_an_unknown_model_with_the_prefix_option(tmp_path, prefix, shown):
    """The prefix as ai-api.ts's template literal writes it (a Set: ``[object Set]``)."""
    model = f"{shown}:llama-3.1-8b-instruct"
    assert notes(tmp_path, "llama-3.1-8b-instruct", {"prompt": "hi"}, {"prefix": prefix}) == (
        f"AiError: 5007: No such model {model} or task",
        [f"{model!r} is no model of the Workers AI catalog as @cloudflare/workers-types 5.20261117.1 lists it; "
         "env.AI.models() lists the models workers-env emulates, with their names",
         f"the service looked for the model {model!r}: ai-api.ts sends the run() option prefix before the model's "
         "name, as '<prefix>:<model>'"])


def test_a_third_party_model_close_to_a_catalog_model(tmp_path):
    model = "deepseek-ai/deepseek-r1-distill-qwen-32b"
    with pytest.raises(NotEmulatedError) as info:
        run(ai_env(tmp_path), model, {"prompt": "hi"}, {"gateway": {"id": "g"}})
    assert str(info.value) == (
        f"workers-env does not emulate third-party models through AI Gateway ({model}) offline: they need Cloudflare's "
        "services (AI Gateway's Unified Billing). Run a Workers AI model (@cf/...) in local runs, or supply your own AI "
        "binding with load_env(..., bindings={...}).")
    assert info.value.__notes__ == [f"if you meant the Workers AI model '@cf/{model}', name it so"]


@pytest.mark.parametrize(("headers", "error", "note"), [
    ({"bad name": "x"}, "TypeError: Invalid header name.",
     "AI.run()'s extraHeaders name 'bad name': a header name is letters, digits and !#$%&'*+-.^_`|~"),
    ({"x-ok": "a\nb"}, "TypeError: Invalid header value.",
     "AI.run()'s extraHeaders value of 'x-ok' holds a NUL, CR or LF character"),
])
def test_an_extra_header_workerd_refuses(tmp_path, headers, error, note):
    message, added = notes(tmp_path, LLAMA, {"prompt": "hi"}, {"extraHeaders": headers})
    assert (message, added) == (error, [note])


def test_a_third_party_model_without_ai_gateway(tmp_path):
    assert notes(tmp_path, "openai/gpt-5", {"prompt": "hi"}) == (
        "AiError: 5007: No such model openai/gpt-5 or task",
        ["'openai/gpt-5' has the form of a third-party model ({author}/{model}, as AI Gateway's Unified Billing names "
         "them): those run only through AI Gateway, with run()'s options {\"gateway\": {\"id\": ...}}, and workers-env "
         "does not emulate them offline; Workers AI's own models are named @cf/... (env.AI.models() lists the models "
         "workers-env emulates, with their names)"])
