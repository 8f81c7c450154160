"""An ``.assetsignore`` line becomes a JavaScript regular expression (the ``ignore`` package wrangler
bundles), whose escapes mean JavaScript's: a class's ``\\S`` is JavaScript's non-space, so ``[\\S]``
leaves out every file whose name is one character. That answer is wrangler 4.164.0's
(tools/wrangler/assetsignore_differential.py's corpus: the text ``[\\S]`` against the paths ``a``,
``d/x``, ``a\\c``, at 8,365/8,365 the same); pin68: reading a class's ``\\S`` as the letter ``S``
passed every assets test."""

from __future__ import annotations

from pathlib import Path

from workers_env.assets.manifest import Manifest

FILES = ["a\\c", "a", "d/x", "b.txt"]


def test_a_classs_non_space_escape_is_javascripts(tmp_path: Path) -> None:
    for name in FILES:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(name)
    (tmp_path / ".assetsignore").write_text("[\\S]\n")
    manifest = Manifest(tmp_path)
    assert {name for name in FILES if manifest.get("/" + name) is None} == {"a\\c", "a", "d/x"}
