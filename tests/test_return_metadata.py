"""``returnMetadata`` levels and the topK each allows.

v2: ``"none"`` (default), ``"indexed"`` (only properties with a metadata index, as the index
holds them), ``"all"`` (``true`` means ``"all"``); ``false`` is rejected by the service.
v1: booleans only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from binding_helpers import make_binding_in as binding

from workers_env import VectorizeBinding, VectorizeError

Q = [1.0, 0.0, 0.0]
LONG = "\u20ac" * 30  # 90 bytes: indexed as its first 21 characters (63 bytes)
META = {
    "cat": LONG, "price": 10, "ratio": 2.5, "ok": True, "color": "red",
    "info": {"lang": "en", "pages": 3}, "tags": ["a", "b"], "none": None,
}




@pytest.fixture
def v2(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path, version="v2", metadata_indexes={
        "cat": "string", "price": "number", "ratio": "number", "ok": "boolean", "info.lang": "string",
    })
    b.upsert_sync([{"id": "a", "values": [1, 0, 0], "metadata": META}])
    return b


def first_match(b: VectorizeBinding, **options: Any) -> dict[str, Any]:
    res = b.query_sync(Q, options)
    assert res["count"] == 1
    return res["matches"][0]  # type: ignore[no-any-return]


# -- v2 levels ----------------------------------------------------------------------------------------
def test_none_is_the_default(v2: VectorizeBinding) -> None:
    assert "metadata" not in first_match(v2)
    assert "metadata" not in first_match(v2, returnMetadata="none")


@pytest.mark.parametrize("level", ["all", True])
def test_all_returns_the_stored_metadata(v2: VectorizeBinding, level: Any) -> None:
    assert first_match(v2, returnMetadata=level)["metadata"] == META


def test_indexed_returns_indexed_properties_as_indexed(v2: VectorizeBinding) -> None:
    meta = first_match(v2, returnMetadata="indexed")["metadata"]
    assert meta == {"cat": "\u20ac" * 21, "price": 10, "ratio": 2.5, "ok": True, "info": {"lang": "en"}}
    assert len(meta["cat"].encode("utf-8")) == 63
    assert type(meta["price"]) is int and type(meta["ratio"]) is float  # Pyodide's number rule
    assert type(meta["ok"]) is bool
    assert meta.info.lang == "en"  # a JsDict tree, like every result


def test_indexed_leaves_out_values_the_index_does_not_hold(tmp_path: Path) -> None:
    b = binding(tmp_path, version="v2", metadata_indexes={"cat": "string", "price": "number"})
    b.upsert_sync([
        {"id": "wrong", "values": [1, 0, 0], "metadata": {"cat": 5, "price": "10"}},
        {"id": "null", "values": [1, 0, 0.1], "metadata": {"cat": None, "price": [1]}},
        {"id": "none", "values": [1, 0, 0.2]},
    ])
    res = b.query_sync(Q, {"topK": 3, "returnMetadata": "indexed"})
    assert {m["id"]: m["metadata"] for m in res["matches"]} == {"wrong": {}, "null": {}, "none": {}}


def test_indexed_shows_nothing_from_an_index_created_after_the_write(v2: VectorizeBinding) -> None:
    v2.index.create_metadata_index("color", "string")
    assert "color" not in first_match(v2, returnMetadata="indexed")["metadata"]
    v2.upsert_sync([{"id": "a", "values": [1, 0, 0], "metadata": META}])
    assert first_match(v2, returnMetadata="indexed")["metadata"]["color"] == "red"
    v2.index.delete_metadata_index("cat")
    assert "cat" not in first_match(v2, returnMetadata="indexed")["metadata"]


def test_indexed_nests_dotted_properties(tmp_path: Path) -> None:
    b = binding(tmp_path, version="v2", metadata_indexes={"a.b": "string", "a.c.d": "number", "e": "boolean"})
    b.upsert_sync([{"id": "x", "values": [1, 0, 0],
                    "metadata": {"a": {"b": "y", "c": {"d": 4, "z": 0}, "q": 1}, "e": False, "f": 1}}])
    assert first_match(b, returnMetadata="indexed")["metadata"] == {"a": {"b": "y", "c": {"d": 4}}, "e": False}


def test_indexed_and_filter_agree(v2: VectorizeBinding) -> None:
    """What "indexed" returns is exactly what a filter compares against."""
    shown = first_match(v2, returnMetadata="indexed")["metadata"]
    assert first_match(v2, filter={"cat": shown["cat"], "info.lang": shown["info"]["lang"]})["id"] == "a"


def test_metadata_levels_combine_with_values(v2: VectorizeBinding) -> None:
    m = first_match(v2, returnMetadata="indexed", returnValues=True)
    assert m["values"] == [1, 0, 0] and m["metadata"]["price"] == 10


# -- v2 topK maxima -------------------------------------------------------------------------------------
@pytest.mark.parametrize("level", ["none", "indexed"])
def test_top_k_up_to_100_without_values_or_all_metadata(v2: VectorizeBinding, level: str) -> None:
    assert v2.query_sync(Q, {"topK": 100, "returnMetadata": level})["count"] == 1
    with pytest.raises(VectorizeError, match=r"\(code = 40025\): max top K is 100, but got 101$"):
        v2.query_sync(Q, {"topK": 101, "returnMetadata": level})


@pytest.mark.parametrize("options", [{"returnMetadata": "all"}, {"returnMetadata": True}, {"returnValues": True},
                                     {"returnValues": True, "returnMetadata": "indexed"}])
def test_top_k_up_to_50_with_values_or_all_metadata(v2: VectorizeBinding, options: dict[str, Any]) -> None:
    assert v2.query_sync(Q, {"topK": 50, **options})["count"] == 1
    with pytest.raises(VectorizeError) as info:
        v2.query_sync(Q, {"topK": 51, **options})
    assert str(info.value) == (
        "Error: VECTOR_QUERY_ERROR (code = 40025): with returnValues=true or returnMetadata=all, max top K is 50, "
        "but got 51; for a top K up to 100, retry with returnValues=false and returnMetadata=indexed"
    )


def test_v2_false_is_rejected_by_the_service(v2: VectorizeBinding) -> None:
    with pytest.raises(VectorizeError) as info:
        v2.query_sync(Q, {"returnMetadata": False})
    assert info.value.code == 40026
    assert "returnMetadata: expected value" in str(info.value)


@pytest.mark.parametrize(("value", "shown"), [("ALL", "ALL"), ("Indexed", "Indexed"), (1, "1")])
def test_v2_other_values_are_rejected_by_the_binding(v2: VectorizeBinding, value: Any, shown: str) -> None:
    with pytest.raises(VectorizeError) as info:
        v2.query_sync(Q, {"returnMetadata": value})
    assert str(info.value) == (
        f'Error: Invalid returnMetadata option. Expected: true, false, "none", "indexed" or "all"; got: {shown}'
    )
    assert info.value.operation is None


# -- v1 ---------------------------------------------------------------------------------------------------
@pytest.fixture
def v1(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path)
    b.upsert_sync([{"id": "a", "values": [1, 0, 0], "metadata": META}])
    return b


def test_v1_booleans(v1: VectorizeBinding) -> None:
    assert first_match(v1, returnMetadata=True)["metadata"] == META
    assert "metadata" not in first_match(v1, returnMetadata=False)
    assert "metadata" not in first_match(v1)


@pytest.mark.parametrize("value", ["indexed", "all", "none"])
def test_v1_rejects_levels(v1: VectorizeBinding, value: str) -> None:
    with pytest.raises(VectorizeError) as info:
        v1.query_sync(Q, {"returnMetadata": value})
    assert str(info.value) == f"Error: Invalid returnMetadata option. Expected boolean; got: {value}"


def test_v1_top_k_is_20_with_or_without_metadata(v1: VectorizeBinding) -> None:
    assert v1.query_sync(Q, {"topK": 20, "returnMetadata": True})["count"] == 1
    with pytest.raises(VectorizeError, match="max top K is 20, but got 21"):
        v1.query_sync(Q, {"topK": 21})
