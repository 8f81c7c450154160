"""A bulk ``get``/``getWithMetadata`` leaves out keys named like array indices (``"0"`` ..
``"4294967294"``): workerd builds its ``Map`` from the service's JSON object with
``IndexFilter::SKIP_INDICES`` (kv.c++), so ``get(["1", "a"])`` holds only ``"a"`` (measured on
Miniflare's binding inside workerd, ``tools/wrangler/kv_differential.py``). The service still
reads the left-out values: a ``"json"`` read of one that is not JSON is refused."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML, run

from workers_env import JsException, load_env


@pytest.fixture
def kv(project):
    kv = load_env(project(KV_TOML)).KV
    for key in ("0", "1", "10", "01", "-1", "1.5", "4294967294", "4294967295", "a"):
        run(kv.put(key, f"v{key}"))
    return kv


def test_index_names_are_left_out_of_the_map(kv):
    got = run(kv.get(["1", "a", "01", "10", "4294967295", "4294967294", "-1", "1.5", "0", "9"]))
    assert list(got.items()) == [("a", "va"), ("01", "v01"), ("4294967295", "v4294967295"), ("-1", "v-1"),
                                 ("1.5", "v1.5")]
    assert dict(run(kv.getWithMetadata(["1", 2]))) == {}
    assert dict(run(kv.get([1, "a"]))) == {"a": "va"}  # a number is its String(), "1"


def test_a_left_out_value_is_still_read_by_the_service(kv):
    with pytest.raises(JsException, match="KV GET_BULK failed: 400 At least one of the requested keys"):
        run(kv.get(["1"], "json"))
