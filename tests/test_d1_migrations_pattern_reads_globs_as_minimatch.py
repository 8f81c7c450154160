"""``migrations_pattern`` globs read as wrangler 4.164 reads them: minimatch 5.1.9 (``dot: false``)
with brace-expansion 2.1.7, bundled in its ``cli.js``: padded, letter and stepped brace sequences
and their 100,000-expansion cap, ``!`` negation and ``#`` comments, extglobs, character ranges
JS rejects matching nothing; the default ``*.sql`` found and ordered by the same code. Each
expected list is what ``wrangler d1 migrations list DB --local`` printed for the same layout."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from cli_helpers import run_main

from workers_env import load_env

CONFIG = """\
name = "app"
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "11111111-2222-3333-4444-555555555555"
migrations_dir = "migrations"
"""


def listed(root: Path, capsys: pytest.CaptureFixture[str], pattern: str | None, files: list[str]) -> list[str]:
    extra = "" if pattern is None else f"migrations_pattern = '{pattern}'\n"
    (root / "wrangler.toml").write_text(CONFIG + extra)
    for name in files:
        (root / "migrations" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "migrations" / name).write_text("SELECT 1;\n")
    result = run_main(capsys, "d1", "migrations", "list", "DB", "--local")
    assert result.returncode == 0, result.stderr
    return [line[1:-1].strip() for line in result.stdout.splitlines()
            if line.startswith("│") and line[1:-1].strip() != "Name"]


@pytest.mark.parametrize("pattern,files,expected", [
    ("migrations/{01..02}_a.sql", ["01_a.sql", "02_a.sql", "2_a.sql"], ["01_a.sql", "02_a.sql"]),
    ("migrations/1_{a..c}.sql", ["1_a.sql", "1_b.sql", "1_d.sql"], ["1_a.sql", "1_b.sql"]),
    ("migrations/{1..3..2}_a.sql", ["1_a.sql", "2_a.sql", "3_a.sql"], ["1_a.sql", "3_a.sql"]),
    ("migrations/1{,_a}.sql", ["1.sql", "1_.sql", "1_a.sql"], ["1.sql", "1_a.sql"]),
    ("migrations/!*.sql", ["1_a.sql", "2_b.txt", "s/3.sql", ".x"], ["2_b.txt", ".x", "s/3.sql"]),
    ("migrations/!**/*.sql", ["1.sql", "2.txt", "d/3.txt"], ["2.txt"]),  # a negated walk stays out of d/
    ("migrations/#*.sql", ["#1.sql"], []),  # a comment, matching nothing
    ("migrations/@(1|2)_*.sql", ["1_a.sql", "2_b.sql", "3_c.sql"], ["1_a.sql", "2_b.sql"]),
    ("migrations/+(1)_a.sql", ["1_a.sql", "11_a.sql", "_a.sql"], ["1_a.sql", "11_a.sql"]),
    ("migrations/x!(1)_*.sql", ["x1_a.sql", "x2_a.sql", "x12_a.sql"], ["x12_a.sql", "x2_a.sql"]),
    ("migrations/!(meta)/migration.sql", ["0001_a/migration.sql", "meta/migration.sql"],  # a leading ! negates
     ["0001_a/migration.sql", "meta/migration.sql"]),
    ("migrations/[z-a]*.sql", ["1_a.sql", "z-a.sql"], []),  # out-of-order range: matches nothing
    ("migrations/sub/**", ["sub", "sub2/x.sql"], []),  # ** does not match "sub" itself,
    ("migrations/!**/.*", [".drafts/0003.sql", "0001_a.sql", ".x.sql", "d/.y.sql", "d/2.sql"],
     ["0001_a.sql", ".drafts/0003.sql"]),  # the negated walk enters .drafts/ (** stops at it) but not d/
    ("migrations/?(0)*.sql", [".hidden.sql", "1_a.sql", "01_b.sql", ".0_c.sql"],
     ["01_b.sql", "1_a.sql", ".0_c.sql", ".hidden.sql"]),  # a leading extglob lets names with a dot in
    ("migrations/*[", ["a[undefined", "a["], ["a[undefined"]),  # an unclosed [ reads JavaScript's undefined
    ("migrations/?_a.sql", ["\U0001F600_a.sql", "x_a.sql"], ["x_a.sql"]),  # ? is one UTF-16 unit,
    ("migrations/??_a.sql", ["\U0001F600_a.sql", "x_a.sql"], ["\U0001F600_a.sql"]),  # half an emoji
])
def test_the_pattern_is_read_as_minimatch_reads_it(tmp_path, monkeypatch, capsys, pattern, files, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "migrations").mkdir()
    assert listed(tmp_path, capsys, pattern, files) == expected


def test_a_huge_brace_range_stops_at_brace_expansions_cap_in_bounded_time(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    names = listed(tmp_path, capsys, "migrations/{1..1000000000}_a.sql",
                   ["5_a.sql", "99999_a.sql", "100000_a.sql", "100001_a.sql"])
    assert names == ["5_a.sql", "99999_a.sql", "100000_a.sql"]  # the 100,000 first expansions only
    assert time.monotonic() - started < 60


def test_a_row_of_globstars_does_not_take_exponential_time(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    deep = "/".join("abcdefghijklmnopqrst") + "/y.sql"
    started = time.monotonic()
    assert listed(tmp_path, capsys, "migrations/" + "**/" * 16 + "x.sql", [deep, "x.sql"]) == ["x.sql"]
    assert time.monotonic() - started < 30


def test_the_default_pattern_orders_by_parse_int_of_the_leading_number(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    files = ["10_a.sql", "9_b.sql", "x.sql", "0009.sql", "9x.sql", "-1_a.sql", " 5_a.sql", ".7_h.sql", "8_a.SQL"]
    assert listed(tmp_path, capsys, None, files) == ["-1_a.sql", "5_a.sql", "0009.sql", "9_b.sql", "9x.sql",
                                                     "10_a.sql", "x.sql"]  # (the table strips " 5_a.sql")


def test_the_default_pattern_skips_symbolic_links_as_wranglers_walk_does(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "migrations").mkdir()
    (tmp_path / "elsewhere.sql").write_text("SELECT 1;\n")
    os.symlink(tmp_path / "elsewhere.sql", tmp_path / "migrations" / "2_linked.sql")
    assert listed(tmp_path, capsys, None, ["1_a.sql"]) == ["1_a.sql"]


def test_create_numbers_past_negative_numbers_from_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    listed(tmp_path, capsys, None, ["-5_old.sql"])
    assert run_main(capsys, "d1", "migrations", "create", "DB", "next").returncode == 0
    assert (tmp_path / "migrations" / "0001_next.sql").is_file()  # Math.max(...numbers, 0) + 1


def test_names_with_the_same_number_compare_by_utf16_unit_as_javascript_does(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    # U+1F600 is the surrogates D83D DE00 in UTF-16, before U+FF01 (by code point it comes after)
    assert listed(tmp_path, capsys, None, ["\uff01.sql", "\U0001F600.sql"]) == ["\U0001F600.sql", "\uff01.sql"]


def test_many_stars_in_a_segment_match_in_linear_time(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()  # (a backtracking regular expression takes exponential time here)
    assert listed(tmp_path, capsys, "migrations/" + "*a" * 40 + "b.sql", ["a" * 60 + "c.sql", "a" * 45 + "b.sql"]) == [
        "a" * 45 + "b.sql"]
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("pattern,says", [
    # one level past brace-expansion's own 1000 (and so past the ~900 Python's recursion lets us
    # expand): deeper only makes each of the three commands' expansions longer
    ("migrations/" + "{a," * 1001 + "b" + "}" * 1001, "nests its braces too deep"),
    ("migrations/" + "a" * 70_000, "characters long"),
], ids=["braces-nested-1001-deep", "pattern-of-70000-characters"])
def test_a_pattern_minimatch_cannot_take_is_refused_in_one_line(tmp_path, monkeypatch, capsys, pattern, says):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "migrations").mkdir()
    (tmp_path / "wrangler.toml").write_text(CONFIG + f"migrations_pattern = '{pattern}'\n")
    for command in ("list", "apply", "create"):
        result = run_main(capsys, "d1", "migrations", command, "DB", *(("x",) if command == "create" else ("--local",)))
        assert result.returncode == 1
        assert says in result.stderr and "Traceback" not in result.stderr
        if "braces" in says:
            assert result.stderr.startswith(
                "✘ [ERROR] The `migrations_pattern` nests its braces too deep to expand: brace-expansion (which "
                "wrangler uses) stops at 1000 levels; use fewer `{`.\n")
    assert list((tmp_path / "migrations").iterdir()) == []


def test_minimatch_takes_65536_characters_the_part_after_the_folder_for_list_the_whole_for_create(
        tmp_path, monkeypatch, capsys):
    # minimatch's MAX_PATTERN_LENGTH (64 * 1024): wrangler 4.164's list and apply give it the part
    # after "migrations/", create's check the whole pattern (measured with a literal pattern)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "migrations").mkdir()

    def run(command: str, pattern: str):
        (tmp_path / "wrangler.toml").write_text(CONFIG + f"migrations_pattern = '{pattern}'\n")
        return run_main(capsys, "d1", "migrations", command, "DB", *(("x",) if command == "create" else ("--local",)))

    for command in ("list", "apply"):
        at = run(command, "migrations/" + "a" * 65_536)
        assert (at.returncode, at.stdout.splitlines()[-1]) == (0, "✅ No migrations to apply!")
        over = run(command, "migrations/" + "a" * 65_537)
        assert over.returncode == 1
        assert over.stderr.startswith("✘ [ERROR] The part of `migrations_pattern` after `migrations/` is 65537 "
                                      "characters long: minimatch (which wrangler uses) refuses patterns over 65536; "
                                      "shorten it.\n")
    at = run("create", "migrations/" + "a" * (65_536 - 11))  # taken, and not matching the new file's name
    assert at.returncode == 1 and "Wrangler would like to make a new migration called `migrations/0001_x.sql`" in at.stderr
    over = run("create", "migrations/" + "a" * (65_537 - 11))
    assert over.returncode == 1
    assert over.stderr.startswith("✘ [ERROR] The `migrations_pattern` is 65537 characters long: minimatch (which "
                                  "wrangler uses) refuses patterns over 65536; shorten it.\n")
    assert list((tmp_path / "migrations").iterdir()) == []  # create wrote no file


def test_a_pattern_minimatch_throws_on_stops_with_wranglers_error(tmp_path, monkeypatch, capsys):
    # minimatch 5.1.9 reads past the path's end for a trailing **/** at a folder as deep as the
    # segments before it: wrangler 4.164 prints its TypeError and exits 1 (list, apply and create)
    from workers_env.pytest_plugin import apply_d1_schema

    monkeypatch.chdir(tmp_path)
    listed(tmp_path, capsys, None, ["0001_a/migration.sql"])
    (tmp_path / "wrangler.toml").write_text(CONFIG + "migrations_pattern = 'migrations/*/**/**'\n")
    for command in ("list", "apply", "create"):
        result = run_main(capsys, "d1", "migrations", command, "DB", *(("x",) if command == "create" else ("--local",)))
        assert result.returncode == 1
        assert "✘ [ERROR] Cannot read properties of undefined (reading 'charAt')" in result.stderr
        assert "(workers-env: minimatch 5.1.9" in result.stderr and "Traceback" not in result.stderr
        assert ("(workers-env: minimatch 5.1.9, which wrangler 4.164 reads migrations_pattern with, throws this "
                "matching '*/**/**' to '0001_a': it reads past the path's end where the pattern ends in `**/**` "
                "after other segments, so wrangler stops here too; end the pattern with a single `**`)"
                in " ".join(result.stderr.split()))
    assert [p.name for p in (tmp_path / "migrations").iterdir()] == ["0001_a"]
    env = load_env(tmp_path)
    try:
        with pytest.raises(pytest.UsageError,
                           match="^workers-env: .*reading 'charAt'.*'\\*/\\*\\*/\\*\\*' to '0001_a'"):
            apply_d1_schema(env, "DB")
    finally:
        env.close()
