"""JSON Mode (``response_format``): the models that take it answer ``{"response": <a JSON
value>}`` -- by default a small value that fits the requested schema, or what a test scripts
-- and the models that do not take it ignore the property, as their schema does."""

from __future__ import annotations

import json

import pytest
from ai_helpers import ai_env, run, worker_json

from workers_env import AiError
from workers_env.ai.catalog import TEXT_GENERATION_MODELS

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
LLAMA_1B = "@cf/meta/llama-3.2-1b-instruct"  # not on Cloudflare's JSON Mode list
COUNTRY = {  # the example of Cloudflare's JSON Mode page
    "type": "object",
    "properties": {"name": {"type": "string"}, "capital": {"type": "string"},
                   "languages": {"type": "array", "items": {"type": "string"}}},
    "required": ["name", "capital", "languages"],
}
ASK = {"messages": [{"role": "system", "content": "Extract data about a country."},
                    {"role": "user", "content": "Tell me about India."}]}


def test_the_default_reply_fits_the_requested_schema(tmp_path):
    env = ai_env(tmp_path)
    res = run(env, LLAMA, {**ASK, "response_format": {"type": "json_schema", "json_schema": COUNTRY}})
    assert res.response == {"name": "", "capital": "", "languages": []}
    assert res.response.languages == [] and list(res) == ["response", "tool_calls", "usage"]
    assert res.usage["completion_tokens"] > 0
    assert run(env, LLAMA, {**ASK, "response_format": {"type": "json_object"}}).response == {}
    openai_style = {"type": "json_schema", "json_schema": {"name": "country", "strict": True, "schema": COUNTRY}}
    assert run(env, LLAMA, {**ASK, "response_format": openai_style}).response == {"name": "", "capital": "", "languages": []}


def test_schema_examples_respect_enums_ranges_and_sizes(tmp_path):
    env = ai_env(tmp_path)
    schema = {"type": "object", "properties": {
        "mood": {"enum": ["happy", "sad"]}, "stars": {"type": "integer", "minimum": 1, "maximum": 5},
        "score": {"type": "number", "exclusiveMinimum": 0}, "tags": {"type": "array", "minItems": 2, "items": {"type": "string", "minLength": 1}},
        "ok": {"type": "boolean"}, "note": {"type": ["null", "string"]}, "kind": {"const": "review"},
        "either": {"anyOf": [{"type": "integer", "maximum": -3}, {"type": "string"}]},
    }}
    got = run(env, LLAMA, {"prompt": "rate it", "response_format": {"type": "json_schema", "json_schema": schema}}).response
    assert got == {"mood": "happy", "stars": 1, "score": 1, "tags": ["x", "x"], "ok": False, "note": "",
                   "kind": "review", "either": -3}


def test_scripted_replies_in_json_mode(tmp_path):
    env = ai_env(tmp_path)
    fmt = {"response_format": {"type": "json_schema", "json_schema": COUNTRY}}
    env.AI.reply('{"name": "India", "capital": "New Delhi", "languages": ["Hindi", "English"]}')
    assert run(env, LLAMA, {**ASK, **fmt}).response.capital == "New Delhi"
    env.AI.reply("not JSON at all")  # what a model that failed the format would say: left as text
    assert run(env, LLAMA, {**ASK, **fmt}).response == "not JSON at all"
    env.AI.reply({"response": {"name": "France"}})  # a dict is the whole result, as always
    assert run(env, LLAMA, {**ASK, **fmt}).response == {"name": "France"}
    env.AI.reply('{"name": "India"}')
    assert run(env, LLAMA, ASK).response == '{"name": "India"}'  # no response_format: text


def test_models_without_json_mode_ignore_response_format(tmp_path):
    env = ai_env(tmp_path)
    assert not TEXT_GENERATION_MODELS[LLAMA_1B].json_mode and TEXT_GENERATION_MODELS[LLAMA].json_mode
    res = run(env, LLAMA_1B, {**ASK, "response_format": {"type": "json_schema", "json_schema": COUNTRY}})
    assert isinstance(res.response, str) and res.response.startswith("[workers-env offline reply")
    assert run(env, LLAMA_1B, {**ASK, "response_format": "anything"}).response  # not in its schema: ignored


def test_a_malformed_response_format(tmp_path):
    env = ai_env(tmp_path)
    newer = "@cf/meta/llama-3.3-70b-instruct-fp8-fast"  # a template whose schema names response_format
    # not an object: it has no properties to the schema, so it passes and there is no JSON Mode
    assert run(env, newer, {**ASK, "response_format": "json"}).response.startswith("[workers-env offline reply")
    with pytest.raises(AiError) as info:
        run(env, newer, {**ASK, "response_format": {"type": "xml"}})
    assert str(info.value) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: enum xml not in json_object,json_schema at "
        "'/response_format/type'"
    )
    # llama-3.1-8b is on the JSON Mode page, but its template's schema names no response_format:
    # nothing checks the type, and one that is not JSON Mode's means no JSON Mode
    assert isinstance(run(env, LLAMA, {**ASK, "response_format": {"type": "xml"}}).response, str)


def test_a_stream_in_json_mode_carries_the_json_text(tmp_path):
    env = ai_env(tmp_path)
    stream = run(env, LLAMA, {**ASK, "stream": True, "response_format": {"type": "json_schema", "json_schema": COUNTRY}})
    text = stream.read().decode()
    pieces = [json.loads(part[len("data: "):]) for part in text.split("\n\n") if part and part != "data: [DONE]"]
    assert json.loads("".join(p["response"] for p in pieces)) == {"name": "", "capital": "", "languages": []}


WORKER = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        result = await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {
            "messages": [{"role": "user", "content": "Tell me about India."}],
            "response_format": {"type": "json_schema", "json_schema": {
                "type": "object", "properties": {"name": {"type": "string"}, "capital": {"type": "string"}}}},
        })
        return Response.json({"name": result["response"]["name"], "capital": result.response.capital})
'''


def test_worker_code_reads_the_object(tmp_path):
    assert worker_json(tmp_path, WORKER, reply='{"name": "India", "capital": "New Delhi"}') == {"name": "India", "capital": "New Delhi"}
