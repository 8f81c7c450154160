"""workers_env.ai.cabidela, the port of Cloudflare's JSON Schema validator: held to cases of
cabidela's own test suite (tests/10-types, 20-composition, 90-ai at d17218f) and to error
texts users quote from the Workers AI service, which the binding reproduces exactly."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError
from workers_env.ai.cabidela import validate

TYPES = {"type": "object", "properties": {
    "string": {"type": "string", "minLength": 1, "maxLength": 20},
    "number": {"type": "number", "minimum": 0, "maximum": 20},
    "null": {"type": "null"},
}}
ANY_OF = {"anyOf": [{"type": "string", "maxLength": 5}, {"type": "number", "minimum": 0}]}
ONE_OF = {"oneOf": [{"type": "number", "multipleOf": 5}, {"type": "number", "multipleOf": 3}]}
ALL_OF = {"type": "object", "allOf": [{"properties": {"string": {"type": "string"}}},
                                      {"properties": {"number": {"type": "number"}}}]}
EMBEDDINGS = {"type": "object", "properties": {"text": {"oneOf": [
    {"type": "string", "minLength": 1},
    {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": 100},
]}}, "required": ["text"]}
JSON_MODE = {"type": "object", "oneOf": [
    {"properties": {"type": {"type": "string", "const": "json_object"}}, "required": ["type"]},
    {"properties": {"type": {"type": "string", "const": "json_schema"}, "json_schema": {}},
     "required": ["type", "json_schema"]},
]}


@pytest.mark.parametrize("schema,payload,passes", [
    (TYPES, {"string": "valid string"}, True),
    (TYPES, {"string": 10}, False),
    (TYPES, {"string": {}}, False),
    (TYPES, {"null": None}, True),
    (TYPES, {"null": False}, False),
    (TYPES, {"null": 0}, False),
    (TYPES, {"null": ""}, False),
    ({"allOf": [{"type": "string"}, {"maxLength": 5}]}, "short", True),
    ({"allOf": [{"type": "string"}, {"maxLength": 5}]}, "too long", False),
    (ALL_OF, {"string": "string", "number": 10}, True),
    (ALL_OF, {"string": "string", "number": "string"}, False),
    (ANY_OF, "short", True),
    (ANY_OF, "too long", False),
    (ANY_OF, 12, True),
    (ANY_OF, -5, False),
    (ONE_OF, 5, True),
    (ONE_OF, 9, True),
    (ONE_OF, 2, False),
    (EMBEDDINGS, {"text": ""}, False),
    (EMBEDDINGS, {"text": "Tell me a joke about Cloudflare"}, True),
    (JSON_MODE, {"type": "json_object"}, True),
    (JSON_MODE, {"type": "json_schema", "json_schema": {"something": "here"}}, True),
    (JSON_MODE, {"type": "json_schema"}, False),
])
def test_cases_of_cabidelas_own_suite(schema, payload, passes):
    assert (validate(schema, payload) is None) is passes


def test_messages_read_as_cabidela_builds_them():
    assert validate(TYPES, {"string": 10}) == "Type mismatch of '/string', 'string' not in 'number','integer'"
    assert validate(TYPES, {"number": 21}) == "'/number' must be <= 20"
    assert validate(TYPES, {"string": ""}) == "Length of '/string' must be >= 1 not met"
    assert validate(ONE_OF, 2) == "oneOf at '/' not met, 0 matches: '/' must be multiple of 5, '/' must be multiple of 3"
    assert validate(ONE_OF, 15) == "oneOf at '/' not met, 2 matches"
    assert validate({"type": "string", "enum": ["a", "b"]}, "c") == "enum c not in a,b at '/'"


LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
R1 = "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b"  # a chat template whose content is a oneOf


@pytest.mark.parametrize("model,inputs,quoted", [
    # a workers-rs user's log (inputs without prompt or messages)
    (LLAMA, {}, ("oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
                 "required properties at '/' are 'messages'")),
    # Stackbilt-dev/llm-providers#91 and pi's notes: a null content after a string one
    (R1, {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": None}]},
     ("oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
      "Type mismatch of '/messages/0/content', 'array' not in 'string', "
      "Type mismatch of '/messages/1/content', 'string' not in 'null', "
      "required properties at '/messages/1' are 'role,content'")),
    # a production log quoted in a Go test: a range error alone, without the other branch
    (LLAMA, {"prompt": "hi", "top_k": 51}, "oneOf at '/' not met, 0 matches: '/top_k' must be <= 50"),
    # an embedding call without text (a provider status table)
    ("@cf/baai/bge-base-en-v1.5", {"input": "hi"},
     "oneOf at '/' not met, 0 matches: required properties at '/' are 'text', required properties at '/' are 'requests'"),
])
def test_errors_users_quote_from_the_service_come_out_exactly(tmp_path, model, inputs, quoted):
    with pytest.raises(AiError) as info:
        run(ai_env(tmp_path), model, inputs)
    assert str(info.value) == f"AiError: 5006: Error: {quoted}"
