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
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from workers_env._jsontext import json_int
from workers_env._jsvalues import numpy
from workers_env.cli.common import CommandError, node_fs_error


class _ParseError(CommandError):
    """A JSON file's syntax error, laid out as wrangler prints it."""


#: How deep wrangler 4.164.0's bulk commands read a file before its stack overflows, measured
#: by bisection (to about 15 levels): ``[`` nested 4,452 deep reads in ``get`` and 4,468
#: overflows, 4,375 / 4,390 in ``put`` and ``delete``; an object level (``{"a":``) costs about
#: 1.41 array levels (3,153 / 3,164 in ``get``, 3,107 / 3,122 in ``put``).
STACK_GET, STACK_PUT = 4_460.0, 4_383.0
_OBJECT_LEVEL = 1.41
#: what jsonc-parser's scanner skips: strings (to their closing quote or the end of the line,
#: an escape taking any next character), ``//`` and ``/* */`` comments, everything else that
#: is not a bracket -- so only the brackets it would parse are left (possessive: no
#: backtracking state on a long string)
_NOT_BRACKETS = re.compile(r'"(?:[^"\\\r\n]++|\\[\s\S])*+"?|//[^\r\n]*+|/\*(?:[^*]++|\*(?!/))*+(?:\*/)?|[^\[\]{}"/]++|/')

_LIMIT_LOCK = threading.Lock()
_RAISED = [0, 0]  # commands running with room to recurse, and the limit to put back after the last


@contextmanager
def room_to_recurse() -> Iterator[None]:
    """Room for a file nested as deep as wrangler reads it (the parse, the item checks and the
    error texts recurse a few frames a level); the process's limit is put back when the last
    command running in it ends (``main()`` may run in several threads of one process)."""
    with _LIMIT_LOCK:
        if _RAISED[0] == 0:
            _RAISED[1] = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_RAISED[1], 40_000))
        _RAISED[0] += 1
    try:
        yield
    finally:
        with _LIMIT_LOCK:
            _RAISED[0] -= 1
            if _RAISED[0] == 0:
                sys.setrecursionlimit(_RAISED[1])


def _deep_reading(handler: Callable[[argparse.Namespace], None]) -> Callable[[argparse.Namespace], None]:
    """A bulk command run within :func:`room_to_recurse`."""
    def run(args: argparse.Namespace) -> None:
        with room_to_recurse():
            handler(args)
    return run


def _text_depth(text: str) -> float:
    """How deep the brackets jsonc-parser would parse nest, an object level weighing
    :data:`_OBJECT_LEVEL` (its visitor recurses through them whether the file is valid or not).
    (numpy imported here, for a file that is not JSON: no other kv command needs it.)"""
    np = numpy()
    brackets = np.frombuffer(_NOT_BRACKETS.sub("", text).encode("ascii"), dtype=np.uint8)
    if not len(brackets):
        return 0.0
    step = np.select([brackets == ord("["), brackets == ord("{"), brackets == ord("]")],
                     [1.0, _OBJECT_LEVEL, -1.0], -_OBJECT_LEVEL)
    return float(np.cumsum(step).max())


def _value_depth(value: Any) -> float:
    """:func:`_text_depth` of a parsed value, walked without recursion (only containers visited)."""
    deepest = 0.0
    stack = [(value, 0.0)] if isinstance(value, (list, dict)) else []
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(item, list):
            depth += 1.0
            children = item
        else:
            depth += _OBJECT_LEVEL
            children = item.values()
        if depth > deepest:
            deepest = depth
        stack.extend([(child, depth) for child in children if isinstance(child, (list, dict))])
    return deepest


def _within_stack(filename: str, depth: float, stack: float) -> float:
    """``depth``, or wrangler's stack overflow for a file nested deeper than ``stack``."""
    if depth > stack:
        raise CommandError(f"Maximum call stack size exceeded\n{filename} nests about {int(depth):,} array levels "
                           f"deep (an object level counts about {_OBJECT_LEVEL}); wrangler 4.164.0's stack holds "
                           f"about {int(stack):,} in this command. Nest the file less.")
    return depth


def _parse_json_file(text: str, filename: str, *, stack: float) -> Any:
    """A bulk file as wrangler's ``parseJSON`` reads it: strict JSON (no comments, no trailing
    commas), the first error jsonc-parser's code and place (``ValueExpected b.json:1:25`` and
    the line, marked as esbuild marks it), ``NaN`` refused (``InvalidSymbol``), and a nesting
    deeper than wrangler's ``stack`` holds its ``Maximum call stack size exceeded`` (even in a
    file with a syntax error: jsonc-parser reads on after one). Run it within
    :func:`room_to_recurse`."""
    from workers_env.config.syntax import format_syntax_error, jsonc_first_error, line_and_column

    try:  # valid JSON is what jsonc-parser accepts here (numbers doubles); NaN and Infinity are not
        value = json.loads(text, parse_int=json_int, parse_constant=_not_json)
    except ValueError as exc:  # (JSONDecodeError, or NaN): jsonc-parser's first error, after its depth
        _within_stack(filename, _text_depth(text), stack)
        found = jsonc_first_error(text, allow_trailing_comma=False, disallow_comments=True)
        if found is None:  # a guard: jsonc-parser, as wrangler 4.164.0 bundles it, takes only JSON's own
            # whitespace too (space, tab, line breaks), so no file measured reaches this
            raise CommandError(f"{filename}: {exc}. workers-env reads a bulk file as JSON: keep to JSON's "
                               "whitespace (space, tab, line breaks).") from None
        code, offset, length = found
        line, column = line_and_column(text, offset)
        raise _ParseError(format_syntax_error(code, filename, text, line, column, length)) from None
    except RecursionError:  # a JSON reader that stops sooner whatever the limit (CPython 3.12.1: ~1,500 levels)
        depth = _within_stack(filename, _text_depth(text), stack)
        raise CommandError(f"{filename} nests about {int(depth):,} levels deep: deeper than this Python's JSON reader "
                           f"goes, though wrangler reads it (its stack holds about {int(stack):,}). Nest the file "
                           "less, or use another Python.") from None
    _within_stack(filename, _value_depth(value), stack)
    return value


def _not_json(constant: str) -> Any:
    """``NaN``/``Infinity``, which ``json.loads`` takes and JSON (jsonc-parser) does not: refused
    here, then named by jsonc-parser's error (``InvalidSymbol``), so this error has no text."""
    raise ValueError(constant)


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
        if not filename:  # Node opens no file named "" (Path("") would be the current folder)
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
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
