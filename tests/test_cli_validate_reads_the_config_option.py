"""``workers-env validate -c PATH`` checks the file ``-c`` names, as ``validate PATH`` does: in a
project holding both ``wrangler.toml`` and ``wrangler.jsonc`` (the ``.jsonc`` is the one wrangler
and workers-env find), ``-c wrangler.toml`` checks the ``.toml``. Before, ``-c`` was taken (the
global option every command has) and ignored, and the ``.jsonc`` was reported valid. ``PATH``
and ``-c`` naming different files, and ``-c ""``, are refused, checking nothing."""

from __future__ import annotations

import pytest
from cli_helpers import run_main


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.jsonc").write_text('{"name": "ok"}\n')
    (tmp_path / "wrangler.toml").write_text('name = "broken"\nkv_namespaces = "not a list"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_c_the_found_config_is_checked(project, capsys):
    done = run_main(capsys, "validate")
    assert done.returncode == 0 and done.stdout.endswith("wrangler.jsonc is valid.\n")


@pytest.mark.parametrize("argv", [["-c", "wrangler.toml"], ["--config=wrangler.toml"], ["wrangler.toml"],
                                  ["wrangler.toml", "-c", "wrangler.toml"], ["-c", "wrangler.toml", "--json"]])
def test_c_names_the_file_checked(project, capsys, argv):
    done = run_main(capsys, "validate", *argv)
    assert done.returncode == 1
    assert "kv_namespaces" in done.stdout and "wrangler.jsonc" not in done.stdout


@pytest.mark.parametrize(("argv", "text"), [
    (["wrangler.toml", "-c", "wrangler.jsonc"], "workers-env validate: Conflicting options: PATH (wrangler.toml) and "
     "--config (wrangler.jsonc) name different configs. Please provide only one.\n"),
    (["-c", ""], 'workers-env validate: -c "" names no config: pass the config\'s path (-c wrangler.toml), or leave -c '
     "out to check the one found upward from here\n"),
])
def test_a_c_that_names_no_one_file_is_refused(project, capsys, argv, text):
    done = run_main(capsys, "validate", *argv)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", text)


def test_path_and_c_naming_one_config_two_ways_agree(project, capsys):
    """``PATH`` relative and ``-c`` absolute (or a folder and the file found from it) name one
    config: it is checked, not refused as two (review61: before, the texts were compared)."""
    done = run_main(capsys, "validate", "wrangler.toml", "-c", str(project / "wrangler.toml"))
    assert done.returncode == 1 and "kv_namespaces" in done.stdout and "Conflicting" not in done.stderr
    done = run_main(capsys, "validate", ".", "-c", "./wrangler.jsonc")
    assert (done.returncode, done.stderr) == (0, "") and done.stdout.endswith("wrangler.jsonc is valid.\n")
    done = run_main(capsys, "validate", ".", "-c", "wrangler.toml")  # the folder finds the .jsonc
    assert done.returncode == 1 and "Conflicting options: PATH (.) and --config (wrangler.toml)" in done.stderr
