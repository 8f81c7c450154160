"""Syntax errors in wrangler's words: ``Invalid TOML document: ...`` and jsonc-parser's codes.

wrangler parses TOML with smol-toml and JSON/JSONC with jsonc-parser, and reports the first
problem as its message plus ``file:line:column`` (line from 1, column from 0) and the line
with a caret. A ``wrangler.toml`` is read by smol-toml's port (:mod:`.smol_toml`), in its own
words; JSON/JSONC errors are found by :func:`jsonc_first_error`, a port of jsonc-parser's
scanner and parser up to the first error; :func:`format_syntax_error` draws the place as
esbuild (wrangler's logger) does. A ``pyproject.toml``, which Python's tools read and wrangler
never does, keeps tomllib's message and numbering: :func:`format_tomllib_error` draws its
place the same way, the caret under the character tomllib names.
"""

from __future__ import annotations

import json.decoder
import re
from collections.abc import Callable
from typing import Any, NoReturn

from workers_env._jsvalues import js_length

__all__ = ["format_syntax_error", "format_tomllib_error", "jsonc_first_error", "jsonc_value", "line_and_column"]


def format_syntax_error(message: str, display: str, text: str, line: int, column: int, length: int = 0) -> str:
    """wrangler's report of a parse error: the message, ``file:line:column:`` and the line with
    a caret, or ``~`` under the ``length`` characters the error covers, as esbuild draws it.

    ``line`` counts from 1; ``column`` (in the line) and ``length`` are in characters. wrangler
    hands esbuild JavaScript's UTF-16 units where esbuild expects UTF-8 bytes, so after a
    non-ASCII character the marker sits where esbuild puts it, not under the character."""
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    start = sum(len(row) + 1 for row in lines[: line - 1]) + column
    return f"{message}\n\n    {display}:{line}:" + _esbuild_detail(
        source, line, js_length(source[:column]), js_length(text[start : start + length])
    )


def format_tomllib_error(message: str, display: str, text: str) -> str:
    """A ``tomllib.TOMLDecodeError``'s ``message`` as Python's tools show it, whole (``Invalid
    statement (at line 3, column 1)``), then ``file:line:column:`` with tomllib's numbers (both
    from 1, in characters) and the line with a caret under that character, drawn as
    :func:`format_syntax_error` draws it (tabs as two spaces, a long line cut with ``...``).
    ``(at end of document)`` is placed after the last character."""
    where = re.search(r"\(at line (\d+), column (\d+)\)$", message)
    lines = text.split("\n")
    line, column = (int(where.group(1)), int(where.group(2))) if where else (len(lines), len(lines[-1]) + 1)
    source = (lines[line - 1] if 0 < line <= len(lines) else "").removesuffix("\r")  # (a CRLF file's line)
    at = len(source[: column - 1].encode("utf-8", "surrogatepass"))  # (the byte esbuild's drawing counts to)
    return f"{message}\n\n    {display}:{line}:{column}:\n" + _marked_line(source, line, at, 0)


def _esbuild_detail(line_text: str, line: int, column: int, length: int) -> str:
    """``column:`` and the two source lines of esbuild's ``detailStruct`` (its logger.go) for
    its default 80-column terminal: tabs as two-space stops, a long line cut with ``...``."""
    column = max(0, min(column, len(line_text.encode("utf-8", "surrogatepass"))))
    return f"{column}:\n" + _marked_line(line_text, line, column, length)


def _marked_line(line_text: str, line: int, column: int, length: int) -> str:
    """The two source lines of esbuild's ``detailStruct``: ``line_text`` and its marker at byte
    ``column`` (a caret, or ``~`` under ``length`` bytes), for an 80-column terminal."""
    first = line_text.encode("utf-8", "surrogatepass")
    column = max(0, min(column, len(first)))
    length = max(0, min(length, len(first) - column))
    shown = _tab_stops(first)
    marker_start = min(len(_tab_stops(first[:column])), len(shown))
    marker_end = len(_tab_stops(first[: column + length])) if length > 0 else marker_start
    marker_end = max(min(marker_end, len(shown)), marker_start)
    indent = _width(_tab_stops(first[:column]))
    margin = len(str(line))
    room = max(80 - (margin + 9), 1) - (1 if column == len(first) else 0)
    if len(shown) > room:
        slice_start = int((marker_start + marker_end - room) / 2)  # Go's division truncates
        slice_start = min(slice_start, marker_start - int(room / 5))
        slice_start = min(max(slice_start, 0), len(shown) - room)
        slice_end = slice_start + room
        cut = shown[slice_start:slice_end]
        marker_start = max(marker_start - slice_start, 0)
        marker_end = min(marker_end - slice_start, len(cut))
        if len(cut) > 3 and slice_start > 0:
            cut = b"..." + cut[3:]
            marker_start = max(marker_start, 3)
        if len(cut) > 3 and slice_end < len(shown):
            cut = cut[:-3] + b"..."
            marker_end = max(min(marker_end, len(cut) - 3), marker_start)
        shown = cut
        indent = _width(shown[:marker_start])
    marker = "~" * _width(shown[marker_start:marker_end]) if marker_end - marker_start > 1 else "^"
    return (
        f"      {line} │ {shown.decode('utf-8', 'replace')}\n"
        f"      {' ' * margin} ╵ {' ' * indent}{marker}"
    )


