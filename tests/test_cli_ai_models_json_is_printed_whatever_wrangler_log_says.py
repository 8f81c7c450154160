"""``ai models list --json`` prints its JSON whatever ``WRANGLER_LOG`` says: wrangler prints it with
``logger.json``, which is ``console.log(JSON.stringify(data, null, 4))`` past the logger's level
(wrangler 4.164.0's ``wrangler-dist/cli.js``, class ``Logger``), where the table without ``--json``
is ``logger.log``'s and goes from ``info`` down. audit30: a mutant printing the JSON as a ``log``
line passed every test."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main


@pytest.mark.parametrize("level", ["none", "error", "info", "log"])
def test_the_json_is_printed_at_every_level_and_the_table_is_a_log_line(tmp_path, monkeypatch, capsys, level):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WRANGLER_LOG", level)
    assert main(["ai", "models", "list", "--json"]) == 0
    models = json.loads(capsys.readouterr().out)
    assert any(model["name"] == "@cf/baai/bge-small-en-v1.5" for model in models)
    assert main(["ai", "models", "list"]) == 0
    assert ("@cf/baai/bge-small-en-v1.5" in capsys.readouterr().out) is (level == "log")
