"""The README's Contents (a bold line, not a section: the quick start comes right after the two
commands), and each docs/*.md page's, lists every section heading (##, ### and ####, outside code blocks) in
order, each linked to the anchor GitHub makes for it, and nothing else: a section added,
renamed or moved later cannot leave the list stale, and every ``(#anchor)`` link in the README
leads to a heading that exists."""

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


def listed_and_expected(text: str) -> tuple[list[str], list[str]]:
    """The lines of a page's **Contents** list, and the lines its headings call for."""
    start = text.index("**Contents**\n\n") + len("**Contents**\n\n")
    listed = text[start: text.index("\n\n", start)].splitlines()
    expected = [f"{'  ' * (level - 2)}- [{title.replace('⚠ ', '')}](#{anchor(title)})"
                for level, title in headings(text)]
    return listed, expected


def test_contents_is_every_heading_in_order():
    listed, expected = listed_and_expected(README.read_text(encoding="utf-8"))
    assert listed == expected


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