def _tab_stops(part: bytes) -> bytes:
    if b"\t" not in part:
        return part
    out: list[str] = []
    count = 0
    for char in part.decode("utf-8", "surrogateescape"):
        spaces = 2 - count % 2 if char == "\t" else 0
        out.append(" " * spaces if spaces else char)
        count += spaces or 1
    return "".join(out).encode("utf-8", "surrogateescape")


def _width(part: bytes) -> int:
    """esbuild's column estimate: one per code point (a broken byte one), none for a BOM."""
    return sum(1 for char in part.decode("utf-8", "surrogateescape") if char != "\ufeff")


class _Stop(Exception):
    def __init__(self, code: str, offset: int, length: int):
        self.code = code
        self.offset = offset
        self.length = length


_DIGITS = frozenset("0123456789")
_HEX = frozenset("0123456789abcdefABCDEF")
_NOT_SYMBOL = frozenset(' \t\r\n{}[]":,/')


def jsonc_first_error(
    text: str, *, allow_trailing_comma: bool = True, disallow_comments: bool = False, max_depth: int | None = None
) -> tuple[str, int, int] | None:
    """jsonc-parser's (3.2) first error in ``text`` as ``(code, offset, length)`` of the token
    it is reported at, or None: a port of its scanner and ``visit``. The defaults are wrangler's
    config reading (``parseJSONC``); its ``parseJSON`` (kv bulk files) is
    ``allow_trailing_comma=False, disallow_comments=True``. Past ``max_depth`` nested arrays
    and objects it raises ``RecursionError`` (where jsonc-parser's recursion overflows its stack)."""
    size = len(text)
    depth = 0
    pos = token_offset = 0
    token = ""
    scan_error = ""

    def digits() -> None:
        nonlocal pos
        while pos < size and text[pos] in _DIGITS:
            pos += 1

    def scan_number() -> None:
        nonlocal pos, scan_error
        pos += 1
        if text[pos - 1] != "0":
            digits()
        if pos < size and text[pos] == ".":
            pos += 1
            if pos < size and text[pos] in _DIGITS:
                digits()
            else:
                scan_error = "UnexpectedEndOfNumber"
                return
        if pos < size and text[pos] in "eE":
            pos += 1
            if pos < size and text[pos] in "+-":
                pos += 1
            if pos < size and text[pos] in _DIGITS:
                digits()
            else:
                scan_error = "UnexpectedEndOfNumber"

    def scan_string() -> None:
        nonlocal pos, scan_error
        while True:
            if pos >= size:
                scan_error = "UnexpectedEndOfString"
                return
            char = text[pos]
            if char == '"':
                pos += 1
                return
            if char == "\\":
                pos += 1
                if pos >= size:
                    scan_error = "UnexpectedEndOfString"
                    return
                escaped = text[pos]
                pos += 1
                if escaped == "u":
                    count = 0
                    while count < 4 and pos < size and text[pos] in _HEX:
                        pos += 1
                        count += 1
                    if count < 4:
                        scan_error = "InvalidUnicode"
                elif escaped not in '"\\/bfnrt':
                    scan_error = "InvalidEscapeCharacter"
                continue
            if char <= "\x1f":
                if char in "\r\n":
                    scan_error = "UnexpectedEndOfString"
                    return
                scan_error = "InvalidCharacter"
            pos += 1

    def scan() -> str:
        nonlocal pos, token_offset, scan_error
        scan_error = ""
        token_offset = pos
        if pos >= size:
            token_offset = size
            return "EOF"
        char = text[pos]
        if char in " \t":
            while pos < size and text[pos] in " \t":
                pos += 1
            return "trivia"
        if char in "\r\n":
            pos += 2 if text.startswith("\r\n", pos) else 1
            return "trivia"
        if char in "{}[]:,":
            pos += 1
            return char
        if char == '"':
            pos += 1
            scan_string()
            return "string"
        if text.startswith("//", pos):
            pos += 2
            while pos < size and text[pos] not in "\r\n":
                pos += 1
            return "comment"
        if text.startswith("/*", pos):
            end = text.find("*/", pos + 2)
            if end < 0:
                pos, scan_error = size, "UnexpectedEndOfComment"
            else:
                pos = end + 2
            return "comment"
        if char == "-":
            pos += 1
            if pos == size or text[pos] not in _DIGITS:
                return "unknown"
            scan_number()
            return "value"
        if char in _DIGITS:
            scan_number()
            return "value"
        while pos < size and text[pos] not in _NOT_SYMBOL:
            pos += 1
        if token_offset == pos:
            pos += 1
            return "unknown"
        return "value" if text[token_offset:pos] in ("true", "false", "null") else "unknown"

    def fail(code: str) -> NoReturn:
        raise _Stop(code, token_offset, pos - token_offset)

    def scan_next() -> None:
        nonlocal token
        while True:
            token = scan()
            if scan_error and not (scan_error == "UnexpectedEndOfComment" and disallow_comments):
                fail(scan_error)
            if token == "comment" and disallow_comments:
                fail("InvalidCommentToken")
            if token == "unknown":
                fail("InvalidSymbol")
            if token not in ("trivia", "comment"):
                return

    def parse_value() -> bool:
        if token == "[":
            parse_container("]", parse_value)
        elif token == "{":
            parse_container("}", parse_property)
        elif token in ("string", "value"):
            scan_next()
        else:
            return False
        return True

    def parse_property() -> bool:
        if token != "string":
            fail("PropertyNameExpected")
        scan_next()
        if token != ":":
            fail("ColonExpected")
        scan_next()
        if not parse_value():
            fail("ValueExpected")
        return True

    def parse_container(close: str, parse_item: Callable[[], bool]) -> None:
        nonlocal depth
        depth += 1
        if max_depth is not None and depth > max_depth:
            raise RecursionError(f"nested more than {max_depth} levels")
        scan_next()
        needs_comma = False
        while token not in (close, "EOF"):
            if token == ",":
                if not needs_comma:
                    fail("ValueExpected")
                scan_next()
                if token == close and allow_trailing_comma:
                    break
            elif needs_comma:
                fail("CommaExpected")
            if not parse_item():
                fail("ValueExpected")
            needs_comma = True
        if token != close:
            fail("CloseBracketExpected" if close == "]" else "CloseBraceExpected")
        depth -= 1
        scan_next()

    try:
        scan_next()
        if token == "EOF" or not parse_value():
            fail("ValueExpected")
        if token != "EOF":
            fail("EndOfFileExpected")
    except _Stop as stop:
        return stop.code, stop.offset, stop.length
    return None


