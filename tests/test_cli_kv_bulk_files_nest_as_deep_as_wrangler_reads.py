"""A kv bulk file nested as deep as wrangler 4.164.0 reads is read and answered as wrangler
answers it; deeper is wrangler's ``Maximum call stack size exceeded``, and nothing is written or
deleted either way. Wrangler's stack (bisected): ``[`` nested 4,452 deep reads in ``bulk get``
and 4,468 overflows, 4,375 / 4,390 in ``put``/``delete``; ``{"a":`` 3,153 / 3,164 in ``get``.
Brackets jsonc-parser never parses -- in strings, comments, after a string left open -- do not
count, and a file with a syntax error still overflows first when it nests deep enough."""

from __future__ import annotations

import json
import sys
import threading

import pytest

from workers_env.cli import main

TOML = 'name = "x"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'


def _json_reads(depth: int) -> bool:
    """Whether this Python's JSON reader reads ``depth`` levels once the limit allows (CPython
    3.12.1's stops at about 1,500 whatever the limit; then the commands say so)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(40_000)
    try:
        json.loads("[" * depth + "]" * depth)
        return True
    except RecursionError:
        return False
    finally:
        sys.setrecursionlimit(limit)


DEEP_JSON = _json_reads(4460)


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    monkeypatch.chdir(root)
    assert main(["kv", "key", "put", "kept", "v", "--binding", "KV"]) == 0
    return root


def _nested(depth: int, opener: str = "[", closer: str = "]") -> str:
    return opener * depth + ("1" if opener.startswith("{") else "") + closer * depth


def _kept(capsys) -> None:
    capsys.readouterr()
    assert main(["kv", "key", "get", "kept", "--binding", "KV"]) == 0
    assert capsys.readouterr().out == "v"


COMMANDS = [["bulk", "get"], ["bulk", "delete", "--force"], ["bulk", "put"]]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_wrangler_reads_is_read(app, capsys, command):
    (app / "deep.json").write_text(_nested(1200))  # deeper than Python's default recursion limit allows
    capsys.readouterr()
    limit = sys.getrecursionlimit()
    assert main(["kv", *command, "deep.json", "--binding", "KV"]) == 1
    err = capsys.readouterr().err
    assert 'Unexpected JSON input from "deep.json".' in err  # its one item is no key: wrangler's item error
    assert "The item at index 0 is " in err and "[" * 1199 + "]" * 1199 in err
    assert sys.getrecursionlimit() == limit  # put back
    _kept(capsys)


@pytest.mark.parametrize(("command", "reads", "overflows"), [
    (["bulk", "get"], 4440, 4480), (["bulk", "delete", "--force"], 4360, 4400), (["bulk", "put"], 4360, 4400)])
def test_arrays_overflow_where_wranglers_stack_does(app, capsys, command, reads, overflows):
    (app / "reads.json").write_text(_nested(reads))
    (app / "overflows.json").write_text(_nested(overflows))
    capsys.readouterr()
    assert main(["kv", *command, "reads.json", "--binding", "KV"]) == 1
    assert ('Unexpected JSON input from "reads.json".' if DEEP_JSON else
            f"reads.json nests about {reads:,} levels deep: deeper than this Python's JSON reader goes") \
        in capsys.readouterr().err
    assert main(["kv", *command, "overflows.json", "--binding", "KV"]) == 1
    assert capsys.readouterr().err.startswith("✘ [ERROR] Maximum call stack size exceeded\n\n  overflows.json nests "
                                              f"about {overflows:,} array levels deep")
    _kept(capsys)


def test_an_object_level_weighs_more_than_an_array_level(app, capsys):
    (app / "reads.json").write_text(_nested(3140, '{"a":', "}"))
    (app / "overflows.json").write_text(_nested(3170, '{"a":', "}"))
    capsys.readouterr()
    assert main(["kv", "bulk", "get", "reads.json", "--binding", "KV"]) == 1
    assert ("Expected an array of strings but got:\n  [object Object]" if DEEP_JSON else
            "deeper than this Python's JSON reader goes") in capsys.readouterr().err
    assert main(["kv", "bulk", "get", "overflows.json", "--binding", "KV"]) == 1
    assert "Maximum call stack size exceeded" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "error"), [
    ('["' + "[" * 5000, "UnexpectedEndOfString"),  # a string never closed: the rest is in it
    ('[1, // ' + "[" * 5000 + "\n2]", "InvalidCommentToken"),
    ('[1, /* ' + "[" * 5000 + " */ 2]", "InvalidCommentToken"),
    ('["a\\\n' + "[" * 5000 + '"]', "InvalidEscapeCharacter"),  # an escape takes any next character
    ('["a\n' + "[" * 5000 + "]" * 5000 + '"]', "Maximum call stack size exceeded"),  # a line break ends a string
])
def test_only_the_brackets_jsonc_parser_parses_count(app, capsys, text, error):
    (app / "odd.json").write_text(text)
    capsys.readouterr()
    assert main(["kv", "bulk", "get", "odd.json", "--binding", "KV"]) == 1
    assert capsys.readouterr().err.startswith(f"✘ [ERROR] {error}\n")


def test_brackets_inside_strings_do_not_count(app, capsys):
    (app / "flat.json").write_text('[{"name": "kept", "note": "' + "[{" * 6000 + '"}]')  # other properties ignored
    assert main(["kv", "bulk", "get", "flat.json", "--binding", "KV"]) == 0
    assert '"kept": {\n    "value": "v"\n  }' in capsys.readouterr().out


def test_commands_in_threads_put_the_recursion_limit_back(app):
    (app / "deep.json").write_text(_nested(1500))
    limit = sys.getrecursionlimit()
    results: list[int] = []

    def run() -> None:
        for _ in range(3):
            results.append(main(["kv", "bulk", "get", "deep.json", "--binding", "KV"]))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [1] * 9 and sys.getrecursionlimit() == limit
