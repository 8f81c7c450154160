"""``bind()``'s ``D1_TYPE_ERROR`` shows the refused value as ``${value}`` prints it: an array
joined with commas, nested arrays joined in place at any depth, and an array that contains
itself joined as ``""`` where it recurs (V8's cycle check) -- not a ``RecursionError``."""

from __future__ import annotations

import pytest

from workers_env import JsException


def refusal(db, value) -> str:
    with pytest.raises(JsException) as info:
        db.prepare("SELECT ?").bind(value)
    return info.value.message


def test_nested_arrays_join_in_place(db):
    assert refusal(db, [1, [2, [300, None]], [], 4]) == "D1_TYPE_ERROR: Type 'object' not supported for value '1,2,300,,,4'"


def test_an_array_inside_itself_joins_as_empty(db):
    looped: list = [1]
    looped.append(looped)  # String(a) in V8: "1," -- the inner a is on the join stack
    assert refusal(db, looped) == "D1_TYPE_ERROR: Type 'object' not supported for value '1,'"
    shared = [7]
    assert refusal(db, [shared, shared, 300]) == "D1_TYPE_ERROR: Type 'object' not supported for value '7,7,300'"


def test_any_depth(db):
    deep: list = [9]
    for _ in range(5000):
        deep = [deep]
    assert refusal(db, deep) == "D1_TYPE_ERROR: Type 'object' not supported for value '9'"
