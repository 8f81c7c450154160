"""Every ``workers-env`` command (but ``dev``, which serves) given bad flags and values --
missing, empty, unreadable or malformed files, JSON nested thousands of levels deep, names of
no binding, bytes that are not UTF-8 (as Python hands them over, lone surrogates) -- exits
non-zero with wrangler's ``✘ [ERROR]`` line or a usage error, never a Python traceback, and a
refused command changes nothing."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run_main
from fuzz_helpers import FUZZ, past_json_depth
from hypothesis import given, settings
from hypothesis import strategies as st

WRANGLER = ('name = "fuzz"\ncompatibility_date = "2026-05-01"\n'
            '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
            '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "d1id"\nmigrations_dir = "migrations"\n')
FILES: dict[str, bytes] = {
    "good.ndjson": b'{"id":"a","values":[1,2,3]}\n{"id":"b","values":[0,1,0],"metadata":{"k":"v"}}\n',
    "kv.json": b'[{"key":"a","value":"1"},{"key":"b","value":"2","metadata":{"x":1}}]',
    "keys.json": b'["a","b"]',
    "sql.sql": b"CREATE TABLE IF NOT EXISTS t (a);\nINSERT INTO t VALUES (1);\n",
    "empty.json": b"", "bad.json": b"{not json", "deep.json": b"[" * 20000 + b"]" * 20000,
    "bin.bin": bytes(range(256)), "badline.ndjson": b'{"id":"a","values":[1,2,3]}\n{"id":\n',
    "wrongshape.ndjson": b'[1,2,3]\n"x"\nnull\n{"id":5}\n', "nan.ndjson": b'{"id":"a","values":[NaN,1,2]}\n',
    "kvbad.json": b'[{"key":5,"value":"1"},{"value":"x"},{"key":"d","value":"x","expiration":"soon"}]',
    "badsql.sql": b"CREATE TABLE x (;\n", "bad.toml": b'name = "x"\n[[kv_namespaces]]\nbinding = 5\n',
}
ODD = ["", "-1", "0", "1.5", "1e309", "NaN", "99999999999999999999999", "é", "\udcff", "a" * 600, "{}", "[]",
       '{"a":', "[" * 3000, "null", "1,2,3", "nope", "missing.json", "adir", "/dev/null", *FILES]
BASES = [shlex.split(line) for line in (
    "vectorize get idx", "vectorize info idx", "vectorize upsert idx --file good.ndjson --batch-size 1",
    "vectorize query idx --vector 1 2 3 --top-k 2 --return-metadata all --filter {\"k\":\"v\"}",
    "vectorize query idx --vector-id a --namespace n", "vectorize get-vectors idx --ids a b",
    "vectorize delete-vectors idx --ids zz", "vectorize list-vectors idx --count 2 --cursor a",
    "vectorize create-metadata-index idx --property-name k --type string", "vectorize delete-metadata-index idx --property-name q",
    "vectorize create idx2 --dimensions 3 --metric cosine --description d",
    "d1 execute db --file sql.sql --local --json", "d1 export db --output out.sql --local --table t",
    "d1 migrations list db --local", "kv key put k v --binding KV --ttl 100 --metadata {\"a\":1}",
    "kv key get a --binding KV --text", "kv key list --binding KV --prefix a", "kv key delete zz --binding KV",
    "kv bulk put kv.json --binding KV", "kv bulk get keys.json --binding KV", "kv bulk delete keys.json --binding KV --force",
    "validate --json", "validate -c bad.toml",
    "ai models list --search bge --task t --author a --source 1 --json", "ai models schema m",
    "ai finetune create m f adir",
)]


@pytest.fixture
def app(project: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    root: Path = project(WRANGLER)
    for name, data in FILES.items():
        (root / name).write_bytes(data)
    (root / "adir").mkdir()
    (root / "migrations").mkdir()
    monkeypatch.chdir(root)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    for argv in ("vectorize create idx --dimensions 3 --metric cosine", "vectorize upsert idx --file good.ndjson",
                 "kv bulk put kv.json --binding KV", "d1 execute db --file sql.sql --local"):
        assert run_main(capsys, *argv.split()).returncode == 0, argv
    return root


def answered_cleanly(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    done = run_main(capsys, *argv)  # an exception escaping main() fails the test here
    assert "Traceback" not in done.stderr + done.stdout, (argv, done.stderr)
    if done.returncode != 0:  # wrangler's error line, a usage error, validate's own report (it has no wrangler
        # counterpart: "workers-env validate: Configuration file not found: ..." on stderr, or its findings on
        # stdout, "Unsupported configuration file ..."), or (--json) the error as JSON
        assert ("✘ [ERROR]" in done.stderr or "usage:" in done.stderr
                or (argv[0] == "validate" and (done.stderr.startswith("workers-env validate: ") or done.stdout.strip()))
                or ("--json" in argv and '"error"' in done.stdout)), (argv, done.stderr, done.stdout)
    return done


def state(capsys: pytest.CaptureFixture[str]) -> tuple[Any, ...]:
    """The vectors, indexes, KV keys and D1 rows stored (what a refused command must leave)."""
    listed = tuple(run_main(capsys, *argv.split()).stdout for argv in (
        "vectorize get-vectors idx --ids a b", "vectorize list --json", "kv key list --binding KV"))
    rows = json.loads(run_main(capsys, *"d1 execute db --command SELECT*FROM(t) --local --json".split()).stdout)
    return (*listed, rows[0]["results"])


@settings(FUZZ, max_examples=30)
@given(base=st.sampled_from(BASES), changes=st.lists(st.tuples(st.integers(0, 20), st.sampled_from(ODD)), min_size=1, max_size=2),
       drop=st.booleans())
def test_a_command_with_odd_values_fails_in_one_error_and_changes_nothing(app: Path, capsys: pytest.CaptureFixture[str],
                                                                         base: list[str], changes: list[tuple[int, str]],
                                                                         drop: bool) -> None:
    argv = list(base)
    values = [i for i, word in enumerate(argv) if i >= 2 and not word.startswith("-")]
    for pick, value in changes:
        if values:
            argv[values[pick % len(values)]] = value
        else:
            argv += ["--config", value]
    if drop and any(w.startswith("--") for w in argv):
        first = next(i for i, w in enumerate(argv) if w.startswith("--"))
        del argv[first:first + 2]
    # the state before: as the last example left it when that one was refused (its state after, just
    # read and found unchanged); else read again (an example that ran, or the first)
    known = _STATE_AFTER_A_REFUSAL.pop(app, None)
    before = known if known is not None else state(capsys)
    if answered_cleanly(capsys, argv).returncode != 0:
        after = state(capsys)
        assert after == before, argv
        _STATE_AFTER_A_REFUSAL[app] = after


#: the state an example's refused command left, checked unchanged, for the next example of the same app
_STATE_AFTER_A_REFUSAL: dict[Path, tuple[Any, ...]] = {}


def test_kv_metadata_is_read_as_json_parse_reads_it(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``NaN`` is no JSON (it was stored as null), a deep array no RecursionError (a traceback before);
    the listing writes numbers as JSON.stringify does (``12345678901234567000``, not ``1.2...e+19``)."""
    before = state(capsys)
    for metadata in ('{"a": NaN}', '{"a":' + "[" * 3000):
        done = answered_cleanly(capsys, ["kv", "key", "put", "k", "v", "--binding", "KV", "--metadata", metadata])
        assert done.returncode == 1 and f"✘ [ERROR] --metadata must be valid JSON. Received: {metadata}" in done.stderr
    deep = past_json_depth()  # too deep for this Python's json (3,000 levels are not, from 3.13)
    done = answered_cleanly(capsys, ["kv", "key", "put", "k", "v", "--binding", "KV", "--metadata", '{"a":' + "[" * deep + "]" * deep + "}"])
    assert done.returncode == 1 and "JSON.parse of JSON nested deeper than Python's recursion limit" in done.stderr
    assert state(capsys) == before
    assert run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--metadata", '{"a":12345678901234567890,"b":1.0}').returncode == 0
    listed = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--prefix", "k").stdout
    assert listed == json.dumps([{"name": "k", "metadata": {"a": 1, "b": 1}}], indent=2).replace(": 1,", ": 12345678901234567000,") + "\n"


@pytest.mark.parametrize("argv", [
    ["vectorize", "create", "idx2", "--dimensions", "3", "--metric", "cosine", "--description", "caf\udce9"],
    ["vectorize", "create-metadata-index", "idx", "--property-name", "\udcff", "--type", "string"],
])
def test_a_vectorize_argument_that_is_not_utf8_is_named_in_the_error(app: Path, capsys: pytest.CaptureFixture[str],
                                                                     argv: list[str]) -> None:
    """The byte 0xE9 or 0xFF of argv, which Python keeps as a lone surrogate: local state could
    not store it (a UnicodeEncodeError traceback before)."""
    before = state(capsys)
    done = answered_cleanly(capsys, argv)
    assert done.returncode == 1
    assert "is not valid Unicode: it holds the lone surrogate U+DC" in done.stderr and "which is not UTF-8" in done.stderr
    assert state(capsys) == before
