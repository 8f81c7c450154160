"""v2 metadata indexes: how they are defined, what they hold, and when a vector is in one.

A vector is in a metadata index only if it was last written after the index was created,
and only with a value of the index's type; strings are held (and compared) as their first
64 UTF-8 bytes, cut on a character boundary.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from binding_helpers import WRANGLER_TOML as WRANGLER
from binding_helpers import make_binding_in as binding

from workers_env import JsException, VectorizeBinding, VectorizeError, load_env
from workers_env.vectorize.filters import UnindexedFilterWarning

Q = [1.0, 0.0, 0.0]




def ids(b: VectorizeBinding, flt: Any) -> set[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnindexedFilterWarning)
        res = b.query_sync(Q, {"topK": b.index.limits.top_k_max, "filter": flt})
    return {m["id"] for m in res["matches"]}


def put(target: VectorizeBinding, /, **vectors: dict[str, Any]) -> None:
    target.upsert_sync([{"id": vid, "values": [1, 0, 0], "metadata": meta} for vid, meta in vectors.items()])


@pytest.fixture
def v2(tmp_path: Path) -> VectorizeBinding:
    return binding(tmp_path, version="v2", metadata_indexes={"cat": "string"})


# -- defining them -------------------------------------------------------------------------------
def test_definition_indexes_hold_every_vector(v2: VectorizeBinding) -> None:
    put(v2, a={"cat": "x"}, b={"cat": "y"})
    assert ids(v2, {"cat": "x"}) == {"a"}
    assert v2.index.metadata_index_types() == {"cat": "string"}


def test_pyproject_table_defines_metadata_indexes(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
        'metadata_indexes = { category = "string", price = "number", in_stock = "boolean" }\n'
    )
    b: VectorizeBinding = load_env(tmp_path / "wrangler.toml").IDX
    put(b, a={"category": "docs", "price": 50, "in_stock": True}, c={"category": "docs", "price": 150})
    assert ids(b, {"category": "docs", "price": {"$lt": 100}}) == {"a"}
    assert ids(b, {"in_stock": True}) == {"a"}


def test_definition_errors_are_reported(tmp_path: Path) -> None:
    from workers_env import ConfigError

    with pytest.raises(ConfigError, match="metadata indexes exist only on v2"):
        binding(tmp_path, metadata_indexes={"cat": "string"})
    with pytest.raises(ConfigError, match="use one of string, number, boolean"):
        binding(tmp_path, version="v2", metadata_indexes={"cat": "date"})
    with pytest.raises(ConfigError, match="at most 10 metadata indexes"):
        binding(tmp_path, version="v2", metadata_indexes={f"p{i}": "string" for i in range(11)})


# -- created later: only vectors written afterwards are in them ------------------------------------
def test_vectors_written_before_the_index_are_not_in_it(v2: VectorizeBinding) -> None:
    put(v2, old={"cat": "x", "price": 5}, other={"cat": "y", "price": 7})
    mutation = v2.index.create_metadata_index("price", "number")
    assert v2.describe_sync()["processedUpToMutation"] == mutation.id
    assert ids(v2, {"price": 5}) == set()
    assert ids(v2, {"price": {"$ne": 1}}) == set()  # not even a negation finds them
    assert ids(v2, {"cat": "x"}) == {"old"}  # the older index still holds them

    put(v2, new={"price": 5})
    assert ids(v2, {"price": 5}) == {"new"}
    put(v2, old={"cat": "x", "price": 5})  # written again: now it is in
    assert ids(v2, {"price": 5}) == {"new", "old"}
    assert ids(v2, {"price": {"$gte": 0}}) == {"new", "old"}


def test_insert_of_an_existing_id_does_not_rewrite_it(v2: VectorizeBinding) -> None:
    put(v2, old={"price": 5})
    v2.index.create_metadata_index("price", "number")
    v2.insert_sync([{"id": "old", "values": [1, 0, 0], "metadata": {"price": 5}}])  # skipped: id exists
    assert ids(v2, {"price": 5}) == set()


def test_delete_and_recreate_starts_a_new_empty_index(v2: VectorizeBinding) -> None:
    put(v2, first={"cat": "x"})  # in the first "cat" index
    v2.index.delete_metadata_index("cat")
    assert ids(v2, {"cat": "x"}) == set()  # no index: matches nothing
    put(v2, between={"cat": "x"})  # written while no index existed
    v2.index.create_metadata_index("cat", "string")
    assert ids(v2, {"cat": "x"}) == set()  # neither earlier vector is in the new index
    put(v2, after={"cat": "x"})
    assert ids(v2, {"cat": "x"}) == {"after"}
    put(v2, first={"cat": "x"})
    assert ids(v2, {"cat": "x"}) == {"after", "first"}


def test_recreate_with_another_type(v2: VectorizeBinding) -> None:
    put(v2, a={"cat": "1"}, b={"cat": 1})
    v2.index.delete_metadata_index("cat")
    v2.index.create_metadata_index("cat", "number")
    put(v2, c={"cat": 1}, d={"cat": "1"})
    assert ids(v2, {"cat": 1}) == {"c"}
    assert ids(v2, {"cat": "1"}) == set()
    assert ids(v2, {"cat": {"$ne": 2}}) == {"c"}


def test_deleting_an_index_empties_its_filters_and_warns(v2: VectorizeBinding) -> None:
    put(v2, a={"cat": "x"})
    v2.index.delete_metadata_index("cat")
    with pytest.warns(UnindexedFilterWarning, match="no metadata index on 'cat'"):
        res = v2.query_sync(Q, {"filter": {"cat": "x"}})
    assert res["count"] == 0


# -- what a vector contributes -------------------------------------------------------------------
def test_rewrite_with_another_type_leaves_the_index(v2: VectorizeBinding) -> None:
    put(v2, a={"cat": "x"}, b={"cat": "y"})
    assert ids(v2, {"cat": {"$ne": "z"}}) == {"a", "b"}
    put(v2, a={"cat": 3}, b={"cat": None})
    assert ids(v2, {"cat": {"$ne": "z"}}) == set()
    put(v2, a={})
    assert ids(v2, {"cat": {"$nin": ["z"]}}) == set()


def test_nested_index_follows_its_parent(tmp_path: Path) -> None:
    b = binding(tmp_path, version="v2", metadata_indexes={"a.b": "boolean"})
    put(b, yes={"a": {"b": True}}, no={"a": {"b": False}}, scalar={"a": True}, flat={"b": True}, deep={"a": {"b": {"c": True}}})
    assert ids(b, {"a.b": True}) == {"yes"}
    assert ids(b, {"a.b": {"$ne": True}}) == {"no"}
    put(b, yes={"a": "gone"})
    assert ids(b, {"a.b": {"$in": [True, False]}}) == {"no"}


def test_index_on_a_parent_object_holds_nothing(tmp_path: Path) -> None:
    b = binding(tmp_path, version="v2", metadata_indexes={"a": "string"})
    put(b, obj={"a": {"b": "x"}}, text={"a": "x"})
    assert ids(b, {"a": {"$ne": "y"}}) == {"text"}


# -- strings: the first 64 UTF-8 bytes, cut on a character boundary ------------------------------
X63 = "x" * 63


@pytest.mark.parametrize(
    ("stored", "query", "match"),
    [
        ("x" * 64, "x" * 64, True),  # exactly 64 bytes: kept whole
        ("x" * 64 + "tail", "x" * 64, True),  # cut to 64
        ("x" * 64 + "tail", "x" * 64 + "other tail", True),  # the filter is cut the same way
        ("x" * 64, "x" * 65, True),
        (X63 + "\u00e9", X63, True),  # a 2-byte character across the limit is dropped whole
        (X63 + "\u00e9", X63 + "\u00e9", True),  # ... in the filter too
        (X63 + "\u00e9", X63 + "e", False),  # 64 ASCII bytes do not equal 63
        ("x" * 62 + "\U0001f600", "x" * 62, True),  # a 4-byte character across the limit
        ("x" * 60 + "\U0001f600", "x" * 60 + "\U0001f600", True),  # exactly 64 bytes with it
        ("x" * 60 + "\U0001f600", "x" * 60, False),
        ("\u20ac" * 22, "\u20ac" * 21, True),  # 66 bytes of 3-byte characters: 63 kept
        ("\u20ac" * 21 + "ab", "\u20ac" * 21 + "a", True),  # 63 + 1 = 64 bytes
    ],
)
def test_strings_are_indexed_by_their_first_64_bytes(v2: VectorizeBinding, stored: str, query: str, match: bool) -> None:
    put(v2, s={"cat": stored})
    assert ids(v2, {"cat": query}) == ({"s"} if match else set())
    assert ids(v2, {"cat": {"$in": ["nope", query]}}) == ({"s"} if match else set())
    assert ids(v2, {"cat": {"$ne": query}}) == (set() if match else {"s"})


def test_long_strings_with_a_common_prefix_are_one_value(v2: VectorizeBinding) -> None:
    put(v2, a={"cat": "p" * 64 + "a"}, b={"cat": "p" * 64 + "b"}, c={"cat": "p" * 63})
    assert ids(v2, {"cat": "p" * 64 + "zzz"}) == {"a", "b"}
    assert ids(v2, {"cat": {"$gt": "p" * 64}}) == set()  # cut values equal the cut bound
    assert ids(v2, {"cat": {"$gte": "p" * 64}}) == {"a", "b"}
    assert ids(v2, {"cat": {"$lt": "p" * 64 + "b"}}) == {"c"}


def test_v1_compares_whole_strings(tmp_path: Path) -> None:
    b = binding(tmp_path)
    put(b, a={"cat": "p" * 64 + "a"}, b={"cat": "p" * 64 + "b"})
    assert ids(b, {"cat": "p" * 64 + "a"}) == {"a"}
    assert ids(b, {"cat": "p" * 64}) == set()


def test_numbers_are_float64(tmp_path: Path) -> None:
    b = binding(tmp_path, version="v2", metadata_indexes={"n": "number"})
    put(b, big={"n": 2**53 + 1}, half={"n": 0.5}, huge={"n": 10**400})
    assert ids(b, {"n": 2**53}) == {"big"}  # 2**53 + 1 is not a float64
    assert ids(b, {"n": {"$gt": 1e308}}) == {"huge"}  # beyond float64: +infinity
    assert ids(b, {"n": {"$lt": 1}}) == {"half"}


# -- errors of create/delete ----------------------------------------------------------------------
def create_error(b: VectorizeBinding, prop: Any, type_: Any) -> str:
    index = b.index
    before = (index.seq, index.last_mutation, dict(index.metadata_indexes))
    with pytest.raises(VectorizeError) as info:
        index.create_metadata_index(prop, type_)
    assert isinstance(info.value, JsException)
    assert (index.seq, index.last_mutation, dict(index.metadata_indexes)) == before  # nothing changed
    return str(info.value)


def test_v1_indexes_have_no_metadata_indexes(tmp_path: Path) -> None:
    b = binding(tmp_path)
    assert create_error(b, "cat", "string") == (
        'Error: index "idx" is a v1 index; metadata indexes exist only on v2 indexes (set "version": "v2" in its '
        "definition)")
    with pytest.raises(VectorizeError, match="exist only on v2"):
        b.index.delete_metadata_index("cat")


@pytest.mark.parametrize("type_", ["date", "String", "bool", "int", None, 1])
def test_type_must_be_string_number_or_boolean(v2: VectorizeBinding, type_: Any) -> None:
    assert create_error(v2, "price", type_) == (
        f"Error: metadata index on 'price' has type {type_!r}; use one of string, number, boolean")


@pytest.mark.parametrize("prop", ["", "a..b", "a.", ".a", "$a", "a.$b", 'a"b', "x" * 513, 5, None])
def test_property_must_be_filterable(v2: VectorizeBinding, prop: Any) -> None:
    assert create_error(v2, prop, "string") == (
        f"Error: metadata index property name {prop!r} is invalid: it must be a non-empty string of at most 512 "
        "characters, without '\"', whose dot-separated parts are non-empty and do not start with '$'")


def test_a_property_name_that_is_not_unicode_says_which_character(v2: VectorizeBinding) -> None:
    assert create_error(v2, "a\udcff", "string") == (
        "Error: metadata index property name 'a\\udcff' is not valid Unicode: it holds the lone surrogate U+DCFF "
        "(the byte 0xFF, which is not UTF-8); use a property name of UTF-8 text")


def test_a_property_512_characters_long_is_fine(v2: VectorizeBinding) -> None:
    v2.index.create_metadata_index("p" * 512, "number")
    put(v2, a={"p" * 512: 1})
    assert ids(v2, {"p" * 512: 1}) == {"a"}


@pytest.mark.parametrize("type_", ["string", "number"])
def test_a_property_is_indexed_once(v2: VectorizeBinding, type_: str) -> None:
    text = create_error(v2, "cat", type_)
    assert text == ('Error: index "idx" already has a metadata index on \'cat\' (type string); delete it first '
                    "to change its type")


def test_at_most_ten_metadata_indexes(v2: VectorizeBinding) -> None:
    for i in range(9):
        v2.index.create_metadata_index(f"p{i}", "number")
    assert len(v2.index.metadata_indexes) == 10
    assert create_error(v2, "p9", "number") == (
        'Error: index "idx" already has 10 metadata indexes; the maximum is 10 per index (delete one first)')
    v2.index.delete_metadata_index("p0")
    v2.index.create_metadata_index("p9", "number")
    assert len(v2.index.metadata_indexes) == 10


def test_deleting_a_missing_index_is_an_error(v2: VectorizeBinding) -> None:
    index = v2.index
    seq = index.seq
    with pytest.raises(VectorizeError) as info:
        index.delete_metadata_index("price")
    assert str(info.value) == "Error: index \"idx\" has no metadata index on 'price' (it has: 'cat')"
    assert index.seq == seq
    for odd, shown in ((["cat"], r"\['cat'\]"), ({}, r"\{\}"), (5, "5")):  # not a property name: named as given
        with pytest.raises(VectorizeError, match=rf"has no metadata index on {shown} \(it has: 'cat'\)"):
            index.delete_metadata_index(odd)
    assert index.seq == seq
    index.delete_metadata_index("cat")
    with pytest.raises(VectorizeError, match=r"has no metadata index on 'cat' \(it has: none\)"):
        index.delete_metadata_index("cat")


# -- the rule survives a restart (persisted state) ---------------------------------------------------
def test_written_before_rule_survives_reopening(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    definition = {"idx": {"dimensions": 3, "metric": "cosine", "version": "v2", "metadata_indexes": {"cat": "string"}}}
    state = tmp_path / "state"
    env = load_env(tmp_path / "wrangler.toml", indexes=definition, persist_to=state)
    put(env.IDX, old={"cat": "x", "n": 1})
    env.IDX.index.create_metadata_index("n", "number")
    put(env.IDX, new={"cat": "x", "n": 1})
    env.close()

    env = load_env(tmp_path / "wrangler.toml", indexes=definition, persist_to=state)
    try:
        assert ids(env.IDX, {"n": 1}) == {"new"}
        assert ids(env.IDX, {"cat": "x"}) == {"old", "new"}
        put(env.IDX, old={"cat": "x", "n": 1})
        assert ids(env.IDX, {"n": 1}) == {"old", "new"}
    finally:
        env.close()
