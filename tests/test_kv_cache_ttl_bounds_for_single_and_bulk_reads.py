"""``cacheTtl`` on every read, both sides of both bounds: at least 30 seconds (the service's check,
KV's limit since 2026-01-30; a bulk read's answer says ``GET_BULK``), and an ``int`` as workerd's
binding reads it, so 2**31 is JSG's range error before any request (the limits page's
``Number.MAX_SAFE_INTEGER`` is not what the binding takes)."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML, error_of, run

from workers_env import load_env
from workers_env.kv import limits

OUT_OF_RANGE = "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."


@pytest.fixture
def kv(project):
    namespace = load_env(project(KV_TOML)).KV
    run(namespace.put("k", '{"a": 1}', metadata={"m": 1}))
    return namespace


def test_the_minimum_is_30_seconds():
    assert limits.MIN_CACHE_TTL_SECONDS == 30


@pytest.mark.parametrize("read", [
    lambda kv, ttl: kv.get("k", {"cacheTtl": ttl}),
    lambda kv, ttl: kv.getWithMetadata("k", {"type": "json", "cacheTtl": ttl}),
])
def test_single_reads_take_30_and_refuse_29(kv, read):
    assert run(read(kv, 30)) is not None
    assert error_of(read(kv, 29)) == "Error: KV GET failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30."


@pytest.mark.parametrize("read", [
    lambda kv, ttl: kv.get(["k", "missing"], {"cacheTtl": ttl}),
    lambda kv, ttl: kv.getWithMetadata(["k"], {"type": "json", "cacheTtl": ttl}),
])
def test_bulk_reads_take_30_and_refuse_29(kv, read):
    assert "k" in run(read(kv, 30))
    assert error_of(read(kv, 29)) == (
        "Error: KV GET_BULK failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.")


@pytest.mark.parametrize("read", [
    lambda kv, ttl: kv.get("k", {"cacheTtl": ttl}),
    lambda kv, ttl: kv.get(["k"], {"cacheTtl": ttl}),
])
def test_cache_ttl_is_an_int32_as_the_binding_reads_it(kv, read):
    assert run(read(kv, 2**31 - 1)) is not None
    assert error_of(read(kv, 2**31)) == OUT_OF_RANGE
