"""An argument holding a NUL character is refused before anything runs: no command line an exec'd
``workers-env`` gets can carry one (a program's arguments are C strings, so ``$'a\\x00b'`` reaches
it as ``a``), so only ``main([...])`` called in-process meets one. Before, one in a file name
(``--file``, ``--path``, ``--output``, ``--persist-to``, ``--cwd``, ``--env``'s ``.dev.vars.<env>``,
a migration's name) was Python's bare ``ValueError: embedded null byte`` traceback, and one in a KV
key was stored."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_main

NUL = "a\x00b"

WRANGLER = '''name = "w"
main = "src/entry.py"
compatibility_date = "2025-09-01"
compatibility_flags = ["python_workers"]

[[kv_namespaces]]
binding = "K"
id = "abc"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "x"
'''


@pytest.mark.parametrize("argv", [
    ["--cwd", NUL, "validate"],
    ["validate", NUL],
    ["vectorize", "create", NUL, "--dimensions", "3", "--metric", "cosine"],
    ["vectorize", "insert", "idx", "--file", NUL],
    ["kv", "key", "put", NUL, "v", "--binding", "K", "--local"],
    ["kv", "key", "put", "k", "--path", NUL, "--binding", "K", "--local"],
    ["kv", "bulk", "put", NUL, "--binding", "K", "--local"],
    ["kv", "key", "get", "k", "--binding", "K", "--local", "--persist-to", NUL],
    ["d1", "execute", "db", "--local", "--file", NUL],
    ["d1", "export", "db", "--local", "--output", NUL],
    ["d1", "migrations", "create", "db", NUL],
    ["dev", "--env", NUL],
])
def test_a_nul_in_any_argument_is_a_clear_error_and_changes_nothing(tmp_path, monkeypatch, capsys, argv) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    done = run_main(capsys, *argv)
    assert done.returncode == 1 and done.stdout == ""
    assert "✘ [ERROR] The argument 'a\\x00b' holds a NUL character (U+0000), which no command line can carry" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wrangler.toml"]  # no state, no migration written


def test_the_same_command_without_the_nul_runs(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    assert run_main(capsys, "kv", "key", "put", "ab", "v", "--binding", "K", "--local").returncode == 0
    assert run_main(capsys, "kv", "key", "put", NUL, "v", "--binding", "K", "--local").returncode == 1
    listed = run_main(capsys, "kv", "key", "list", "--binding", "K", "--local")
    assert listed.returncode == 0 and json.loads(listed.stdout) == [{"name": "ab"}]


def test_a_long_argument_is_shown_around_its_nul_not_whole(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    done = run_main(capsys, "kv", "key", "put", "k", "a" * 5000 + "\x00" + "b" * 5000, "--binding", "K", "--local")
    assert done.returncode == 1
    first = done.stderr.splitlines()[0]
    assert first.startswith("✘ [ERROR] The argument ..." + repr("a" * 30 + "\x00" + "b" * 29) + "... "
                            "(10001 characters, the first NUL at 5000) holds a NUL character (U+0000)")
    assert len(first) < 400
