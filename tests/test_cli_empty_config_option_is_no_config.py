"""``-c ""`` (``--config ""``, ``--config=``) is no config at all, as wrangler 4.164.0's
``readConfig`` reads an empty path (measured in a folder holding a wrangler.toml: ``kv key
list --binding KV --local -c ""`` is "No KV namespaces are configured", ``--namespace-id``
works on ``.wrangler/state`` in the current folder, ``d1 execute`` cannot find the database,
``d1 migrations list`` is "No configuration file found", ``dev`` stops), where workers-env
searched upward from the current folder for one."""

from __future__ import annotations

import pytest

from cli_helpers import in_project
from workers_env.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    return in_project(tmp_path, monkeypatch)


@pytest.mark.parametrize("spelt", [["-c", ""], ["--config", ""], ["--config="]])
def test_a_binding_of_the_config_is_not_found(project, capsys, spelt):
    assert main(["kv", "key", "list", "--binding", "KV", "--local", *spelt]) == 1
    assert "No KV namespaces are configured in your wrangler config file." in capsys.readouterr().err
    assert main(["kv", "key", "list", "--binding", "KV", "--local"]) == 0  # without it, the config's


def test_the_state_is_the_current_folders(project, monkeypatch, capsys):
    monkeypatch.chdir(project / "sub")
    assert main(["kv", "key", "put", "k", "v", "--namespace-id", "top", "--local", "-c", ""]) == 0
    assert (project / "sub" / ".wrangler" / "state" / "v3" / "kv").is_dir()
    assert not (project / ".wrangler").exists()  # not beside the config found upward


def test_d1_finds_no_database(project, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1", "--config", ""]) == 1
    assert "Couldn't find a D1 DB with the name or binding 'DB' in your Wrangler configuration file." \
        in capsys.readouterr().err
    assert main(["d1", "migrations", "list", "DB", "--local", "-c", ""]) == 1
    assert "No configuration file found. Create a wrangler.jsonc file" in capsys.readouterr().err


def test_vectorize_keeps_its_state_in_the_current_folder(project, monkeypatch, capsys):
    monkeypatch.chdir(project / "sub")
    assert main(["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "-c", ""]) == 0
    assert (project / "sub" / ".wrangler" / "state").is_dir()
    assert not (project / ".wrangler").exists()


def test_dev_says_it_needs_a_config(project, capsys):
    assert main(["dev", "-c", ""]) == 1
    err = capsys.readouterr().err
    assert err.startswith('workers-env dev: -c "" names no config: wrangler reads an empty --config as none')
    assert "Traceback" not in err
