"""gpt-oss (``@cf/openai/gpt-oss-120b`` / ``-20b``) takes what its catalog schema lets through:
OpenAI's Responses API ``{input, reasoning}``, chat ``messages`` or a ``prompt``, and answers in
the catalog's output form for each: a ``response`` object, a ``chat.completion``, or
``{response, tool_calls, usage}``."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run, worker_json

from workers_env import AiError, NotEmulatedError

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


def test_a_prompt_answers_the_prompt_output_form(tmp_path):
    """gpt-oss-20b.json's Prompt_Output: ``{response, usage}``, as the classic models answer."""
    res = run(ai_env(tmp_path, ai_replies="On the mat."), "@cf/openai/gpt-oss-20b", {"prompt": "where is the cat"})
    assert res == {"response": "On the mat.", "tool_calls": [], "usage": res.usage}
    assert res.usage.total_tokens == res.usage.prompt_tokens + res.usage.completion_tokens


def test_inputs_are_checked_by_the_catalog_schema(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as info:
        run(env, GPT_OSS, {})
    assert str(info.value).startswith("AiError: 5006: Error: oneOf at '/' not met, 0 matches: ")
    assert "required properties at '/' are 'input'" in str(info.value)
    with pytest.raises(AiError, match=r"enum max not in low,medium,high at '/reasoning/effort'"):
        run(env, GPT_OSS, {"input": "hi", "reasoning": {"effort": "max"}})
    assert run(env, GPT_OSS, {"input": "hi", "reasoning": {"effort": "low", "summary": "auto"}}).object == "response"
    with pytest.raises(NotEmulatedError, match="asynchronous batch API"):
        run(env, GPT_OSS, {"requests": [{"input": "hi"}]})


def test_max_output_tokens_must_be_a_number_of_tokens(tmp_path):
    """The default reply is cut to ``max_output_tokens``; a bool is no count (not 1 token)."""
    env = ai_env(tmp_path)
    assert 0 < run(env, GPT_OSS, {"input": "hi", "max_output_tokens": 8}).usage.output_tokens <= 8
    whole = run(env, GPT_OSS, {"input": "hi"}).usage.output_tokens
    assert run(env, GPT_OSS, {"input": "hi", "max_output_tokens": True}).usage.output_tokens == whole > 8


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
