"""A kv bulk file nested as deep as wrangler 4.164.0 reads (it read ``[`` 4,000 levels deep and
overflowed its stack at 5,000, measured) is read and answered as wrangler answers it; deeper is
wrangler's ``Maximum call stack size exceeded``, and nothing is written or deleted either way."""

from __future__ import annotations

import sys

import pytest

from workers_env.cli import main

TOML = 'name = "x"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    monkeypatch.chdir(root)
    assert main(["kv", "key", "put", "kept", "v", "--binding", "KV"]) == 0
    return root


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("command", [["bulk", "get"], ["bulk", "delete", "--force"], ["bulk", "put"]])
def test_a_file_wrangler_reads_is_read(app, capsys, command):
    (app / "deep.json").write_text(_nested(1200))  # deeper than Python's default recursion limit allows
    capsys.readouterr()
    limit = sys.getrecursionlimit()
    assert main(["kv", *command, "deep.json", "--binding", "KV"]) == 1
    err = capsys.readouterr().err
    assert 'Unexpected JSON input from "deep.json".' in err  # its one item is no key: wrangler's item error
    assert "The item at index 0 is " in err and "[" * 1199 + "]" * 1199 in err
    assert sys.getrecursionlimit() == limit  # put back
    assert main(["kv", "key", "get", "kept", "--binding", "KV"]) == 0
    assert capsys.readouterr().out == "v"


@pytest.mark.parametrize("command", [["bulk", "get"], ["bulk", "delete", "--force"], ["bulk", "put"]])
def test_deeper_than_wrangler_reads_is_its_stack_overflow(app, capsys, command):
    (app / "deeper.json").write_text('["a", {"b": ' + _nested(4600) + "}]")
    capsys.readouterr()
    assert main(["kv", *command, "deeper.json", "--binding", "KV"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("\n✘ [ERROR] Maximum call stack size exceeded\n\n  deeper.json nests 4,602 levels deep;")
    assert main(["kv", "key", "get", "kept", "--binding", "KV"]) == 0
    assert capsys.readouterr().out == "v"


def test_brackets_inside_strings_do_not_count(app, capsys):
    (app / "flat.json").write_text('[{"name": "kept", "note": "' + "[{" * 6000 + '"}]')  # other properties ignored
    assert main(["kv", "bulk", "get", "flat.json", "--binding", "KV"]) == 0
    out = capsys.readouterr().out
    assert '"kept": {\n    "value": "v"\n  }' in out
