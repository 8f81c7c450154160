"""Every malformed filter is the service's error, never an empty result.

All of them are ``VECTOR_QUERY_ERROR (code = 40026)``; the text after it names the problem.
The unindexed-property case is the one exception: the service matches nothing without an
error, and we add a Python warning on top.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from binding_helpers import make_binding_in as binding

from workers_env import JsException, VectorizeBinding, VectorizeError
from workers_env.vectorize.filters import UnindexedFilterWarning

PREFIX = "Error: VECTOR_QUERY_ERROR (code = 40026): invalid filter: "




@pytest.fixture
def v2(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path, version="v2", metadata_indexes={"k": "string", "n": "number", "a.b": "string"})
    b.upsert_sync([{"id": "x", "values": [1, 0, 0], "metadata": {"k": "v", "n": 1}}])
    return b


@pytest.fixture
def v1(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path)
    b.upsert_sync([{"id": "x", "values": [1, 0, 0], "metadata": {"k": "v"}}])
    return b


def query_error(b: VectorizeBinding, flt: Any) -> VectorizeError:
    with pytest.raises(VectorizeError) as info:
        b.query_sync([1, 0, 0], {"filter": flt})
    err = info.value
    assert err.operation == "VECTOR_QUERY" and err.code == 40026
    assert isinstance(err, JsException)
    assert str(err).startswith(PREFIX), str(err)
    return err


LONG_KEY = "k" * 513

BAD_FILTERS: list[tuple[str, Any, str]] = [
    # the filter as a whole
    ("not an object: string", "k", 'must be an object such as {"category": "docs"}, got "k"'),
    ("not an object: list", [{"k": "v"}], "must be an object"),
    ("not an object: number", 3, "must be an object"),
    ("empty object", {}, "must not be an empty object"),
    ("2048 bytes", {"k": "x" * 2040}, "must be under 2048 bytes, got 2048 bytes"),
    ("far too large", {"k": {"$in": ["v" * 100] * 30}}, "must be under 2048 bytes"),
    ("not JSON: a set", {"k": {"$in": {1, 2}}}, "cannot be sent as JSON"),
    ("not JSON: non-string key", {1: "v"}, "cannot be sent as JSON: key 1"),
    ("lone surrogate in a value", {"k": "a\ud800"}, "lone UTF-16 surrogate"),
    ("lone surrogate in a key", {"k\udfff": "a"}, "lone UTF-16 surrogate"),
    ("lone surrogate in $in", {"k": {"$in": ["ok", "\udc00"]}}, "lone UTF-16 surrogate"),
    # keys
    ("empty key", {"": "v"}, "filter keys must be non-empty"),
    ("key over 512 characters", {LONG_KEY: "v"}, "is 513 characters long; the maximum is 512"),
    ("key with a quote", {'k"': "v"}, "must not contain '\"'"),
    ("key starting with $", {"$k": "v"}, "must not start with '$'"),
    ("$and is not supported", {"$and": [{"k": "v"}]}, "must not start with '$'"),
    ("$or is not supported", {"$or": [{"k": "v"}]}, "must not start with '$'"),
    ("empty part in a dotted key", {"a..b": "v"}, "has an empty part"),
    ("trailing dot", {"a.": "v"}, "has an empty part"),
    ("leading dot", {".a": "v"}, "has an empty part"),
    ("nested part starting with $", {"a.$b": "v"}, "has an empty part or a part starting with '$'"),
    # values
    ("array as a value", {"k": ["v", "w"]}, 'use {"$in": [...]}'),
    ("nested object instead of a dotted key", {"a": {"b": "v"}}, 'write the dotted key "a.b"'),
    ("empty operator object", {"k": {}}, "operator object of \"k\" is empty"),
    ("unknown operator", {"k": {"$exists": True}}, 'unknown operator "$exists" on "k"'),
    ("unknown operator $regex", {"k": {"$regex": "v.*"}}, 'unknown operator "$regex"'),
    ("operator case matters", {"k": {"$EQ": "v"}}, 'unknown operator "$EQ"'),
    ("$neq is not $ne", {"k": {"$neq": "v"}}, 'unknown operator "$neq"'),
    ("$eq takes no object", {"k": {"$eq": {"x": 1}}}, "$eq on \"k\" takes a string, number, boolean or null"),
    ("$ne takes no array", {"k": {"$ne": [1]}}, "$ne on \"k\" takes a string, number, boolean or null"),
    ("NaN", {"n": float("nan")}, "takes a string, number, boolean or null, got NaN"),
    ("Infinity in $eq", {"n": {"$eq": float("inf")}}, "takes a string, number, boolean or null"),
    ("integer beyond float64", {"n": 10**400}, "takes a string, number, boolean or null"),
    ("$in takes an array", {"k": {"$in": "v"}}, '$in on "k" takes a non-empty array'),
    ("$in must not be empty", {"k": {"$in": []}}, '$in on "k" takes a non-empty array; an empty one'),
    ("$nin must not be empty", {"k": {"$nin": []}}, '$nin on "k" takes a non-empty array; an empty one'),
    ("$nin takes an array", {"k": {"$nin": None}}, '$nin on "k" takes a non-empty array'),
    ("$in of objects", {"k": {"$in": [{"x": 1}]}}, "$in on \"k\" takes a non-empty array of strings"),
    ("$in of arrays", {"k": {"$in": [["v"]]}}, "takes a non-empty array of strings"),
    ("$in with NaN", {"n": {"$in": [1, float("nan")]}}, "takes a non-empty array of strings"),
    ("range on a boolean", {"k": {"$gt": True}}, '$gt on "k" takes a string or a number, got true'),
    ("range on null", {"k": {"$lte": None}}, '$lte on "k" takes a string or a number, got null'),
    ("range on an array", {"n": {"$lt": [1, 2]}}, '$lt on "n" takes a string or a number'),
    ("range on infinity", {"n": {"$gte": float("-inf")}}, '$gte on "n" takes a string or a number'),
    # combinations on one key
    ("two lower bounds", {"n": {"$gt": 1, "$gte": 2}}, "operators $gt, $gte on \"n\" cannot be combined"),
    ("two upper bounds", {"n": {"$lt": 1, "$lte": 2}}, "operators $lt, $lte on \"n\" cannot be combined"),
    ("equality with a range", {"n": {"$eq": 1, "$lt": 2}}, "cannot be combined"),
    ("$ne with a range", {"n": {"$gt": 0, "$ne": 2}}, "cannot be combined"),
    ("$eq with $ne", {"k": {"$eq": "a", "$ne": "b"}}, "cannot be combined"),
    ("$in with $nin", {"k": {"$in": ["a"], "$nin": ["b"]}}, "cannot be combined"),
    ("three operators", {"n": {"$gt": 0, "$lt": 5, "$ne": 2}}, "cannot be combined"),
    ("string and number bounds", {"k": {"$gte": "a", "$lt": 5}}, 'range bounds on "k" must both be strings or both'),
]


@pytest.mark.parametrize(("name", "flt", "text"), BAD_FILTERS, ids=[c[0] for c in BAD_FILTERS])
def test_bad_filter_is_an_error_on_v2(v2: VectorizeBinding, name: str, flt: Any, text: str) -> None:
    err = query_error(v2, flt)
    assert text in str(err)


#: one filter for each problem above and its whole text (ours [D]: README, "Metadata filtering and metadata indexes")
WHOLE_TEXTS: list[tuple[str, Any, str]] = [
    ("not an object", "k", 'a filter must be an object such as {"category": "docs"}, got "k"'),
    ("empty", {}, "a filter must not be an empty object; leave the filter out to match every vector"),
    ("not JSON", {"k": {"$in": {1, 2}}}, 'the filter cannot be sent as JSON: the value of "$in" holds a set'),
    ("lone surrogate", {"k": "a\ud800"},
     'the value of "k" holds a lone UTF-16 surrogate, which is not valid Unicode and cannot be sent as JSON'),
    ("too large", {"k": "x" * 2040}, "the filter's compact JSON must be under 2048 bytes, got 2048 bytes"),
    ("empty key", {"": "v"}, "filter keys must be non-empty strings"),
    ("key too long", {LONG_KEY: "v"}, f"filter key {'k' * 40!r}... is 513 characters long; the maximum is 512"),
    ("quote in a key", {'k"': "v"}, 'filter key "k\\"" must not contain \'"\''),
    ("key starting with $", {"$k": "v"},
     'filter key "$k" must not start with \'$\'; operators go inside a property, as in {"price": {"$lt": 100}}'),
    ("empty part", {"a..b": "v"},
     'filter key "a..b" has an empty part or a part starting with \'$\'; a dotted key addresses nested metadata '
     '("a.b" reads {"a": {"b": ...}}) and metadata keys are never empty nor start with \'$\''),
    ("array value", {"k": ["v", "w"]}, 'value of "k" is an array; to match any of several values use {"$in": [...]}'),
    ("nested object", {"a": {"b": "v"}},
     'value of "a" is an object with the key "b", which is not an operator; to filter on a nested property write '
     'the dotted key "a.b"'),
    ("no operator", {"k": {}},
     'operator object of "k" is empty; give one of $eq, $ne, $in, $nin, $lt, $lte, $gt, $gte'),
    ("unknown operator", {"k": {"$exists": True}},
     'unknown operator "$exists" on "k"; use one of $eq, $ne, $in, $nin, $lt, $lte, $gt, $gte'),
    ("scalar operator", {"k": {"$eq": {"x": 1}}}, '$eq on "k" takes a string, number, boolean or null, got {"x":1}'),
    ("list operator", {"k": {"$in": "v"}},
     '$in on "k" takes a non-empty array of strings, numbers, booleans or nulls, got "v"'),
    ("empty list", {"k": {"$in": []}}, '$in on "k" takes a non-empty array; an empty one can match nothing'),
    ("range operator", {"k": {"$gt": True}}, '$gt on "k" takes a string or a number, got true'),
    ("two lower bounds", {"n": {"$gt": 1, "$gte": 2}},
     'operators $gt, $gte on "n" cannot be combined; one property takes one operator, or one lower bound ($gt or '
     "$gte) together with one upper bound ($lt or $lte)"),
    ("mixed bounds", {"k": {"$gte": "a", "$lt": 5}}, 'range bounds on "k" must both be strings or both be numbers'),
]


@pytest.mark.parametrize(("name", "flt", "text"), WHOLE_TEXTS, ids=[c[0] for c in WHOLE_TEXTS])
def test_each_problem_has_its_whole_text(v2: VectorizeBinding, name: str, flt: Any, text: str) -> None:
    assert str(query_error(v2, flt)) == PREFIX + text


def test_size_limit_is_strictly_under_2048_bytes(v2: VectorizeBinding) -> None:
    # {"k":"x..."} is 8 bytes of syntax around the string: 2039 x's make 2047 bytes
    res = v2.query_sync([1, 0, 0], {"filter": {"k": "x" * 2039}})
    assert res["count"] == 0
    err = query_error(v2, {"k": "x" * 2040})
    assert "got 2048 bytes" in str(err)


def test_size_counts_utf8_bytes_of_compact_json(v2: VectorizeBinding) -> None:
    # 682 three-byte characters = 2046 bytes + 8 of syntax = 2054 bytes: too large,
    # although the filter is only 690 characters long
    err = query_error(v2, {"k": "\u20ac" * 682})
    assert "got 2054 bytes" in str(err)


def test_key_of_512_characters_is_allowed(v2: VectorizeBinding) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnindexedFilterWarning)
        res = v2.query_sync([1, 0, 0], {"filter": {"k" * 512: "v"}})
    assert res["count"] == 0


def test_valid_filters_compile(v2: VectorizeBinding) -> None:
    """The shapes the docs show are accepted (and match what they should)."""
    for flt in (
        {"k": "v"},
        {"k": {"$ne": "w"}},
        {"k": {"$in": ["v", None, 1, True]}},
        {"n": {"$gte": 0, "$lt": 2}},
        {"n": {"$lte": 1, "$gt": 0}},  # upper bound first
        {"k": {"$gte": "u", "$lt": "w"}},
        {"k": "v", "n": 1},
    ):
        assert v2.query_sync([1, 0, 0], {"filter": flt})["count"] == 1, flt


def test_filter_none_means_no_filter(v2: VectorizeBinding) -> None:
    assert v2.query_sync([1, 0, 0], {"filter": None})["count"] == 1


def test_bad_filter_is_an_error_even_on_an_empty_index(tmp_path: Path) -> None:
    b = binding(tmp_path, version="v2", metadata_indexes={"k": "string"})
    query_error(b, {"k": {"$in": []}})


def test_bad_filter_is_an_error_before_the_namespace_is_looked_up(v2: VectorizeBinding) -> None:
    with pytest.raises(VectorizeError, match="cannot be combined"):
        v2.query_sync([1, 0, 0], {"namespace": "nowhere", "filter": {"k": {"$eq": "a", "$ne": "b"}}})


@pytest.mark.asyncio
async def test_query_by_id_validates_the_filter(v2: VectorizeBinding) -> None:
    with pytest.raises(VectorizeError, match="takes a non-empty array"):
        await v2.queryById("x", filter={"k": {"$nin": []}})


V1_ONLY_EQ_NE = ["$in", "$nin", "$lt", "$lte", "$gt", "$gte"]


@pytest.mark.parametrize("op", V1_ONLY_EQ_NE)
def test_v1_supports_only_eq_and_ne(v1: VectorizeBinding, op: str) -> None:
    value: Any = ["v"] if op in ("$in", "$nin") else "v"
    err = query_error(v1, {"k": {op: value}})
    assert f"operator {op} on \"k\" is not supported by v1 indexes; they support only $eq, $ne" in str(err)


def test_v1_validates_like_v2(v1: VectorizeBinding) -> None:
    assert "must not be an empty object" in str(query_error(v1, {}))
    assert 'unknown operator "$exists"' in str(query_error(v1, {"k": {"$exists": True}}))
    assert "cannot be combined" in str(query_error(v1, {"k": {"$eq": "v", "$ne": "w"}}))
    assert "takes a string, number, boolean or null" in str(query_error(v1, {"k": {"$eq": []}}))


def test_unindexed_property_warns_and_matches_nothing(v2: VectorizeBinding) -> None:
    with pytest.warns(UnindexedFilterWarning, match="no metadata index on 'color'") as record:
        res = v2.query_sync([1, 0, 0], {"filter": {"color": "red"}})
    assert res["count"] == 0 and res["matches"] == []
    assert str(record[0].message) == (
        "filter on 'color' matches no vector: this v2 index has no metadata index on 'color', and Vectorize "
        'silently matches nothing for such a filter. Create one ("metadata_indexes": {"color": "string"} in the '
        "index definition, or `workers-env vectorize create-metadata-index idx --property-name=color "
        "--type=string`), then write the vectors again")


def test_indexed_properties_do_not_warn(v2: VectorizeBinding) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert v2.query_sync([1, 0, 0], {"filter": {"k": "v", "a.b": {"$ne": "z"}}})["count"] == 0
        assert v2.query_sync([1, 0, 0], {"filter": {"k": "v"}})["count"] == 1


def test_v1_never_warns(v1: VectorizeBinding) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert v1.query_sync([1, 0, 0], {"filter": {"color": {"$ne": "red"}}})["count"] == 1
