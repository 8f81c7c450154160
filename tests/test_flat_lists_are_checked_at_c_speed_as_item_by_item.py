"""A list of only texts, numbers, booleans and nulls passes ``nests_deeper_than``,
``json_value``, the SDK's tuple/bytearray walk (``check_sendable``) and the embedding models'
text check in one C-level type check (a ``run()`` of 100 texts walked them item by item in
Python four times): held here to item-by-item references on random values, flat lists at,
just under and just past the nesting limit, and one odd item at every place of a list."""

from __future__ import annotations

import math
import random

import pytest

from ai_helpers import ai_env, run

from workers_env import AiError
from workers_env._jsvalues import UNDEFINED, BigInt, JsException
from workers_env._sendchecks import check_sendable, nests_deeper_than
from workers_env._sentvalues import json_value


def _depth(value: object) -> int:
    """The slow reference: how many objects/arrays deep ``value`` nests (0 for a scalar)."""
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def _json_reference(value: object) -> object:
    """``JSON.parse(JSON.stringify(value))`` item by item, for the values built below."""
    if isinstance(value, dict):
        return {k: _json_reference(v) for k, v in value.items() if v is not UNDEFINED}
    if isinstance(value, list):
        return [None if v is UNDEFINED else _json_reference(v) for v in value]
    if type(value) is float and not math.isfinite(value):
        return None
    return value


SCALARS = ["text", "", 0, 7, -2**60, 1.5, math.nan, math.inf, True, False, None]


def _value(rng: random.Random, depth: int) -> object:
    if depth == 0 or rng.random() < 0.2:
        return rng.choice(SCALARS + [UNDEFINED])
    if rng.random() < 0.5:
        items = [rng.choice(SCALARS) for _ in range(rng.randint(0, 6))]  # a flat list
        if rng.random() < 0.5:
            items.insert(rng.randint(0, len(items)), _value(rng, depth - 1))  # or not flat
        return items
    return {f"k{i}": _value(rng, depth - 1) for i in range(rng.randint(0, 3))}


def test_nesting_depth_matches_a_recursive_walk():
    rng = random.Random(46)
    for _ in range(3000):
        value = _value(rng, rng.randint(0, 7))
        for limit in range(1, 8):
            assert nests_deeper_than(value, limit) == (_depth(value) > limit), (value, limit)


@pytest.mark.parametrize("items", [["a", "b"], [], [1, 2.5], [None, True], [{"x": 1}]])
def test_a_flat_list_at_the_limit_counts_as_one_level(items):
    for limit in (1, 5, 256):
        value: object = items
        for _ in range(limit - 1):
            value = {"v": value}
        assert nests_deeper_than(value, limit) == (_depth(value) > limit)
        assert nests_deeper_than([value], limit)  # one more level


def test_a_list_holding_itself_is_too_deep():
    looped: list[object] = ["a"]
    looped.append(looped)
    assert nests_deeper_than({"text": looped})


def test_json_values_match_the_item_by_item_reference():
    rng = random.Random(47)
    for _ in range(3000):
        value = _value(rng, rng.randint(0, 6))
        if value is UNDEFINED:
            continue
        got = json_value(value)
        assert repr(got) == repr(_json_reference(value)), value  # (repr: NaN is gone, types kept)
        if isinstance(value, list):
            assert got is not value  # a copy, as JSON.parse gives a new array


def test_a_bigint_in_a_list_still_throws():
    with pytest.raises(JsException, match="Do not know how to serialize a BigInt"):
        json_value(["a", BigInt(2**60)])


@pytest.mark.parametrize("odd", [("a",), bytearray(b"a"), {("a", 1)}])
def test_an_unsendable_item_anywhere_in_a_list_of_texts_is_refused(odd):
    for at in range(4):
        items: list[object] = ["a", "b", "c"]
        items.insert(at, odd)
        with pytest.raises(TypeError, match="cannot be sent over RPC"):
            check_sendable({"text": items})
        with pytest.raises(TypeError, match="cannot be sent over RPC"):
            check_sendable([[["x", 1.5, None, items]]])
        with pytest.raises(TypeError, match="cannot be sent over RPC"):
            check_sendable([{"a": "x", "b": odd}])  # (an object's keys are texts: its values are what count)
    check_sendable({"text": ["a", 1, 2.5, True, None]})  # (nothing to refuse)


@pytest.mark.parametrize("odd, kind", [(5, "'number','integer'"), (2.5, "'number'")])
def test_a_number_among_the_texts_is_refused_at_its_index(tmp_path, odd, kind):
    """cabidela passes a list of texts and numbers (a ``binary`` list) without reading its items;
    the text check that follows names the first item that is no text (ours, README)."""
    env = ai_env(tmp_path)
    for at in range(4):
        items: list[object] = ["a", "b", "c"]
        items.insert(at, odd)
        with pytest.raises(AiError, match=f"Type mismatch of '/text/{at}', 'string' not in {kind}"):
            run(env, "@cf/baai/bge-base-en-v1.5", {"text": items})
    assert run(env, "@cf/baai/bge-base-en-v1.5", {"text": ["a", "b"]}).shape == [2, 768]
