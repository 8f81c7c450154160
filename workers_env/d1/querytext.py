"""How a query's text is read before it runs: lone surrogates as workerd stores them, the
first word, text Miniflare leaves out as only comments, and a query's one statement.

Pure functions of the SQL text (several cached per text), used by
:class:`~workers_env.d1.database.Database` before SQLite sees a query; separate from
``database.py`` as they hold no connection or transaction state. Moved out of ``database.py``
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from workers_env._jsvalues import JS_WHITESPACE
from workers_env.d1.parameters import has_named, has_numbered
from workers_env.d1.sqliteconnection import _NUMBERED_WARNS
from workers_env.d1.sqltext import SQLITE_SPACE, skip_comment, split_statements


def _as_stored(text: str) -> str:
    """A JavaScript string as workerd's SQLite gets it and gives it back: V8 writes a lone
    surrogate as its three bytes (``ED A0 80`` for U+D800), which are not UTF-8 and read back
    as three U+FFFD. SQLite takes only UTF-8 from Python, so the three U+FFFD go in instead
    (what Worker code reads back is the same; SQL's ``length()`` counts 3, workerd's 1)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd\ufffd\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def _well_formed(sql: str, params: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
    """A query with every lone surrogate in its text and text parameters as :func:`_as_stored` puts it."""
    return _as_stored(sql), tuple(_as_stored(p) if isinstance(p, str) else p for p in params)


def _first_word(sql: str) -> str:
    """The first word of ``sql`` (comments and whitespace skipped), lower-cased."""
    i = 0
    while True:
        i = len(sql) - len(sql[i:].lstrip(SQLITE_SPACE))
        end = skip_comment(sql, i)
        if end == i:
            break
        i = end
    found = _WORD.match(sql, i)
    return found.group().lower() if found else ""


_WORD = re.compile(r"\w+")
_JS_LINE_TERMINATORS = "\n\r\u2028\u2029"
# ``/^\s*--.*/gm``: a line start (after any JavaScript line terminator), JavaScript's whitespace,
# ``--`` and the rest of the line (``.`` stops at every line terminator).
_LINE_COMMENT = re.compile(f"(?:^|(?<=[{_JS_LINE_TERMINATORS}]))[{JS_WHITESPACE}]*--[^{_JS_LINE_TERMINATORS}]*")


@lru_cache(maxsize=1024)
def _only_line_comments(sql: str) -> bool:
    """Whether the local runtime leaves ``sql`` out as empty: Miniflare's
    ``sql.replace(/^\\s*--.*/gm, "").trim()`` is empty, read with JavaScript's whitespace and
    line terminators (a BOM or a no-break space is blank there, a U+001C is not)."""
    return not _LINE_COMMENT.sub("", sql).strip(JS_WHITESPACE)


@lru_cache(maxsize=1024)
def _single_statement(sql: str) -> tuple[str, ...] | None:
    """``sql`` as its one statement, or ``None`` when it holds several, none or only comments."""
    if _only_line_comments(sql):
        return None
    statements = split_statements(sql)
    return statements if len(statements) == 1 else None


@lru_cache(maxsize=1024)
def _rows_plan(sql: str) -> tuple[str, bool] | None:
    """How :meth:`Database.query_rows` runs ``sql``, worked out once per text: its one statement
    (``None``: several or none, or a NUL in the text) and whether the cursor runs it as it is
    (no named parameter to bind by index, no ``?NNN`` for 3.12.0-3.12.3's false alarm)."""
    single = None if "\0" in sql else _single_statement(sql)
    if single is None:
        return None
    statement = single[0]
    return statement, not (has_named(statement) or (_NUMBERED_WARNS and has_numbered(statement)))
