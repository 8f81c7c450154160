"""`workers-env vectorize` reads arguments and prints as wrangler 4 does.

Each command runs in-process (cli_helpers.run_main) from the test's folder, as
``python -m workers_env`` would run it there; the real entry point is run as a process by
test_cli_vectorize.py and test_cli_version.py.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_helpers import run_main


class Cli:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]):
        self.folder = folder
        self.capsys = capsys

    def __call__(self, *args: str, state: bool = True) -> subprocess.CompletedProcess[str]:
        extra = ["--persist-to", str(self.folder / "state")] if state else []
        return run_main(self.capsys, "vectorize", *args, *extra)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.chdir(tmp_path)  # the folder the command runs in: its wrangler.toml is read
    monkeypatch.setenv("NO_COLOR", "1")
    return Cli(tmp_path, capsys)


def write_ndjson(path: Path, count: int, dims: int = 3) -> Path:
    # the lines json.dumps writes for {"id": f"v{i:06d}", "values": [1.0] + [float(i % 7)] * (dims - 1)},
    # made from the 7 value lists it can write, with one write (a 105,001-line file took a second)
    tails = [json.dumps([1.0] + [float(k)] * (dims - 1)) + "}\n" for k in range(7)]
    path.write_text("".join(f'{{"id": "v{i:06d}", "values": {tails[i % 7]}' for i in range(count)))
    return path


def test_version_and_yargs_booleans(cli: Cli, tmp_path: Path) -> None:
    version = cli("--version", state=False)  # wrangler prints its version only with no command
    assert version.returncode == 0 and version.stdout.startswith("usage: workers-env vectorize")
    assert cli("list", "--version").stdout.startswith("📋 Listing Vectorize indexes...")
    assert cli("create", "docs", "--dimensions", "3", "--metric", "cosine", "--json=false").returncode == 0
    assert cli("insert", "docs", "--file", str(write_ndjson(tmp_path / "v.ndjson", 3))).returncode == 0
    for spelling, has_values in ((["--return-values=true"], True), (["--return-values", "true"], True),
                                 (["--return-values=false"], False), (["--no-return-values"], False),
                                 (["--return-values"], True), (["--return-values=maybe"], False)):
        run = cli("query", "docs", "--vector", "1", "0", "0", "--top-k", "1", *spelling)
        assert run.returncode == 0, run.stderr
        match = json.loads(run.stdout[run.stdout.index("{"):])["matches"][0]
        assert ("values" in match) is has_values, spelling


def test_vector_items_that_are_not_numbers_are_dropped(cli: Cli, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "3", "--metric", "cosine")
    cli("insert", "docs", "--file", str(write_ndjson(tmp_path / "v.ndjson", 2)))
    run = cli("query", "docs", "--vector", "1", "abc", "0", "0x0", "--top-k", "1")
    assert run.returncode == 0, run.stderr  # "abc" dropped, 0x0 is 0: three numbers
    short = cli("query", "docs", "--vector", "1", "abc", "0")
    assert short.returncode == 1 and "expected 3 dimensions, and got 2 dimensions" in short.stderr


def test_create_applies_the_service_index_name_rule(cli: Cli) -> None:
    for name in ("../../x", "Bad Name!", "1abc", "idx-", "a", "x" * 65):
        run = cli("create", name, "--dimensions", "3", "--metric", "cosine")
        assert run.returncode == 1 and run.stdout.count("Creating index") == 0, name
        assert "Name must start with a lowercase letter" in run.stderr or "the limit is 64 bytes" in run.stderr
    assert f"✘ [ERROR] index name '{'x' * 65}' is 65 bytes; the limit is 64 bytes\n" in run.stderr
    assert json.loads(cli("list", "--json").stdout) == []
    assert cli("create", "x" * 64, "--dimensions", "3", "--metric", "cosine").returncode == 0  # at the limit


def test_create_accepts_good_names_and_wranglers_binding_options(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "w"\n')
    run = cli("create", "good_name-1", "--dimensions", "3", "--metric", "cosine",
              "--binding", "my-vec index", "--use-remote", "--update-config")
    assert run.returncode == 0, run.stderr
    assert run.stdout.endswith(
        "To access your new Vectorize Index in your Worker, add the following snippet to your configuration file:\n"
        '[[vectorize]]\nbinding = "my_vec_index"\nindex_name = "good_name-1"\nremote = true\n'
        "workers-env does not edit wrangler.toml: add the snippet above yourself "
        "(wrangler edits .json/.jsonc configs when asked).\n"
    )
    assert (tmp_path / "wrangler.toml").read_text() == 'name = "w"\n'
    created = cli("create", "second", "--dimensions", "3", "--metric", "cosine", "--json")
    assert list(json.loads(created.stdout)) == ["created_on", "modified_on", "name", "config"]


def test_batch_size_default_and_limits(cli: Cli, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "3", "--metric", "cosine")
    cli("create", "old", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1")
    nd = write_ndjson(tmp_path / "v.ndjson", 2500)
    run = cli("insert", "docs", "--file", str(nd))
    assert [line.split(" vectors")[0] for line in run.stdout.splitlines() if line.startswith("✨")] == [
        "✨ Enqueued 1000", "✨ Enqueued 1000", "✨ Enqueued 500"]
    run = cli("upsert", "docs", "--file", str(nd))  # upsert.ts: 5000 by default (insert.ts: 1000)
    assert [line.split(" vectors")[0] for line in run.stdout.splitlines() if line.startswith("✨")] == [
        "✨ Enqueued 2500"]
    # workers-env's own refusals (wrangler 4.164.0's insert.ts checks only the upper bound)
    zero = cli("insert", "docs", "--file", str(nd), "--batch-size", "0")
    assert zero.returncode == 1 and zero.stderr == (
        "✘ [ERROR] 🚨 --batch-size must be a whole number of at least 1; got 0.\n\n\n")
    half = cli("insert", "docs", "--file", str(nd), "--batch-size", "1.5")
    assert half.returncode == 1 and half.stderr.startswith(
        "✘ [ERROR] argument --batch-size: not a whole number: '1.5'\n")
    too_big = cli("upsert", "docs", "--file", str(nd), "--batch-size", "5001")
    assert too_big.returncode == 1 and "limit upload batches to 5000 records at a time" in too_big.stderr
    # insert.ts checks --batch-size by the API --deprecated-v1 names (v1: 1000), before the index
    v1 = cli("insert", "old", "--file", str(nd), "--batch-size", "1001", "--deprecated-v1")
    assert v1.returncode == 1 and "🚨 Vectorize currently limits upload batches to 1000 records at a time." in v1.stderr
    v1 = cli("insert", "nope", "--file", str(nd), "--batch-size", "1001", "--deprecated-v1")
    assert v1.returncode == 1 and "🚨 Vectorize currently limits upload batches to 1000 records at a time." in v1.stderr
    run = cli("insert", "old", "--file", str(nd), "--batch-size", "1000", "--deprecated-v1")
    assert run.returncode == 0 and [line for line in run.stdout.splitlines() if line.startswith("✨")] == [
        "✨ Uploading vector batch (1000 vectors)", "✨ Uploading vector batch (1000 vectors)",
        "✨ Uploading vector batch (500 vectors)"]


def test_a_run_stops_after_100000_vectors_with_wranglers_warning(cli: Cli, tmp_path: Path) -> None:
    # at the cap: after batch 20 the count is exactly 100,000 and the run goes on; batch 21
    # makes 105,000, more than 100,000, so the run stops before batch 22
    cli("create", "docs", "--dimensions", "1", "--metric", "euclidean")
    more = cli("upsert", "docs", "--file", str(write_ndjson(tmp_path / "b.ndjson", 105_001, dims=1)),
               "--batch-size", "5000")
    assert more.returncode == 0
    assert "▲ [WARNING] 🚧 While Vectorize is in beta, we've limited uploads to 100k vectors per run." in more.stderr
    assert more.stdout.splitlines()[-1] == "✅ Successfully enqueued 105000 vectors into index 'docs' for upsertion."
    info = json.loads(cli("info", "docs", "--json").stdout)
    assert info["vectorCount"] == 105_000  # the 21st batch crossed 100,000; the rest was not sent
    # one past: a last batch of one vector makes 100,001 sent, which the warning says (the run
    # ends there). An insert into the same index: wrangler counts the vectors it sends, ids the
    # index holds included (they are skipped there, so SQLite writes one row, not 100,001); the
    # last vector is the one the first run did not send, and the count shows it was written
    lines = (tmp_path / "b.ndjson").read_text().splitlines(keepends=True)
    (tmp_path / "c.ndjson").write_text("".join(lines[:100_000]) + lines[105_000])
    past = cli("insert", "docs", "--file", str(tmp_path / "c.ndjson"), "--batch-size", "5000")
    assert past.returncode == 0 and "we've limited uploads to 100k vectors per run" in past.stderr
    assert past.stdout.splitlines()[-1] == "✅ Successfully enqueued 100001 vectors into index 'docs' for insertion."
    assert json.loads(cli("info", "docs", "--json").stdout)["vectorCount"] == 105_001


def test_filter_as_wranglers_validate_query_filter(cli: Cli, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "2", "--metric", "cosine")
    cli("create-metadata-index", "docs", "--property-name", "c", "--type", "string")
    cli("create-metadata-index", "docs", "--property-name", "n", "--type", "number")
    vectors = [{"id": "a", "values": [1, 0], "metadata": {"c": "x", "n": 1}},
               {"id": "b", "values": [1, 0.1], "metadata": {"c": "y", "n": 2}}]
    (tmp_path / "v.ndjson").write_text("".join(json.dumps(v) + "\n" for v in vectors))
    cli("insert", "docs", "--file", str(tmp_path / "v.ndjson"))

    def ids(*args: str) -> tuple[list[str], str]:
        run = cli("query", "docs", "--vector", "1", "0", *args)
        assert run.returncode == 0, run.stderr
        body = run.stdout[run.stdout.index("{"):] if "{" in run.stdout else '{"matches": []}'
        return [m["id"] for m in json.loads(body)["matches"]], run.stderr

    # arrays and operator objects wrangler does not know are dropped; the rest is sent
    assert ids("--filter", '{"n": [1, 2], "c": "y", "x": {"$gte": 1}}') == (["b"], "")
    got, warned = ids("--filter", "{c: y}")  # not JSON: a warning, then an unfiltered query
    assert got == ["a", "b"] and "▲ [WARNING] 🚨 Invalid query filter. Please use the recommended format." in warned
    got, warned = ids("--filter", '{"n": NaN}')  # Python's JSON reader takes NaN, JSON.parse does not
    assert got == ["a", "b"] and "▲ [WARNING] 🚨 Invalid query filter. Please use the recommended format." in warned
    got, warned = ids("--filter", '{"n": [1]}')  # nothing left: a warning, then unfiltered
    assert got == ["a", "b"]
    assert "▲ [WARNING] 🚨 Could not parse the provided query filter. Please use the recommended format." in warned


def test_top_k_and_count_read_numbers_as_javascripts_number(cli: Cli, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "3", "--metric", "cosine")
    cli("insert", "docs", "--file", str(write_ndjson(tmp_path / "v.ndjson", 3)))
    for spelling in ("0x2", " 2", "2e0", "0b10"):  # Number() reads each as 2
        run = cli("query", "docs", "--vector", "1", "0", "0", "--top-k", spelling)
        assert run.returncode == 0 and json.loads(run.stdout[run.stdout.index("{"):])["count"] == 2, spelling
        listed = cli("list-vectors", "docs", "--count", spelling, "--json")
        assert listed.returncode == 0 and json.loads(listed.stdout)["count"] == 2, spelling
    for spelling in ("1_0", "nan", "inf", "abc"):  # Python's float() reads the first three; Number() does not
        run = cli("query", "docs", "--vector", "1", "0", "0", "--top-k", spelling)
        assert run.returncode == 1 and f"argument --top-k: not a number: '{spelling}'" in run.stderr, spelling


def test_query_checks_in_wranglers_order(cli: Cli) -> None:
    # the filter's warning, then the vector check, then "Searching", then the index is looked up
    neither = cli("query", "docs", "--filter", '{"n": [1]}')
    assert neither.returncode == 1 and neither.stdout.strip() == ""
    assert neither.stderr.index("Could not parse the provided query filter") < neither.stderr.index(
        "Either vector or vector-id parameter must be provided")
    unknown = cli("query", "nope", "--vector", "1", "--filter", '{"n": [1]}')
    assert unknown.returncode == 1 and unknown.stdout.startswith("📋 Searching for relevant vectors...\n")
    assert unknown.stderr.index("Could not parse the provided query filter") < unknown.stderr.index("no index named 'nope'")


def test_list_vectors_json_and_snapshot_cursor(cli: Cli, tmp_path: Path) -> None:
    cli("create", "docs", "--dimensions", "3", "--metric", "cosine")
    cli("insert", "docs", "--file", str(write_ndjson(tmp_path / "v.ndjson", 5)))
    first = cli("list-vectors", "docs", "--count", "3", "--json")
    page = json.loads(first.stdout)  # clean JSON: no progress line before it
    assert list(page) == ["count", "totalCount", "isTruncated", "nextCursor", "cursorExpirationTimestamp", "vectors"]
    assert page["isTruncated"] is True and page["count"] == 3 and page["totalCount"] == 5
    # the cursor is a snapshot: later writes and deletes do not change the pages still to come
    (tmp_path / "new.ndjson").write_text('{"id": "v000003a", "values": [1, 2, 3]}\n')
    cli("insert", "docs", "--file", str(tmp_path / "new.ndjson"))
    cli("delete-vectors", "docs", "--ids", "v000004")
    rest = json.loads(cli("list-vectors", "docs", "--count", "3", "--cursor", page["nextCursor"], "--json").stdout)
    assert [v["id"] for v in rest["vectors"]] == ["v000003", "v000004"]
    assert rest["isTruncated"] is False and rest["nextCursor"] is None and rest["cursorExpirationTimestamp"] is None
    fresh = json.loads(cli("list-vectors", "docs", "--json").stdout)
    assert [v["id"] for v in fresh["vectors"]] == ["v000000", "v000001", "v000002", "v000003", "v000003a"]
    bad = cli("list-vectors", "docs", "--cursor", "eyJzIjoiMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAiLCJvIjozfQ")
    assert bad.returncode == 1 and "start again without --cursor" in bad.stderr
