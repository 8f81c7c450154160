"""An option spelt as Python spells it (``top_k``, ``return_metadata``, ``expiration_ttl``,
``cache_ttl``, ``column_names``, ``return_raw_response``) is a key the binding does not read:
neither Pyodide nor the Python SDK renames keys (workers-runtime-sdk's ``rpc.py`` maps only
Workflows' ``send_event``), so production goes on with the defaults without a word. workers-env
does the same -- the result is the default's -- and warns with an :class:`UnreadOptionWarning`
that names the option to write, pointed at the user's line; ``-W error`` of it stops the call
before anything is written."""

from __future__ import annotations

import asyncio
import warnings

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import UnreadOptionWarning, load_env

CONFIG = """\
name = "w"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[ai]
binding = "AI"

[[vectorize]]
binding = "V"
index_name = "docs"

[[kv_namespaces]]
binding = "KV"
id = "kv1"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "d1"
"""


@pytest.fixture
def env(tmp_path):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    return load_env(tmp_path, indexes={"docs": {"dimensions": 3, "metric": "cosine", "version": "v2"}})


def said(option: str, method: str, camel: str) -> str:
    return (f"{method}() does not read the option {option!r}: production ignores it and goes on without it "
            f"(neither Pyodide nor the Python SDK renames keys); write {camel!r}")


def collected(call):
    """(result, [(message, filename)]) of ``await call()``, every warning recorded."""
    async def awaited():
        return await call()  # the user's line: the frame the warning points at

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = asyncio.run(awaited())
    return result, [(str(w.message), w.filename) for w in caught if w.category is UnreadOptionWarning]


def test_vectorize_query_reads_its_defaults_and_names_top_k_and_return_metadata(env):
    asyncio.run(env.V.upsert([{"id": f"v{i}", "values": [1, i, 0], "metadata": {"i": i}} for i in range(8)]))
    result, caught = collected(lambda: env.V.query([1, 0, 0], top_k=1, return_metadata="all"))
    assert len(result["matches"]) == 5 and "metadata" not in result["matches"][0]  # topK's default, no metadata
    assert caught == [(said("top_k", "query", "topK"), __file__),
                      (said("return_metadata", "query", "returnMetadata"), __file__)]
    _, caught = collected(lambda: env.V.queryById("v1", {"return_values": True}))
    assert caught == [(said("return_values", "queryById", "returnValues"), __file__)]


def test_kv_put_get_and_list_name_their_options(env):
    _, caught = collected(lambda: env.KV.put("k", "v", expiration_ttl=120))
    assert caught == [(said("expiration_ttl", "put", "expirationTtl"), __file__)]
    listed = asyncio.run(env.KV.list())
    assert listed["keys"] == [{"name": "k"}]  # no expiration: the TTL was not read
    # a cacheTtl of 1 would be refused (the minimum is 60): cache_ttl is not read, so nothing is
    value, caught = collected(lambda: env.KV.get("k", cache_ttl=1))
    assert value == "v" and caught == [(said("cache_ttl", "get", "cacheTtl"), __file__)]
    _, caught = collected(lambda: env.KV.getWithMetadata("k", {"cache_ttl": 1, "type": "text"}))
    assert caught == [(said("cache_ttl", "getWithMetadata", "cacheTtl"), __file__)]
    _, caught = collected(lambda: env.KV.list({"prefix": "k", "limit": 5, "list_complete": True}))
    assert caught == []  # list_complete is no option spelt otherwise: nothing to name


def test_d1_raw_and_ai_run_name_theirs(env):
    rows, caught = collected(lambda: env.DB.prepare("SELECT 1 AS a").raw(column_names=True))
    assert rows == [[1]] and caught == [(said("column_names", "raw", "columnNames"), __file__)]
    answer, caught = collected(lambda: env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": "x"}, return_raw_response=True))
    assert answer["shape"] == [1, 384]  # the result, not the raw Response
    assert caught == [(said("return_raw_response", "run", "returnRawResponse"), __file__)]


def test_the_inputs_of_a_model_keep_their_snake_case_keys_unremarked(env):
    _, caught = collected(lambda: env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi", "max_tokens": 5}))
    assert caught == []


def test_options_spelt_right_or_unknown_altogether_say_nothing(env):
    _, caught = collected(lambda: env.V.query([1, 0, 0], topK=2, returnMetadata="none", extra_thing=1))
    assert caught == []


def test_as_an_error_it_stops_the_write_before_anything_is_written(env):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnreadOptionWarning)
        with pytest.raises(UnreadOptionWarning, match="write 'expirationTtl'"):
            asyncio.run(env.KV.put("k", "v", expiration_ttl=120))
    assert asyncio.run(env.KV.get("k")) is None


@pytest.mark.parametrize(("date", "pyproject"), [("2026-05-01", True), ("2025-09-01", False), ("2025-11-01", False)])
def test_a_worker_is_pointed_at_its_own_line_in_every_sdk_era(tmp_path, date, pyproject):
    one_file_worker(tmp_path, '''
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                await self.env.KV.put("k", "v", expiration_ttl=60)
                listed = await self.env.KV.list()
                keys = listed["keys"] if isinstance(listed, dict) else listed.keys.to_py()  # (the built-in SDK: JS)
                return Response.json([dict(key) for key in keys])
    ''', extra='\n[[kv_namespaces]]\nbinding = "KV"\nid = "kv1"\n', date=date, pyproject=pyproject)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = json_answer(tmp_path, "/")
    assert answer == [{"name": "k"}]  # no expiration
    found = [(str(w.message), w.filename, w.lineno) for w in caught if w.category is UnreadOptionWarning]
    assert found == [(said("expiration_ttl", "put", "expirationTtl"), str(tmp_path / "src" / "entry.py"), 6)]
