"""``kv bulk put`` reads its file as wrangler's ``parseJSON`` (jsonc-parser with trailing commas
and comments refused): the first error's code, ``file:line:column`` and esbuild's marker (``~``
under a whole token), and nothing written."""

from __future__ import annotations

import pytest
from kv_helpers import LOCATION

from workers_env.cli import main


@pytest.fixture
def app(project, monkeypatch):
    root = project('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    monkeypatch.chdir(root)
    return root


CASES = {
    "trailing comma": (
        '[{"key": "a", "value": "b"},]',
        'ValueExpected\n\n    bulk.json:1:28:\n      1 │ [{"key": "a", "value": "b"},]\n        ╵                             ^',
    ),
    "trailing comma in an object": (
        '[{"key": "a", "value": "b",}]',
        'PropertyNameExpected\n\n    bulk.json:1:27:\n      1 │ [{"key": "a", "value": "b",}]\n        ╵                            ^',
    ),
    "missing comma": (
        '[{"key": "a" "value": "b"}]',
        'CommaExpected\n\n    bulk.json:1:13:\n      1 │ [{"key": "a" "value": "b"}]\n        ╵              ~~~~~~~',
    ),
    "line comment": (
        '[// c\n {"key": "a", "value": "b"}]',
        "InvalidCommentToken\n\n    bulk.json:1:1:\n      1 │ [// c\n        ╵  ~~~~",
    ),
    "block comment over two lines": (
        '[/* a\nb */ {"key": "a", "value": "b"}]',
        "InvalidCommentToken\n\n    bulk.json:1:1:\n      1 │ [/* a\n        ╵  ~~~~",
    ),
    "unterminated string": (
        '[{"key": "abc\n"}]',
        'UnexpectedEndOfString\n\n    bulk.json:1:9:\n      1 │ [{"key": "abc\n        ╵          ~~~~',
    ),
    "tab before the error": (
        '[\n\t{"key": "a" "value": "b"}]',
        'CommaExpected\n\n    bulk.json:2:13:\n      2 │   {"key": "a" "value": "b"}]\n        ╵               ~~~~~~~',
    ),
    "non-ASCII before the error (esbuild reads UTF-16 units as bytes)": (
        '[{"kéy": "a" "value": "b"}]',
        'CommaExpected\n\n    bulk.json:1:13:\n      1 │ [{"kéy": "a" "value": "b"}]\n        ╵             ~~~~~~~',
    ),
    "long line": (
        '[{"key": "' + "x" * 120 + '" "value": "b"}]',
        "CommaExpected\n\n    bulk.json:1:132:\n      1 │ ..." + "x" * 51 + '" "value": "b"}]\n        ╵ ' + " " * 56 + "~~~~~~~",
    ),
    "empty file": ("", "ValueExpected\n\n    bulk.json:1:0:\n      1 │ \n        ╵ ^"),
    # Python's JSON reader takes NaN; jsonc-parser's symbol error (checked with wrangler 4.164.0)
    "NaN": (
        '[{"key": "a", "value": NaN}]',
        'InvalidSymbol\n\n    bulk.json:1:23:\n      1 │ [{"key": "a", "value": NaN}]\n        ╵                        ~~~',
    ),
}


@pytest.mark.parametrize("text, report", CASES.values(), ids=CASES.keys())
def test_syntax_error_is_reported_as_wrangler_and_nothing_written(app, capsys, text, report):
    (app / "bulk.json").write_text(text, encoding="utf-8")
    assert main(["kv", "bulk", "put", "bulk.json", "--binding", "MY_KV"]) == 1
    assert capsys.readouterr().err == f"✘ [ERROR] {report}\n\n\n"
    assert main(["kv", "key", "list", "--binding", "MY_KV"]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_a_utf8_bom_is_skipped(app, capsys):
    (app / "bulk.json").write_bytes(b'\xef\xbb\xbf[{"key": "a", "value": "b"}]')
    assert main(["kv", "bulk", "put", "bulk.json", "--binding", "MY_KV"]) == 0
    assert capsys.readouterr().out == LOCATION + "Success!\n"


def test_a_utf16_bom_is_refused_as_wrangler(app, capsys):
    (app / "bulk.json").write_bytes(b"\xff\xfe[\x00]\x00")
    assert main(["kv", "bulk", "put", "bulk.json", "--binding", "MY_KV"]) == 1
    assert capsys.readouterr().err == (
        "✘ [ERROR] Configuration file contains UTF-16 LE byte order marker\n\n    bulk.json:1:0:\n      1 │ \n"
        '        ╵ ^\n\n  The file "bulk.json" appears to be encoded as UTF-16 LE. Please save the file as UTF-8 '
        "without BOM.\n\n\n"
    )
