"""``workers-env validate`` notes a ``[[vectorize]]`` index_name that ``[tool.workers-env.indexes]``
does not define while it defines a name close to it that no binding names (walk54: wrangler never
reads the table, so the config "is valid", and the pytest fixtures then had no definition for the
index). The exit code stays wrangler's; a definition of another name, unlike any (difflib's 0.8, as
``load_env``'s own note) or one another binding names, gets no line (an ``indexes=`` argument or
another config may use it)."""

from __future__ import annotations

import json

from workers_env.cli import main

WRANGLER = 'name = "x"\n[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "embeddings-index"\n'
NOTE = ('(workers-env: pyproject.toml\'s [tool.workers-env.indexes] defines "embedding-index", not "embeddings-index" '
        "(the index_name of binding VECTORIZE): a typo in one of the two? As written, load_env and the pytest "
        "fixtures have no definition for it)\n")


def _validate(tmp_path, capsys, defined: str, *args: str) -> tuple[int, str]:
    """validate run from the project's folder, which names the config as found there."""
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env.indexes."{defined}"]\ndimensions = 768\n'
                                             'metric = "cosine"\nversion = "v2"\n')
    code = main(["--cwd", str(tmp_path), "validate", *args])
    return code, capsys.readouterr().out


def test_a_close_name_is_noted_and_the_config_stays_valid(tmp_path, capsys):
    code, out = _validate(tmp_path, capsys, "embedding-index")
    assert code == 0
    assert out == NOTE + "wrangler.toml is valid.\n"


def test_the_note_is_a_json_warning_too(tmp_path, capsys):
    code, out = _validate(tmp_path, capsys, "embedding-index", "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    assert [w["message"] for w in json.loads(out)["warnings"]] == [NOTE[1:-2]]


def test_the_right_name_or_one_unlike_it_gets_no_note(tmp_path, capsys):
    for defined in ("embeddings-index", "other"):
        code, out = _validate(tmp_path, capsys, defined)
        assert (code, out) == (0, "wrangler.toml is valid.\n"), defined


def test_a_name_only_somewhat_like_it_gets_no_note(tmp_path, capsys):
    # difflib's 0.77: under the 0.8 load_env's own "a typo in one of the two?" takes (vectorize/assembly.py)
    code, out = _validate(tmp_path, capsys, "embeddings")
    assert (code, out) == (0, "wrangler.toml is valid.\n")


def test_a_definition_another_binding_names_is_no_typo(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes."embedding-index"]\ndimensions = 768\n'
                                             'metric = "cosine"\nversion = "v2"\n')
    (tmp_path / "wrangler.toml").write_text(WRANGLER + '[[vectorize]]\nbinding = "DOCS"\nindex_name = "embedding-index"\n')
    code = main(["--cwd", str(tmp_path), "validate"])
    assert (code, capsys.readouterr().out) == (0, "wrangler.toml is valid.\n")
