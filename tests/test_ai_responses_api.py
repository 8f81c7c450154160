"""gpt-oss (``@cf/openai/gpt-oss-120b`` / ``-20b``) takes OpenAI's Responses API or chat
``messages`` (ai.d.ts: ``XOR<ResponsesInput, ChatCompletionsMessagesInput>``) and answers in
the same form: a ``response`` object, or a ``chat.completion``."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run, worker_json

from workers_env import NotEmulatedError

GPT_OSS = "@cf/openai/gpt-oss-120b"


def test_input_and_instructions_answer_a_response_object(tmp_path):
    res = run(ai_env(tmp_path), GPT_OSS, {"instructions": "Be brief.", "input": "Where is the cat?"})
    assert res.object == "response" and res.id.startswith("resp_") and res.status == "completed"
    assert res.model == GPT_OSS and res.instructions == "Be brief." and isinstance(res.created_at, int)
    (message,) = res.output
    assert (message.type, message.role, message.status) == ("message", "assistant", "completed")
    (part,) = message.content
    assert part.type == "output_text" and part.text.endswith("You said: Where is the cat?")
    assert res.output_text == part.text
    assert res.usage.total_tokens == res.usage.input_tokens + res.usage.output_tokens > 0


def test_input_items_and_scripted_replies(tmp_path):
    env = ai_env(tmp_path, ai_replies="On the mat.")
    items = [{"role": "developer", "content": "Be brief."},
             {"role": "user", "content": [{"type": "input_text", "text": "where is the cat"}]}]
    assert run(env, GPT_OSS, {"input": items}).output[0].content[0].text == "On the mat."
    env.AI.clear_replies()
    assert run(env, "@cf/openai/gpt-oss-20b", {"input": items}).output_text.endswith("You said: where is the cat")


def test_messages_answer_a_chat_completion_and_a_responses_stream_says_it_is_not_emulated(tmp_path):
    env = ai_env(tmp_path)
    assert run(env, GPT_OSS, {"messages": [{"role": "user", "content": "hi"}]}).object == "chat.completion"
    with pytest.raises(NotEmulatedError, match="stream: true with the Responses API"):
        run(env, GPT_OSS, {"input": "hi", "stream": True})


CLOUDFLARE_09 = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        response = await self.env.AI.run(
            "@cf/openai/gpt-oss-120b",
            {
                "instructions": "You are a concise assistant.",
                "input": "What is the origin of the phrase 'The King is dead, long live the King!'?",
            },
        )

        return Response.json(response.output)
'''


def test_cloudflares_workers_ai_example_runs(tmp_path):
    """cloudflare/python-workers-examples 09-workers-ai's entry.py, in the external-SDK era."""
    output = worker_json(tmp_path, CLOUDFLARE_09, reply="A French royal proclamation.")
    assert output[0]["type"] == "message"
    assert output[0]["content"][0] == {"type": "output_text", "text": "A French royal proclamation.", "annotations": []}
