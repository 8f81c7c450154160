"""What to say when a Worker's module is not Python because it spells a JavaScript member the
JavaScript way: ``Buffer.from(mac)`` (Cloudflare's signing-requests example) is a
``SyntaxError`` in every Python, so no interpreter of the Worker's era would take it; Pyodide
reads ``Buffer.from_`` as JavaScript's ``Buffer.from`` (``runtime/jsbase.py``'s
``js_property_name``)."""

from __future__ import annotations

import io
import keyword
import tokenize

__all__ = ["keyword_member_hint"]


def keyword_member_hint(exc: SyntaxError) -> str | None:
    """The note for a ``SyntaxError`` whose line reads a member named by a Python keyword
    (``obj.from``, ``promise.finally``), or ``None`` for any other."""
    names = _keyword_members(exc.text or "")
    if not names:
        return None
    name = names[0]
    return (f"`.{name}` names a Python keyword, which no Python accepts after a dot: Pyodide reads `.{name}_` "
            f"(one underscore after the keyword) as JavaScript's `.{name}`, as workers-env does -- or write "
            f'getattr(obj, "{name}").')


def _keyword_members(line: str) -> list[str]:
    """The keywords read as members on ``line`` (a ``NAME`` token that is a keyword, right after
    a ``.`` operator), in order; a line tokenize cannot finish gives those found before."""
    found: list[str] = []
    after_dot = False
    try:
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            if after_dot and token.type == tokenize.NAME and keyword.iskeyword(token.string):
                found.append(token.string)
            after_dot = token.type == tokenize.OP and token.string == "."
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return found
