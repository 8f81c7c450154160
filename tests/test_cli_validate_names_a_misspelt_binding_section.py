"""``workers-env validate`` prints wrangler's "Unexpected fields" warning for a misspelt binding
section (``[[vectorise]]``) and then "is valid" -- true for wrangler, yet the section makes no
binding. A line after the warnings names the field it likely means; an unknown field like no
known one gets no line, and the exit code stays wrangler's (0: warnings only)."""

from __future__ import annotations

from workers_env.cli import main


def _validate(tmp_path, capsys, text: str, *args: str) -> tuple[int, str]:
    (tmp_path / "wrangler.toml").write_text(text)
    code = main(["validate", str(tmp_path / "wrangler.toml"), *args])
    return code, capsys.readouterr().out


def test_a_misspelt_section_is_named_before_is_valid(tmp_path, capsys):
    code, out = _validate(tmp_path, capsys, 'name = "x"\n[[vectorise]]\nbinding = "V"\nindex_name = "docs"\n')
    assert code == 0
    assert ('  - Unexpected fields found in top-level field: "vectorise"\n'
            '(workers-env: "vectorise" at the top level is likely a misspelt "vectorize": as written it '
            "is ignored)\n") in out
    assert out.endswith("wrangler.toml is valid.\n")


def test_an_environments_misspelt_section_names_the_environment(tmp_path, capsys):
    code, out = _validate(tmp_path, capsys, 'name = "x"\n[env.staging]\nkv_namespace = [{ binding = "KV", id = "a" }]\n',
                          "--env", "staging")
    assert code == 0
    assert ('(workers-env: "kv_namespace" in [env.staging] is likely a misspelt "kv_namespaces": as written it is '
            "ignored)\n") in out


def test_a_field_like_no_known_one_gets_no_line(tmp_path, capsys):
    code, out = _validate(tmp_path, capsys, 'name = "x"\nmy_own_setting = 1\n')
    assert code == 0
    assert "workers-env:" not in out and 'Unexpected fields found in top-level field: "my_own_setting"' in out
