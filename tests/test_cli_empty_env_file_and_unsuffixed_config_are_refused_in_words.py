"""Two paths wrangler 4.164.0 reads its own way, refused here in words saying so: an empty
``--env-file=`` (Node's ``node: : not found``, exit 9; workers-env read it as the current
folder, ``Could not read .: Is a directory``) and a ``-c`` path without a .toml, .json or
.jsonc suffix (wrangler reads no config at all from it: ``No KV namespaces are configured``)."""

from __future__ import annotations

from tests.cli_helpers import KV_AND_D1, in_project, run_main


def test_an_empty_env_file_names_no_file(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    for line in (["--env-file="], ["--env-file", ""]):
        run = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", *line)
        assert run.returncode == 1
        assert run.stderr == (
            '✘ [ERROR] --env-file "" names no file (wrangler 4.164.0 stops at Node\'s `node: : not found`): --env-file '
            "names a .env file to load; pass one that exists\n\n\n")
    assert not (tmp_path / ".wrangler").exists()  # nothing written


def test_a_config_path_without_a_known_suffix_is_refused_saying_what_wrangler_does(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    (tmp_path / "myconf").write_text(KV_AND_D1)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-c", "myconf")
    assert run.returncode == 1
    assert run.stderr.startswith(
        "✘ [ERROR] Unsupported configuration file myconf: expected a .toml, .json or .jsonc file (wrangler.toml, "
        "wrangler.json or wrangler.jsonc). wrangler 4.164.0 reads no config at all from a path without one of these "
        "suffixes (its commands then find none of its bindings), so workers-env refuses it: rename the file, or pass "
        "the config's path.\n")
