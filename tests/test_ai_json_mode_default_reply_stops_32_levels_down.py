"""JSON Mode's default reply walks a schema 32 levels down from its root (each property,
``items`` and ``anyOf``/``oneOf``/``allOf`` branch a level) and answers ``null`` for a schema
deeper than that -- which the value then does not fit. No source says what the service answers
for so deep a schema (a model's own output), so this is workers-env's choice ("Where we had to
choose"): a schema that deep is rare, and the walk stops well inside Python's recursion limit.
A schema that nests itself (a Python dict holding itself) never gets that far: it is
``JSON.stringify``'s circular-structure ``TypeError``, as the binding sends its inputs as JSON."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import JsException

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"


def nested(levels: int, leaf: dict) -> dict:
    """``leaf`` under ``levels`` objects, each with the one required property ``a``."""
    for _ in range(levels):
        leaf = {"type": "object", "properties": {"a": leaf}, "required": ["a"]}
    return leaf


def innermost(value: object) -> tuple[int, object]:
    """How many objects deep ``value`` goes along ``a``, and what it holds there."""
    levels = 0
    while isinstance(value, dict):
        value, levels = value["a"], levels + 1
    return levels, value


def reply(tmp_path, schema: dict) -> object:
    return run(ai_env(tmp_path), LLAMA, {"prompt": "x", "response_format": {"type": "json_schema",
                                                                           "json_schema": schema}}).response


@pytest.mark.parametrize(("leaf", "fitted"), [({"type": "string"}, ""), ({"type": "integer", "minimum": 3}, 3),
                                              ({"enum": ["b", "c"]}, "b")])
def test_a_schema_32_levels_down_gets_its_value(tmp_path, leaf, fitted):
    assert innermost(reply(tmp_path, nested(32, leaf))) == (32, fitted)


def test_a_schema_33_levels_down_is_null(tmp_path):
    assert innermost(reply(tmp_path, nested(33, {"type": "string"}))) == (33, None)
    assert innermost(reply(tmp_path, nested(200, {"type": "string"}))) == (33, None)  # no deeper, whatever lies below
    branches = {"type": "string"}
    for _ in range(33):
        branches = {"anyOf": [branches]}
    assert reply(tmp_path, branches) is None  # a branch is a level too


def test_a_schema_that_holds_itself_is_refused_as_json_refuses_it(tmp_path):
    schema: dict = {"type": "object", "properties": {}}
    schema["properties"]["a"] = schema
    with pytest.raises(JsException, match="Converting circular structure to JSON"):
        reply(tmp_path, schema)
