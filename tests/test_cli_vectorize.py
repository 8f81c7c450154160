"""``workers-env vectorize ...`` in-process through ``workers_env.cli.main``."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import forkserver
import pytest

import workers_env
from workers_env.cli import main
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.persistent import open_state
from workers_env.vectorize.store import DB_FILENAME

Run = Callable[..., tuple[int, str, str]]
MUTATION = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def cli(state: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``workers-env vectorize ARGS --persist-to <state>``; returns (exit code, stdout, stderr)."""

    def run(*args: str, persist: bool = True) -> tuple[int, str, str]:
        argv = ["vectorize", *args] + (["--persist-to", str(state)] if persist else [])
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def ndjson(path: Path, vectors: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(v) + "\n" for v in vectors))
    return path


def body_json(out: str) -> Any:
    """The JSON a command prints after its one progress line."""
    return json.loads(out.split("\n", 1)[1])


def stored(state: Path, name: str) -> VectorizeBinding:
    store = open_state(state)
    return VectorizeBinding(store.open_index(name))


# -- create / get / list / info / delete ------------------------------------------------------------
def test_create_makes_a_v2_index_and_prints_wranglers_lines(cli: Run, state: Path) -> None:
    code, out, err = cli("create", "docs", "--dimensions", "3", "--metric", "cosine", "--description", "my docs")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "🚧 Creating index: 'docs'",
        "✅ Successfully created a new Vectorize index: 'docs'",
    ]
    # no config file here: wrangler prints the snippet as JSON (TOML beside a wrangler.toml)
    assert "To access your new Vectorize Index in your Worker, add the following snippet to your configuration file:" in out
    assert json.loads(out[out.index("{"):]) == {"vectorize": [{"binding": "VECTORIZE", "index_name": "docs"}]}
    with open_state(state) as store:
        record = store.record("docs")
        assert (record.version, record.dimensions, record.metric, record.description) == ("v2", 3, "cosine", "my docs")
    assert (state / "v3" / "vectorize" / DB_FILENAME).is_file()


def test_create_deprecated_v1_and_presets(cli: Run, state: Path) -> None:
    code, out, err = cli("create", "old", "--dimensions", "4", "--metric", "euclidean", "--deprecated-v1")
    assert code == 0 and '"binding": "VECTORIZE_INDEX"' in out
    # wrangler 4.164.0's create.ts warns of a legacy index (not with --json)
    assert err == "▲ [WARNING] Creation of legacy Vectorize indexes will be blocked by December 2024\n\n\n"
    code, out, _ = cli("create", "bge", "--preset", "@cf/baai/bge-small-en-v1.5")
    assert code == 0
    assert out.startswith("Configuring index based for the embedding model @cf/baai/bge-small-en-v1.5.\n")
    with open_state(state) as store:
        assert store.get_index("old").version == "v1"
        bge = store.get_index("bge")
        assert (bge.dimensions, bge.metric, bge.preset, bge.version) == (384, "cosine", "@cf/baai/bge-small-en-v1.5", "v2")


def test_create_json_prints_the_api_result_like_wrangler(cli: Run) -> None:
    code, out, _ = cli("create", "docs", "--dimensions", "3", "--metric", "dot-product", "--json")
    assert code == 0
    shown = json.loads(out)
    assert list(shown) == ["created_on", "modified_on", "name", "config"]
    assert shown["name"] == "docs" and shown["config"] == {"dimensions": 3, "metric": "dot-product"}
    assert shown["created_on"] == shown["modified_on"] and shown["created_on"].endswith("Z")
    code, out, _ = cli("create", "pp", "--preset", "openai/text-embedding-ada-002", "--description", "d", "--json")
    shown = json.loads(out)
    assert shown["description"] == "d" and shown["config"] == {"dimensions": 1536, "metric": "cosine"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["--dimensions", "3"], "You must provide both dimensions and a metric, or a known model preset"),
        (["--metric", "cosine"], "You must provide both dimensions and a metric, or a known model preset"),
        (["--dimensions", "0", "--metric", "cosine"], "You must provide both dimensions and a metric"),  # wrangler: 0 is falsy
        (["--dimensions", "1537", "--metric", "cosine"],
         "✘ [ERROR] index 'docs': dimensions must be a whole number from 1 to 1536, got 1537\n"),
    ],
)
def test_create_refuses_incomplete_or_bad_definitions(cli: Run, state: Path, args: list[str], message: str) -> None:
    code, out, err = cli("create", "docs", *args)
    assert code == 1 and message in err and err.startswith("✘ [ERROR] ")
    with open_state(state) as store:
        assert store.list_indexes() == []


