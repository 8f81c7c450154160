"""Every KV limit on both sides, with the runtime's and the service's own error texts;
a rejected call changes nothing."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML, error_of, run

from workers_env import JsException, ManualClock, load_env
from workers_env.kv import limits

NOW = 1_800_000_000


@pytest.fixture
def kv(project):
    return load_env(project(KV_TOML), clock=ManualClock(NOW)).KV


def test_the_figures():
    assert (limits.MAX_KEY_BYTES, limits.MAX_VALUE_BYTES, limits.MAX_METADATA_BYTES) == (512, 25 * 2**20, 1024)
    assert (limits.MAX_LIST_KEYS, limits.MAX_BULK_GET_KEYS, limits.MIN_EXPIRATION_TTL_SECONDS) == (1000, 100, 60)


@pytest.mark.parametrize("op,call", [
    ("GET", lambda kv, k: kv.get(k)),
    ("PUT", lambda kv, k: kv.put(k, "v")),
    ("DELETE", lambda kv, k: kv.delete(k)),
    ("GET", lambda kv, k: kv.getWithMetadata(k)),
])
def test_key_length_512_bytes_counted_in_utf8(kv, op, call):
    run(call(kv, "k" * 512))
    run(call(kv, "é" * 256))  # 512 bytes
    assert error_of(call(kv, "k" * 513)) == f"Error: KV {op} failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512."
    assert error_of(call(kv, "é" * 256 + "k")).endswith("UTF-8 encoded length of 513 exceeds key length limit of 512.")


def test_empty_dot_and_dotdot_keys_are_refused_by_the_runtime(kv):
    assert error_of(kv.put("", "v")) == "TypeError: Key name cannot be empty."
    assert error_of(kv.get(".")) == 'TypeError: "." is not allowed as a key name.'
    assert error_of(kv.delete("..")) == 'TypeError: ".." is not allowed as a key name.'
    run(kv.put("...", "three dots are fine"))
    run(kv.put("./x", "so is a path"))
    assert [k.name for k in run(kv.list())["keys"]] == ["...", "./x"]


def test_bulk_get_keys_are_checked_by_the_service(kv):
    assert error_of(kv.get(["a", ""])) == "Error: KV GET_BULK failed: 400 Key names must not be empty"
    assert error_of(kv.get(["."])) == 'Error: KV GET_BULK failed: 400 Illegal key name ".". Please use a different name.'
    assert "414 UTF-8 encoded length of 513" in error_of(kv.get(["k" * 513]))


def test_value_size_25_mib(kv):
    run(kv.put("max", b"\0" * limits.MAX_VALUE_BYTES))
    assert len(run(kv.get("max", "arrayBuffer"))) == 26214400
    assert error_of(kv.put("over", b"\0" * (limits.MAX_VALUE_BYTES + 1))) == (
        "Error: KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400."
    )
    assert run(kv.get("over")) is None


def test_metadata_1024_bytes_of_json(kv):
    fits = {"m": "x" * (1024 - len('{"m":""}'))}
    run(kv.put("k", "v", metadata=fits))
    over = {"m": "x" * (1025 - len('{"m":""}'))}
    assert error_of(kv.put("k", "changed", metadata=over)) == "Error: KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024."
    assert run(kv.getWithMetadata("k")) == {"value": "v", "metadata": fits, "cacheStatus": None}  # unchanged


def test_expiration_ttl_at_least_60(kv):
    run(kv.put("k", "v", expirationTtl=60))
    assert run(kv.list())["keys"][0].expiration == NOW + 60
    assert error_of(kv.put("k2", "v", expirationTtl=59)) == (
        "Error: KV PUT failed: 400 Invalid expiration_ttl of 59. Expiration TTL must be at least 60."
    )
    assert error_of(kv.put("k2", "v", expirationTtl=0)) == (
        "Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0."
    )
    assert error_of(kv.put("k2", "v", expirationTtl=-5)).endswith("Invalid expiration_ttl of -5. Please specify integer greater than 0.")
    assert run(kv.get("k2")) is None


def test_expiration_at_least_60_seconds_in_the_future(kv):
    run(kv.put("k", "v", expiration=NOW + 60))
    assert error_of(kv.put("k2", "v", expiration=NOW + 59)) == (
        f"Error: KV PUT failed: 400 Invalid expiration of {NOW + 59}. Expiration times must be at least 60 seconds in the future."
    )
    assert error_of(kv.put("k2", "v", expiration=NOW)) == (
        f"Error: KV PUT failed: 400 Invalid expiration of {NOW}. Please specify integer greater than the current number of seconds since the UNIX epoch."
    )
    assert run(kv.get("k2")) is None


def test_expiration_ttl_wins_over_expiration(kv):
    run(kv.put("k", "v", expiration=NOW + 5, expirationTtl=100))
    assert run(kv.list())["keys"][0].expiration == NOW + 100


def test_integer_options_are_read_like_jsg_within_int32(kv):
    run(kv.put("k", "v", expirationTtl=60.9))  # ToNumber, then truncated
    assert run(kv.list())["keys"][0].expiration == NOW + 60
    run(kv.put("k", "v", expirationTtl="120"))  # a numeric string is a number to JavaScript
    assert run(kv.list())["keys"][0].expiration == NOW + 120
    assert error_of(kv.put("k", "v", expirationTtl=True)).endswith("Invalid expiration_ttl of 1. Expiration TTL must be at least 60.")
    assert error_of(kv.put("k", "v", expirationTtl={})).endswith("Invalid expiration_ttl of 0. Please specify integer greater than 0.")
    run(kv.put("max", "v", expiration=2**31 - 1))
    out_of_range = "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."
    assert error_of(kv.put("k", "v", expiration=2**31)) == out_of_range  # e.g. 4000000000 (year 2096)
    assert error_of(kv.put("k", "v", expirationTtl=-(2**31) - 1)) == out_of_range


def test_cache_ttl_at_least_30(kv):
    run(kv.put("k", "v"))
    assert run(kv.get("k", cacheTtl=30)) == "v"
    assert error_of(kv.get("k", cacheTtl=29)) == "Error: KV GET failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30."


def test_list_limit_at_most_1000(kv):
    assert run(kv.list(limit=1000)).list_complete is True
    assert error_of(kv.list(limit=1001)) == (
        "Error: KV GET failed: 400 Invalid key_count_limit of 1001. Please specify an integer less than 1000."
    )


def test_list_prefix_at_most_512_bytes(kv):
    assert run(kv.list(prefix="p" * 512))["keys"] == []
    assert "414 UTF-8 encoded length of 513" in error_of(kv.list(prefix="p" * 513))


def test_bulk_get_between_1_and_100_keys(kv):
    assert len(run(kv.get([f"k{i}" for i in range(100)]))) == 100
    assert error_of(kv.get([f"k{i}" for i in range(101)])) == "Error: KV GET_BULK failed: 400 You can request a maximum of 100 keys"
    assert error_of(kv.get([])) == "Error: KV GET_BULK failed: 400 You must request a minimum of 1 key"


def test_bulk_get_total_size_25_mib(kv):
    run(kv.put("a", "x" * (limits.MAX_VALUE_BYTES // 2)))
    run(kv.put("b", "x" * (limits.MAX_VALUE_BYTES // 2)))
    assert len(run(kv.get(["a", "b"]))) == 2
    run(kv.put("c", "x"))
    assert error_of(kv.get(["a", "b", "c"])) == "Error: KV GET_BULK failed: 413 Total size of request exceeds the limit of 25MB"


def test_non_string_keys_are_stringified_like_javascript(kv):
    # JSG's string conversion is V8's ToString of any value, so an object is the key
    # "[object Object]" (measured: Miniflare's binding in workerd, tools/wrangler/kv_differential.py)
    run(kv.put(7, "seven"))
    assert run(kv.get("7")) == "seven"
    run(kv.put({"k": 1}, "object"))
    assert run(kv.get("[object Object]")) == "object"
    assert run(kv.get({"other": 2})) == "object"


def test_a_rejected_put_leaves_the_old_value(kv):
    run(kv.put("k", "old", metadata={"v": 1}))
    for bad in (dict(expirationTtl=1), dict(metadata={"x": "y" * 2000}), dict(expiration=1)):
        with pytest.raises(JsException):
            run(kv.put("k", "new", **bad))
    assert run(kv.getWithMetadata("k")) == {"value": "old", "metadata": {"v": 1}, "cacheStatus": None}
