"""``put(..., metadata=...)`` sends ``JSON.stringify(metadata)``: a value that contains itself is
V8's circular-structure ``TypeError`` (not a ``RecursionError``), any depth is written and then
measured against the 1024-byte limit, NaN is ``null`` wherever it sits, and a lone surrogate is
escaped (``\\ud800``, six bytes) rather than failing to encode. A refused put writes nothing."""

from __future__ import annotations

import numpy as np
import pytest
from kv_helpers import KV_TOML, run

from workers_env import JsException, load_env


@pytest.fixture
def kv(project):
    return load_env(project(KV_TOML)).KV


def refusal(kv, metadata) -> JsException:
    with pytest.raises(JsException) as info:
        run(kv.put("k", "new", metadata=metadata))
    assert run(kv.get("k")) == "old"  # nothing written
    return info.value


@pytest.fixture(autouse=True)
def old_value(kv):
    run(kv.put("k", "old"))


def test_a_circle_is_v8s_type_error(kv):
    looped: dict = {"n": float("nan")}  # NaN first: json.dumps stops there before it meets the circle
    looped["inner"] = {"back": looped}
    error = refusal(kv, looped)
    assert error.name == "TypeError"
    assert error.message == (
        "Converting circular structure to JSON\n"
        "    --> starting at object with constructor 'Object'\n"
        "    |     property 'inner' -> object with constructor 'Object'\n"
        "    --- property 'back' closes the circle"
    )
    items: list = []
    items.append(items)
    assert refusal(kv, items).message.endswith("--- index 0 closes the circle")


def test_any_depth_is_measured_by_its_true_length(kv):
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    assert str(refusal(kv, deep)) == "Error: KV PUT failed: 413 Metadata length of 10002 exceeds limit of 1024."


def test_nan_and_infinity_are_null_beside_deep_values(kv):
    nested: list = [float("inf")]
    for _ in range(300):
        nested = [nested]
    run(kv.put("k", "v", metadata={"n": float("nan"), "deep": nested}))
    got = run(kv.getWithMetadata("k")).metadata
    assert got["n"] is None
    for _ in range(300):
        got["deep"] = got["deep"][0]
    assert got["deep"] == [None]


def test_a_lone_surrogate_is_escaped_and_counted_as_six_bytes(kv):
    run(kv.put("k", "v", metadata={"a": "x\ud800"}))
    assert run(kv.getWithMetadata("k")).metadata == {"a": "x\ud800"}
    fits = "\udc00" * ((1024 - len('{"a":""}')) // 6)  # 169 escapes: 1022 bytes
    run(kv.put("k", "v", metadata={"a": fits}))
    over = fits + "\udc00"
    run(kv.put("k", "old"))
    assert str(refusal(kv, {"a": over})) == "Error: KV PUT failed: 413 Metadata length of 1028 exceeds limit of 1024."


def test_numbers_are_written_as_javascript_prints_them(kv):
    # 300 whole floats: "1" each as V8 writes them (607 bytes), not Python's "1.0" (1207, refused)
    run(kv.put("k", "v", metadata={"v": [1.0] * 300, "z": -0.0, "s": np.float64(0.5), "n": float("nan")}))
    got = run(kv.getWithMetadata("k")).metadata
    assert got["v"] == [1] * 300 and type(got["v"][0]) is int and got["z"] == 0
    assert got["s"] == 0.5 and got["n"] is None  # a float subclass beside a NaN: plain JSON


def test_an_int_pyodide_sends_as_a_bigint_is_refused(kv):
    # Pyodide sends an int as a Number only strictly inside +-(2**53 - 1)
    error = refusal(kv, {"id": 2**53 - 1})
    assert (error.name, error.message) == ("TypeError", "Do not know how to serialize a BigInt")
    run(kv.put("k", "v", metadata={"id": 2**53 - 2}))
    assert run(kv.getWithMetadata("k")).metadata == {"id": 2**53 - 2}


def test_keys_are_property_names_in_a_javascript_objects_order(kv):
    run(kv.put("k", "v", metadata={"b": 1, "10": 2, 2: 3, None: 4, 1.0: 5}))
    got = run(kv.getWithMetadata("k")).metadata
    assert list(got.items()) == [("1", 5), ("2", 3), ("10", 2), ("b", 1), ("undefined", 4)]


def test_a_surrogate_pair_is_one_character_of_four_bytes(kv):
    pair = "\ud83d\ude00"  # two surrogate code points in Python: one character in JavaScript
    fits = pair * ((1024 - len('{"a":""}')) // 4)  # 254 characters: 1024 bytes
    run(kv.put("k", "v", metadata={"a": fits}))
    assert run(kv.getWithMetadata("k")).metadata == {"a": "\U0001f600" * 254}
    run(kv.put("k", "old"))
    assert str(refusal(kv, {"a": fits + pair})) == "Error: KV PUT failed: 413 Metadata length of 1028 exceeds limit of 1024."
