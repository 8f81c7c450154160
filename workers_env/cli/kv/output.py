"""kv's output as wrangler prints it: results on stdout, ``✘ [ERROR]`` / ``▲ [WARNING]``
blocks on stderr (the first line, a blank line, the rest indented by two spaces)."""

from __future__ import annotations

import re
import sys

from workers_env._jsvalues import well_formed


def _log(text: str) -> None:
    print(text, flush=True)


def _boxed(level: str, text: str) -> str:
    """wrangler's ``✘ [ERROR]`` / ``▲ [WARNING]`` block: the first line, then a blank line and
    the rest indented by two spaces, then a blank line."""
    first, *rest = text.split("\n")
    body = "".join(f"\n  {line}" for line in rest)
    return f"{level} {first}\n" + (f"{body}\n" if rest else "")


def _error(text: str, *, laid_out: bool = False) -> None:
    """``laid_out``: a parse error already in wrangler's layout (its place and caret indented)."""
    text = well_formed(text)  # a lone surrogate from a file's "\ud800" prints as U+FFFD, as Node writes it
    print("\n" + (f"✘ [ERROR] {text}\n" if laid_out else _boxed("✘ [ERROR]", text)), file=sys.stderr, flush=True)


def _located(text: str) -> bool:
    """A parse error already laid out (a config's syntax error): its second line is blank and its
    third the indented ``file:line:column:`` of ``format_syntax_error``."""
    lines = text.split("\n")
    return len(lines) > 2 and not lines[1] and re.fullmatch(r"    \S.*:\d+:\d+:", lines[2]) is not None


def _warn(text: str) -> None:
    print(_boxed("▲ [WARNING]", text), file=sys.stderr, flush=True)
