"""``bind(name=value)``: keywords reach JavaScript as Pyodide sends them, one object after the
values, which D1 refuses with its ``D1_TYPE_ERROR``; a note says to bind by position (not
Python's ``unexpected keyword argument``). Named parameters still bind by position."""

from __future__ import annotations

import pytest

from workers_env import JsException


@pytest.mark.asyncio
async def test_keywords_are_refused_with_a_note(db):
    with pytest.raises(JsException) as info:
        db.prepare("SELECT :name AS n").bind(name="x")
    assert info.value.message == "D1_TYPE_ERROR: Type 'object' not supported for value '[object Object]'"
    assert info.value.__notes__ == [
        "bind() takes values by position only: D1 binds the n-th value to parameter n (?n, and a named "
        ":name/@name/$name by the order it first appears in), so write bind(a, b), not bind(name=a). A keyword "
        "argument reaches JavaScript as one object after the values, which D1 cannot bind."
    ]
    assert await db.prepare("SELECT :name AS n").bind("x").first("n") == "x"


def test_a_bad_positional_value_beside_keywords_is_the_one_named(db):
    with pytest.raises(JsException, match=r"Type 'bigint' not supported for value '9007199254740993'"):
        db.prepare("SELECT ?, ?").bind(2**53 + 1, name="x")
