"""Hostile input gets a clear error and changes nothing: values that contain themselves,
values nested deeper than ``MAX_NESTING_DEPTH``, lone surrogates, non-UTF-8 files and
arguments -- in memory and persisted, through the library, the CLI and a Worker's ``self.env``.

The circular-structure texts are V8's, checked against ``JSON.stringify`` in Node 24.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import typical_pyproject

from workers_env import ConfigError, JsException, VectorizeError, load_env, load_worker
from workers_env._sendchecks import MAX_NESTING_DEPTH
from workers_env.cli import main
from workers_env.vectorize.ndjson import read_ndjson_vectors

WRANGLER = """\
name = "hostile"
main = "src/entry.py"
compatibility_flags = ["python_workers"]
compatibility_date = "2026-05-01"  # the external SDK era: self.env and env take Python values

[[vectorize]]
binding = "IDX"
index_name = "idx"
"""

CIRCULAR_SELF = (
    "TypeError: Converting circular structure to JSON\n"
    "    --> starting at object with constructor 'Object'\n"
    "    --- property 'self' closes the circle"
)


def nested(depth: int, leaf: Any = 1, *, key: str = "a") -> Any:
    """``depth`` objects nested in each other around ``leaf``."""
    value = leaf
    for _ in range(depth):
        value = {key: value}
    return value


def nested_lists(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def circular() -> dict[str, Any]:
    value: dict[str, Any] = {"k": 1}
    value["self"] = value
    return value


@pytest.fixture(params=[("v1", False), ("v2", False), ("v1", True), ("v2", True)],
                ids=["v1-memory", "v2-memory", "v1-persisted", "v2-persisted"])
def idx(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    version, persisted = request.param
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    typical_pyproject(tmp_path)
    definition = {"dimensions": 2, "metric": "cosine", "version": version}
    if version == "v2":
        definition["metadata_indexes"] = {"a": "string"}
    env = load_env(tmp_path, indexes={"idx": definition}, persist_to=tmp_path / "state" if persisted else None)
    yield env.IDX
    env.close()


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def count(binding: Any) -> int:
    info = run(binding.describe())
    return info["vectorCount"] if "vectorCount" in info else info["vectorsCount"]


# -- values that contain themselves ------------------------------------------------------------
def test_circular_metadata_is_v8s_type_error_and_writes_nothing(idx: Any) -> None:
    for method in (idx.insert, idx.upsert):
        with pytest.raises(JsException) as info:
            run(method([{"id": "ok", "values": [1, 0]}, {"id": "x", "values": [1, 0], "metadata": circular()}]))
        assert str(info.value) == CIRCULAR_SELF and info.value.name == "TypeError"
    assert count(idx) == 0


def test_circular_filter_options_and_batches(idx: Any) -> None:
    with pytest.raises(JsException, match="Converting circular structure to JSON"):
        run(idx.query([1, 0], filter=circular()))
    with pytest.raises(JsException) as info:
        run(idx.query([1, 0], {"topK": 1, "extra": circular()}))
    assert str(info.value) == CIRCULAR_SELF
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(JsException) as info:
        run(idx.upsert(loop))
    assert info.value.message == (
        "Converting circular structure to JSON\n"
        "    --> starting at object with constructor 'Array'\n"
        "    --- index 0 closes the circle"
    )
    assert count(idx) == 0


def test_long_circles_are_shortened_as_v8_does(idx: Any) -> None:
    root: dict[str, Any] = {}
    node = root
    for _ in range(5):
        node["a"] = {}
        node = node["a"]
    node["z"] = [0, root]
    with pytest.raises(JsException) as info:
        run(idx.upsert([{"id": "x", "values": [1, 0], "metadata": root}]))
    assert info.value.message == (
        "Converting circular structure to JSON\n"
        "    --> starting at object with constructor 'Object'\n"
        "    |     property 'a' -> object with constructor 'Object'\n"
        "    |     property 'a' -> object with constructor 'Object'\n"
        "    |     ...\n"
        "    |     property 'z' -> object with constructor 'Array'\n"
        "    --- index 1 closes the circle"
    )


def test_a_shared_object_is_not_a_circle(idx: Any) -> None:
    shared = {"n": 1}
    run(idx.upsert([{"id": "x", "values": [1, 0], "metadata": {"p": shared, "q": [shared, shared]}}]))
    assert run(idx.getByIds(["x"]))[0]["metadata"] == {"p": {"n": 1}, "q": [{"n": 1}, {"n": 1}]}


# -- nesting depth: both sides of the limit --------------------------------------------------------------
@pytest.mark.parametrize("make", [nested, nested_lists], ids=["objects", "arrays"])
def test_metadata_at_the_nesting_limit_round_trips(idx: Any, make: Any) -> None:
    deepest = {"a": "top", "deep": make(MAX_NESTING_DEPTH - 1)}  # the metadata object is level 1
    run(idx.upsert([{"id": "x", "values": [1, 0], "metadata": deepest}]))
    [got] = run(idx.getByIds(["x"]))
    assert got["metadata"] == deepest
    res = run(idx.query([1, 0], topK=1, returnMetadata=True if "vectorCount" not in run(idx.describe()) else "all"))
    assert res["matches"][0]["metadata"] == deepest


@pytest.mark.parametrize("depth", [MAX_NESTING_DEPTH, 5_000])
@pytest.mark.parametrize("make", [nested, nested_lists], ids=["objects", "arrays"])
def test_metadata_beyond_the_nesting_limit_is_a_parse_error(idx: Any, make: Any, depth: int) -> None:
    too_deep = {"deep": make(depth)}  # depth + 1 levels with the metadata object
    with pytest.raises(VectorizeError) as info:
        run(idx.upsert([{"id": "ok", "values": [0, 1]}, {"id": "x", "values": [1, 0], "metadata": too_deep}]))
    assert info.value.code == 40023
    assert info.value.text == (
        'failed to parse upsert vectors request in json format (vector id="x": metadata nests objects or '
        f"arrays more than {MAX_NESTING_DEPTH} levels deep)"
    )
    assert count(idx) == 0


@pytest.mark.parametrize("depth", [MAX_NESTING_DEPTH, 5_000])
def test_filters_beyond_the_nesting_limit(idx: Any, depth: int) -> None:
    # an array is no filter at all, but too deep it is refused for its depth, not a RecursionError
    for bad in (nested(depth + 1), {"a": {"$in": nested_lists(depth)}}, nested_lists(depth + 1)):
        with pytest.raises(VectorizeError) as info:
            run(idx.query([1, 0], filter=bad))
        assert info.value.code == 40026
        assert f"nests objects or arrays more than {MAX_NESTING_DEPTH} levels deep" in info.value.text
    # at the limit the filter is judged on its content, as any other malformed filter
    with pytest.raises(VectorizeError) as info:
        run(idx.query([1, 0], filter=nested(MAX_NESTING_DEPTH)))
    assert info.value.code == 40026 and "levels deep" not in info.value.text


# -- lone surrogates ---------------------------------------------------------------------------
def test_lone_surrogate_ids_and_namespaces_are_refused_alike_in_memory_and_on_disk(idx: Any) -> None:
    run(idx.upsert([{"id": "a", "values": [1, 0]}]))
    bad = "a\udc80"
    with pytest.raises(VectorizeError) as info:
        run(idx.getByIds(["a", bad]))
    assert info.value.operation == "VECTOR_GET" and "is not valid Unicode (a lone surrogate)" in info.value.text
    with pytest.raises(VectorizeError) as info:
        run(idx.deleteByIds(["a", bad]))
    assert info.value.operation == "VECTOR_DELETE" and "is not valid Unicode (a lone surrogate)" in info.value.text
    assert count(idx) == 1  # nothing deleted
    with pytest.raises(VectorizeError) as info:
        run(idx.query([1, 0], namespace=bad))
    assert info.value.code == 40026 and "namespace" in info.value.text
    if "vectorCount" in run(idx.describe()):  # v2 has queryById
        with pytest.raises(VectorizeError) as info:
            run(idx.queryById(bad))
        assert info.value.code == 40026 and "vectorId" in info.value.text


# -- the CLI -----------------------------------------------------------------------------------------
@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    def go(*args: str) -> tuple[int, str, str]:
        code = main(["vectorize", *args, "--persist-to", str(tmp_path / "state")])
        out, err = capsys.readouterr()
        return code, out, err

    assert go("create", "docs", "--dimensions", "2", "--metric", "cosine")[0] == 0
    return go


def test_non_utf8_ndjson_names_file_line_and_byte(cli: Any, tmp_path: Path) -> None:
    nd = tmp_path / "latin1.ndjson"
    nd.write_bytes(
        b'{"id": "a", "values": [1, 0]}\n'
        b'{"id": "b", "values": [0, 1]}\n'
        b'{"id": "caf\xe9", "values": [1, 1]}\n'
    )
    code, _, err = cli("upsert", "docs", "--file", str(nd), "--batch-size", "2")
    assert code == 1 and "Traceback" not in err
    assert f"✘ [ERROR] {nd}:3: not valid UTF-8 (byte 0xE9 at byte 12 of the line); save the file as UTF-8" in err
    assert f"2 vectors from earlier batches of {nd} were written before this error" in err
    with pytest.raises(ConfigError, match=r":3: not valid UTF-8"):
        read_ndjson_vectors(nd)


def test_ndjson_lines_nested_too_deeply(cli: Any, tmp_path: Path) -> None:
    nd = tmp_path / "deep.ndjson"
    line = '{"id": "x", "values": [1, 0], "metadata": ' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "}\n"
    nd.write_text('{"id": "ok", "values": [1, 0]}\n' + line)
    code, _, err = cli("upsert", "docs", "--file", str(nd))
    assert code == 1 and "Traceback" not in err
    assert f"{nd}:2: the JSON nests too deeply to read" in err
    shallow = tmp_path / "shallow.ndjson"
    shallow.write_text('{"id": "x", "values": [1, 0], "metadata": ' + json.dumps(nested(300)) + "}\n")
    code, _, err = cli("upsert", "docs", "--file", str(shallow))
    assert code == 1 and f"more than {MAX_NESTING_DEPTH} levels deep" in err


def test_query_filter_too_deep_for_json(cli: Any) -> None:
    code, _, err = cli("query", "docs", "--vector", "1", "0", "--filter", '{"a":' * 100_000 + "1" + "}" * 100_000)
    # wrangler warns about a filter it cannot parse and queries without it
    assert code == 0 and "Traceback" not in err
    assert "▲ [WARNING] 🚨 Invalid query filter" in err


def test_non_utf8_arguments(cli: Any) -> None:
    # what Python makes of `workers-env vectorize create $'a\xff'`: the byte as U+DCFF
    code, _, err = cli("create", "a\udcff", "--dimensions", "2", "--metric", "cosine")
    assert code == 1
    assert "is not valid Unicode: it holds the lone surrogate U+DCFF (the byte 0xFF, which is not UTF-8)" in err
    assert "control character" not in err
    code, _, err = cli("get-vectors", "docs", "--ids", "a\udcff")
    assert code == 1 and "VECTOR_GET_ERROR: id 'a\\udcff' is not valid Unicode" in err
    code, _, err = cli("delete-vectors", "docs", "--ids", "a\udcff")
    assert code == 1 and "VECTOR_DELETE_ERROR: id 'a\\udcff' is not valid Unicode" in err


# -- a Worker's self.env (the Python Workers SDK's conversion) ----------------------------------------------
ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        meta = {"k": 1}
        meta["self"] = meta
        await self.env.IDX.upsert([{"id": "x", "values": [1, 0], "metadata": meta}])
        return Response("unreachable")
"""


def test_self_env_with_a_circular_value_fails_as_the_sdk_does(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    typical_pyproject(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    env = load_env(tmp_path, indexes={"idx": {"dimensions": 2, "metric": "cosine"}})
    worker = load_worker(env=env)
    # the SDK's _replace_none_with_jsnull recurses: production raises RecursionError too
    with pytest.raises(RecursionError, match="the Python Workers SDK converts values recursively"):
        run(worker.fetch("/"))
    assert count(env.IDX) == 0
