"""Malformed arguments to every Vectorize binding method (v1 and v2, in memory and persisted):
each call either works or is refused with workers-env's error -- never a bare Python exception
-- and a refused call leaves the index as it was (``describe()`` and ``getByIds`` of the
vectors stored before)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from fuzz_helpers import FUZZ, odd, outcome
from hypothesis import given
from hypothesis import strategies as st

from workers_env import ConfigError, load_env

WRANGLER = 'name = "fuzz"\ncompatibility_date = "2026-05-01"\n[[vectorize]]\nbinding = "V1"\nindex_name = "one"\n' \
           '[[vectorize]]\nbinding = "V2"\nindex_name = "two"\n'
INDEXES = {"one": {"dimensions": 3, "metric": "cosine", "version": "v1"},
           "two": {"dimensions": 3, "metric": "euclidean", "version": "v2", "metadata_indexes": {"a": "string"}}}
SEEDED = [{"id": f"s{i}", "values": [1.0, float(i), 0.5], "metadata": {"a": f"m{i}"}} for i in (1, 2, 3)]
OPTION_KEYS = st.sampled_from(["topK", "filter", "returnValues", "returnMetadata", "namespace"])

vectors = st.one_of(odd, st.lists(st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=4), odd), "values": st.one_of(odd, st.lists(st.one_of(st.floats(), odd), min_size=3, max_size=3))},
    optional={"metadata": odd, "namespace": odd}), max_size=3))


@pytest.fixture(params=["memory", "persisted"])
def env(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    persist = str(tmp_path / "state") if request.param == "persisted" else None
    env = load_env(tmp_path / "wrangler.toml", indexes=INDEXES, persist_to=persist)
    for name in ("V1", "V2"):
        asyncio.run(env[name].upsert(SEEDED))
    return env


def state(index: Any) -> tuple[Any, ...]:
    async def read() -> tuple[Any, ...]:
        described = dict(await index.describe())
        described.pop("processedUpToDatetime", None)  # v2: when the last write was, not what it wrote
        described.pop("processedUpToMutation", None)
        stored = await index.getByIds(["s1", "s2", "s3"])
        return repr(described), sorted(repr(dict(v)) for v in stored)
    return asyncio.run(read())


def refused_changes_nothing(index: Any, call: Any) -> None:
    before = state(index)
    if outcome(call) is not None:
        assert state(index) == before


@FUZZ
@given(binding=st.sampled_from(["V1", "V2"]), method=st.sampled_from(["insert", "upsert"]), given_vectors=vectors,
       extra=st.lists(odd, max_size=1))
def test_a_refused_write_writes_nothing(env: Any, binding: str, method: str, given_vectors: Any, extra: list[Any]) -> None:
    index = env[binding]
    refused_changes_nothing(index, lambda: getattr(index, method)(given_vectors, *extra))


@FUZZ
@given(binding=st.sampled_from(["V1", "V2"]), method=st.sampled_from(["query", "queryById", "getByIds", "deleteByIds", "describe"]),
       args=st.lists(odd, max_size=2), options=st.dictionaries(OPTION_KEYS, odd, max_size=3))
def test_any_arguments_are_answered_or_refused_clearly(env: Any, binding: str, method: str, args: list[Any],
                                                        options: dict[str, Any]) -> None:
    index = env[binding]
    refused_changes_nothing(index, lambda: getattr(index, method)(*args, **options))


@FUZZ
@given(binding=st.sampled_from(["V1", "V2"]), options=st.dictionaries(OPTION_KEYS, odd, min_size=1, max_size=4))
def test_any_query_options_are_answered_or_refused_clearly(env: Any, binding: str, options: dict[str, Any]) -> None:
    index = env[binding]
    refused_changes_nothing(index, lambda: index.query([1.0, 0.0, 0.0], options))
    refused_changes_nothing(index, lambda: index.queryById("s1", options))


def test_a_tuple_or_bytearray_raises_the_sdks_type_error_with_what_to_send_instead(env: Any) -> None:
    for value, instead in (((1.0, 2.0, 3.0), "list(...) of it"), (bytearray(b"abc"), "bytes(...) of it (a Uint8Array)")):
        with pytest.raises(TypeError, match="cannot be sent over RPC.") as info:
            asyncio.run(env.V2.upsert([{"id": "s1", "values": value}]))
        assert info.value.__notes__ == [
            "workers-env: the Python Workers SDK sends lists, dicts, bytes and scalars to a binding, never a "
            f"{type(value).__name__}: send {instead} instead"]
    assert state(env.V2)[1][0].startswith("{'id': 's1'")  # s1 kept its values


@pytest.mark.parametrize("definition", [{"description": "caf\udce9"}, {"version": "v2", "metadata_indexes": {"\ud800": "string"}}])
def test_a_definition_holding_a_lone_surrogate_is_a_config_error(tmp_path: Path, definition: dict[str, Any]) -> None:
    """Local state could not store it (a bare UnicodeEncodeError before): refused in memory and on disk alike."""
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    for persist in (None, str(tmp_path / "state")):
        with pytest.raises(ConfigError, match=r"is not valid Unicode: it holds the lone surrogate U\+D[89A-F][0-9A-F]{2}.*; use .* UTF-8 text"):
            load_env(tmp_path / "wrangler.toml", indexes={**INDEXES, "two": {**INDEXES["two"], **definition}}, persist_to=persist)
