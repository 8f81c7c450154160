"""``kv key put``'s value and ``--path`` count as given only when JavaScript holds them true, as
wrangler 4.164.0's ``demandOneOfOption`` and ``args.path ? readFileSync(...) : args.value`` read
them: ``kv key put k ""`` and ``--path=`` alone are "exactly one of <value> and --path", an
empty ``--path`` beside a value puts the value; and a bulk file named ``""`` is Node's
``ENOENT ... open ''`` (measured). workers-env stored the empty value and read ``--path ""`` and
``kv bulk put ""`` as the current folder (``EISDIR``)."""

from __future__ import annotations

import json

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("given", [[""], ["--path="], ["--path", ""]])
def test_an_empty_value_or_path_is_none(tmp_path, monkeypatch, capsys, given):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "put", "k", *given, "--binding", "KV", "--local")
    assert run.returncode == 1
    assert run.stderr == "✘ [ERROR] Missing required option: exactly one of <value> and --path must be provided\n\n\n"
    assert not (tmp_path / ".wrangler").exists()


def test_an_empty_path_beside_a_value_puts_the_value(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "put", "k", "v", "--path", "", "--binding", "KV", "--local")
    assert run.returncode == 0 and 'Writing the value "v" to key "k"' in run.stdout
    assert run_main(capsys, "kv", "key", "get", "k", "--binding", "KV", "--local", "--text").stdout == "v\n"


@pytest.mark.parametrize("verb", ["put", "get", "delete"])
def test_a_bulk_file_named_nothing_is_not_found(tmp_path, monkeypatch, capsys, verb):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "bulk", verb, "", "--binding", "KV", "--local", *(["--force"] if verb == "delete" else []))
    assert run.returncode == 1
    assert f"✘ [ERROR] Could not read file: \n\n  {tmp_path}ENOENT: no such file or directory, open ''\n" in run.stderr
    assert json.loads(run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local").stdout) == []
