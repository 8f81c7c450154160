"""A Worker whose ``compatibility_flags`` name both the enable and the disable flag of one
compatibility flag is refused when it loads, with workerd's words: compatibility-date.c++
reports "Compatibility flags are mutually contradictory: <enable> vs <disable>" as an error,
so the runtime does not start it (wrangler dev and deploy alike). ``load_env`` without a
Worker takes the value workerd compiles then -- the enable flag wins
(``enableByFlag || (enableByDate && !disableByFlag)``) -- here for Vectorize's
``vectorize_query_metadata_optional`` / ``vectorize_query_original``."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_env, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""
VECTORIZE = '[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n'
INDEXES = {"idx": {"dimensions": 3, "metric": "cosine"}}


def test_both_vectorize_query_flags_stop_the_worker_loading(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2023-11-07", extra=VECTORIZE,
                             flags=("vectorize_query_metadata_optional", "vectorize_query_original"))
    env = load_env(folder / "wrangler.toml", indexes=INDEXES)
    with pytest.raises(ConfigError) as info:
        load_worker(env=env)
    text = str(info.value)
    assert text.startswith("Compatibility flags are mutually contradictory: "
                           "vectorize_query_metadata_optional vs vectorize_query_original\n")
    assert "Keep one of each pair in compatibility_flags" in text


def test_every_contradictory_pair_is_named(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, flags=(
        "no_brotli_content_encoding", "vectorize_query_original", "brotli_content_encoding",
        "vectorize_query_metadata_optional"))
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    lines = str(info.value).splitlines()
    assert "Compatibility flags are mutually contradictory: brotli_content_encoding vs no_brotli_content_encoding" in lines
    assert ("Compatibility flags are mutually contradictory: vectorize_query_metadata_optional vs "
            "vectorize_query_original") in lines


@pytest.mark.asyncio
async def test_one_flag_of_a_pair_loads(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2023-11-07", extra=VECTORIZE, flags=("vectorize_query_original", "python_no_global_handlers"))
    env = load_env(folder / "wrangler.toml", indexes=INDEXES)
    worker = load_worker(env=env)
    assert await (await worker.fetch("/")).text() == "ok"


def test_load_env_alone_takes_the_enable_flag_as_workerd_compiles_it(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2023-11-07", extra=VECTORIZE,
                             flags=("vectorize_query_original", "vectorize_query_metadata_optional"))
    env = load_env(folder / "wrangler.toml", indexes=INDEXES)
    idx = env.unwrapped("IDX")
    asyncio.run(idx.upsert([{"id": "a", "values": [1, 0, 0]}]))
    assert asyncio.run(idx.query([1, 0, 0], topK=1)) == {"count": 1, "matches": [{"id": "a", "score": 1}]}


def test_any_workerd_pair_stops_the_worker_in_workerds_field_order(tmp_path):
    # workerd refuses every $compatEnableFlag/$compatDisableFlag pair, not only the flags workers-env reads;
    # its lines come in the schema's field order (@6, @21, @37), whatever the config's order
    # (tools/workerd/unknown_flags_probe.py: the same lines under workerd 1.20261117.1 and 1.20261123.1)
    folder = one_file_worker(tmp_path, ENTRY, flags=(
        "no_nodejs_compat", "vectorize_query_original", "nodejs_compat", "streams_disable_constructors",
        "vectorize_query_metadata_optional", "streams_enable_constructors"))
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert str(info.value).splitlines()[:4] == [
        "Compatibility flags are mutually contradictory: streams_enable_constructors vs streams_disable_constructors",
        "Compatibility flags are mutually contradictory: nodejs_compat vs no_nodejs_compat",
        "Compatibility flags are mutually contradictory: vectorize_query_metadata_optional vs vectorize_query_original",
        "Keep one of each pair in compatibility_flags (the first turns the behaviour on, the second off): the Workers "
        "runtime does not start a Worker that names both."]


def test_a_pair_of_a_flag_newer_than_wranglers_workerd_is_refused_too(tmp_path):
    # workerd 1.20261123.1's websocket_standard_url_and_extensions (the table's "known" is that list)
    folder = one_file_worker(tmp_path, ENTRY, flags=(
        "websocket_legacy_url_and_extensions", "websocket_standard_url_and_extensions"))
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert str(info.value).splitlines()[0] == ("Compatibility flags are mutually contradictory: "
                                               "websocket_standard_url_and_extensions vs websocket_legacy_url_and_extensions")


def test_a_flag_without_a_disable_flag_named_twice_over_is_no_pair(tmp_path):
    from workers_env.config.compat import contradictory_flags
    assert contradictory_flags(["python_workers", "rtti_api", "experimental", "made_up"]) == []
