"""`.dev.vars`: which file wrangler reads for an environment, and the dotenv format."""

from __future__ import annotations

from pathlib import Path

from workers_env.config.devvars import dev_vars_path, parse_dotenv, read_dev_vars


def test_missing_file_gives_no_vars(tmp_path: Path) -> None:
    assert read_dev_vars(tmp_path) == {}
    assert read_dev_vars(tmp_path, "staging") == {}


def test_reads_dev_vars(tmp_path: Path) -> None:
    (tmp_path / ".dev.vars").write_text("API_KEY=secret\nexport MODE=local\n")
    assert read_dev_vars(tmp_path) == {"API_KEY": "secret", "MODE": "local"}


def test_environment_file_wins_and_is_not_merged(tmp_path: Path) -> None:
    (tmp_path / ".dev.vars").write_text("A=default\nB=only-default\n")
    (tmp_path / ".dev.vars.staging").write_text("A=staging\n")
    assert read_dev_vars(tmp_path, "staging") == {"A": "staging"}
    assert dev_vars_path(tmp_path, "staging") == tmp_path / ".dev.vars.staging"


def test_environment_without_its_own_file_falls_back(tmp_path: Path) -> None:
    (tmp_path / ".dev.vars").write_text("A=default\n")
    (tmp_path / ".dev.vars.staging").write_text("A=staging\n")
    assert read_dev_vars(tmp_path, "prod") == {"A": "default"}
    assert read_dev_vars(tmp_path) == {"A": "default"}


def test_quotes_comments_and_escapes() -> None:
    text = (
        "# a comment\n"
        "PLAIN=value # trailing comment\n"
        "HASH=a#b\n"
        "SINGLE='raw \\n stays'\n"
        'DOUBLE="line\\nbreak \\"quoted\\""\n'
        "  SPACED = padded  \n"
        "EMPTY=\n"
        "NOVALUE\n"
        "LATER=1\n"
        "LATER=2\n"
        "REF=${PLAIN}\n"
    )
    assert parse_dotenv(text) == {
        "PLAIN": "value",
        "HASH": "a",  # wrangler's dotenv: an unquoted value ends at any '#'
        "SINGLE": "raw \\n stays",
        "DOUBLE": 'line\nbreak \\"quoted\\"',  # only \n and \r are unescaped in double quotes
        "SPACED": "padded",
        "EMPTY": "",
        "LATER": "2",
        "REF": "${PLAIN}",
    }


def test_multi_line_quoted_values() -> None:
    text = 'KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1\nSQ=\'a\nb\'\n'
    assert parse_dotenv(text) == {"KEY": "-----BEGIN-----\nabc\n-----END-----", "NEXT": "1", "SQ": "a\nb"}


def test_unparsable_lines_are_skipped() -> None:
    assert parse_dotenv('GOOD=1\n"bad" line\nALSO=2\n') == {"GOOD": "1", "ALSO": "2"}


def test_crlf_and_bom(tmp_path: Path) -> None:
    (tmp_path / ".dev.vars").write_bytes(b"\xef\xbb\xbfA=1\r\nB=\"x y\"\r\n")
    assert read_dev_vars(tmp_path) == {"A": "1", "B": "x y"}


def test_bytes_that_are_not_utf8_read_as_wrangler_reads_them(tmp_path: Path) -> None:
    """wrangler parses ``.dev.vars`` with ``dotenv.parse(readFileSync(path))``: a Buffer decoded
    as UTF-8, each bad byte U+FFFD -- the secret still loads, as it does under wrangler dev."""
    (tmp_path / ".dev.vars").write_bytes(b"A=\xff\xfe\nB=caf\xe9\n")
    assert read_dev_vars(tmp_path) == {"A": "\ufffd\ufffd", "B": "caf\ufffd"}

