"""``guided_json``: the models whose input schema names it (Mistral Small 3.1, QwQ 32B,
Gemma 3 12B, Llama 4 Scout in workerd's ai.d.ts: "JSON schema that should be fulfilled for the
response") answer ``{"response": <JSON text>}`` that fits the schema -- their output type keeps
``response`` a string -- unless a test scripts the reply. langchain-cloudflare's structured
output on Mistral sends ``guided_json: {}`` and parses the text (batch 52)."""

from __future__ import annotations

import json

from ai_helpers import ai_env, run, worker_json

MISTRAL = "@cf/mistralai/mistral-small-3.1-24b-instruct"
SCOUT = "@cf/meta/llama-4-scout-17b-16e-instruct"
GUIDED = ("@cf/mistralai/mistral-small-3.1-24b-instruct", "@cf/qwen/qwq-32b", SCOUT)  # and gemma-3-12b-it, retired
COUNTRY = {"type": "object", "properties": {"name": {"type": "string"}, "population": {"type": "integer", "minimum": 1}},
           "required": ["name", "population"]}
ASK = {"messages": [{"role": "user", "content": "Name a country."}]}


def test_the_reply_is_json_text_that_fits_the_schema(tmp_path):
    env = ai_env(tmp_path)
    for model in GUIDED:
        for form in (ASK, {"prompt": "Name a country."}):
            res = run(env, model, {**form, "guided_json": COUNTRY})
            assert isinstance(res.response, str), model
            assert json.loads(res.response) == {"name": "", "population": 1}, model
            assert res.usage["completion_tokens"] > 0


def test_an_empty_schema_gives_an_object(tmp_path):
    # langchain-cloudflare's json_object mode for Mistral: guided_json {} with the schema in a prompt
    res = run(ai_env(tmp_path), MISTRAL, {**ASK, "guided_json": {}})
    assert res.response == "{}"


def test_without_guided_json_the_reply_is_text(tmp_path):
    res = run(ai_env(tmp_path), MISTRAL, ASK)
    assert res.response.startswith(f"[workers-env offline reply from {MISTRAL}]")


def test_a_scripted_reply_stays_as_given(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply('{"name": "India", "population": 1400000000}', model=MISTRAL)
    assert run(env, MISTRAL, {**ASK, "guided_json": COUNTRY}).response == '{"name": "India", "population": 1400000000}'
    env.AI.reply("not json", model=MISTRAL)
    assert run(env, MISTRAL, {**ASK, "guided_json": COUNTRY}).response == "not json"


def test_json_mode_wins_where_a_model_takes_both(tmp_path):
    res = run(ai_env(tmp_path), SCOUT, {**ASK, "guided_json": COUNTRY,
                                        "response_format": {"type": "json_schema", "json_schema": {
                                            "type": "object", "properties": {"ok": {"type": "boolean"}}}}})
    assert res.response == {"ok": False}


def test_models_whose_types_lack_it_ignore_it(tmp_path):
    # llama-3.2-11b-vision's input check is Gemma 3's template here, but its ai.d.ts types name no guided_json
    for model in ("@cf/meta/llama-3.1-8b-instruct-fast", "@cf/meta/llama-3.2-11b-vision-instruct"):
        res = run(ai_env(tmp_path), model, {**ASK, "guided_json": COUNTRY})
        assert res.response.startswith(f"[workers-env offline reply from {model}]"), model


def test_a_schema_as_json_text_counts_and_other_values_are_ignored(tmp_path):
    # the input check (cabidela) passes any value for an object-typed property; vLLM's
    # guided_json takes a schema object or its JSON text
    env = ai_env(tmp_path)
    assert json.loads(run(env, MISTRAL, {**ASK, "guided_json": json.dumps(COUNTRY)}).response) == {"name": "", "population": 1}
    for value in ("not json", 5, [1], None, "[]"):
        assert run(env, MISTRAL, {**ASK, "guided_json": value}).response.startswith("[workers-env offline reply"), value


def test_a_stream_carries_the_json_text(tmp_path):
    stream = run(ai_env(tmp_path), MISTRAL, {**ASK, "stream": True, "guided_json": COUNTRY})
    events = [line[len("data: "):] for line in stream.read().decode().splitlines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    text = "".join(json.loads(e)["response"] for e in events[:-1])
    assert json.loads(text) == {"name": "", "population": 1}


def test_worker_code_parses_the_text(tmp_path):
    entry = f'''
import json
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        r = await self.env.AI.run("{MISTRAL}", {{
            "messages": [{{"role": "user", "content": "Name a country."}}],
            "guided_json": {COUNTRY!r},
        }})
        return Response.json(json.loads(r["response"]))
'''
    assert worker_json(tmp_path, entry) == {"name": "", "population": 1}
