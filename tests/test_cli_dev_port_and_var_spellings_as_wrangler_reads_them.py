"""``dev --port`` is read with yargs' ``Number()``: ``--port=`` is 0, any free port, as wrangler
4.164.0 then listens on one (measured: ``Ready on http://localhost:36771``), ``0x50`` is 80;
``--var=`` as the line's last word is ``Not enough arguments following: var`` (wrangler's
requiresArg array), and a ``--var`` naming no var (``--var=`` elsewhere, ``--var :x``) is
refused in words, where workers-env said ``bindings= names must be non-empty strings``."""

from __future__ import annotations

import pytest

from tests.cli_helpers import run_main


@pytest.mark.parametrize("text", ["", "0x50", " 8080 ", "1e3"])
def test_a_port_number_reads_as_number_reads_it(tmp_path, monkeypatch, capsys, text):
    monkeypatch.chdir(tmp_path)  # (no config here: dev stops at that, past the line's reading)
    run = run_main(capsys, "dev", f"--port={text}")
    assert run.returncode == 1 and "--port" not in run.stderr and "No wrangler.json" in run.stderr


def test_var_equals_last_wants_a_value(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    run = run_main(capsys, "dev", "--var=")
    assert run.returncode == 1
    assert run.stderr == "✘ [ERROR] Not enough arguments following: var\n\n\n"
    assert "usage: workers-env dev" in run.stdout


@pytest.mark.parametrize("line", [["--var=", "--port", "1"], ["--var", ":x"]])
def test_a_var_naming_no_var_is_refused(tmp_path, monkeypatch, capsys, line):
    monkeypatch.chdir(tmp_path)
    run = run_main(capsys, "dev", *line)
    assert run.returncode == 1
    assert "names no var: --var takes KEY:VALUE" in run.stderr and "bindings=" not in run.stderr
