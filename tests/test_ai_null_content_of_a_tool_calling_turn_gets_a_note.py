"""A tool-calling round trip (Cloudflare's "Traditional" function calling page, then the tool's
result sent back) written in OpenAI's convention -- the assistant turn that only called tools
with ``content: null`` -- is refused by the models whose schema wants a string there, with the
service's 5006 untouched (``llama-3.3-70b-instruct-fp8-fast``, ``gpt-oss``, ``qwen3-30b``:
users measured it in 2026-08, after the 2026-02-17 changelog's fix); a note names the message and
says ``""`` is what the schema takes. Models whose check takes ``null`` (``glm-4.7-flash``)
answer; a null content that is no tool-calling turn gets no note."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

CALL = [{"id": "call_1", "type": "function", "function": {"name": "getWeather", "arguments": '{"latitude": "51.5"}'}}]


def _round_trip(content):
    return {"messages": [
        {"role": "user", "content": "what is the weather in london?"},
        {"role": "assistant", "content": content, "tool_calls": CALL},
        {"role": "tool", "tool_call_id": "call_1", "content": '{"temp": 15}'},
    ]}


@pytest.mark.parametrize("model", ["@cf/meta/llama-3.3-70b-instruct-fp8-fast", "@cf/qwen/qwen3-30b-a3b-fp8"])
def test_content_null_is_the_services_5006_with_a_note_saying_send_an_empty_string(tmp_path, model):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as refused:
        run(env, model, _round_trip(None))
    assert refused.value.code == 5006
    assert "Type mismatch of '/messages/1/content', 'string' not in 'null'" in str(refused.value)
    (note,) = refused.value.__notes__
    assert note.startswith("messages[1] is an assistant turn that only calls tools") and 'content ""' in note
    env.AI.reply("It is 15 degrees.")
    assert run(env, model, _round_trip(""))  # what the note says passes


def test_a_model_whose_check_takes_null_answers(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("It is 15 degrees.")
    answer = run(env, "@cf/zai-org/glm-4.7-flash", _round_trip(None))
    assert answer["choices"][0]["message"]["content"] == "It is 15 degrees."


def test_a_null_content_without_tool_calls_gets_no_note(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as refused:
        run(env, "@cf/meta/llama-3.3-70b-instruct-fp8-fast", {"messages": [{"role": "user", "content": None}]})
    assert "'string' not in 'null'" in str(refused.value)
    assert not getattr(refused.value, "__notes__", [])
