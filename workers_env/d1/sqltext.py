"""Reading SQL text: splitting it into statements and telling empty text apart.

SQLite itself decides where a statement ends (``sqlite3.complete_statement`` knows about
quotes, comments and ``CREATE TRIGGER ... BEGIN ...; END``); this module only proposes
the semicolons that are outside quotes and comments.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

__all__ = ["skip_comment", "skip_quoted", "split_statements", "is_blank", "exec_lines", "file_statements", "SEVERAL_TRANSACTIONS"]

_QUOTES = {"'": "'", '"': '"', "`": "`", "[": "]"}


def skip_comment(sql: str, i: int) -> int:
    """The end of the ``--``/``/* */`` comment starting at ``i`` (or ``i`` when none does)."""
    if sql.startswith("--", i):
        end = sql.find("\n", i)
        return len(sql) if end < 0 else end + 1
    if sql.startswith("/*", i):
        end = sql.find("*/", i + 2)
        return len(sql) if end < 0 else end + 2
    return i


def skip_quoted(sql: str, i: int) -> int:
    """The end of the string or quoted name starting at ``i`` (or ``i`` when none does)."""
    close = _QUOTES.get(sql[i])
    if close is None:
        return i
    end = sql.find(close, i + 1)
    while end >= 0 and close != "]" and sql.startswith(close * 2, end):
        end = sql.find(close, end + 2)
    return len(sql) if end < 0 else end + 1


def _scan(sql: str) -> tuple[list[int], bool]:
    """Positions of ``;`` outside quotes and comments, and whether any code was seen."""
    semicolons: list[int] = []
    code = False
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in "-/":
            end = skip_comment(sql, i)
            if end != i:
                i = end
                continue
        elif ch in _QUOTES:
            code = True
            i = skip_quoted(sql, i)
            continue
        if ch == ";":
            semicolons.append(i)
        elif not ch.isspace():
            code = True
        i += 1
    return semicolons, code


def is_blank(sql: str) -> bool:
    """True when ``sql`` holds no statement: only whitespace, comments and semicolons."""
    return not _scan(sql)[1]


@lru_cache(maxsize=1024)
def split_statements(sql: str) -> tuple[str, ...]:
    """The statements of ``sql`` in order, as SQLite reads them (text up to and with each
    terminating ``;``, whitespace kept, so limits and error offsets are SQLite's); blank ones dropped."""
    semicolons, code = _scan(sql)
    if not code:
        return ()
    statements: list[str] = []
    start = 0
    for pos in semicolons:
        chunk = sql[start:pos + 1]
        if sqlite3.complete_statement(chunk):
            if not is_blank(chunk):
                statements.append(chunk)
            start = pos + 1
    rest = sql[start:]
    if not is_blank(rest):
        statements.append(rest)
    return tuple(statements)


def exec_lines(sql: str) -> list[str]:
    """``exec()``'s queries: the binding sends one query per line of the trimmed text."""
    return sql.strip().split("\n")


SEVERAL_TRANSACTIONS = (
    "Wrangler could not process the provided SQL file, as it contains several transactions.\n"
    "D1 runs your SQL in a transaction for you.\n"
    "Please export an SQL file from your SQLite database and try again."
)


def file_statements(sql: str) -> list[str]:
    """A SQL file's statements as ``wrangler d1 execute`` sends them (one batch).

    Like wrangler, one ``BEGIN TRANSACTION;`` ... ``COMMIT;`` pair (an ``sqlite3 .dump``) is
    dropped, since D1 runs the batch in a transaction itself; more raise ``ValueError``.
    """
    if "BEGIN TRANSACTION" in sql:
        sql = sql.replace("BEGIN TRANSACTION;", "", 1).replace("COMMIT;", "", 1)
        if "BEGIN TRANSACTION" in sql:
            raise ValueError(SEVERAL_TRANSACTIONS)
    return list(split_statements(sql))
