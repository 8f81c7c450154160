"""Groups of one-letter options (``-vc X``, ``-e=staging``, ``-cwrangler.toml``) read as yargs'
``short-option-groups`` reads them in wrangler 4.164.0 (measured with ``kv key list --local``):
each letter but the last takes its default unless ``=``, a number or a character that is no
letter follows it; the last reads the next word."""

from __future__ import annotations

import pytest

from cli_helpers import KV_AND_STAGING, in_project
from workers_env.cli import main
from workers_env.cli.globalflags import short_groups


@pytest.fixture
def project(tmp_path, monkeypatch):
    return in_project(tmp_path, monkeypatch, KV_AND_STAGING)


def _list(binding: str, *extra: str) -> int:
    return main(["kv", "key", "list", "--binding", binding, "--local", *extra])


def test_equals_gives_the_letter_its_value(project, capsys):
    assert _list("KVS", "-e=staging") == 0
    assert _list("KV", "-c=wrangler.toml") == 0


def test_a_flag_then_an_option(project, capsys):
    assert _list("KV", "-vc", "wrangler.toml") == 0
    assert _list("KV", "-ec", "wrangler.toml") == 0  # -e "": no environment
    assert _list("KV", "-c/nope/wrangler.toml") == 1  # "/" ends the letters: the rest is -c's value
    assert "Could not read file: /nope/wrangler.toml" in capsys.readouterr().err


@pytest.mark.parametrize(("given", "unknown"), [
    (["-estaging"], "Unknown arguments: s, t, a, g, i, n"),
    (["-cwrangler.toml"], "Unknown arguments: w, r, a, n, g, l"),
    (["-cv", "wrangler.toml"], "Unknown argument: wrangler.toml"),
    (["-cx", "wrangler.toml"], "Unknown argument: x"),
    (["-xc", "wrangler.toml"], "Unknown argument: x"),
    (["-c="], "Unknown argument: ="),  # `=` the last letter: -c "" -=
])
def test_letters_glued_to_a_value_are_options_of_their_own(project, capsys, given, unknown):
    assert _list("KV", *given) == 1
    assert capsys.readouterr().err == f"✘ [ERROR] {unknown}\n\n\n"


def test_help_in_a_group(project, capsys):
    with pytest.raises(SystemExit) as exited:  # argparse's help, as `-h` alone
        _list("KV", "-hc", "wrangler.toml")
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("usage: workers-env kv key list ")


def test_the_words_written_out():
    assert short_groups(["-vc", "x", "-1", "--", "-ce"]) == ["-v", "-c", "x", "-1", "--", "-ce"]
    assert short_groups(["-c1", "-y=false", "-y=true"]) == ["-c=1", "-y"]
    assert short_groups(["-.5", "-1.5", "-10"]) == ["-.5", "-1.5", "-10"]  # yargs' negative numbers, never groups
    # any other word of a dash and a digit is a group (a letter that is no letter spelt --1)
    assert short_groups(["-2e-3", "-1_0"]) == ["--2=true", "-e=-3", "--1=true", "true", "--0"]
