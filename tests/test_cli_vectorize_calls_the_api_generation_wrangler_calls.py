"""``workers-env vectorize`` answers as the Vectorize API generation wrangler's command calls.

wrangler 4.164.0 calls the v1 REST API with ``--deprecated-v1`` (``create``, ``delete``, ``get``,
``list``, ``insert``) and the v2 API otherwise (every other command, whatever the index). Each
API lists only its own generation's indexes and refuses an index of the other with
``vectorize.incorrect_api_version ... [code: 1010]``: so locally ``list`` splits the two, and a
command on an index of the other generation fails with that error, changing nothing, with a
``(workers-env: ...)`` line saying what to change -- nothing passes here that fails on Cloudflare.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env.cli import main
from workers_env.vectorize.persistent import open_state

Run = tuple[int, str, str]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201 - a small runner
    state = ["--persist-to", str(tmp_path / "state")]

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(["vectorize", *args, *state])
        out, err = capsys.readouterr()
        return code, out, err

    run("create", "today", "--dimensions", "2", "--metric", "cosine")
    run("create", "legacy", "--dimensions", "2", "--metric", "cosine", "--deprecated-v1")
    return run


def refused(result: Run, name: str, version: str, api: str) -> str:
    """The API's error for ``name`` (of ``version``) called with ``api``; the hint line returned."""
    code, _, err = result
    assert code == 1
    assert (f'✘ [ERROR] vectorize.incorrect_api_version - Index: "{name}" with version "{version}" called with '
            f'api version "{api}" [code: 1010]') in err
    (hint,) = [line for line in err.splitlines() if line.startswith("(workers-env: ")]
    return hint


def count(tmp_path: Path, name: str) -> int:
    with open_state(tmp_path / "state") as store:
        return store.count_vectors(name)


def test_list_shows_one_generation_and_names_the_other(cli) -> None:  # noqa: ANN001
    code, out, err = cli("list")
    assert code == 0 and "today" in out and "legacy" not in out
    assert err == ("(workers-env: this state also holds 1 v1 index (legacy), which `workers-env vectorize list` "
                   "lists with --deprecated-v1, as wrangler does)\n")
    code, out, err = cli("list", "--deprecated-v1", "--json")
    assert code == 0 and [i["name"] for i in json.loads(out)] == ["legacy"]
    assert "1 v2 index (today)" in err and "without --deprecated-v1" in err


def test_a_generation_with_no_index_warns_as_an_empty_list_and_names_the_other(tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture[str]) -> None:
    state = ["--persist-to", str(tmp_path / "state")]
    assert main(["vectorize", "create", "old", "--dimensions", "2", "--metric", "cosine", "--deprecated-v1", *state]) == 0
    capsys.readouterr()
    assert main(["vectorize", "list", *state]) == 0
    out, err = capsys.readouterr()
    assert out == "📋 Listing Vectorize indexes...\n"
    assert "You haven't created any indexes in this local state." in err
    assert err.endswith("(workers-env: this state also holds 1 v1 index (old), which `workers-env vectorize list` "
                        "lists with --deprecated-v1, as wrangler does)\n")


def test_get_and_delete_of_the_other_generation_are_refused(cli, tmp_path: Path) -> None:  # noqa: ANN001
    hint = refused(cli("get", "legacy"), "legacy", "v1", "v2")
    assert hint == "(workers-env: index 'legacy' is a v1 index: add --deprecated-v1, as Cloudflare's API needs)"
    hint = refused(cli("get", "today", "--deprecated-v1"), "today", "v2", "v1")
    assert hint == "(workers-env: index 'today' is a v2 index: leave out --deprecated-v1, as Cloudflare's API needs)"
    refused(cli("delete", "legacy", "--force"), "legacy", "v1", "v2")
    refused(cli("delete", "today", "--force", "--deprecated-v1"), "today", "v2", "v1")
    assert [i["name"] for i in json.loads(cli("list", "--json")[1])] == ["today"]  # nothing deleted
    assert [i["name"] for i in json.loads(cli("list", "--json", "--deprecated-v1")[1])] == ["legacy"]
    assert cli("get", "legacy", "--deprecated-v1")[0] == 0
    assert cli("delete", "legacy", "--force", "--deprecated-v1")[0] == 0
    assert cli("list", "--json", "--deprecated-v1")[1].strip() == "[]"
    code, _, err = cli("get", "nope")  # an index the state lacks is still the not-found error
    assert code == 1 and "no index named 'nope'" in err


def test_insert_takes_the_flag_the_index_needs(cli, tmp_path: Path) -> None:  # noqa: ANN001
    nd = tmp_path / "v.ndjson"
    nd.write_text('{"id": "a", "values": [1, 0]}\n')
    refused(cli("insert", "legacy", "--file", str(nd)), "legacy", "v1", "v2")
    refused(cli("insert", "today", "--file", str(nd), "--deprecated-v1"), "today", "v2", "v1")
    assert (count(tmp_path, "legacy"), count(tmp_path, "today")) == (0, 0)
    assert cli("insert", "legacy", "--file", str(nd), "--deprecated-v1")[0] == 0
    assert cli("insert", "today", "--file", str(nd))[0] == 0
    assert (count(tmp_path, "legacy"), count(tmp_path, "today")) == (1, 1)


@pytest.mark.parametrize("args", [
    ("upsert", "--file", "{file}"),
    ("query", "--vector", "1", "0"),
    ("query", "--vector-id", "a"),
    ("get-vectors", "--ids", "a"),
    ("delete-vectors", "--ids", "a"),
    ("info",),
    ("info", "--json"),
    ("list-vectors",),
    ("create-metadata-index", "--property-name", "k", "--type", "string"),
    ("list-metadata-index",),
    ("delete-metadata-index", "--property-name", "k"),
])
def test_commands_wrangler_sends_to_the_v2_api_refuse_a_v1_index(cli, tmp_path: Path, args: tuple[str, ...]) -> None:  # noqa: ANN001
    nd = tmp_path / "v.ndjson"
    nd.write_text('{"id": "a", "values": [1, 0], "metadata": {"k": "x"}}\n{"id": "b", "values": [0, 1]}\n')
    assert cli("insert", "legacy", "--file", str(nd), "--deprecated-v1")[0] == 0
    command, *rest = args
    code, out, err = cli(command, "legacy", *(str(nd) if a == "{file}" else a for a in rest))
    hint = refused((code, out, err), "legacy", "v1", "v2")
    assert hint == (f"(workers-env: index 'legacy' is a v1 index, and wrangler's `vectorize {command}` calls the v2 "
                    "API, with no --deprecated-v1 (only create, delete, get, list and insert have it), so Cloudflare "
                    "refuses it as here; a Worker's binding still reaches a v1 index. An index definition without "
                    '"version": "v2" is v1)')
    assert "processedUpToMutation" not in out  # info answers nothing for a v1 index
    assert count(tmp_path, "legacy") == 2  # nothing changed
    with open_state(tmp_path / "state") as store:
        assert store.record("legacy").metadata_indexes == ()


def test_creates_clash_line_names_the_delete_a_v1_index_needs(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "x"\n[[vectorize]]\nbinding = "V"\nindex_name = "old"\n')
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.old]\ndimensions = 3\nmetric = "cosine"\n'
                                             'version = "v2"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["vectorize", "create", "old", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1"]) == 0
    err = capsys.readouterr().err
    assert err.endswith("fix the definition, or `workers-env vectorize delete old --deprecated-v1` and create it again "
                        "as defined)\n")
    assert main(["vectorize", "delete", "old", "--deprecated-v1", "--force"]) == 0  # runs as written
