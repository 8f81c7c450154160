"""A non-string ``[vars]`` value reaches a Worker as JSON, so a whole number written as a float
(``1.0``, ``1e3``, JSON's ``12.0``) is the JS number ``1``, which Pyodide hands Python as ``int``:
``str(env.RATIO)`` is ``"1"`` in production, not ``"1.0"``. Checked against ``wrangler dev``
4.164.0 by ``tools/wrangler/env_differential.py``."""

from __future__ import annotations

from workers_env import load_env


def _same(a, b):
    return type(a) is type(b) and (a == b if not isinstance(a, (dict, list)) else
                                   (list(a) == list(b) and all(_same(x, y) for x, y in zip(
                                       a.values() if isinstance(a, dict) else a,
                                       b.values() if isinstance(b, dict) else b))))


def test_toml_whole_floats(tmp_path):
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\n[vars]\nWHOLE = 1.0\nEXP = 1e3\nHALF = 3.5\nHUGE = 1e20\nT = true\n'
        "OBJ = { w = 2.0, l = [4.0, 4.5] }\n")
    env = load_env(tmp_path)
    got = {name: env[name] for name in ("WHOLE", "EXP", "HALF", "HUGE", "T", "OBJ")}
    assert _same(got, {"WHOLE": 1, "EXP": 1000, "HALF": 3.5, "HUGE": 1e20, "T": True, "OBJ": {"w": 2, "l": [4, 4.5]}})
    assert str(env.WHOLE) == "1"


def test_jsonc_whole_floats(tmp_path):
    (tmp_path / "wrangler.jsonc").write_text('{"name": "w", "vars": {"W": 12.0, "F": 0.5}}')
    env = load_env(tmp_path)
    assert _same([env.W, env.F], [12, 0.5])
