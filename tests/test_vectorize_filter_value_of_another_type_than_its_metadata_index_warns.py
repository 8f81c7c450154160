"""A v2 filter clause whose values are none of its metadata index's type (`{"price": {"$lt": "25"}}`
on a `number` index: a URL query parameter passed on as a string) matches no vector, silently, as
a typed metadata index holds values of its type only. workers-env keeps that result and warns,
with the `UnindexedFilterWarning` of the other silent-nothing filter, saying what to pass; a
clause with a value of the right type, `$ne`/`$nin` (which then match every indexed vector) and v1
indexes get no warning."""

from __future__ import annotations

import warnings

import pytest

from workers_env import UnindexedFilterWarning, load_env

CONFIG = '[[vectorize]]\nbinding = "V"\nindex_name = "shop"\n'
TYPES = {"price": "number", "tag": "string", "ok": "boolean"}
ROWS = [{"price": 10, "tag": "a", "ok": True}, {"price": 20, "tag": "10", "ok": False}]


async def _env(tmp_path, version="v2"):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    definition = {"dimensions": 3, "metric": "cosine", "version": version}
    if version == "v2":
        definition["metadata_indexes"] = TYPES
    env = load_env(tmp_path / "wrangler.toml", indexes={"shop": definition})
    await env.V.upsert([{"id": str(i), "values": [1.0, float(i), 0.0], "metadata": m} for i, m in enumerate(ROWS)])
    return env


@pytest.mark.asyncio
@pytest.mark.parametrize(("filter_", "shown", "fix"), [
    ({"price": {"$lt": "25"}}, '$lt compares with "25"', "Pass a number (float(...) or int(...)"),
    ({"price": "10"}, '$eq compares with "10"', "Pass a number"),
    ({"price": {"$in": ["10", "20"]}}, '$in compares with ["10","20"]', "Pass a number"),
    ({"tag": 10}, "$eq compares with 10", "Pass a string (str(...) of a number)"),
    ({"ok": "true"}, '$eq compares with "true"', 'Pass a boolean, not "true" or 1'),
    ({"ok": 1}, "$eq compares with 1", "Pass a boolean"),
    ({"price": None}, "$eq compares with null", "no metadata index holds null"),
])
async def test_a_value_of_another_type_matches_nothing_with_a_warning(tmp_path, filter_, shown, fix):
    env = await _env(tmp_path)
    key = next(iter(filter_))
    with pytest.warns(UnindexedFilterWarning) as record:
        res = await env.V.query([1.0, 0.0, 0.0], {"topK": 5, "filter": filter_})
    assert res.count == 0
    text = str(record[0].message)
    assert text.startswith(f"filter on {key!r} matches no vector: {shown}, but the metadata index on {key!r} "
                           f"is of type {TYPES[key]}")
    assert fix in text
    assert record[0].filename == __file__  # at the caller's line, as the unindexed warning


@pytest.mark.asyncio
@pytest.mark.parametrize(("filter_", "ids"), [
    ({"price": {"$lt": 25}}, ["0", "1"]),
    ({"price": {"$in": ["10", 20]}}, ["1"]),  # one value of the index's type: it can match
    ({"price": {"$ne": "10"}}, ["0", "1"]),   # a negation matches every vector the index holds
    ({"tag": {"$nin": [10]}}, ["0", "1"]),
    ({"tag": "10"}, ["1"]),
])
async def test_a_clause_that_can_match_gets_no_warning(tmp_path, filter_, ids):
    env = await _env(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = await env.V.query([1.0, 0.0, 0.0], {"topK": 5, "filter": filter_})
    assert sorted(m.id for m in res.matches) == ids


@pytest.mark.asyncio
async def test_v1_filters_read_stored_metadata_and_get_no_warning(tmp_path):
    env = await _env(tmp_path, version="v1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = await env.V.query([1.0, 0.0, 0.0], {"topK": 5, "filter": {"price": "10"}})
    assert res.count == 0
