"""A config path whose suffix is spelt in capitals (``-c WRANGLER.TOML``, ``wrangler.JSON``,
``w.Jsonc``) has no suffix wrangler knows: its ``parseRawConfigFile`` reads the path case by
case (``configPath.endsWith(".toml")``) and reads no config at all from it (wrangler 4.164.0,
measured: ``kv key list --binding KV -c WRANGLER.TOML`` is "No KV namespaces are configured",
``d1 execute DB -c WRANGLER.TOML`` cannot find ``DB``). It is refused as a path without a
suffix is (README, Where we had to choose), naming the lower-case spelling; workers-env read it
as TOML or JSON. A file named ``.toml`` ends with the suffix, and is read as wrangler reads it."""

from __future__ import annotations

import json

import pytest

from tests.cli_helpers import KV_AND_D1, in_project, run_main
from workers_env import ConfigError, load_env


@pytest.mark.parametrize("name, lower", [("WRANGLER.TOML", "WRANGLER.toml"), ("wrangler.JSON", "wrangler.json"),
                                         ("w.Jsonc", "w.jsonc")])
def test_refused_naming_the_lower_case_suffix(tmp_path, monkeypatch, capsys, name, lower):
    in_project(tmp_path, monkeypatch)
    (tmp_path / name).write_text(KV_AND_D1 if name.endswith("TOML") else json.dumps({"name": "w"}))
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-c", name)
    assert run.returncode == 1
    suffix = name[name.index("."):]
    assert run.stderr.startswith(
        f"✘ [ERROR] Unsupported configuration file {name}: expected a .toml, .json or .jsonc file (wrangler.toml, "
        f"wrangler.json or wrangler.jsonc); {suffix} is not {suffix.lower()}: wrangler reads the suffix case by case. ")
    assert f"so workers-env refuses it: rename it to {lower}, or pass the config's path.\n" in run.stderr
    with pytest.raises(ConfigError, match="wrangler reads the suffix case by case"):
        load_env(tmp_path / name)


def test_a_file_named_dot_toml_is_read(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    (tmp_path / ".toml").write_text(KV_AND_D1)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-c", ".toml")
    assert (run.returncode, json.loads(run.stdout)) == (0, [])
