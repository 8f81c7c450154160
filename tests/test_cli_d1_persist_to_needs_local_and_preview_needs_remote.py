"""``workers-env d1`` refuses ``--persist-to`` without ``--local`` and ``--preview`` (without
``--remote``, which is refused anyway) with wrangler 4.164.0's texts and exit 1, writing nothing."""

from __future__ import annotations

import pytest

from workers_env.cli import main

PERSIST_TO = ("✘ [ERROR] Cannot use --persist-to without --local. The --persist-to flag specifies a local "
              "persistence directory, which requires the --local flag. Remove --persist-to or add --local.\n\n\n")
PREVIEW = ("✘ [ERROR] Cannot use --preview without --remote. The --preview flag targets a preview D1 "
           "database, which requires the --remote flag. Remove --preview or add --remote.\n\n\n")
LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"


@pytest.fixture
def app(d1_app):
    root = d1_app
    (root / "migrations").mkdir()
    (root / "migrations" / "0001_init.sql").write_text("CREATE TABLE t (a);\n")
    return root


@pytest.mark.parametrize("argv, refusal", [
    (["d1", "execute", "DB", "--persist-to", "st", "--command", "CREATE TABLE x (a)"], PERSIST_TO),
    (["d1", "migrations", "list", "DB", "--persist-to", "st"], PERSIST_TO),
    (["d1", "migrations", "apply", "DB", "--persist-to", "st"], PERSIST_TO),
    (["d1", "execute", "DB", "--preview", "--command", "CREATE TABLE x (a)"], PREVIEW),
    (["d1", "execute", "DB", "--local", "--preview", "--command", "CREATE TABLE x (a)"], PREVIEW),
    (["d1", "migrations", "list", "DB", "--preview"], PREVIEW),
    (["d1", "migrations", "apply", "DB", "--local", "--preview"], PREVIEW),
])
def test_refused_with_wranglers_text_and_nothing_written(app, capsys, argv, refusal):
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (LOCATION + "\n", refusal)  # handleError's empty line on stdout
    assert not (app / "st").exists() and not (app / ".wrangler").exists()


def test_with_local_the_persist_to_folder_is_used(app, capsys):
    assert main(["d1", "migrations", "apply", "DB", "--local", "--persist-to", "st"]) == 0
    assert "0001_init.sql │ ✅" in capsys.readouterr().out
    assert list((app / "st" / "v3" / "d1" / "miniflare-D1DatabaseObject").glob("*.sqlite"))