def test_create_refuses_duplicates_and_bad_names(cli: Run) -> None:
    assert cli("create", "docs", "--dimensions", "3", "--metric", "cosine")[0] == 0
    code, _, err = cli("create", "docs", "--dimensions", "3", "--metric", "cosine")
    assert code == 1 and "an index named 'docs' already exists" in err
    code, _, err = cli("create", "x" * 64, "--dimensions", "3", "--metric", "cosine", "--deprecated-v1")
    assert code == 1 and err == f"✘ [ERROR] 🚨 index names of v1 indexes are at most 63 bytes; {'x' * 64!r} is longer\n\n\n"
    assert cli("create", "x" * 63, "--dimensions", "3", "--metric", "cosine", "--deprecated-v1")[0] == 0  # at it
    code, _, err = cli("create", "no spaces", "--dimensions", "3", "--metric", "cosine")
    assert code == 1 and err.startswith('✘ [ERROR] 🚨 Invalid index name "no spaces": ')
    code, _, err = cli("create", "a\x01b", "--dimensions", "3", "--metric", "cosine")
    assert code == 1 and "✘ [ERROR] index name 'a\\x01b' contains the control character U+0001\n" in err
    code, _, err = cli("create", "caf\udce9", "--dimensions", "3", "--metric", "cosine")  # argv's byte 0xE9
    assert code == 1 and ("✘ [ERROR] index name 'caf\\udce9' is not valid Unicode: it holds the lone surrogate U+DCE9 "
                          "(the byte 0xE9, which is not UTF-8); use a name of UTF-8 text\n") in err
    code, _, err = cli("create", "", "--dimensions", "3", "--metric", "cosine")
    assert code == 1 and "✘ [ERROR] index name must not be empty\n" in err
    assert [index["name"] for index in json.loads(cli("list", "--json")[1])] == ["docs"]  # nothing else written
    code, _, err = cli("create", "docs2", "--dimensions", "3", "--metric", "manhattan")
    assert code == 1 and err.startswith("✘ [ERROR] Invalid values:")  # wrangler exits 1 on a usage error


def test_path_like_index_names_never_leave_the_state_folder(cli: Run, state: Path, tmp_path: Path) -> None:
    for name in ("../escape", "/abs-escape", "a/../../b"):  # the service's name rule refuses them
        assert cli("create", name, "--dimensions", "2", "--metric", "cosine")[0] == 1
    code, out, _ = cli("list", "--json")
    assert json.loads(out) == []
    assert not Path("/abs-escape").exists()


def test_get_and_list_show_the_index(cli: Run) -> None:
    cli("create", "docs", "--dimensions", "3", "--metric", "cosine", "--description", "about")
    cli("create", "legacy", "--dimensions", "2", "--metric", "euclidean", "--deprecated-v1")
    code, out, _ = cli("get", "docs", "--json")
    shown = json.loads(out)
    assert code == 0 and set(shown) == {"created_on", "modified_on", "name", "description", "config"}
    assert shown["name"] == "docs" and shown["config"] == {"dimensions": 3, "metric": "cosine"}
    code, out, _ = cli("get", "docs")
    lines = out.splitlines()
    assert lines[0].startswith("┌") and lines[1].split("│")[1:7] == [
        " name ", " dimensions ", " metric ", " description ", " created                  ", " modified                 "
    ]
    assert "│ docs │ 3          │ cosine │ about       │" in out
    code, out, _ = cli("list")
    assert out.startswith("📋 Listing Vectorize indexes...\n┌") and "docs" in out and "legacy" not in out
    code, out, _ = cli("list", "--json")
    assert [i["name"] for i in json.loads(out)] == ["docs"]
    code, out, _ = cli("list", "--json", "--deprecated-v1")
    assert [i["name"] for i in json.loads(out)] == ["legacy"]
    code, _, err = cli("get", "nope")
    assert code == 1 and "no index named 'nope'" in err


