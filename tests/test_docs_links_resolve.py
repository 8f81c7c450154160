"""Every relative link of the project's Markdown (README.md, CHECKS.md, BENCHMARKS.md, docs/*.md)
leads to a file that exists and, with ``#anchor``, to a heading GitHub makes that anchor for; and
every section workers-env's own texts send a reader to (``README, "Title"``, ``"Title" in
docs/page.md``) is there -- a section moved or renamed later cannot leave a link, an error message
or a docstring pointing at nothing."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from test_readme_contents_lists_every_heading import anchor

from workers_env.runtime.notemulatedglobals import COVERAGE_DOC

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "CHECKS.md", ROOT / "BENCHMARKS.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"#{1,6} (.+?)\s*$")


def prose(text: str) -> str:
    """The text outside fenced code blocks and inline code spans (where ``](x)`` is no link)."""
    kept, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            kept.append(line)
    return re.sub(r"`[^`]*`", "", "\n".join(kept))


def titles(text: str) -> list[str]:
    """Every heading's title (# to ######), code blocks left out."""
    found, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := HEADING.match(line)):
            found.append(m.group(1))
    return found


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings: a repeated one gets ``-1``, ``-2``, ... after the first."""
    seen: Counter[str] = Counter()
    out = set()
    for title in titles(text):
        base = anchor(title)
        out.add(f"{base}-{seen[base]}" if seen[base] else base)
        seen[base] += 1
    return out


def broken_links(page: Path) -> list[str]:
    broken = []
    found: dict[Path, set[str]] = {}  # a page's anchors, worked out once for all the links to it
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z]+:", target):  # https:, mailto: -- not ours to resolve offline
            continue
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            broken.append(target)
        elif anchor and dest.is_dir():
            broken.append(target)
        elif anchor:
            if dest not in found:
                found[dest] = anchors(dest.read_text(encoding="utf-8"))
            if anchor not in found[dest]:
                broken.append(target)
    return broken


def test_every_relative_link_and_anchor_resolves():
    assert (ROOT / "docs" / "runtime-stand-ins.md").exists()
    broken = {page.name: broken_links(page) for page in PAGES}
    assert {name: links for name, links in broken.items() if links} == {}


def test_the_check_sees_a_broken_anchor_and_a_missing_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "A.md").write_text("# A\n## Same\n## Same\n[ok](#same-1) [ok](docs/b.md#b-c) [no](#same-2)\n"
                                   "`[code](#nope)` [no](docs/c.md) [no](docs/b.md#nope) [web](https://x.example/#y)\n")
    (tmp_path / "docs" / "b.md").write_text("# B: c\n[back](../A.md#a) [no](../A.md#b)\n```\n## Nope\n```\n")
    assert broken_links(tmp_path / "A.md") == ["#same-2", "docs/c.md", "docs/b.md#nope"]
    assert broken_links(tmp_path / "docs" / "b.md") == ["../A.md#b"]


def named_sections() -> list[tuple[str, str]]:
    """(file, quoted text) for every ``README, "..."``-style pointer in workers_env/ and tools/."""
    found = []
    for path in [*(ROOT / "workers_env").rglob("*.py"), *(ROOT / "tools").rglob("*.py")]:
        for quoted in re.findall(r"README(?:'s|,|:) *\\?\"([^\"\\]+)", path.read_text(encoding="utf-8")):
            quoted = " ".join(re.sub(r"\n\s*#:?", " ", quoted).removesuffix("...").split())  # across comment lines
            found.append((str(path.relative_to(ROOT)), quoted))
    return found


def test_every_section_workers_env_names_is_in_the_docs():
    text = " ".join(page.read_text(encoding="utf-8") for page in PAGES)
    words = " ".join(re.sub(r"[`*]", "", text).split())  # **Words after `--`** is "Words after --"
    named = named_sections()
    assert ("workers_env/runtime/jsdate.py", "Time moves") in named  # the scan sees the texts
    assert ("workers_env/ai/limits.py", "Where we had to choose") in named  # across comment lines too
    missing = [(f, q) for f, q in named if re.sub(r"[`*]", "", q) not in words]
    assert missing == []


def test_the_not_emulated_errors_name_a_heading_of_the_stand_ins_page():
    title, page = re.fullmatch(r'"(.+)" in (docs/[\w-]+\.md)', COVERAGE_DOC).groups()
    assert title in titles((ROOT / page).read_text(encoding="utf-8"))
