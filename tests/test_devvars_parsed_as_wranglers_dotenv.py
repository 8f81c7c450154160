"""``.dev.vars`` and ``.env`` files are read as wrangler's bundled ``dotenv`` 16.3.1 parses them,
not as python-dotenv does: each expectation below is what ``wrangler dev`` 4.164.0 gave a
JavaScript Worker for the same file (``tools/wrangler/env_differential.py``)."""

from __future__ import annotations

from pathlib import Path

from workers_env import load_env
from workers_env.config.devvars import parse_dotenv


def test_comments_quotes_and_escapes() -> None:
    text = (
        "HASH=a#b\n"  # an unquoted value ends at any '#'
        "SINGLE='raw \\n stays \\' end'\n"  # nothing unescaped in single quotes
        'DOUBLE="line\\nbreak \\"quoted\\" tab\\t back\\\\slash"\n'  # only \n and \r in double quotes
        "BACKTICK=`in backticks`\n"
        "COLON: with a colon\n"
        "G=#leading-hash\n"
    )
    assert parse_dotenv(text) == {
        "HASH": "a",
        "SINGLE": "raw \\n stays \\' end",
        "DOUBLE": 'line\nbreak \\"quoted\\" tab\\t back\\\\slash',
        "BACKTICK": "in backticks",
        "COLON": "with a colon",
        "G": "",
    }


def test_lines_python_dotenv_would_drop_or_read_otherwise() -> None:
    text = 'D="x"junk\nE="unterminated\nKEY:\nOTHER=1\nEMPTY=\n"q"\nCLÉ=unicode\nBT=`x\ny`\n'
    assert parse_dotenv(text) == {"D": '"x"junk', "E": '"unterminated', "KEY": "OTHER=1", "EMPTY": "q", "BT": "x\ny"}


def test_crlf_inside_a_quoted_value_reads_as_lf(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "w"\n')
    (tmp_path / ".dev.vars").write_bytes(b'\xef\xbb\xbfA=1\r\nC="multi\r\nline"\r\n')
    env = load_env(tmp_path)
    assert (env.A, env.C) == ("1", "multi\nline")
