"""Every module of ``workers_env`` is named, by its file name, in the README or a docs/*.md page --
the README's "How the code is laid out" table or docs/layout.md, its module-by-module half -- so a
module added later cannot stay a file nobody can find a word about (a package's ``__init__.py``
aside: its folder's row names it)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def unnamed(text: str, modules: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in modules if p.name != "__init__.py" and p.name not in text]


def test_every_module_is_named_in_the_docs():
    modules = sorted((ROOT / "workers_env").rglob("*.py"))
    assert len(modules) > 200  # the scan sees the package
    assert unnamed(docs_text(), modules) == []


def test_a_module_named_nowhere_is_listed():
    text = "`jsweb.py` and `kv/namespace.py`"
    modules = [ROOT / "workers_env" / "runtime" / "jsweb.py", ROOT / "workers_env" / "kv" / "store.py",
               ROOT / "workers_env" / "kv" / "__init__.py"]
    assert unnamed(text, modules) == ["workers_env/kv/store.py"]