def test_list_with_no_indexes_warns(cli: Run) -> None:
    code, out, err = cli("list")
    assert code == 0 and "▲ [WARNING] \n\n  You haven't created any indexes" in err
    assert json.loads(cli("list", "--json")[1]) == []


def test_info_reports_count_and_last_mutation(cli: Run, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    assert json.loads(cli("info", "docs", "--json")[1]) == {
        "dimensions": 2, "vectorCount": 0, "processedUpToDatetime": None, "processedUpToMutation": None,
    }
    nd = ndjson(tmp_path / "v.ndjson", [{"id": str(i), "values": [1, i]} for i in range(3)])
    out = cli("insert", "docs", "--file", str(nd))[1]
    info = json.loads(cli("info", "docs", "--json")[1])
    assert info["vectorCount"] == 3 and info["processedUpToMutation"] in out
    assert info["processedUpToDatetime"].endswith("Z")
    code, out, _ = cli("info", "docs")
    assert out.startswith("📋 Fetching index info...\n┌") and "vectorCount" in out and "│ 2          │ 3 " in out


def test_delete_asks_unless_forced_and_refuses_unknown_indexes(cli: Run, state: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    code, out, _ = cli("delete", "docs")  # stdin is not a terminal: wrangler's fallback is yes
    assert code == 0 and out.splitlines() == [
        "Deleting Vectorize index docs",
        "? OK to delete the index 'docs'?",
        "🤖 Using fallback value in non-interactive context: yes",
        "✅ Deleted index docs",
    ]
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    code, out, _ = cli("delete", "docs", "-y")
    assert code == 0 and out == "Deleting Vectorize index docs\n✅ Deleted index docs\n"
    code, _, err = cli("delete", "docs", "--force")
    assert code == 1 and "no index named 'docs'" in err


def test_delete_on_a_terminal_can_be_cancelled(cli: Run, monkeypatch: pytest.MonkeyPatch, state: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out, _ = cli("delete", "docs")
    assert code == 0 and out.endswith("Deletion cancelled.\n")
    with open_state(state) as store:
        assert store.record("docs") is not None


# -- insert / upsert ------------------------------------------------------------------------------------
def test_insert_in_batches_through_the_binding(cli: Run, state: Path, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "euclidean")
    nd = ndjson(tmp_path / "v.ndjson", [{"id": str(i), "values": [i, 0], "metadata": {"i": i}} for i in range(5)])
    code, out, err = cli("insert", "docs", "--file", str(nd), "--batch-size", "2")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split(". Mutation")[0] for line in lines[:3]] == [
        "✨ Enqueued 2 vectors into index 'docs' for insertion",
        "✨ Enqueued 2 vectors into index 'docs' for insertion",
        "✨ Enqueued 1 vectors into index 'docs' for insertion",
    ]
    assert lines[3] == "✅ Successfully enqueued 5 vectors into index 'docs' for insertion."
    # insert skips ids that exist; upsert replaces them
    ndjson(nd, [{"id": "0", "values": [9, 9]}, {"id": "new", "values": [1, 1]}])
    code, out, _ = cli("insert", "docs", "--file", str(nd), "--json")
    assert json.loads(out) == {"index": "docs", "count": 2}
    b = stored(state, "docs")
    assert asyncio.run(b.getByIds(["0"]))[0]["values"] == [0, 0]
    code, out, _ = cli("upsert", "docs", "--file", str(nd))
    assert out.splitlines()[-1] == "✅ Successfully enqueued 2 vectors into index 'docs' for upsertion."
    b.index.refresh()
    assert asyncio.run(b.getByIds(["0"]))[0] == {"id": "0", "namespace": None, "metadata": {}, "values": [9, 9]}
    assert len(b.index.core) == 6


def test_insert_into_a_v1_index_reports_inserted_counts(cli: Run, tmp_path: Path) -> None:
    cli("create", "old", "--dimensions", "2", "--metric", "cosine", "--deprecated-v1")
    nd = ndjson(tmp_path / "v.ndjson", [{"id": "a", "values": [1, 0]}, {"id": "a", "values": [0, 1]}])
    code, out, _ = cli("insert", "old", "--file", str(nd), "--deprecated-v1")
    assert code == 0 and out == (
        "✨ Uploading vector batch (2 vectors)\n✅ Successfully inserted 1 vectors into index 'old'\n"
    )


def test_write_errors_are_the_bindings_and_earlier_batches_stay(cli: Run, state: Path, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    nd = ndjson(tmp_path / "v.ndjson", [{"id": "a", "values": [1, 0]}, {"id": "b", "values": [1, 0, 0]}])
    code, out, err = cli("upsert", "docs", "--file", str(nd), "--batch-size", "1")
    assert code == 1
    expected = 'VECTOR_UPSERT_ERROR (code = 40012): invalid vector for id="b", expected 2 dimensions, and got 3 dimensions'
    assert f"✘ [ERROR] {expected}" in err
    assert "1 vectors from earlier batches" in err
    with pytest.raises(workers_env.VectorizeError) as direct:
        asyncio.run(stored(state, "docs").upsert([{"id": "b", "values": [1, 0, 0]}]))
    assert direct.value.message == expected
    with open_state(state) as store:
        assert store.count_vectors("docs") == 1


def test_insert_file_and_batch_size_checks(cli: Run, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    empty = tmp_path / "empty.ndjson"
    empty.write_text("")
    code, _, err = cli("insert", "docs", "--file", str(empty))
    assert code == 1 and f"🚨 Cannot read invalid or empty file: {empty}." in err
    code, _, err = cli("insert", "docs", "--file", str(tmp_path / "missing.ndjson"))
    assert code == 1 and "Cannot read invalid or empty file" in err
    nd = ndjson(tmp_path / "v.ndjson", [{"id": "a", "values": [1, 0]}])
    code, _, err = cli("insert", "docs", "--file", str(nd), "--batch-size", "5001")
    assert code == 1 and err == (  # wrangler 4.164.0's insert.ts, word for word
        "✘ [ERROR] 🚨 The global rate limit for the Cloudflare API is 1200 requests per five minutes. Vectorize V2 "
        "indexes currently limit upload batches to 5000 records at a time to stay within the service limits.\n\n\n")
    code, _, err = cli("upsert", "docs", "--file", str(nd), "--batch-size", "5001")  # upsert.ts says no "V2"
    assert code == 1 and "five minutes. Vectorize indexes currently limit upload batches to 5000 records" in err
    bad = tmp_path / "bad.ndjson"
    bad.write_text('{"id": "a", "values": [1, 0]}\n{not json\n')
    code, _, err = cli("insert", "docs", "--file", str(bad))
    assert code == 1 and f"{bad}:2: not valid JSON" in err
    code, _, err = cli("insert", "nope", "--file", str(nd))
    assert code == 1 and "no index named 'nope'" in err


def test_progress_bar_only_on_a_terminal(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    nd = ndjson(tmp_path / "v.ndjson", [{"id": str(i), "values": [1, i]} for i in range(4)])
    code, out, err = cli("insert", "docs", "--file", str(nd), "--batch-size", "2")
    assert err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, out, err = cli("upsert", "docs", "--file", str(nd), "--batch-size", "2")
    assert code == 0 and "vectors/s" in err and "/4" in err
    assert out.count("✨ Enqueued 2 vectors") == 2


# -- query ------------------------------------------------------------------------------------------------
@pytest.fixture
def filled(cli: Run, tmp_path: Path) -> Run:
    cli("create", "docs", "--dimensions", "3", "--metric", "cosine")
    vectors = [
        {"id": "a", "values": [1, 0, 0], "metadata": {"genre": "drama", "year": 2001}},
        {"id": "b", "values": [0.9, 0.1, 0], "metadata": {"genre": "comedy"}, "namespace": "ns"},
        {"id": "c", "values": [0, 1, 0], "metadata": {"genre": "drama"}},
    ]
    cli("create-metadata-index", "docs", "--property-name", "genre", "--type", "string")
    cli("insert", "docs", "--file", str(ndjson(tmp_path / "f.ndjson", vectors)))
    return cli


def test_query_by_vector_prints_wranglers_json(filled: Run) -> None:
    code, out, err = filled("query", "docs", "--vector", "1", "0", "0", "--top-k", "2")
    assert (code, err) == (0, "")
    assert out.startswith("📋 Searching for relevant vectors...\n")
    result = body_json(out)
    assert result["count"] == 2 and [m["id"] for m in result["matches"]] == ["a", "b"]
    assert set(result["matches"][0]) == {"id", "score"}
    assert result["matches"][1]["namespace"] == "ns"
    result = body_json(filled("query", "docs", "--vector", "-1", "-0.002", "-.5", "--top-k", "1")[1])
    assert result["count"] == 1  # negative numbers are values (with an exponent they are not: yargs')


def test_query_options_reach_the_binding(filled: Run) -> None:
    result = body_json(filled("query", "docs", "--vector", "1", "0", "0", "--return-values",
                              "--return-metadata", "all", "--top-k", "1")[1])
    assert result["matches"] == [
        {"id": "a", "score": 1, "values": [1, 0, 0], "metadata": {"genre": "drama", "year": 2001}}
    ]
    result = body_json(filled("query", "docs", "--vector", "1", "0", "0", "--namespace", "ns")[1])
    assert [m["id"] for m in result["matches"]] == ["b"]
    result = body_json(filled("query", "docs", "--vector", "1", "0", "0", "--filter", '{"genre": {"$eq": "drama"}}',
                              "--return-metadata", "indexed")[1])
    assert [(m["id"], m["metadata"]) for m in result["matches"]] == [("a", {"genre": "drama"}), ("c", {"genre": "drama"})]


def test_query_by_vector_id(filled: Run) -> None:
    result = body_json(filled("query", "docs", "--vector-id", "c", "--top-k", "1")[1])
    assert [m["id"] for m in result["matches"]] == ["c"]
    code, out, err = filled("query", "docs", "--vector-id", "missing")
    assert code == 0 and "▲ [WARNING] Could not find any relevant vectors" in err


def test_query_argument_errors(filled: Run) -> None:
    for args in ([], ["--vector", "1", "0", "0", "--vector-id", "a"]):
        code, _, err = filled("query", "docs", *args)
        assert code == 1 and "🚨 Either vector or vector-id parameter must be provided, but not both." in err
    code, _, err = filled("query", "docs", "--vector", "1", "0", "0", "--filter", "{genre: drama}")
    assert code == 0 and "🚨 Invalid query filter. Please use the recommended format." in err  # then unfiltered
    code, _, err = filled("query", "docs", "--vector", "1", "0")
    assert code == 1 and (
        "VECTOR_QUERY_ERROR (code = 40006): invalid query vector, expected 3 dimensions, and got 2 dimensions" in err
    )
    code, _, err = filled("query", "docs", "--vector", "1", "0", "0", "--top-k", "101")
    assert code == 1 and "VECTOR_QUERY_ERROR (code = 40025): max top K is 100, but got 101" in err
    code, _, err = filled("query", "docs", "--vector", "1", "0", "0", "--top-k", "51", "--return-values")
    assert code == 1 and "max top K is 50, but got 51" in err
    # yargs reads a number as a JavaScript number: beyond 2**53 a double, not a BigInt
    code, _, err = filled("query", "docs", "--vector", "1", "0", "0", "--top-k", "99999999999999999999")
    assert code == 1 and "max top K is 100, but got 100000000000000000000" in err


# -- get-vectors / delete-vectors --------------------------------------------------------------------------
def test_get_vectors(filled: Run) -> None:
    code, out, _ = filled("get-vectors", "docs", "--ids", "c", "missing", "a")
    assert out.startswith("📋 Fetching vectors...\n")
    got = body_json(out)
    assert [v["id"] for v in got] == ["c", "a"]
    assert got[0] == {"id": "c", "namespace": None, "metadata": {"genre": "drama"}, "values": [0, 1, 0]}
    code, _, err = filled("get-vectors", "docs", "--ids", "missing")
    assert code == 0 and "The index does not contain vectors corresponding to the provided identifiers" in err
    code, _, err = filled("get-vectors", "docs", "--ids", *[str(i) for i in range(21)])
    assert code == 1 and "VECTOR_GET_ERROR (code = 40007): too many ids in payload; max id count is 20, got 21" in err


def test_delete_vectors(filled: Run, state: Path) -> None:
    code, out, _ = filled("delete-vectors", "docs", "--ids", "a", "missing")
    assert code == 0
    assert out.startswith("📋 Deleting vectors...\n✅ Successfully enqueued 2 vectors into index 'docs' for deletion. ")
    assert out.rstrip().endswith(".")
    with open_state(state) as store:
        assert store.count_vectors("docs") == 2
    code, _, err = filled("delete-vectors", "docs", "--ids", *[str(i) for i in range(101)])
    assert code == 1 and "max id count is 100, got 101" in err


# -- list-vectors -------------------------------------------------------------------------------------------
def test_list_vectors_pages_with_cursors(cli: Run, tmp_path: Path, state: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    ids = [f"id-{i:03d}" for i in range(7)] + ["é", "Z"]
    cli("insert", "docs", "--file", str(ndjson(tmp_path / "v.ndjson", [{"id": i, "values": [1, 0]} for i in ids])))
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        args = ["list-vectors", "docs", "--count", "4", "--json"] + (["--cursor", cursor] if cursor else [])
        page = json.loads(cli(*args)[1])
        pages += 1
        assert page["totalCount"] == 9 and page["count"] == len(page["vectors"])
        seen += [v["id"] for v in page["vectors"]]
        if not page["isTruncated"]:
            assert page["nextCursor"] is None and page["cursorExpirationTimestamp"] is None
            break
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}\+00:00", page["cursorExpirationTimestamp"])
        cursor = page["nextCursor"]
    assert pages == 3 and seen == sorted(ids)
    code, out, _ = cli("list-vectors", "docs", "--count", "2")
    assert out.startswith("📋 Listing vectors in index 'docs'...\n┌───┬───────────┐\n│ # │ Vector ID │")
    assert "\nShowing 2 of 9 total vectors\n" in out
    # the next page's command names the state the listing read
    again = re.search(r"\n💡 To get the next page, run:\n   workers-env vectorize list-vectors docs --cursor (\S+) "
                      r"--persist-to (.+)\n\Z", out)
    assert again is not None and again.group(2) == str(state)
    default = json.loads(cli("list-vectors", "docs", "--json")[1])
    assert default["count"] == 9 and default["isTruncated"] is False
    cli("create", "other", "--dimensions", "2", "--metric", "cosine")
    code, _, err = cli("list-vectors", "other", "--cursor", again.group(1))  # docs' cursor
    assert code == 1 and err == (f"✘ [ERROR] 🚨 The cursor {again.group(1)!r} has expired or belongs to another "
                                 "listing; start again without --cursor\n\n\n")


def test_list_vectors_checks(cli: Run) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    code, _, err = cli("list-vectors", "docs")
    assert code == 0 and "▲ [WARNING] No vectors found in this index." in err
    assert json.loads(cli("list-vectors", "docs", "--json")[1])["vectors"] == []
    for count in ("0", "1001", "2.5"):
        code, _, err = cli("list-vectors", "docs", "--count", count)
        assert code == 1 and "--count must be a whole number from 1 to 1000" in err
    code, _, err = cli("list-vectors", "docs", "--cursor", "!!!")
    assert code == 1 and "Invalid cursor" in err


# -- metadata indexes -----------------------------------------------------------------------------------------
def test_metadata_index_commands(cli: Run, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    code, out, err = cli("list-metadata-index", "docs")
    assert code == 0 and "has no metadata indexes" in err
    code, out, _ = cli("create-metadata-index", "docs", "--property-name", "genre", "--type", "string")
    assert code == 0 and out.startswith(
        "📋 Creating metadata index...\n✅ Successfully enqueued metadata index creation request. "
        "Mutation changeset identifier: "
    )
    assert cli("create-metadata-index", "docs", "--propertyName", "year", "--type", "number")[0] == 0
    assert json.loads(cli("list-metadata-index", "docs", "--json")[1]) == [
        {"propertyName": "genre", "indexType": "string"},
        {"propertyName": "year", "indexType": "number"},
    ]
    code, out, _ = cli("list-metadata-index", "docs")
    assert out.startswith("📋 Fetching metadata indexes...\n")
    assert "│ propertyName │ type   │" in out and "│ year         │ number │" in out
    code, _, err = cli("create-metadata-index", "docs", "--property-name", "genre", "--type", "boolean")
    assert code == 1 and "already has a metadata index on 'genre'" in err
    code, out, _ = cli("delete-metadata-index", "docs", "--property-name", "genre")
    assert code == 0 and re.fullmatch(re.escape("📋 Deleting metadata index...\n✅ Successfully enqueued metadata index "
                                                "deletion request. Mutation changeset identifier: ") + MUTATION + r"\.\n", out)
    code, _, err = cli("delete-metadata-index", "docs", "--property-name", "genre")
    assert code == 1 and "has no metadata index on 'genre'" in err
    assert json.loads(cli("info", "docs", "--json")[1])["processedUpToMutation"] is not None


def test_metadata_index_limits(cli: Run) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    for i in range(10):
        assert cli("create-metadata-index", "docs", "--property-name", f"p{i}", "--type", "number")[0] == 0
    code, _, err = cli("create-metadata-index", "docs", "--property-name", "p10", "--type", "number")
    assert code == 1 and "already has 10 metadata indexes; the maximum is 10 per index" in err
    code, _, err = cli("create-metadata-index", "docs", "--property-name", "$bad", "--type", "number")
    assert code == 1 and "property name '$bad' is invalid" in err


# -- where the state is -------------------------------------------------------------------------------------------
def test_state_root_defaults_to_dot_wrangler_beside_the_config(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "wrangler.toml").write_text(  # a valid config: every command reads it, as wrangler's do
        'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n')
    monkeypatch.chdir(project / "src")
    assert cli("create", "docs", "--dimensions", "2", "--metric", "cosine", persist=False)[0] == 0
    assert (project / ".wrangler" / "state" / "v3" / "vectorize" / DB_FILENAME).is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, _ = cli("list", "--json", "--config", str(project / "wrangler.toml"), persist=False)
    assert [i["name"] for i in json.loads(out)] == ["docs"]
    code, out, _ = cli("list", "--json", persist=False)  # no config here: .wrangler/state in cwd
    assert json.loads(out) == [] and not (elsewhere / ".wrangler").exists()  # a read makes no state
    assert cli("create", "here", "--dimensions", "2", "--metric", "cosine", persist=False)[0] == 0
    assert (elsewhere / ".wrangler" / "state" / "v3" / "vectorize" / DB_FILENAME).is_file()
    code, _, err = cli("list", "--config", str(tmp_path / "missing.toml"), persist=False)
    assert code == 1 and err.startswith(f"✘ [ERROR] Could not read file: {tmp_path / 'missing.toml'}\n")  # wrangler's


def test_damaged_state_is_a_clear_cli_error(cli: Run, state: Path) -> None:
    folder = state / "v3" / "vectorize"
    folder.mkdir(parents=True)
    (folder / DB_FILENAME).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    code, out, err = cli("list")
    assert code == 1 and str(folder / DB_FILENAME) in err and "not an SQLite database" in err


def test_runs_as_a_real_subprocess(tmp_path: Path) -> None:
    # each a ``python -m`` start forked from the suite's fork server (tests/forkserver.py): its own
    # process, arguments, pipes and exit status; cold starts of the CLI are other files' subject
    env = {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1])}
    base = [sys.executable, "-m", "workers_env", "vectorize"]
    state = ["--persist-to", str(tmp_path / "state")]
    created = forkserver.run(base + ["create", "docs", "--preset", "@cf/baai/bge-base-en-v1.5", "--json", *state],
                             capture_output=True, text=True, env=env, timeout=60)
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["config"] == {"dimensions": 768, "metric": "cosine"}
    missing = forkserver.run(base + ["info", "nope", *state], capture_output=True, text=True, env=env, timeout=60)
    assert missing.returncode == 1 and missing.stderr.startswith("✘ [ERROR] no index named 'nope'")
    shown = forkserver.run(base + ["get", "docs", "--json", *state], capture_output=True, text=True, env=env, timeout=60)
    assert json.loads(shown.stdout)["config"] == {"dimensions": 768, "metric": "cosine"}


def test_help_lists_every_wrangler_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["vectorize", "--help"])
    out = capsys.readouterr().out
    for name in ("create", "delete", "get", "list", "info", "insert", "upsert", "query", "get-vectors",
                 "delete-vectors", "list-vectors", "create-metadata-index", "list-metadata-index",
                 "delete-metadata-index"):
        assert name in out
