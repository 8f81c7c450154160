"""Bulk ``getWithMetadata`` as Miniflare 5.20261117 answers it (checked with
tools/wrangler/kv_differential.py against wrangler 4.164.0): a stored value that is falsy --
``""``, JSON ``0`` or ``false`` -- comes back as ``{value, metadata}`` with its metadata
(workers-sdk #14784 fixed Miniflare dropping it), while a stored JSON ``null`` read with
``"json"`` comes back bare, ``None``, as an absent key does (its ``val !== null`` test), with or
without metadata. Read as text the same ``"null"`` is a string and keeps its metadata."""

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


def test_falsy_json_values_keep_their_metadata_and_json_null_is_bare(stored):
    got = run(stored.getWithMetadata(["jnull", "jzero", "jfalse", "jnometa", "missing"], "json"))
    assert list(got.items()) == [
        ("jnull", None),
        ("jzero", {"value": 0, "metadata": {"m": 2}}),
        ("jfalse", {"value": False, "metadata": {"m": 3}}),
        ("jnometa", None),
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
