"""A single-valued option given twice is refused, as wrangler's ``demandSingleValue`` refuses it.

argparse keeps the last value and runs; wrangler 4.164 stops with ``The argument "--ttl" expects
a single value, but received multiple: [100,200].`` (values as ``JSON.stringify`` writes them)
and exit 1, before anything runs. Options that take several values stay as they are.
"""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = ('name = "x"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "d1id"\n')


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_number_option_twice_is_refused_and_nothing_is_written(app, capsys):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--ttl", "100", "--ttl", "200"]) == 1
    assert capsys.readouterr().err == (
        '✘ [ERROR] The argument "--ttl" expects a single value, but received multiple: [100,200].\n\n\n')
    assert not (app / ".wrangler").exists()


def test_a_string_option_twice_shows_the_strings_quoted(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "SELECT 1", "--command", "SELECT 2"]) == 1
    assert capsys.readouterr().err == ('✘ [ERROR] The argument "--command" expects a single value, '
                                       'but received multiple: ["SELECT 1","SELECT 2"].\n\n\n')


def test_the_short_spelling_counts_as_the_same_option(app, capsys):
    assert main(["vectorize", "list", "-c", "wrangler.toml", "--config", "wrangler.toml"]) == 1
    assert 'The argument "--config" expects a single value, but received multiple: ' \
           '["wrangler.toml","wrangler.toml"].' in capsys.readouterr().err


def test_once_is_fine_and_several_values_options_still_take_several(app, capsys):
    assert main(["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine"]) == 0
    capsys.readouterr()
    assert main(["vectorize", "query", "idx", "--vector", "1", "0", "0", "--top-k", "2"]) == 0
    assert "expects a single value" not in capsys.readouterr().err


def test_kv_preview_is_a_boolean_whose_last_spelling_wins(app, capsys):
    """``kv --preview`` takes an optional value but is a yargs boolean: wrangler 4.164.0 runs
    ``kv key get k --binding KV --preview --preview false`` on the production namespace (measured:
    ``Value not found``), no ``expects a single value``."""
    assert main(["kv", "key", "get", "k", "--binding", "KV", "--local", "--preview", "--preview", "false"]) == 0
    captured = capsys.readouterr()
    assert "expects a single value" not in captured.err
    assert captured.out.endswith("Value not found\n")
