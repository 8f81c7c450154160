"""What JSON cannot carry to the service fails to parse there (``40023`` for a write, ``40026``
for a query); the service's text ends there, and workers-env adds a hint naming the vector and
the field (../shared/vectorize-spec.md: "add a short hint after it"). Each hint is pinned here
whole, through the binding and through ``workers-env vectorize insert``'s NDJSON lines, so a
changed word is noticed; nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from binding_helpers import make_binding_in
from workers_env import VectorizeError
from workers_env.cli import main

PARSE = "failed to parse upsert vectors request in json format"
QUERY = "Error: VECTOR_QUERY_ERROR (code = 40026): Failed to parse the request body as JSON: "


class Thing:
    """A Python object with no JavaScript form: a PyProxy in the request."""


@pytest.mark.parametrize(("vector", "hint"), [
    ({"values": [1, 2]}, "vector 0: id must be a string, got nothing (the vector has no id)"),
    ({"id": 3, "values": [1, 2]}, "vector 0: id must be a string, got 3"),
    ({"id": "a\ud800", "values": [1, 2]}, "vector 0: id 'a\\ud800' is not valid Unicode (a lone surrogate)"),
    ({"id": "a", "values": [1, 2], "namespace": 5}, 'vector id="a": namespace must be a string'),
    ({"id": "a", "values": [1, 2], "namespace": "\udfff"},
     'vector id="a": namespace is not valid Unicode (a lone surrogate)'),
    ({"id": "a", "values": [1, 2], "metadata": [1]}, 'vector id="a": metadata must be an object'),
    ({"id": "a", "values": [1, 2], "metadata": {"s": "x\ud800"}},
     'vector id="a": metadata is not valid Unicode (a lone surrogate)'),
    ({"id": "a", "values": [1, 2], "metadata": {"s": Thing()}},
     'vector id="a": metadata is not JSON (it holds a Python Thing, which has no JSON form)'),
    ({"id": "a", "values": ["1", 2]}, "vector id=\"a\": values must be numbers, found '1'"),
    ({"id": "a", "values": [float("nan"), 1.0]},
     'vector id="a": values must be finite float32 numbers (no NaN or Infinity)'),
])
@pytest.mark.asyncio
async def test_an_upserts_parse_error_ends_with_its_hint(tmp_path: Path, vector: dict[str, Any], hint: str) -> None:
    idx = make_binding_in(tmp_path, dimensions=2)
    with pytest.raises(VectorizeError) as info:
        await idx.upsert([{"id": "ok", "values": [1, 2]}, vector] if "id" in vector and vector["id"] == "a"
                         else [vector])
    assert str(info.value) == f"Error: VECTOR_UPSERT_ERROR (code = 40023): {PARSE} ({hint})"
    assert (await idx.getByIds(["ok"])) == []


@pytest.mark.parametrize(("method", "ids", "text"), [
    ("getByIds", "a", 'Error: VECTOR_GET_ERROR: ids must be a list of strings, got "a"'),
    ("getByIds", ["a", 3], "Error: VECTOR_GET_ERROR: ids must be strings, got 3"),
    ("deleteByIds", ["a\ud800"],
     "Error: VECTOR_DELETE_ERROR: id 'a\\ud800' is not valid Unicode (a lone surrogate); ids must be UTF-8 text"),
])
@pytest.mark.asyncio
async def test_ids_that_are_no_strings_are_named(tmp_path: Path, method: str, ids: Any, text: str) -> None:
    idx = make_binding_in(tmp_path, dimensions=2)
    with pytest.raises(VectorizeError) as info:
        await getattr(idx, method)(ids)
    assert str(info.value) == text


@pytest.mark.parametrize(("call", "text"), [
    (lambda idx: idx.queryById(3), "vectorId: expected a string, got 3"),
    (lambda idx: idx.queryById("a\ud800"), "vectorId: 'a\\ud800' is not valid Unicode (a lone surrogate)"),
    (lambda idx: idx.query("ab"), "vector: query vector: values must be numbers, found 'a'"),
    (lambda idx: idx.query([float("inf"), 1.0]),
     "vector: query vector: values must be finite float32 numbers (no NaN or Infinity)"),
    (lambda idx: idx.query([1.0, 1.0], {"returnValues": "yes"}), 'returnValues: expected a boolean, got "yes"'),
    (lambda idx: idx.query([1.0, 1.0], {"namespace": 5}), "namespace: expected a string, got 5"),
    (lambda idx: idx.query([1.0, 1.0], {"namespace": "\udfff"}),
     "namespace: '\\udfff' is not valid Unicode (a lone surrogate)"),
])
@pytest.mark.asyncio
async def test_a_querys_parse_error_names_its_field(tmp_path: Path, call: Any, text: str) -> None:
    idx = make_binding_in(tmp_path, dimensions=2, version="v2")
    with pytest.raises(VectorizeError) as info:
        await call(idx)
    assert str(info.value) == QUERY + text


@pytest.mark.asyncio
async def test_a_v1_returnmetadata_that_is_falsy_and_no_boolean_is_named(tmp_path: Path) -> None:
    idx = make_binding_in(tmp_path, dimensions=2, version="v1")
    with pytest.raises(VectorizeError) as info:
        await idx.query([1.0, 1.0], {"returnMetadata": 0})
    assert str(info.value) == QUERY + "returnMetadata: expected a boolean, got 0"


@pytest.mark.asyncio
async def test_a_topk_that_is_no_whole_number_is_named(tmp_path: Path) -> None:
    idx = make_binding_in(tmp_path, dimensions=2)
    with pytest.raises(VectorizeError) as info:
        await idx.query([1.0, 1.0], {"topK": "3"})
    assert str(info.value) == 'Error: VECTOR_QUERY_ERROR (code = 40026): topK must be a whole number of at least 1, got "3"'


# -- workers-env vectorize insert: the NDJSON file's lines ---------------------------------------------
@pytest.mark.parametrize(("line", "error"), [
    ('{"id":"a"}', 'VECTOR_INSERT_ERROR (code = 40023): failed to parse insert vectors request in json format '
                   '(vector id="a": values are missing)'),
    ('{"id":"a","values":"ab"}', "VECTOR_INSERT_ERROR (code = 40023): failed to parse insert vectors request in "
                                 "json format (vector id=\"a\": values must be a list of numbers, got 'ab')"),
    # JSON.parse reads an int past the double's range as Infinity, as it reads 1e400: no traceback
    ('{"id":"a","values":[1' + "0" * 400 + ',1]}',
     'VECTOR_INSERT_ERROR (code = 40023): failed to parse insert vectors request in json format (vector id="a": '
     "values must be finite float32 numbers (no NaN or Infinity))"),
    ('{"id":"a","values":[1' + "0" * 5000 + ',1]}',
     'VECTOR_INSERT_ERROR (code = 40023): failed to parse insert vectors request in json format (vector id="a": '
     "values must be finite float32 numbers (no NaN or Infinity))"),
    ("[1,2]", "{file}:1: each line must be a JSON object with id and values"),
], ids=["no values", "values a string", "an int of 401 digits", "an int of 5,001 digits", "an array"])
def test_an_ndjson_lines_refusal_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str,
                                                    error: str) -> None:
    state = str(tmp_path / "state")
    assert main(["vectorize", "create", "docs", "--dimensions", "2", "--metric", "cosine", "--persist-to", state]) == 0
    file = tmp_path / "v.ndjson"
    file.write_text(line + "\n")
    capsys.readouterr()
    assert main(["vectorize", "insert", "docs", "--file", str(file), "--persist-to", state]) == 1
    err = capsys.readouterr().err
    assert f"✘ [ERROR] {error.format(file=file)}" in err.splitlines() and "Traceback" not in err

