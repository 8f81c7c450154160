"""A config's unexpected fields are listed in ``Object.keys`` order, as wrangler 4.164.0 lists
them: array indices first (``"2"``), then the other names as written -- and only ASCII digits
make an index, so ``"1٣"`` (ARABIC-INDIC DIGIT THREE) stays where it was written. Measured:
``dependencies_instrumentation = {x, "1٣", "2"}`` prints ``"2","x","1٣"`` (before, Python's
``\\d`` took ``"1٣"`` for the index 13: ``"2","1٣","x"``)."""

from __future__ import annotations

from workers_env.cli import main

TOML = ('name = "a"\n[dependencies_instrumentation]\nx = 1\n"1\u0663" = 1\n"2" = 1\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "x"\n')


def test_non_ascii_digits_do_not_make_an_array_index(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["kv", "key", "list", "--binding", "KV", "--local"]) == 0
    err = capsys.readouterr().err
    assert 'Unexpected fields found in dependencies_instrumentation field: "2","x","1\u0663"\n' in err
