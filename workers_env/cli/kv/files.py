"""Reading a kv command's JSON file as wrangler reads it: UTF-8 (a UTF-16/32 byte order mark
refused), strict JSON with jsonc-parser's first error, as deep as wrangler's stack goes, and
Node's error for a file that cannot be read."""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workers_env._jsvalues import json_int
from workers_env.cli.common import CommandError, node_fs_error


class _ParseError(CommandError):
    """A JSON file's syntax error, laid out as wrangler prints it."""
#: wrangler 4.164.0 reads a bulk file of ``[`` nested 4,000 deep and overflows its stack at
#: 5,000 (measured); past this depth we give its error without trying
_DEEPEST = 4_500
_NOT_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[^\[\]{}"]+')


def _depth(text: str) -> int:
    """How deep the arrays and objects of JSON ``text`` nest (strings skipped)."""
    deepest = level = 0
    for c in _NOT_BRACKETS.sub("", text):  # brackets, and the quote of a string never closed
        if c in "[{":
            level += 1
            deepest = max(deepest, level)
        elif c in "]}":
            level -= 1
    return deepest


def _deep_reading(handler: Callable[[argparse.Namespace], None]) -> Callable[[argparse.Namespace], None]:
    """Run a bulk command with room for files nested as deep as wrangler reads them (the parse,
    the item checks and the error texts each recurse once or twice a level)."""
    def run(args: argparse.Namespace) -> None:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 8 * _DEEPEST))
        try:
            handler(args)
        except RecursionError:  # Python 3.12's JSON reader stops at about 1,500 levels whatever the limit
            raise CommandError(f"{args.filename}: nested deeper than this Python's JSON reader goes; wrangler "
                               f"reads up to about 4,000 levels. Nest the file less.") from None
        finally:
            sys.setrecursionlimit(limit)
    return run


def _parse_json_file(text: str, filename: str) -> Any:
    """A bulk file as wrangler's ``parseJSON`` reads it: strict JSON (no comments, no trailing
    commas), the first error jsonc-parser's code and place (``ValueExpected b.json:1:25`` and
    the line, marked as esbuild marks it), ``NaN`` refused (``InvalidSymbol``), a nesting deeper
    than wrangler's stack holds its ``Maximum call stack size exceeded``."""
    from workers_env.config.syntax import format_syntax_error, jsonc_first_error, line_and_column

    depth = _depth(text)
    if depth > _DEEPEST:
        raise CommandError(f"Maximum call stack size exceeded\n{filename} nests {depth:,} levels deep; wrangler 4.164.0 "
                           f"reads about 4,000 and overflows its stack by 5,000. Nest the file less.")
    found = jsonc_first_error(text, allow_trailing_comma=False, disallow_comments=True)
    if found is not None:
        code, offset, length = found
        line, column = line_and_column(text, offset)
        raise _ParseError(format_syntax_error(code, filename, text, line, column, length))
    return json.loads(text, parse_int=json_int)  # what jsonc-parser accepts here is plain JSON; numbers doubles


def _unreadable(filename: str, exc: OSError) -> CommandError:
    """wrangler's ``Could not read file: X`` with Node's error as the note
    (``ENOENT: no such file or directory, open '/abs/X'``): wrangler puts the absolute path in
    place of the first ``X`` in Node's text, wherever that is, and so do we."""
    node = node_fs_error(exc, "read", None) if exc.errno == errno.EISDIR else node_fs_error(exc, "open", filename)
    return CommandError(f"Could not read file: {filename}\n" + node.replace(filename, os.path.abspath(filename), 1))


def _read_text(filename: str) -> str:
    """wrangler's ``readFileSync``: UTF-8 (a bad byte U+FFFD, as Node decodes), a UTF-8 BOM
    skipped, a UTF-16/32 one refused as wrangler refuses it."""
    from workers_env.config.syntax import format_syntax_error
    from workers_env.config.wrangler import _UNSUPPORTED_BOMS

    try:
        data = Path(filename).read_bytes()
    except OSError as exc:
        raise _unreadable(filename, exc) from None
    for bom, encoding in _UNSUPPORTED_BOMS:
        if data.startswith(bom):
            raise _ParseError(
                format_syntax_error(f"Configuration file contains {encoding} byte order marker", filename, "", 1, 0)
                + f'\n\n  The file "{filename}" appears to be encoded as {encoding}. Please save the file as UTF-8 without BOM.'
            )
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text
