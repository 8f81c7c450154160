"""The README's Contents (a bold line, not a section: the quick start comes right after the two
commands), and each docs/*.md page's, lists every section heading (##, ### and ####, outside code blocks) in
order, each linked to the anchor GitHub makes for it, and nothing else -- but for the README's "Where we
had to choose", whose #### headings its own Contents lists, right under its heading, with its ### ones
(the README's list stays short enough to read): a section added, renamed or moved later cannot leave
a list stale, and every ``(#anchor)`` link in the README leads to a heading that exists."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def headings(text: str) -> list[tuple[int, str]]:
    """The (level, title) of every heading from ## to ####, code blocks left out."""
    found, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"(#{2,4}) (.+)$", line)):
            found.append((len(m.group(1)), m.group(2)))
    return found


def anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation and emoji dropped, spaces to dashes."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


CHOICES = "Where we had to choose"  # the README section with a Contents list of its own


def contents(text: str, after: int = 0) -> list[str]:
    """The lines of the first **Contents** list at or after index ``after``."""
    start = text.index("**Contents**\n\n", after) + len("**Contents**\n\n")
    return text[start: text.index("\n\n", start)].splitlines()


def entries(found: list[tuple[int, str]], top: int = 2) -> list[str]:
    """The Contents lines of these headings, ``top`` the level that is not indented."""
    return [f"{'  ' * (level - top)}- [{title.replace('⚠ ', '')}](#{anchor(title)})" for level, title in found]


def listed_and_expected(text: str) -> tuple[list[str], list[str]]:
    """The lines of a page's **Contents** list, and the lines its headings call for."""
    return contents(text), entries(headings(text))


def readme_parts(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The README's headings for its own Contents, and the ones under "Where we had to choose"."""
    found = headings(text)
    first = found.index((2, CHOICES))
    end = next((i for i in range(first + 1, len(found)) if found[i][0] == 2), len(found))
    inside = found[first + 1:end]
    return [h for h in found if h not in inside or h[0] < 4], inside


def test_contents_is_every_heading_in_order():
    text = README.read_text(encoding="utf-8")
    top, _ = readme_parts(text)
    assert contents(text) == entries(top)


def test_where_we_had_to_choose_lists_its_own_headings():
    text = README.read_text(encoding="utf-8")
    _, inside = readme_parts(text)
    assert sum(level == 4 for level, _ in inside) > 20  # the scan sees the section's own topics
    section = text.index(f"\n## {CHOICES}\n")
    assert contents(text, section) == entries(inside, top=3)
    assert text.index("**Contents**", section) < text.index("\n### ", section)  # the list opens the section


def test_every_anchor_link_leads_to_a_heading():
    text = README.read_text(encoding="utf-8")
    anchors = {anchor(title) for _, title in headings(text)}
    assert {"workers-ai", "where-we-had-to-choose"} <= anchors
    missing = sorted(set(re.findall(r"\]\(#([^)]+)\)", text)) - anchors)
    assert missing == []


def test_each_docs_page_lists_its_headings_too():
    """docs/*.md holds the reference moved out of the README: each page opens with the same list."""
    pages = sorted((README.parent / "docs").glob("*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if headings(text):  # a page of one section (its # title only) needs no list
            listed, expected = listed_and_expected(text)
            assert listed == expected, page.name
