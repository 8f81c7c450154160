"""``workers-env d1`` lines as wrangler 4.164.0 prints them: a ``--persist-to`` folder as its
``readableRelative`` shows it (``./st/v3/d1``), and ``migrations list|apply`` on a database the
config lacks print the resource location lines first, checking the migrations folder before."""

from __future__ import annotations

import pytest

from workers_env.cli import main

LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"


@pytest.fixture
def app(d1_app):
    return d1_app


@pytest.mark.parametrize("persist_to, shown", [
    ("st", "./st/v3/d1"),
    (".state", ".state/v3/d1"),
    ("../outside", "../outside/v3/d1"),
])
def test_the_persist_to_folder_as_wrangler_shows_it(app, capsys, persist_to, shown):
    assert main(["d1", "execute", "DB", "--local", "--persist-to", persist_to, "--command", "select 1"]) == 0
    assert (f"🌀 Executing on local database DB (11111111-2222-3333-4444-555555555555) from {shown}:\n"
            in capsys.readouterr().out)


@pytest.mark.parametrize("verb", ["list", "apply"])
def test_migrations_on_an_unknown_database(app, capsys, verb):
    (app / "migrations").mkdir()
    assert main(["d1", "migrations", verb, "nosuch", "--local"]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (  # then wrangler's handleError's empty line on stdout
        LOCATION + "\n", "✘ [ERROR] Couldn't find a D1 DB with the name or binding 'nosuch' in your wrangler.toml file.\n\n\n")


def test_migrations_on_an_unknown_database_without_a_migrations_folder(app, capsys):
    assert main(["d1", "migrations", "list", "nosuch", "--local"]) == 1
    captured = capsys.readouterr()
    assert captured.out == LOCATION + "\n"
    assert captured.err == (
        "▲ [WARNING] No migrations folder found. Set `migrations_dir` in your wrangler.toml file to choose a "
        f"different path.\n\n\n✘ [ERROR] No migrations present at {app.resolve() / 'migrations'}.\n\n\n")
