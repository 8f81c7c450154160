"""wrangler's TOML parser (smol-toml) refuses an integer past 2**53 - 1, which JavaScript cannot
hold exactly: ``Invalid TOML document: integer value cannot be represented losslessly`` at the
literal. tomllib reads it; workers-env now refuses it as wrangler does (the position checked
against ``wrangler dev`` 4.164.0 by ``tools/wrangler/env_differential.py``)."""

from __future__ import annotations

import pytest

from workers_env import ConfigError
from workers_env.config import load_config


@pytest.mark.parametrize("text, where, line", [
    ("[vars]\nBIG = 9007199254740993\n", "wrangler.toml:3:6:", "BIG = 9007199254740993"),
    ('[vars]\nS = "9007199254740993" # 9007199254740993\nH = 0x20000000000001\n', "wrangler.toml:4:4:", "H = 0x20000000000001"),
    ("[vars]\nARR = [1, -9_007_199_254_740_993]\n", "wrangler.toml:3:10:", "ARR = [1, -9_007_199_254_740_993]"),
    # digits in table headers are keys, not values (a leading zero is no literal: no crash)
    ("[0123]\nx = 1\n\n[vars]\nBIG = 9007199254740993\n", "wrangler.toml:6:6:", "BIG = 9007199254740993"),
    ("[9007199254740993]\nx = 1\n[v]\nX = 9007199254740993\n", "wrangler.toml:5:4:", "X = 9007199254740993"),
    ('s = """a\\"""9007199254740993 """\nX = 9007199254740993\n', "wrangler.toml:3:4:", "X = 9007199254740993"),
])
def test_refused_at_the_literal(tmp_path, text, where, line):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n' + text)  # the literal's line is one further down
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "wrangler.toml")
    message = str(caught.value)
    assert message.startswith("Invalid TOML document: integer value cannot be represented losslessly\n")
    assert where in message and line in message


def test_the_largest_safe_integers_are_read(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[vars]\nA = 9007199254740991\nB = -9007199254740991\n')
    assert load_config(tmp_path / "wrangler.toml").vars == {"A": 9007199254740991, "B": -9007199254740991}