_JSONC_TOKEN = re.compile(
    r'[ \t\r\n]+|//[^\r\n]*|/\*.*?\*/|"|[\[\]{}:,]|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null',
    re.S)
#: json's own string decoder (its C scanner): (text, offset after the opening quote, strict) -> (value, end)
_json_string: Callable[[str, int, bool], tuple[str, int]] = getattr(json.decoder, "scanstring")
_LITERALS = {"true": True, "false": False, "null": None}
_NO_KEY = object()


def jsonc_value(text: str, string: Callable[[str], str] = lambda s: s) -> Any:
    """The value of ``text``, JSONC that :func:`jsonc_first_error` found no error in, read
    without recursion (a 5,000-level file too): numbers as json5 reads them (an ``int`` without
    ``.``/exponent, exact; else a ``float``, ``1e400`` infinite), a duplicate key's last value at
    its first place, strings decoded as JSON decodes them and then passed through ``string``."""
    holder: list[Any] = []
    stack: list[Any] = [holder]
    keys: list[Any] = [_NO_KEY]
    pos, size = 0, len(text)
    while pos < size:
        match = _JSONC_TOKEN.match(text, pos)
        if match is None:  # not JSONC that passed jsonc_first_error
            raise ValueError(f"unexpected character at offset {pos}")
        token, pos = match.group(), match.end()
        first = token[0]
        if first in " \t\r\n,:" or token.startswith(("//", "/*")):
            continue
        if first in "]}":
            stack.pop()
            keys.pop()
            continue
        value: Any
        if first == '"':
            raw, pos = _json_string(text, pos, False)
            value = string(raw)
            if type(stack[-1]) is dict and keys[-1] is _NO_KEY:
                keys[-1] = value
                continue
        elif first in "[{":
            value = [] if first == "[" else {}
        elif token in _LITERALS:
            value = _LITERALS[token]
        else:
            value = float(token) if any(c in token for c in ".eE") else int(token)
        parent = stack[-1]
        if type(parent) is dict:
            parent[keys[-1]] = value
            keys[-1] = _NO_KEY
        else:
            parent.append(value)
        if first in "[{":
            stack.append(value)
            keys.append(_NO_KEY)
    return holder[0]


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line, 0-based column of ``offset``, as wrangler's ``indexLocation``."""
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1)
