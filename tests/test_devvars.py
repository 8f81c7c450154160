"""`.dev.vars`: which file wrangler reads for an environment, and the dotenv format."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env._errors import ConfigError
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


def test_bytes_that_are_not_utf8_stop_as_wrangler_4_168_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """wrangler 4.168.0 reads ``.dev.vars`` as strict UTF-8 (``readEnvFile``): bytes that are not
    UTF-8, or a NUL (a UTF-16 file, as Windows PowerShell 5.1's ``>`` writes it), stop ``wrangler
    dev`` with its ``UserError``, the file named relative to the current folder (measured, currency68;
    4.164.0 read each bad byte as U+FFFD and went on)."""
    monkeypatch.chdir(tmp_path)
    text = ('The file ".dev.vars" is not UTF-8 encoded, so its variables cannot be read. Make sure to have the '
            "file saved as UTF-8 and try again.")
    for data in (b"A=\xff\xfe\nB=caf\xe9\n", "A=1\n".encode("utf-16"), "A=1\n".encode("utf-16-le")):
        (tmp_path / ".dev.vars").write_bytes(data)
        with pytest.raises(ConfigError) as caught:
            read_dev_vars(tmp_path)
        assert str(caught.value) == text
    (tmp_path / ".dev.vars").write_bytes(b"\xef\xbb\xbfA=caf\xc3\xa9\n")
    assert read_dev_vars(tmp_path) == {"A": "caf\u00e9"}


def test_env_file_that_is_not_utf8_is_warned_of_once_and_passed_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Without ``.dev.vars``, a ``.env`` file that is not UTF-8 is passed over with wrangler 4.168.0's
    warning (``loadDotEnv``: ``logger.once.warn``), the others read (measured with ``wrangler dev``:
    ``.env`` holding ``A=caf\\xe9`` and ``.env.local`` ``B=2`` give ``{"B": "2"}``)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_bytes(b"A=caf\xe9\n")
    (tmp_path / ".env.local").write_bytes(b"B=2\n")
    assert read_dev_vars(tmp_path) == {"B": "2"}
    assert read_dev_vars(tmp_path) == {"B": "2"}
    err = capsys.readouterr().err
    assert err.count('▲ [WARNING] The file ".env" is not UTF-8 encoded, so its variables cannot be read. Make sure to '
                     "have the file saved as UTF-8 and try again. Ignoring this file.") == 1

