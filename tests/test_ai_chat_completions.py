"""The catalog's chat-completions models (Qwen3, GLM, Kimi, DeepSeek V4, ...) answer in OpenAI's
form, as workerd's ai.d.ts types them (``ChatCompletionsOutput``): a ``chat.completion`` for
``messages``, a ``text_completion`` for ``prompt``, OpenAI's chunks when streamed."""

from __future__ import annotations

import json

import pytest
from ai_helpers import ai_env, run, sse_chunks, worker_json

from workers_env import AiError
from workers_env.ai.catalog import OTHER_MODELS, TEXT_GENERATION_MODELS

QWEN3 = "@cf/qwen/qwen3-30b-a3b-fp8"
CHAT = {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Where is the cat?"}]}


def test_messages_answer_a_chat_completion(tmp_path):
    res = run(ai_env(tmp_path), QWEN3, CHAT)
    assert list(res) == ["id", "object", "created", "model", "choices", "usage"]
    assert res.id.startswith("chatcmpl-") and res.object == "chat.completion" and res.model == QWEN3
    assert isinstance(res.created, int) and res.created > 1_700_000_000
    (choice,) = res.choices
    assert choice.message.role == "assistant" and choice.finish_reason == "stop" and choice.index == 0
    assert choice.message.content.endswith("You said: Where is the cat?")
    usage = res.usage
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens > 0


def test_prompt_answers_a_text_completion(tmp_path):
    res = run(ai_env(tmp_path), "@cf/zai-org/glm-4.7-flash", {"prompt": "Say hi"})
    assert res.object == "text_completion" and res.id.startswith("cmpl-")
    assert res.choices[0].text.endswith("You said: Say hi") and res.choices[0].finish_reason == "stop"


def test_scripted_replies_and_json_mode(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("On the mat.")
    assert run(env, QWEN3, CHAT).choices[0].message.content == "On the mat."
    whole = {"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant",
             "content": None, "tool_calls": [{"id": "c1", "type": "function",
                                              "function": {"name": "look", "arguments": "{}"}}]}}]}
    env.AI.reply(whole)  # a dict is the whole result, as for every model
    assert run(env, QWEN3, CHAT).choices[0].message.tool_calls[0].function.name == "look"
    env.AI.clear_replies()
    fmt = {"type": "json_schema", "json_schema": {"name": "place", "schema": {
        "type": "object", "properties": {"where": {"type": "string"}}, "required": ["where"]}}}
    content = run(env, QWEN3, {**CHAT, "response_format": fmt}).choices[0].message.content
    assert json.loads(content) == {"where": ""}  # OpenAI's form: the JSON as text


def test_stream_is_openai_chunks(tmp_path):
    env = ai_env(tmp_path, ai_replies="The cat sat.")
    chunks = sse_chunks(run(env, QWEN3, {**CHAT, "stream": True}))
    assert all(c["object"] == "chat.completion.chunk" and c["model"] == QWEN3 for c in chunks)
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert "".join(c["choices"][0]["delta"].get("content", "") for c in chunks) == "The cat sat."
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["usage"]["completion_tokens"] == 4


def test_inputs_are_checked(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as info:
        run(env, QWEN3, {})
    assert str(info.value) == ("AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' "
                               "are 'prompt', required properties at '/' are 'messages', "
                               "required properties at '/' are 'requests'")  # its own schema: three forms
    with pytest.raises(AiError, match="'/top_p' must be <= 1"):
        run(env, QWEN3, {"prompt": "x", "top_p": 2})
    glm = "@cf/zai-org/glm-4.7-flash"  # an OpenAI-sized schema, not vendored: the basics only
    with pytest.raises(AiError, match="required properties at '/messages/0' are 'role'"):
        run(env, glm, {"messages": [{"content": "no role"}]})


def test_every_chat_completions_model_is_emulated_not_refused():
    chat = [m for m in TEXT_GENERATION_MODELS.values() if m.result == "chat-completions"]
    assert len(chat) == 16 and not any("chat-completions" in task for task in OTHER_MODELS.values())


WORKER = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.AI.run("@cf/moonshotai/kimi-k2.6", {"messages": [{"role": "user", "content": "hi"}]})
        return Response.json({"answer": res["choices"][0]["message"]["content"], "object": res.object})
'''


def test_worker_code_reads_choices(tmp_path):
    assert worker_json(tmp_path, WORKER, reply="Hello from Kimi.") == {"answer": "Hello from Kimi.", "object": "chat.completion"}
