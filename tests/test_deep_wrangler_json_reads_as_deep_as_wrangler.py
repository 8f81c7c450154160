"""A wrangler.json / wrangler.jsonc nested deeply (a var holding an array 1,000 levels deep) is
read as wrangler 4.164.0 reads it: its jsonc-parser recurses on Node's stack and overflows it
("Maximum call stack size exceeded") between 4,502 and 5,002 levels in a fresh process
(measured with ``unstable_readConfig``). workers-env read it with the json5 library, which
refused it as "nesting too deep" from about 100 levels; it now reads up to ``JSON_MAX_DEPTH``
(5,000 levels, the top-level object counted) and refuses deeper with wrangler's error."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_env
from workers_env.cli import main
from workers_env.config.wrangler import display_path

TOO_DEEP = "it is nested too deeply (wrangler: Maximum call stack size exceeded)"


def config(name: str, levels: int) -> str:
    """A config whose var ``DEEP`` nests ``levels`` arrays, the last holding ``1`` (JSONC: with comments
    and trailing commas); the whole file nests ``levels + 2`` deep."""
    if name.endswith(".jsonc"):
        deep = "[ // one more\n" * levels + "1," + "],\n" * (levels - 1) + "]"
        return '// the Worker\n{"name": "w", /* vars */ "vars": {"DEEP": %s,},}' % deep
    return '{"name": "w", "vars": {"DEEP": %s}}' % ("[" * levels + "1" + "]" * levels)


def levels_of(value: object) -> tuple[int, object]:
    levels = 0
    while isinstance(value, list):
        assert len(value) == 1
        value, levels = value[0], levels + 1
    return levels, value


@pytest.mark.parametrize("name", ["wrangler.json", "wrangler.jsonc"])
@pytest.mark.parametrize("levels", [100, 1000, 4998])
def test_a_deep_config_loads_and_validates(tmp_path, monkeypatch, capsys, name, levels):
    (tmp_path / name).write_text(config(name, levels))
    env = load_env(tmp_path)
    try:
        assert levels_of(env.DEEP) == (levels, 1)
    finally:
        env.close()
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    assert f"{name} is valid." in capsys.readouterr().out


@pytest.mark.parametrize("name", ["wrangler.json", "wrangler.jsonc"])
@pytest.mark.parametrize("levels", [4999, 10_000, 100_000])
def test_deeper_than_wrangler_reads_is_refused_with_its_error(tmp_path, monkeypatch, capsys, name, levels):
    (tmp_path / name).write_text(config(name, levels))
    with pytest.raises(ConfigError) as info:
        load_env(tmp_path)
    assert str(info.value) == f"Could not parse {display_path(tmp_path / name)}: {TOO_DEEP}"
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 1
    out = capsys.readouterr()
    assert TOO_DEEP in out.err + out.out and "Traceback" not in out.err


def test_a_syntax_error_before_the_deep_part_is_reported_as_wrangler_reports_it(tmp_path):
    (tmp_path / "wrangler.json").write_text('{"name": "w" "vars": {"DEEP": ' + "[" * 6000 + "]" * 6000 + "}}")
    with pytest.raises(ConfigError) as info:
        load_env(tmp_path)
    assert "CommaExpected" in str(info.value)
