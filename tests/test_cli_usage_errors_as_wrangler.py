"""A mistake in a command's arguments reads as wrangler (yargs) words it, and exits 1 as wrangler.

argparse would exit 2 with its own text; the texts here are wrangler 4.164.0's for the same
command lines (a missing positional, a missing required option, a value outside the choices,
an unknown option) and its handlers' own for an empty ``--ids`` and a ``--dimensions`` that is
not a number.
"""

from __future__ import annotations

import pytest

from workers_env.cli import main


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "x"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine"]) == 0
    return tmp_path


def error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("usage: ") and "Traceback" not in err
    return err[err.index("✘ [ERROR] "):]


@pytest.mark.parametrize(("argv", "text"), [
    (["vectorize", "get"], "Not enough non-option arguments: got 0, need at least 1"),
    (["kv", "key", "get"], "Not enough non-option arguments: got 0, need at least 1"),
    (["vectorize", "create-metadata-index", "idx", "--type", "string"], "Missing required argument: propertyName"),
    (["vectorize", "get-vectors", "idx"], "Missing required argument: ids"),
    (["vectorize", "create", "abc", "--dimensions", "3", "--metric", "cos"],
     'Invalid values:\n\n    Argument: metric, Given: "cos", Choices: "euclidean", "cosine", "dot-product"'),
    (["vectorize", "list", "--bogus"], "Unknown argument: bogus"),
    (["vectorize", "list", "--bogus", "--other=1"], "Unknown arguments: bogus, other"),
    (["vectorize", "list", "--bogus", "--bogus"], "Unknown argument: bogus"),
    # a dashed name with its camelCase alias, the word after it being its value (wrangler 4.164.0)
    (["vectorize", "list", "--foo-bar", "baz", "--x-y=1"], "Unknown arguments: foo-bar, fooBar, x-y, xY"),
    (["d1", "execute", "DB", "--command", "SELECT 1", "--bogus", "value"], "Unknown argument: bogus"),
    (["bogus"], "Unknown argument: bogus"),
    (["d1", "bogus"], "Unknown argument: bogus"),
    (["kv", "key", "put", "K", "--path"], "Not enough arguments following: path"),
])
def test_yargs_texts(app, capsys, argv, text):
    # laid out as wrangler 4.164.0 prints them: yargs' further lines as notes (a blank line, then
    # each indented by two more spaces), two blank lines after the message
    assert error_of(argv, capsys) == f"✘ [ERROR] {text}\n\n\n"


@pytest.mark.parametrize(("argv", "text"), [
    (["vectorize", "get-vectors", "idx", "--ids"], "🚨 Please provide valid vector identifiers."),
    (["vectorize", "delete-vectors", "idx", "--ids"], "🚨 Please provide valid vector identifiers for deletion."),
    (["vectorize", "create", "abc", "--dimensions", "abc", "--metric", "cosine"],
     "🚨 You must provide both dimensions and a metric, or a known model preset when creating an index."),
])
def test_the_handlers_own_texts(app, capsys, argv, text):
    capsys.readouterr()
    assert main(argv) == 1
    out = capsys.readouterr()  # as wrangler's handleError reports a thrown UserError
    assert (out.out, out.err) == ("\n", f"✘ [ERROR] {text}\n\n\n")
