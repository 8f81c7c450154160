"""``workers-env kv ... --persist-to .wrangler/state`` run from a subfolder of the project reads
that folder from the current one, as wrangler does, so it finds an empty namespace and prints
wrangler's own answer ("Value not found", ``[]``); when the state beside the config holds keys of
the namespace, a ``(workers-env: ...)`` line on stderr says so after it. From the config's folder,
with an absolute ``--persist-to``, or with nothing beside the config: wrangler's output alone."""

from __future__ import annotations

from cli_helpers import run_main

WRANGLER = 'name = "w"\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc123"\n'


def _project(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run_main(capsys, "kv", "key", "put", "greeting", "hello", "--binding", "CACHE", "--local").returncode == 0
    return tmp_path


def test_a_relative_persist_to_from_a_subfolder_names_the_state_beside_the_config(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    result = run_main(capsys, "kv", "key", "get", "greeting", "--binding", "CACHE", "--local",
                      "--persist-to", ".wrangler/state")
    assert (result.returncode, result.stdout) == (0, "Value not found\n")
    assert result.stderr == (
        f"(workers-env: --persist-to .wrangler/state is {project / 'sub' / '.wrangler' / 'state'}, where this "
        f"namespace was empty, while the state beside the config ({project / '.wrangler' / 'state'}) holds keys of "
        "it: a relative --persist-to is read from the current folder, as wrangler reads it)\n")
    listed = run_main(capsys, "kv", "key", "list", "--binding", "CACHE", "--local", "--persist-to", ".wrangler/state")
    assert listed.stdout == "[]\n" and listed.stderr.startswith("(workers-env: --persist-to .wrangler/state is ")


def test_without_persist_to_a_subfolder_reads_the_state_beside_the_config(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    result = run_main(capsys, "kv", "key", "get", "greeting", "--binding", "CACHE", "--local")
    assert (result.returncode, result.stdout, result.stderr) == (0, "hello", "")


def test_the_configs_own_folder_and_an_absolute_persist_to_print_wranglers_output_alone(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    same = run_main(capsys, "kv", "key", "get", "greeting", "--binding", "CACHE", "--local", "--persist-to", ".wrangler/state")
    assert (same.stdout, same.stderr) == ("hello", "")
    monkeypatch.chdir(project / "sub")
    other = run_main(capsys, "kv", "key", "get", "greeting", "--binding", "CACHE", "--local",
                     "--persist-to", str(project / "sub" / "fresh"))
    assert (other.stdout, other.stderr) == ("Value not found\n", "")
