"""Syntax errors in wrangler's words: ``Invalid TOML document: ...`` and jsonc-parser's codes.

wrangler parses TOML with smol-toml and JSON/JSONC with jsonc-parser, and reports the first
problem as its message plus ``file:line:column`` (line from 1, column from 0) and the line
with a caret. TOML is parsed here with tomllib, whose messages are mapped to smol-toml's for
the common mistakes; JSON/JSONC errors are found by :func:`jsonc_first_error`, which follows
jsonc-parser's scanner and parser (with trailing commas allowed) up to the first error.
"""

from __future__ import annotations

import re

__all__ = ["format_syntax_error", "jsonc_first_error", "line_and_column", "toml_message"]

# tomllib message (start) -> (smol-toml message, where smol-toml points: None for the same place,
# an int for that column, a string "+N" for N columns further on)
_TOML_MESSAGES: tuple[tuple[str, str, int | str | None], ...] = (
    ("Invalid value", "invalid value", None),
    ("Illegal character '\\n'", "control characters are not allowed in strings", None),
    ("Unterminated string", "unterminated string", None),
    ("Cannot overwrite a value", "trying to redefine an already defined table or value", 0),
    ("Cannot declare", "trying to redefine an already defined table or value", 1),
    ("Expected '=' after a key in a key/value pair", "incomplete key-value: cannot find end of key", None),
    ("Expected ']' at the end of a table declaration", "illegal character in key", None),
    # `[[vectorize]`: tomllib stops at the lone `]`, smol-toml past it (its parseKey ate the `]`)
    ("Expected ']]' at the end of an array declaration", "expected end of table array declaration", "+1"),
    ("Invalid statement", "invalid statement", None),
    ("Expected newline or end of document after a statement", "each key-value declaration must be followed by an end-of-line", None),
)


def toml_message(message: str, column: int) -> tuple[str, int]:
    """smol-toml's wording for a tomllib message at ``column``, and the column smol-toml names."""
    for prefix, theirs, where in _TOML_MESSAGES:
        if message.startswith(prefix):
            if isinstance(where, str):
                return theirs, column + int(where)
            return theirs, column if where is None else where
    return message[:1].lower() + message[1:], column


def format_syntax_error(message: str, display: str, text: str, line: int, column: int) -> str:
    """wrangler's report of a parse error: the message, ``file:line:column:`` and a caret."""
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    gutter = str(line)
    return (
        f"{message}\n\n    {display}:{line}:{column}:\n"
        f"      {gutter} │ {source}\n"
        f"      {' ' * len(gutter)} ╵ {' ' * column}^"
    )


_TOKEN = re.compile(
    r"""(?P<ws>[ \t\r\n\f\v\ufeff]+)
      |(?P<lc>//[^\n\r]*)
      |(?P<bc>/\*.*?\*/)
      |(?P<bcu>/\*)
      |(?P<str>"(?:[^"\\\n\r]|\\.)*")
      |(?P<stru>"(?:[^"\\\n\r]|\\.)*)
      |(?P<num>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
      |(?P<punct>[{}\[\]:,])
      |(?P<word>[^\s{}\[\]:,"/]+|/)""",
    re.VERBOSE | re.DOTALL,
)


class _Stop(Exception):
    def __init__(self, code: str, offset: int):
        self.code = code
        self.offset = offset


def jsonc_first_error(text: str) -> tuple[str, int] | None:
    """jsonc-parser's first error code and offset for ``text`` (trailing commas allowed), or None."""
    tokens: list[tuple[str, int]] = []  # (kind, offset); kinds: { } [ ] : , value EOF
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        assert m is not None
        kind = m.lastgroup
        if kind == "bcu":
            tokens.append(("err:UnexpectedEndOfComment", pos))
            break
        if kind == "stru":
            tokens.append(("err:UnexpectedEndOfString", pos))
            break
        if kind in ("str", "num"):
            tokens.append(("value", pos))
        elif kind == "punct":
            tokens.append((m.group(), pos))
        elif kind == "word":
            word = m.group()
            tokens.append(("value" if word in ("true", "false", "null") else "err:InvalidSymbol", pos))
        pos = m.end()
    tokens.append(("EOF", len(text)))
    index = 0

    def token() -> tuple[str, int]:
        kind, offset = tokens[index]
        if kind.startswith("err:"):
            raise _Stop(kind[4:], offset)
        return kind, offset

    def advance() -> None:
        nonlocal index
        index += 1
        token()

    def value() -> bool:
        kind, _ = token()
        if kind == "{":
            parse_object()
            return True
        if kind == "[":
            parse_array()
            return True
        if kind == "value":
            advance()
            return True
        return False

    def parse_property() -> None:
        kind, offset = token()
        if kind != "value" or text[offset] != '"':
            raise _Stop("PropertyNameExpected", offset)
        advance()
        kind, offset = token()
        if kind != ":":
            raise _Stop("ColonExpected", offset)
        advance()
        if not value():
            raise _Stop("ValueExpected", token()[1])

    def parse_object() -> None:
        advance()
        needs_comma = False
        while token()[0] not in ("}", "EOF"):
            kind, offset = token()
            if kind == ",":
                if not needs_comma:
                    raise _Stop("ValueExpected", offset)
                advance()
                if token()[0] == "}":
                    break
            elif needs_comma:
                raise _Stop("CommaExpected", offset)
            parse_property()
            needs_comma = True
        kind, offset = token()
        if kind != "}":
            raise _Stop("CloseBraceExpected", offset)
        advance()

    def parse_array() -> None:
        advance()
        needs_comma = False
        while token()[0] not in ("]", "EOF"):
            kind, offset = token()
            if kind == ",":
                if not needs_comma:
                    raise _Stop("ValueExpected", offset)
                advance()
                if token()[0] == "]":
                    break
            elif needs_comma:
                raise _Stop("CommaExpected", offset)
            if not value():
                raise _Stop("ValueExpected", token()[1])
            needs_comma = True
        kind, offset = token()
        if kind != "]":
            raise _Stop("CloseBracketExpected", offset)
        advance()

    try:
        kind, offset = token()
        if kind == "EOF":
            raise _Stop("ValueExpected", offset)
        if not value():
            raise _Stop("ValueExpected", offset)
        kind, offset = token()
        if kind != "EOF":
            raise _Stop("EndOfFileExpected", offset)
    except _Stop as stop:
        return stop.code, stop.offset
    return None


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line, 0-based column of ``offset``, as wrangler's ``indexLocation``."""
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1)
