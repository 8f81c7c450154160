"""Groups of one-letter options (``-vc X``, ``-e=staging``, ``-cwrangler.toml``) read as yargs'
``short-option-groups`` reads them in wrangler 4.164.0 (measured with ``kv key list --local``):
each letter but the last takes its default unless ``=``, a number or a character that is no
letter follows it; the last reads the next word."""

from __future__ import annotations

import pytest

from cli_helpers import KV_AND_STAGING, in_project
from workers_env.cli import main


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
    (["-e="], "Unknown argument: ="),  # -e "", then an option named "="
    (["-x="], "Unknown arguments: x, ="),
    (["--=x"], "Unknown argument: =x"),
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


def test_a_number_after_a_letter_is_its_value(project, capsys):
    assert _list("KV", "-c1") == 1  # -c "1", as -c=1
    assert capsys.readouterr().err.startswith(f"✘ [ERROR] Configuration file not found: {project / '1'}\n")


def test_a_flag_given_false_with_equals_is_not_given(project, capsys):
    for given, asked in (("-y=false", True), ("-y=true", False)):
        assert main(["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine"]) == 0
        capsys.readouterr()
        assert main(["vectorize", "delete", "idx", given]) == 0  # (asked: the fallback answer is yes)
        assert ("OK to delete the index 'idx'?" in capsys.readouterr().out) is asked


def test_negative_numbers_are_never_groups(project, capsys):
    assert main(["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine"]) == 0
    capsys.readouterr()
    assert main(["vectorize", "query", "idx", "--vector", "-.5", "-0.002", "-10"]) == 0  # three values (yargs: -2e-3 is a group)
    assert "Unknown argument" not in capsys.readouterr().err
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "--", "-ce"]) == 0  # nor a word after --
