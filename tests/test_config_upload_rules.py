"""Which files wrangler uploads for a Python Worker, and as what: its module rules' order,
``fallthrough``, defaults and ``glob-to-regexp`` globs. The expectations are wrangler 4.164.0's
``deploy --dry-run`` tables for the same trees (``tools/wrangler/uploads_differential.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.config.uploads import glob_regex, uploads_of

FILES = ["a.txt", "b.html", "c.sql", "d.bin", "e.wasm", "f.md", "g.json", "sub/h.py", "sub/i.txt", "sub/deep/j.md",
         ".hidden/k.txt", "content/n.md", "content/x/o.md", "q[1].txt", "r{a,b}.md"]


def _types(rules=None, **fields):
    merged = {"rules": rules or [], **fields}
    uploads = uploads_of(merged, Path("/p"), Path("/p/src/entry.py"))
    return {f: kind for f in FILES if (kind := uploads.module_type(f)) is not None}


@pytest.mark.parametrize(("glob", "yes", "no"), [
    ("**/*.py", ["a.py", "x/a.py", "x/y/a.py"], ["a.pyc", "a.py/x"]),
    ("*.md", ["a.md"], ["x/a.md"]),
    ("content/*", ["content/a"], ["content/x/a", "content"]),
    ("content/**", ["content/a", "content/x/a"], ["other/a"]),
    ("**/q[1].txt", ["q[1].txt", "x/q[1].txt"], ["q1.txt"]),  # brackets are literal
    ("r{a,b}.md", ["r{a,b}.md"], ["ra.md"]),  # so are braces
    ("a?.txt", ["a?.txt"], ["ab.txt"]),  # and ?
    ("a.b", ["a.b"], ["axb"]),
    ("x**y", ["xy", "xay"], ["xa/y"]),  # ** not between slashes is one *
])
def test_globs_as_glob_to_regexp_reads_them(glob, yes, no):
    regex = glob_regex(glob)
    assert all(regex.match(p) for p in yes)
    assert not any(regex.match(p) for p in no)


def test_defaults():
    assert _types() == {"a.txt": "Text", "b.html": "Text", "c.sql": "Text", "d.bin": "Data", "e.wasm": "CompiledWasm",
                        "sub/h.py": "PythonModule", "sub/i.txt": "Text", ".hidden/k.txt": "Text", "q[1].txt": "Text"}


def test_a_rule_replaces_its_types_defaults_and_keeps_the_others():
    types = _types([{"type": "Data", "globs": ["**/*.md"]}])
    assert {f for f, t in types.items() if t == "Data"} == {"f.md", "sub/deep/j.md", "content/n.md",
                                                             "content/x/o.md", "r{a,b}.md"}
    assert types["a.txt"] == "Text"  # Text's defaults stay; Data's *.bin went (no fallthrough)


def test_a_rule_without_fallthrough_drops_later_rules_of_its_type():
    types = _types([{"type": "Text", "globs": ["**/*.json"]}])
    assert types == {"d.bin": "Data", "e.wasm": "CompiledWasm", "g.json": "Text", "sub/h.py": "PythonModule"}
    types = _types([{"type": "Text", "globs": ["**/*.json"], "fallthrough": True}])
    assert types["g.json"] == "Text" and types["a.txt"] == "Text"


def test_the_first_matching_rule_gives_the_type():
    assert _types([{"type": "Data", "globs": ["**/*.txt"]}])["a.txt"] == "Data"


def test_find_additional_modules_false_uploads_main_alone():
    uploads = uploads_of({"find_additional_modules": False}, Path("/p"), Path("/p/src/entry.py"))
    assert uploads.module_type("entry.py") == "PythonModule"
    assert uploads.module_type("a.txt") is None


def test_base_dir_is_the_module_root(tmp_path):
    uploads = uploads_of({"base_dir": "."}, tmp_path, tmp_path / "src" / "entry.py")
    assert uploads.root == tmp_path.resolve() and uploads.main == "src/entry.py"
    assert uploads.missing(str(tmp_path.resolve() / "top.txt")) is None
    assert "no module rule matches it" in uploads.missing(str(tmp_path.resolve() / "src" / "a.md"))
    assert uploads.missing(str(tmp_path.resolve() / ".wrangler" / "state" / "x")) is None  # wrangler's own
