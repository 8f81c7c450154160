"""A broken config's warnings ride on the :class:`ConfigError` ``load_env`` raises: a misspelt
key's ``Unexpected fields found ... "bindng"`` is what says how to fix the ``should have a string
"binding" field`` error, and wrangler prints it first. The message stays the errors alone (the
CLI prints the warnings itself, before it, as wrangler does); the warnings are the error's
``config_warnings`` and a note under its traceback."""

from __future__ import annotations

import traceback

import pytest

from workers_env import ConfigError, load_env

TOML = 'name = "w"\ncompatibility_date = "2026-05-01"\n[[vectorize]]\nbindng = "V"\nindex_name = "i"\n'
WARNINGS = ('Processing wrangler.toml configuration:\n'
            '  - Unexpected fields found in vectorize[0] field: "bindng"')
ERRORS = ('Processing wrangler.toml configuration:\n'
          '  - "vectorize[0]" bindings should have a string "binding" field but got {"bindng":"V","index_name":"i"}.')


def test_the_warnings_ride_on_the_error_and_show_under_its_traceback(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        load_env(tmp_path)
    assert str(caught.value) == ERRORS
    assert caught.value.config_warnings == WARNINGS
    assert caught.value.__notes__ == [f"the config's warnings, which wrangler prints before its errors:\n{WARNINGS}"]
    shown = "".join(traceback.format_exception(caught.value))
    assert shown.index(ERRORS) < shown.index(WARNINGS)  # the note comes under the error


def test_a_broken_config_without_warnings_has_none_and_no_note(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML.replace("bindng", "binding").replace('"V"', "1"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        load_env(tmp_path)
    assert caught.value.config_warnings == ""
    assert not getattr(caught.value, "__notes__", [])


def test_a_parse_error_is_reported_alone(tmp_path, monkeypatch):
    """wrangler stops at a TOML syntax error without a report of anything else."""
    (tmp_path / "wrangler.toml").write_text('name = "w"\nfoo = 1\n[[vectorize]\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        load_env(tmp_path)
    assert caught.value.config_warnings == ""
