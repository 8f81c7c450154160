"""An array option spelt ``--name=VALUE`` takes the words after it too, as yargs' greedy arrays
do (``--ids=a b``, ``--table=t u``), and ``--name=`` is the value ``""`` -- except as the very
last word of the line, where yargs-parser's ``eatArray`` (``"" || args[i + 1]``) gives it no
value at all: ``d1 export --table=`` exports every table, ``get-vectors --ids=`` has no id
(wrangler 4.164.0, measured). workers-env read ``--ids=a b`` as ``Unknown arguments: bogus, b``
and ``--table=`` last as the table ``''``."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.fixture
def project(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command",
                   "create table t(x); create table u(y); insert into t values (1); insert into u values ('a')")
    assert run.returncode == 0, run.stderr
    return tmp_path


def _export(project, capsys, *table):
    run = run_main(capsys, "d1", "export", "DB", "--local", "--output", "o.sql", *table)
    return run, (project / "o.sql").read_text() if (project / "o.sql").exists() else None


def test_table_equals_last_is_every_table(project, capsys):
    run, text = _export(project, capsys, "--table=")
    assert run.returncode == 0 and "CREATE TABLE t(x);" in text and "CREATE TABLE u(y);" in text


def test_table_equals_takes_the_words_after_it(project, capsys):
    run, text = _export(project, capsys, "--table=t", "u")
    assert run.returncode == 0 and "CREATE TABLE t(x);" in text and "CREATE TABLE u(y);" in text


@pytest.mark.parametrize("table", [["--table=", "t"], ["--table=", "--table=t"]])
def test_table_equals_elsewhere_is_the_empty_name(project, capsys, table):
    run, text = _export(project, capsys, *table)
    assert run.returncode == 1 and text is None
    assert run.stderr.startswith("✘ [ERROR] No table named '' in this database")


def test_ids_equals_last_is_no_id(project, capsys):
    run = run_main(capsys, "vectorize", "get-vectors", "idx", "--ids=")
    assert (run.returncode, run.stderr) == (1, "✘ [ERROR] 🚨 Please provide valid vector identifiers.\n\n\n")


@pytest.mark.parametrize("line", [["get-vectors", "idx", "--ids=a", "b"], ["query", "idx", "--vector=1", "2"],
                                  ["query", "idx", "--vector=-1", "-2"]])
def test_the_words_after_are_values_not_unknown_arguments(project, capsys, line):
    run = run_main(capsys, "vectorize", *line, "--bogus")
    assert run.returncode == 1 and run.stderr.startswith("✘ [ERROR] Unknown argument: bogus\n")
