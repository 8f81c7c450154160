"""A lone surrogate in a KV string, as workerd sends it (measured on Miniflare's binding inside
workerd, ``tools/wrangler/kv_differential.py``'s edge cases): JSG writes the string as WTF-8, the
surrogate as the three bytes of its code point (``ED A0 80``), not U+FFFD. A value is stored so
(read as text, each of those bytes is U+FFFD); a key sent in the URL does not URL-decode, which
the service refuses (``KV PUT failed: 400 Could not URL-decode key name``) after the runtime's
length check; a list prefix or a bulk get's key is read leniently, three U+FFFD per surrogate.
A pair of surrogate code points is the one character JavaScript holds there."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML, run

from workers_env import JsException, load_env


@pytest.fixture
def kv(project):
    return load_env(project(KV_TOML)).KV


@pytest.mark.parametrize("call", [
    lambda kv: kv.put("a\ud800b", "v"), lambda kv: kv.get("a\udc00"),
    lambda kv: kv.getWithMetadata("\ude00\ud83d"), lambda kv: kv.delete("a\ud83d"),
])
def test_a_key_with_a_lone_surrogate_is_refused_by_the_service_and_stores_nothing(kv, call):
    with pytest.raises(JsException) as caught:
        run(call(kv))
    assert caught.value.name == "Error"
    assert caught.value.message.endswith("failed: 400 Could not URL-decode key name")
    assert run(kv.list())["keys"] == []


def test_the_runtime_length_check_counts_three_bytes_a_surrogate_and_comes_first(kv):
    with pytest.raises(JsException, match="KV PUT failed: 414 UTF-8 encoded length of 513 exceeds"):
        run(kv.put("\ud800" * 171, "v"))
    with pytest.raises(JsException, match="KV PUT failed: 400 Could not URL-decode key name"):
        run(kv.put("\ud800" * 170 + "kk", "v"))


def test_a_value_keeps_the_surrogates_bytes(kv):
    run(kv.put("k", "a\ud800b"))
    assert bytes(run(kv.get("k", "arrayBuffer"))) == b"a\xed\xa0\x80b"
    assert run(kv.get("k")) == "a\ufffd\ufffd\ufffdb"
    assert run(kv.get(["k"]))["k"] == "a\ufffd\ufffd\ufffdb"


def test_a_prefix_and_a_bulk_key_read_three_replacement_characters_a_surrogate(kv):
    run(kv.put("a\ufffd\ufffd\ufffdb", "three"))
    run(kv.put("a\ufffdb", "one"))
    assert [k["name"] for k in run(kv.list(prefix="a\udc00"))["keys"]] == ["a\ufffd\ufffd\ufffdb"]
    assert dict(run(kv.get(["a\ud800b", "a\ufffdb"]))) == {"a\ufffd\ufffd\ufffdb": "three", "a\ufffdb": "one"}
    with pytest.raises(JsException, match="KV GET failed: 414 UTF-8 encoded length of 1539 exceeds"):
        run(kv.list(prefix="\ud800" * 171))
    with pytest.raises(JsException, match="KV GET_BULK failed: 414 UTF-8 encoded length of 1532 exceeds"):
        run(kv.get(["\ud800" * 170 + "kk"]))


def test_a_pair_of_surrogate_code_points_is_one_character(kv):
    run(kv.put("\ud83d\ude00", "\ud83d\ude00"))
    assert run(kv.get("😀")) == "😀"
    assert bytes(run(kv.get("😀", "arrayBuffer"))) == "😀".encode()
