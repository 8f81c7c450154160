"""``@cf/meta/llama-3.1-8b-fast-v2`` answers though no catalog source lists it: the model whose
name the service's answers for ``llama-3.1-8b-instruct-fast`` (a user's streamed chunks,
2026-06-15) and for the retired ``llama-3.1-8b-instruct`` over REST (a recorded answer,
2026-10-04) carry, and which public Workers call by name through ``env.AI``. It answers in
OpenAI's chat-completions form with ``response`` beside ``choices`` (the recording), streams
OpenAI's chunks with no ``response`` (the measurement), and ``models()`` does not list it."""

from __future__ import annotations

import asyncio
import json

from ai_helpers import ai_env, run, sse_chunks, worker_json

from workers_env.ai.catalog import UNLISTED_MODELS
from workers_env.cli import main

FAST_V2 = "@cf/meta/llama-3.1-8b-fast-v2"
CHAT = {"messages": [{"role": "user", "content": "Where is the cat?"}]}


def test_messages_answer_a_chat_completion_that_also_carries_response(tmp_path):
    res = run(ai_env(tmp_path, ai_replies="On the mat."), FAST_V2, CHAT)
    assert list(res) == ["id", "object", "created", "model", "choices", "usage", "response"]
    assert res.object == "chat.completion" and res.model == FAST_V2
    assert res.choices[0].message.content == "On the mat." and res.response == "On the mat."
    assert res.usage.total_tokens == res.usage.prompt_tokens + res.usage.completion_tokens > 0


def test_json_mode_response_is_the_value_and_content_its_text(tmp_path):
    fmt = {"type": "json_schema", "json_schema": {"type": "object", "properties": {"proposals": {"type": "array"}}}}
    env = ai_env(tmp_path, ai_replies='{"proposals": [{"threshold": 220}]}')
    res = run(env, FAST_V2, {**CHAT, "response_format": fmt})
    assert res.response == {"proposals": [{"threshold": 220}]} and res.response.proposals[0].threshold == 220
    assert json.loads(res.choices[0].message.content) == {"proposals": [{"threshold": 220}]}


def test_stream_is_openai_chunks_without_response(tmp_path):
    env = ai_env(tmp_path, ai_replies="Mangesh builds things.")
    chunks = sse_chunks(run(env, FAST_V2, {**CHAT, "stream": True}))
    assert all(c["object"] == "chat.completion.chunk" and c["model"] == FAST_V2 and "response" not in c
               for c in chunks)
    assert "".join(c["choices"][0]["delta"].get("content", "") for c in chunks) == "Mangesh builds things."


def test_models_and_ai_models_list_leave_it_out(tmp_path, capsys, monkeypatch):
    env = ai_env(tmp_path)
    names = [m.name for m in asyncio.run(env.AI.models({"search": "llama-3.1-8b"}))]
    assert "@cf/meta/llama-3.1-8b-instruct-fast" in names and FAST_V2 not in names
    assert UNLISTED_MODELS == {FAST_V2}
    monkeypatch.chdir(tmp_path)
    assert main(["ai", "models", "list", "--search", "fast-v2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


WORKER = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.AI.run("@cf/meta/llama-3.1-8b-fast-v2",
                                    {"messages": [{"role": "user", "content": "SPAM or CLEAN?"}]})
        return Response.json({"choice": res["choices"][0]["message"]["content"], "response": res.response})
'''


def test_worker_code_calls_it_by_name(tmp_path):
    assert worker_json(tmp_path, WORKER, reply="CLEAN") == {"choice": "CLEAN", "response": "CLEAN"}
