"""A query filter JSON cannot carry to the service (a lone surrogate in a key or a value, a
Python object with no JavaScript form) is refused before any search, as the service's invalid
filter (40026), with workers-env's hint naming where it is: pinned here whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from binding_helpers import make_binding_in
from workers_env import VectorizeError

INVALID = "Error: VECTOR_QUERY_ERROR (code = 40026): invalid filter: "
SURROGATE = "holds a lone UTF-16 surrogate, which is not valid Unicode and cannot be sent as JSON"


class Thing:
    """A Python object with no JavaScript form: a PyProxy in the filter."""


@pytest.mark.asyncio
@pytest.mark.parametrize(("filter_", "text"), [
    ({"a\ud800": "x"}, f'key "a\ud800" {SURROGATE}'),
    ({"a": "x\ud800"}, f'the value of "a" {SURROGATE}'),
    ({"a": Thing()}, 'the filter cannot be sent as JSON: the value of "a" holds a Python Thing, which has no JSON form'),
    ({"a": {"$in": ["b", Thing()]}},
     'the filter cannot be sent as JSON: the value of "$in" holds a Python Thing, which has no JSON form'),
    (Thing(), 'a filter must be an object such as {"category": "docs"}, got a Python Thing'),
], ids=["a key's surrogate", "a value's surrogate", "a Python object", "one in $in", "the filter itself"])
async def test_the_refusal_names_where_the_filter_cannot_be_sent(tmp_path: Path, filter_: Any, text: str) -> None:
    idx = make_binding_in(tmp_path, dimensions=2, version="v2")
    with pytest.raises(VectorizeError) as info:
        await idx.query([1.0, 1.0], {"filter": filter_})
    assert str(info.value) == INVALID + text
