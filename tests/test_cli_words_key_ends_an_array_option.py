"""``-_`` (yargs' key of the words) after an array option's values ends the array, as any option
does: the word after it stays a word of the line, one too many for the command (``vectorize
get-vectors idx --ids a -_ b``: ``Unknown argument: b``; at the line's end ``-_``'s own word
``true``). Measured with wrangler 4.164.0 (cli_layout_differential.py -k "-_": 42/42 with this,
37/38 before). workers-env dropped ``-_`` there, so the array took the word (``b`` an id) and the
command ran (review90; leftovers58 kept ``-_`` only after an option with no value yet)."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, word", [
    (["vectorize", "get-vectors", "idx", "--ids", "a", "-_", "b"], "b"),
    (["vectorize", "get-vectors", "idx", "--ids", "a", "-_"], "true"),
    (["vectorize", "query", "idx", "--vector", "1", "2", "-_", "3"], "3"),
    (["vectorize", "query", "idx", "--vector=1", "-_", "3"], "3"),
    (["d1", "export", "DB", "--local", "--output", "o.sql", "--table", "a", "-_", "b"], "b"),
])
def test_the_word_after_it_is_one_too_many(tmp_path, monkeypatch, capsys, line, word):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] Unknown argument: {word}\n\n\n")
    assert not (tmp_path / "o.sql").exists() and not (tmp_path / ".wrangler").exists()
