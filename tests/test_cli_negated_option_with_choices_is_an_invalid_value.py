"""``--no-NAME`` of an option with choices: yargs gives it false and checks that against the
choices, as wrangler 4.164.0 does (measured: ``vectorize create idx --dimensions 3 --no-metric``
is ``Invalid values: Argument: metric, Given: false, Choices: ...``, also beside ``--metric
cosine``); workers-env refused it in words of its own."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize(("line", "expected"), [
    (["vectorize", "create", "idx", "--dimensions", "3", "--no-metric"],
     'Argument: metric, Given: false, Choices: "euclidean", "cosine", "dot-product"'),
    (["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "--no-metric"],
     'Argument: metric, Given: false, Choices: "euclidean", "cosine", "dot-product"'),
    (["vectorize", "create-metadata-index", "idx", "--property-name", "p", "--no-type"],
     'Argument: type, Given: false, Choices: "string", "number", "boolean"'),
])
def test_false_is_none_of_the_choices(tmp_path, monkeypatch, capsys, line, expected):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert run.returncode == 1
    assert run.stderr.startswith(f"✘ [ERROR] Invalid values:\n\n    {expected}\n")
