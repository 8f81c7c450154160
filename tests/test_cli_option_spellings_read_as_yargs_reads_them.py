"""Option spellings yargs-parser takes in wrangler 4.164.0 (measured with
``tools/wrangler/cli_layout_differential.py``): a dashed option's camelCase alias
(``--persistTo``, ``--namespaceId``, ``--returnMetadata``); ``--no-x`` of an option the command
lacks is named ``x``; ``--no-x=VALUE`` sets no ``x`` (``d1 export --no-data=true`` exports the
data) but is a key of its own, so ``--no-data=X --no-schema=Y`` are "mutually exclusive"; an
option the command lacks between its arguments takes the word after it and leaves the others
its arguments; the words left over are listed each time given."""

from __future__ import annotations

import pytest

from cli_helpers import error_line, in_project
from workers_env.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    return in_project(tmp_path, monkeypatch)


def test_camel_case_spellings(project, capsys):
    assert main(["kv", "key", "put", "k", "v", "--namespaceId", "top", "--local", "--persistTo", "st"]) == 0
    assert (project / "st" / "v3" / "kv").is_dir()
    assert main(["vectorize", "query", "idx", "--vector", "1", "--returnMetadata", "bogus"]) == 1
    assert error_line(capsys) == "Invalid values:"  # return-metadata's choices, as for --return-metadata
    assert main(["vectorize", "query", "idx", "--vector", "1", "--topK", "2", "--no-returnValues", "--bogus"]) == 1
    assert error_line(capsys) == "Unknown argument: bogus"


def test_negated_unknown_option(project, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1", "--no-bogus"]) == 1
    assert error_line(capsys) == "Unknown argument: bogus"
    assert main(["--no-json", "kv", "key", "list", "--binding", "KV", "--local"]) == 1
    assert error_line(capsys) == "Unknown argument: json"


def test_negation_with_a_value_sets_nothing(project, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "create table t (x); insert into t values (1)"]) == 0
    assert main(["d1", "export", "DB", "--local", "--output", "o.sql", "--no-data=true"]) == 0
    assert "INSERT INTO" in (project / "o.sql").read_text()
    assert main(["d1", "export", "DB", "--local", "--output", "p.sql", "--no-data=false", "--no-schema=1"]) == 1
    assert error_line(capsys) == "Arguments no-data and no-schema are mutually exclusive"
    assert not (project / "p.sql").exists()


def test_an_unknown_option_between_the_arguments(project, capsys):
    assert main(["kv", "key", "put", "k", "--bogus=1", "v", "--binding", "KV", "--local"]) == 1
    assert error_line(capsys) == "Unknown argument: bogus"  # v stays the value, as yargs reads it
    assert main(["kv", "key", "put", "k", "--bogus", "x", "v", "--binding", "KV", "--local"]) == 1
    assert error_line(capsys) == "Unknown argument: bogus"


def test_words_left_over_are_each_listed(project, capsys):
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "a", "a"]) == 1
    assert error_line(capsys) == "Unknown arguments: a, a"


def test_a_bare_no_dash_is_an_option_named_no_dash(project, capsys):
    """``--no-`` negates nothing (yargs-parser's ``--no-(.+)`` needs a name after it): its key is
    ``no-``, camelCased ``no`` (wrangler 4.164.0: "Unknown arguments: no-, no")."""
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "--no-"]) == 1
    assert error_line(capsys) == "Unknown arguments: no-, no"
