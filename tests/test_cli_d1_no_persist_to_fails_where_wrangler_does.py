"""``d1 ... --no-persist-to``: wrangler 4.164.0 fails with Node's ``The "path" argument must be
of type string`` where it joins the state folder, inside the command: ``execute --json`` prints
it as its JSON error (measured: ``{"error": {"text": ...}}``), and without ``--local`` it is the
same error (false is no ``--persist-to`` needing ``--local``)."""

from __future__ import annotations

import json

from tests.cli_helpers import in_project, run_main

PATH_FALSE = 'The "path" argument must be of type string. Received type boolean (false)'


def test_execute_json_prints_the_json_error(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "select 1", "--json", "--no-persist-to")
    assert run.returncode == 1
    assert json.loads(run.stdout) == {"error": {"text": PATH_FALSE}}
    assert "--no-persist-to gives --persist-to the value false" in run.stderr


def test_without_local_it_is_the_same_error(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--command", "select 1", "--no-persist-to")
    assert run.returncode == 1
    assert run.stderr.startswith(f"✘ [ERROR] {PATH_FALSE}\n")
    assert not (tmp_path / ".wrangler").exists()
