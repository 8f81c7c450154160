"""Bulk ``getWithMetadata`` wraps every present key as ``{value, metadata}``, as Miniflare
5.20261201.0-beta answers it (``processKeyValue``'s ``obj !== null``; checked with its
``kv_ops.js`` under workerd 1.20261201.1): a stored value that is falsy -- ``""``, JSON ``0`` or
``false`` -- keeps its metadata (workers-sdk #14784), and so does a stored JSON ``null`` read
with ``"json"``: ``{value: None, metadata}``. Miniflare 5.20261117 (wrangler 4.164.0's) answered
that one bare, ``None``, as an absent key (its ``val !== null``); only an absent key is ``None``
now. Read as text the same ``"null"`` is a string and keeps its metadata."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML, run

from workers_env import load_env


@pytest.fixture
def kv(project):
    return load_env(project(KV_TOML)).KV


@pytest.fixture
def stored(kv):
    run(kv.put("jnull", "null", metadata={"m": 1}))
    run(kv.put("jzero", "0", metadata={"m": 2}))
    run(kv.put("jfalse", "false", metadata={"m": 3}))
    run(kv.put("jempty", "", metadata={"m": 4}))
    run(kv.put("jnometa", "null"))
    return kv


def test_falsy_json_values_and_json_null_keep_their_metadata_and_only_an_absent_key_is_none(stored):
    got = run(stored.getWithMetadata(["jnull", "jzero", "jfalse", "jnometa", "missing"], "json"))
    assert list(got.items()) == [
        ("jnull", {"value": None, "metadata": {"m": 1}}),
        ("jzero", {"value": 0, "metadata": {"m": 2}}),
        ("jfalse", {"value": False, "metadata": {"m": 3}}),
        ("jnometa", {"value": None, "metadata": None}),
        ("missing", None),
    ]


def test_as_text_the_same_values_keep_their_metadata(stored):
    got = run(stored.getWithMetadata(["jempty", "jnull", "jnometa"]))
    assert list(got.items()) == [
        ("jempty", {"value": "", "metadata": {"m": 4}}),
        ("jnull", {"value": "null", "metadata": {"m": 1}}),
        ("jnometa", {"value": "null", "metadata": None}),
    ]


def test_one_key_still_gives_value_and_metadata(stored):
    one = run(stored.getWithMetadata("jnull", "json"))
    assert (one.value, one.metadata, one.cacheStatus) == (None, {"m": 1}, None)
    assert run(stored.get(["jnull", "jzero"], "json")) == {"jnull": None, "jzero": 0}
