"""A refused argument is named as the service received it, never by a workers-env internal.

The texts after the ``<OP>_ERROR`` envelope are ours [D], so they must point at the mistake:
a query field of the wrong type reads as its JSON (``"3"``, not ``3``, for the string "3"),
a Python object with no JavaScript form as ``a Python <type>``, a numpy row as the typed array
Pyodide makes of it. A ``queryById()`` with no id says the id is missing. ``describe()``
ignores arguments, as JavaScript ignores ones a method does not declare.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from workers_env import VectorizeError

pytestmark = pytest.mark.asyncio

INTERNAL_NAMES = ("JsOpaque", "JsTypedArray", "JsSet", "UNDEFINED", "NoneType")


class Gadget:
    """A Python object Pyodide has no conversion for."""


def text_of(info: pytest.ExceptionInfo[VectorizeError]) -> str:
    message = str(info.value)
    assert not any(name in message for name in INTERNAL_NAMES), message
    return info.value.text


@pytest.fixture(params=["v1", "v2"])
def idx(request: pytest.FixtureRequest, make_binding: Any) -> Any:
    return make_binding(dimensions=3, version=request.param, metadata_indexes={"a": "string"}
                        if request.param == "v2" else {})


@pytest.mark.parametrize(("option", "value", "shown"), [
    ("topK", "3", 'topK must be a whole number of at least 1, got "3"'),
    ("topK", [1], "topK must be a whole number of at least 1, got [1]"),
    ("topK", -1.0, "topK must be a whole number of at least 1, got -1"),
    ("returnValues", [], "returnValues: expected a boolean, got []"),
    ("returnValues", "yes", 'returnValues: expected a boolean, got "yes"'),
    ("namespace", ["a"], 'namespace: expected a string, got ["a"]'),
    ("namespace", 5, "namespace: expected a string, got 5"),
    # a Python object with no JSON form, named where it sits (was "got list" / "got dict")
    ("topK", [Decimal(1)], "topK must be a whole number of at least 1, got [a Python Decimal]"),
    ("namespace", {"a": Decimal(1)}, 'namespace: expected a string, got {"a":a Python Decimal}'),
])
async def test_query_options_of_the_wrong_type_are_shown_as_json(idx: Any, option: str, value: Any, shown: str) -> None:
    with pytest.raises(VectorizeError) as info:
        await idx.query([1.0, 0.0, 0.0], {option: value})
    assert info.value.code == 40026 and text_of(info).endswith(shown)


async def test_an_overlong_value_is_shortened(idx: Any) -> None:
    with pytest.raises(VectorizeError) as info:
        await idx.query([1.0, 0.0, 0.0], topK="x" * 500)
    assert text_of(info).endswith('got "' + "x" * 76 + "...")


async def test_a_python_object_in_metadata_is_named_by_its_type(idx: Any) -> None:
    for metadata, name in (({"price": Decimal("1.5")}, "Decimal"), ({"tags": [Gadget()]}, "Gadget")):
        with pytest.raises(VectorizeError) as info:
            await idx.upsert([{"id": "ok", "values": [1, 0, 0]}, {"id": "m", "values": [1, 2, 3], "metadata": metadata}])
        assert info.value.code == 40023
        assert text_of(info).endswith(
            f'(vector id="m": metadata is not JSON (it holds a Python {name}, which has no JSON form))')
    assert await idx.getByIds(["ok", "m"]) == []


async def test_a_python_object_as_an_id_or_ids_is_named_by_its_type(idx: Any) -> None:
    with pytest.raises(VectorizeError) as info:
        await idx.insert([{"id": Gadget(), "values": [1, 2, 3]}])
    assert text_of(info).endswith("(vector 0: id must be a string, got a Python Gadget)")
    with pytest.raises(VectorizeError) as info:
        await idx.deleteByIds(["a", Gadget()])
    assert text_of(info) == "ids must be strings, got a Python Gadget"
    with pytest.raises(VectorizeError) as info:
        await idx.getByIds(x for x in ["a"])
    assert text_of(info) == "ids must be a list of strings, got a Python generator"


async def test_a_python_object_in_a_filter_is_named_by_its_type(idx: Any) -> None:
    with pytest.raises(VectorizeError) as info:
        await idx.query([1.0, 0.0, 0.0], filter=Gadget())
    assert text_of(info).endswith("a filter must be an object such as {\"category\": \"docs\"}, got a Python Gadget")
    with pytest.raises(VectorizeError) as info:
        await idx.query([1.0, 0.0, 0.0], filter={"a": Gadget()})
    assert text_of(info).endswith('the value of "a" holds a Python Gadget, which has no JSON form')


async def test_a_two_dimensional_array_is_named_as_the_typed_arrays_it_becomes(idx: Any) -> None:
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "a", "values": np.ones((1, 3), dtype=np.float32)}])
    assert text_of(info).endswith('(vector id="a": values must be numbers, found a Float32Array)')


async def test_query_by_id_without_an_id_says_it_is_missing(make_binding: Any) -> None:
    idx = make_binding(dimensions=3, version="v2")
    with pytest.raises(VectorizeError) as info:
        await idx.queryById()
    assert text_of(info) == "Failed to parse the request body as JSON: vectorId: missing; pass the id of a stored vector"
    for value, shown in ((None, "null"), (True, "true"), (["a"], '["a"]'), (b"id", '{"0":105,"1":100}'), (1.0, "1")):
        with pytest.raises(VectorizeError) as info:
            await idx.queryById(value)
        assert info.value.code == 40026
        assert text_of(info) == f"Failed to parse the request body as JSON: vectorId: expected a string, got {shown}"


async def test_describe_ignores_arguments(idx: Any) -> None:
    await idx.upsert([{"id": "a", "values": [1, 2, 3]}])
    assert await idx.describe("unused", {"x": 1}, flag=True) == await idx.describe()


async def test_ids_of_the_wrong_type_are_shown_as_json(idx: Any) -> None:
    for method, op in ((idx.getByIds, "VECTOR_GET"), (idx.deleteByIds, "VECTOR_DELETE")):
        for ids, text in (("abc", 'ids must be a list of strings, got "abc"'), (None, "ids must be a list of strings, got null"),
                          ({"a"}, "ids must be a list of strings, got {}"), (["a", None], "ids must be strings, got null"),
                          (["a", True], "ids must be strings, got true"), ([["a"]], 'ids must be strings, got ["a"]')):
            with pytest.raises(VectorizeError) as info:
                await method(ids)
            assert info.value.operation == op and text_of(info) == text
        with pytest.raises(VectorizeError) as info:
            await method()
        assert text_of(info) == "ids are missing; pass a list of id strings"
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "ok", "values": [1, 0, 0]}, {"id": None, "values": [1, 0, 0]}])
    assert text_of(info).endswith("(vector 1: id must be a string, got null)")
    assert await idx.getByIds(["ok"]) == []
