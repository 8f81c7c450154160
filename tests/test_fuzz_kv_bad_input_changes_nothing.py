"""Malformed arguments to every KV method (in memory and persisted): each call either works or
is refused with workers-env's error -- never a bare Python exception -- and a refused call leaves
the namespace as it was (every key's value and metadata)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from fuzz_helpers import FUZZ, odd, outcome
from hypothesis import given
from hypothesis import strategies as st

from workers_env import load_env

WRANGLER = 'name = "fuzz"\ncompatibility_date = "2026-05-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
OPTION_KEYS = st.sampled_from(["type", "cacheTtl", "expiration", "expirationTtl", "metadata", "prefix", "limit", "cursor"])


@pytest.fixture(params=["memory", "persisted"])
def kv(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    persist = str(tmp_path / "state") if request.param == "persisted" else None
    kv = load_env(tmp_path / "wrangler.toml", persist_to=persist).KV

    async def seed() -> None:
        for i in (1, 2, 3):
            await kv.put(f"k{i}", f"v{i}", metadata={"m": i})
    asyncio.run(seed())
    return kv


def state(kv: Any) -> list[Any]:
    async def read() -> list[Any]:
        listed = await kv.list()
        return [(k.name, repr(k.get("metadata")), await kv.get(k.name)) for k in listed["keys"]]
    return asyncio.run(read())


def refused_changes_nothing(kv: Any, call: Any) -> None:
    before = state(kv)
    if outcome(call) is not None:
        assert state(kv) == before


@FUZZ
@given(method=st.sampled_from(["get", "getWithMetadata", "put", "list", "delete"]), args=st.lists(odd, max_size=3),
       options=st.dictionaries(OPTION_KEYS, odd, max_size=3))
def test_any_arguments_are_answered_or_refused_without_a_change(kv: Any, method: str, args: list[Any],
                                                                 options: dict[str, Any]) -> None:
    refused_changes_nothing(kv, lambda: getattr(kv, method)(*args, **options))


@FUZZ
@given(key=st.one_of(st.sampled_from(["k1", "k2", "new"]), odd), value=st.one_of(st.text(max_size=4), odd),
       options=st.dictionaries(OPTION_KEYS, odd, min_size=1, max_size=3))
def test_a_refused_put_writes_nothing(kv: Any, key: Any, value: Any, options: dict[str, Any]) -> None:
    refused_changes_nothing(kv, lambda: kv.put(key, value, options))
    refused_changes_nothing(kv, lambda: kv.get(key, options))
