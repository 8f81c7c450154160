"""``list({prefix})`` with a lone surrogate in the prefix: the runtime sends the prefix as
UTF-8, the surrogate as U+FFFD, so it lists the keys under that prefix (a key's lone
surrogate is stored as U+FFFD the same way) instead of Python's ``UnicodeEncodeError``."""

from __future__ import annotations

from kv_helpers import KV_TOML, run

from workers_env import load_env


def test_a_lone_surrogate_prefix_lists_what_a_lone_surrogate_key_stored(project):
    kv = load_env(project(KV_TOML)).KV
    run(kv.put("a\ud800b", "v"))
    run(kv.put("ab", "v"))
    assert [k.name for k in run(kv.list(prefix="a\udc00"))["keys"]] == ["a\ufffdb"]
    assert [k.name for k in run(kv.list({"prefix": "\ud800"}))["keys"]] == []
