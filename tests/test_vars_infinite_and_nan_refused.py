"""``inf`` or ``nan`` in ``[vars]`` (TOML allows them; JSON cannot hold them): wrangler dev 4.164.0
stops with Miniflare's "Invalid input" (checked by ``tools/wrangler/env_differential.py``), so
``load_env`` refuses the var by name rather than hand the Worker a value production never has."""

from __future__ import annotations

import re

import pytest

from workers_env import ConfigError, load_env


@pytest.mark.parametrize("value, name", [("inf", "vars.X"), ("-inf", "vars.X"), ("nan", "vars.X"),
                                         ("{ a = [1, nan] }", "vars.X.a[1]")])
def test_refused_by_name(tmp_path, value, name):
    (tmp_path / "wrangler.toml").write_text(f'name = "w"\n[vars]\nX = {value}\n')
    with pytest.raises(ConfigError, match=rf'"{re.escape(name)}" is .*wrangler dev refuses to start on it'):
        load_env(tmp_path)


def test_the_refusal_in_full(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[vars]\nX = inf\n')
    with pytest.raises(ConfigError) as refused:
        load_env(tmp_path)
    assert str(refused.value).endswith(
        '"vars.X" is inf, which a JSON var cannot hold: wrangler dev refuses to start on it (Miniflare: "Invalid '
        'input: expected number, received Infinity"); write it as a string')
