"""A ``pyproject.toml`` is read as Python's tools read it (pip, uv, pywrangler: TOML 1.0 through
tomllib/tomli), not as wrangler reads a ``wrangler.toml``: wrangler never reads it. So an integer
past 2**53 or nesting past smol-toml's 1,000 levels in another tool's table loads, and a syntax
error is tomllib's own message with its line and column, the file and the line with a caret --
in ``load_env``, ``load_config`` and every command, never a traceback."""

from __future__ import annotations

import sys

import pytest

from workers_env import ConfigError, load_env
from workers_env.cli import main
from workers_env.config.wrangler import load_config

WRANGLER = ('name = "x"\nmain = "src/entry.py"\ncompatibility_date = "2025-01-01"\n'
            'compatibility_flags = ["python_workers"]\n')
BIG = 2**60


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_integer_past_2_53_in_another_tools_table_loads(app, capsys):
    (app / "pyproject.toml").write_text(f'[project]\nname = "p"\n[tool.other]\nbig = {BIG}\nsmall = -{BIG}\n'
                                        '[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\n')
    assert load_config(app).pyproject_indexes == {"docs": {"dimensions": 3, "metric": "cosine"}}
    load_env(app)
    capsys.readouterr()
    assert main(["validate"]) == 0, capsys.readouterr()


def test_nesting_past_smol_tomls_depth_that_tomllib_reads_loads(app):
    """smol-toml refuses 1,001 levels; tomllib reads them where the recursion limit allows."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    try:
        (app / "pyproject.toml").write_text('[tool.other]\na = ' + "[" * 1001 + "]" * 1001 + "\n")
        assert load_config(app).pyproject_indexes == {}
    finally:
        sys.setrecursionlimit(old)


SYNTAX = [
    ('[project]\nname = "p"\nversion = 1 2\n', 3, 13, 12,
     "Expected newline or end of document after a statement (at line 3, column 13)"),
    ("[tool.workers-env\n", 1, 18, 17, "Expected ']' at the end of a table declaration (at line 1, column 18)"),
    ('[tool.other]\nwhat = "caf\u00e9 \U0001f600" x\n', 2, 17, 16,
     "Expected newline or end of document after a statement (at line 2, column 17)"),
]


@pytest.mark.parametrize(("text", "line", "column", "before", "says"), SYNTAX, ids=["statement", "table", "non-ascii"])
def test_a_syntax_error_is_tomllibs_message_at_its_line_and_column(app, text, line, column, before, says):
    (app / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(app)
    (problem,) = info.value.problems
    source = text.split("\n")[line - 1]
    assert problem == (f"Could not parse pyproject.toml with Python's tomllib: {says}\n\n"
                       f"    pyproject.toml:{line}:{column}:\n"
                       f"      {line} │ {source}\n"
                       f"      {' ' * len(str(line))} ╵ {' ' * before}^")
    assert "Invalid TOML document" not in str(info.value)
    with pytest.raises(ConfigError, match=r"with Python's tomllib: .*\(at line \d+, column \d+\)"):
        load_env(app)


def test_an_unterminated_string_is_placed_at_the_end_of_the_document(app):
    (app / "pyproject.toml").write_text('[tool.other]\na = "abc')
    with pytest.raises(ConfigError) as info:
        load_config(app)
    assert info.value.problems == ["Could not parse pyproject.toml with Python's tomllib: Unterminated string "
                                   '(at end of document)\n\n    pyproject.toml:2:9:\n      2 │ a = "abc\n'
                                   "        ╵         ^"]


@pytest.mark.parametrize("command", [["validate"], ["d1", "execute", "DB", "--local", "--command", "select 1"],
                                     ["kv", "key", "list", "--binding", "KV"]], ids=["validate", "d1", "kv"])
def test_the_cli_prints_it_and_exits_1(app, capsys, command):
    (app / "pyproject.toml").write_text("[tool.workers-env\n")
    capsys.readouterr()
    assert main(command) == 1
    out = capsys.readouterr()
    shown = out.out + out.err
    assert ("Could not parse pyproject.toml with Python's tomllib: Expected ']' at the end of a table declaration "
            "(at line 1, column 18)") in shown
    assert "pyproject.toml:1:18:" in shown and "Traceback" not in shown


def test_nesting_too_deep_for_tomllib_is_a_config_error_not_a_traceback(app, capsys):
    (app / "pyproject.toml").write_text('[tool.other]\na = ' + "[" * 50000 + "]" * 50000 + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(app)
    (problem,) = info.value.problems
    assert problem.startswith("Could not parse pyproject.toml with Python's tomllib: it is nested too deeply")
    capsys.readouterr()
    assert main(["validate"]) == 1
    out = capsys.readouterr()
    assert "pyproject.toml with Python's tomllib: it is nested too deeply" in out.out + out.err
    assert "Traceback" not in out.err
