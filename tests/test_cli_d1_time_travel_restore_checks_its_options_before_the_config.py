"""``d1 time-travel restore``'s own check (``--timestamp`` or ``--bookmark``: wrangler's
``validateArgs``) comes before the config is read: under a config with a warning the error is
alone (no ``Processing wrangler.toml configuration`` block), and under one that does not parse it
is that check's error, not the config's. Measured with wrangler 4.164.0 (``wrangler d1
time-travel restore db``, ``CI=true``, no token): the same single ``Missing required option``
error, exit 1, under both configs. audit31."""

from __future__ import annotations

import pytest

from workers_env.cli import main

DATABASE = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-0000-0000-000000000001"\n'
MISSING = ("✘ [ERROR] Missing required option --timestamp or --bookmark. Provide --timestamp to restore to a point "
           "in time (e.g. --timestamp=2023-07-13T08:46:42.228Z), or --bookmark to restore to a specific bookmark.\n")


@pytest.mark.parametrize("config", [
    f'name = "x"\ncompatibility_date = "2025-01-01"\nunknown_field = 1\n{DATABASE}',  # a warning
    'name = "x\ncompatibility_date = \n',  # no TOML
], ids=["warning", "broken"])
def test_the_check_comes_before_the_config(tmp_path, monkeypatch, capsys, config):
    (tmp_path / "wrangler.toml").write_text(config)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)
    code = main(["d1", "time-travel", "restore", "db"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "\n")
    assert err.startswith(MISSING) and err.strip() == MISSING.strip()
    # the same config is read for a right line: its warning, or its error, then
    code = main(["d1", "time-travel", "restore", "db", "--bookmark", "b"])
    err = capsys.readouterr().err
    assert code == 1 and ("Unexpected fields found" in err or "Invalid TOML document" in err)
