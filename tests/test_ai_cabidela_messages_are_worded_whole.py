"""Every message of the cabidela port (the Workers AI service's 5006 descriptions) worded whole,
each text as cabidela's ``src/index.ts`` builds it (v0.2.4 at d17218f; read again at 1a83234,
where only ``oneOf``'s "matches" became "matches found"): an additional property, a required
one, a property without a schema, ``not``, ``anyOf`` with its branches' complaints, ``const``,
``enum`` (and an ``enum`` that is no array), a string's length, a number's five bounds, a
pattern (cabidela's "patttern", three t's) and a type mismatch."""

from __future__ import annotations

import pytest

from workers_env.ai.cabidela import validate

OBJECT = {"type": "object", "properties": {"a": {"type": "string"}}}


@pytest.mark.parametrize("schema,payload,message", [
    ({**OBJECT, "additionalProperties": False}, {"a": "x", "b": 1, "c": 2},
     "Additional or unevaluated properties '/b, /c' at '/' not allowed"),
    ({**OBJECT, "unevaluatedProperties": False}, {"b": 1}, "Additional or unevaluated properties '/b' at '/' not allowed"),
    ({**OBJECT, "required": ["a", "b"]}, {"a": "x"}, "required properties at '/' are 'a,b'"),
    ({"type": "object", "properties": {"a": None}}, {"a": 1}, "No schema for path '/a'"),
    ({"not": {"type": "string"}}, "x", "not at '/' not met"),
    ({"anyOf": [{"type": "string"}, {"type": "number", "minimum": 3}]}, 1,
     "anyOf at '/' not met: Type mismatch of '/', 'string' not in 'number','integer', '/' must be >= 3"),
    ({"const": "a"}, "b", "const b doesn't match a at '/'"),
    ({"type": "string", "enum": ["a", "b"]}, "c", "enum c not in a,b at '/'"),
    ({"enum": "a"}, "c", "enum should be an array at '/'"),
    ({"type": "string", "maxLength": 2}, "abc", "Length of '/' must be <= 2"),
    ({"type": "string", "minLength": 2}, "a", "Length of '/' must be >= 2 not met"),
    ({"type": "number", "minimum": 2}, 1, "'/' must be >= 2"),
    ({"type": "number", "exclusiveMinimum": 2}, 2, "'/' must be > 2"),
    ({"type": "number", "maximum": 2}, 3, "'/' must be <= 2"),
    ({"type": "number", "exclusiveMaximum": 2}, 2, "'/' must be < 2"),
    ({"type": "number", "multipleOf": 2}, 3, "'/' must be multiple of 2"),
    ({"type": "string", "pattern": "^a+$"}, "b", "'/' failed test ^a+$ patttern"),
    ({"type": "number"}, "b", "Type mismatch of '/', 'number' not in 'string'"),
])
def test_each_message_is_cabidelas(schema, payload, message):
    assert validate(schema, payload) == message
