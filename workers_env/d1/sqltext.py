"""Reading SQL text: splitting it into statements and telling empty text apart.

Two splitters, as there are two in production. The binding's (:func:`split_statements`, the
runtime running one query's statements): SQLite itself decides where a statement ends
(``sqlite3.complete_statement`` knows about quotes, comments and ``CREATE TRIGGER ... BEGIN
...; END``); this module only proposes the semicolons that are outside quotes and comments.
``wrangler d1 execute`` and ``d1 migrations apply`` (:func:`file_statements`): wrangler's
``splitSqlQuery``, which trims each statement and drops its ``;`` before D1 sees it.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from workers_env._jsvalues import JS_WHITESPACE
from workers_env.d1.limits import SQLITE_LIMITS

__all__ = ["SQLITE_SPACE", "NO_STATEMENT", "skip_comment", "skip_quoted", "split_statements", "statement_text", "renamed_to",
           "function_offset", "is_blank", "exec_lines", "file_statements", "SEVERAL_TRANSACTIONS"]

_QUOTES = {"'": "'", '"': '"', "`": "`", "[": "]"}
#: How :func:`split_statements`' last piece starts when the text stops at a NUL after a
#: statement: SQLite reads no further, and workerd's loop, asking for one more statement, finds
#: none (the piece, from the NUL on, still counts toward the SQL length limit).
NO_STATEMENT = "\0"


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


# The characters SQLite's tokenizer passes over as space; any other (a vertical tab, a no-break
# space, U+2028, a BOM) is a token, an unrecognized one or a name, so a text holding one is no
# blank text to SQLite (measured: ``SELECT 1;\u00a0`` is ``near "\u00a0": syntax error``).
SQLITE_SPACE = " \t\n\f\r"


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
        elif ch not in SQLITE_SPACE:
            code = True
        i += 1
    return semicolons, code


def is_blank(sql: str) -> bool:
    """True when ``sql`` holds no statement: only SQLite's spaces, comments and semicolons."""
    return not _scan(sql)[1]


def _tokens(sql: str):
    """SQLite's tokens of ``sql`` roughly: words, quoted names or strings (unquoted), and
    single characters; comments and whitespace skipped. Enough to find a clause's name."""
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        end = skip_comment(sql, i) if ch in "-/" else i
        if end != i:
            i = end
        elif ch in SQLITE_SPACE:
            i += 1
        elif ch in _QUOTES:
            end = skip_quoted(sql, i)
            close = _QUOTES[ch]
            body = sql[i + 1:end - 1] if sql[end - 1:end] == close and end - i >= 2 else sql[i + 1:end]
            yield body if close == "]" else body.replace(close * 2, close)
            i = end
        else:
            word = _NAME.match(sql, i)
            end = word.end() if word else i + 1
            yield sql[i:end]
            i = end


_NAME = re.compile(r"[\w$\u0080-\U0010ffff]+")


def function_offset(sql: str, name: str) -> int:
    """SQLite's ``at offset N`` (in UTF-8 bytes) of the first call of function ``name`` in
    ``sql`` (strings, quoted names and comments skipped), or -1."""
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        end = skip_comment(sql, i) if ch in "-/" else skip_quoted(sql, i) if ch in _QUOTES else i
        if end != i:
            i = end
            continue
        word = _NAME.match(sql, i)
        if word is None:
            i += 1
            continue
        after = len(sql) - len(sql[word.end():].lstrip(SQLITE_SPACE))
        if word.group().lower() == name and sql.startswith("(", after):
            return len(sql[:i].encode("utf-8", "surrogatepass"))
        i = word.end()
    return -1


def renamed_to(sql: str) -> str | None:
    """The new name of an ``ALTER TABLE ... RENAME TO name`` statement, else ``None``."""
    tokens = list(_tokens(sql))
    for i in range(len(tokens) - 2):
        if tokens[i].lower() == "rename" and tokens[i + 1].lower() == "to":
            return tokens[i + 2]
    return None


# The whitespace workerd's prepare loop (``SqliteDatabase::prepareSql``, MULTI) skips after a
# statement before it prepares the rest: not SQLite's own set, which has no vertical tab.
_PREPARE_SKIPS = " \t\n\r\v\f"


@lru_cache(maxsize=1024)
def split_statements(sql: str) -> tuple[str, ...]:
    """The statements of ``sql`` as workerd prepares them, in order: the text from where each
    ``sqlite3_prepare_v3`` starts up to where the next one does, so the pieces join back into
    ``sql``. The first starts at the text's start; each later one where its predecessor's tail
    starts once spaces, tabs, line breaks, vertical tabs and form feeds are skipped (SQLite's
    ``at offset N`` counts from there, and empty statements or comments before a statement belong
    to it, as SQLite passes over them). A tail holding no statement -- a comment, a stray ``;``
    -- is a piece of its own, which workerd refuses (``SQL code did not contain a statement.``):
    see :func:`is_blank`; so is the text from a NUL on (:data:`NO_STATEMENT`), where SQLite stops
    reading (the text before it split so). A text holding no statement at all gives ``()``; one
    statement alone is given as :func:`statement_text` makes it, ready to run."""
    cut = sql.find("\0")
    if cut >= 0:
        head = split_statements(sql[:cut])
        if len(head) == 1:  # (the piece before the tail as it is, not made ready to run alone)
            head = (sql[:cut],)
        return head + (sql[cut:],) if head else ()
    semicolons, code = _scan(sql)
    if not code:
        return ()
    statements: list[str] = []
    start = 0
    for pos in semicolons:
        chunk = sql[start:pos + 1]
        if _complete(chunk) and not is_blank(chunk):
            end = pos + 1
            while end < len(sql) and sql[end] in _PREPARE_SKIPS:
                end += 1
            statements.append(sql[start:end])
            start = end
    if start < len(sql):
        statements.append(sql[start:])
    if len(statements) == 1:  # one statement, as it runs (every point query: stripped once, here)
        text = statement_text(statements[0])
        # (workerd hands SQLite the whole text, whose length the limit counts: CPython, given
        # the stripped one, would not see it over)
        if text is not statements[0] and len(sql.encode("utf-8", "surrogatepass")) > _SQL_LENGTH:
            text = sql
        return (text,)
    return tuple(statements)


_SQL_LENGTH = SQLITE_LIMITS[sqlite3.SQLITE_LIMIT_SQL_LENGTH]
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _complete(text: str) -> bool:
    """``sqlite3.complete_statement(text)``, also of text holding a lone surrogate (which
    ``sqlite3`` cannot encode; SQLite reads its bytes as it reads U+FFFD's: word characters)."""
    try:
        return sqlite3.complete_statement(text)
    except UnicodeEncodeError:
        return sqlite3.complete_statement(_LONE_SURROGATE.sub("\ufffd", text))


def statement_text(piece: str) -> str:
    """A piece of :func:`split_statements` as SQLite is given it to run: without the whitespace
    after its ``;`` that workerd skips (CPython's one-statement check would read a vertical tab
    there as a second statement). A piece that ends no statement there -- ``;\v`` after the
    last one, an unfinished trigger -- is kept whole: SQLite reads the vertical tab as a token."""
    text = piece.rstrip(_PREPARE_SKIPS)
    if text is piece or not text.endswith(";") or not _ends_statement(text):
        return piece
    return text


@lru_cache(maxsize=1024)
def _ends_statement(text: str) -> bool:
    """Whether ``text``, ending in ``;``, is a statement SQLite finishes there."""
    return _complete(text) and not is_blank(text)


def exec_lines(sql: str) -> list[str]:
    """``exec()``'s queries: the binding sends one query per line of the text JavaScript's
    ``trim()`` leaves (d1-api.ts ``query.trim().split('\\n')``)."""
    return sql.strip(JS_WHITESPACE).split("\n")


SEVERAL_TRANSACTIONS = (
    "Wrangler could not process the provided SQL file, as it contains several transactions.\n"
    "D1 runs your SQL in a transaction for you.\n"
    "Please export an SQL file from your SQLite database and try again."
)


def file_statements(sql: str) -> list[str]:
    """The queries ``wrangler d1 execute`` (and ``d1 migrations apply``) sends for ``sql``, in
    one batch: wrangler's ``splitSqlQuery`` (workers-utils ``d1-splitter.ts``).

    One ``BEGIN TRANSACTION;`` ... ``COMMIT;`` pair (an ``sqlite3 .dump``) is dropped, since D1
    runs the batch in a transaction itself; more raise ``ValueError``. Text whose only ``;``
    ends it is sent whole, as written; otherwise each statement is trimmed, without its ``;``
    (so SQLite's ``at offset N`` counts from its first word), and blank ones are left out.
    """
    if "BEGIN TRANSACTION" in sql:
        sql = sql.replace("BEGIN TRANSACTION;", "", 1).replace("COMMIT;", "", 1)
        if "BEGIN TRANSACTION" in sql:
            raise ValueError(SEVERAL_TRANSACTIONS)
    trimmed = sql.rstrip(JS_WHITESPACE)
    semicolon = trimmed.find(";")
    if semicolon in (-1, len(trimmed) - 1):
        return [sql]
    return _wrangler_split(sql) or [sql]


# wrangler's statement-end automaton (SQLite's sqlite3_complete): a state per token kind.
_TOKENS = ("SEMI", "WS", "OTHER", "EXPLAIN", "CREATE", "TEMP", "TRIGGER", "END")
_NEXT = {state: dict(zip(_TOKENS, row)) for state, row in {
    "INVALID": ("START", "INVALID", "NORMAL", "EXPLAIN", "CREATE", "NORMAL", "NORMAL", "NORMAL"),
    "START": ("START", "START", "NORMAL", "EXPLAIN", "CREATE", "NORMAL", "NORMAL", "NORMAL"),
    "NORMAL": ("START", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL"),
    "EXPLAIN": ("START", "EXPLAIN", "EXPLAIN", "NORMAL", "CREATE", "NORMAL", "NORMAL", "NORMAL"),
    "CREATE": ("START", "CREATE", "NORMAL", "NORMAL", "NORMAL", "CREATE", "TRIGGER", "NORMAL"),
    "TRIGGER": ("SEMI", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER"),
    "SEMI": ("SEMI", "SEMI", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER", "END"),
    "END": ("START", "END", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER", "TRIGGER"),
}.items()}
_KEYWORDS = {"explain": "EXPLAIN", "create": "CREATE", "temp": "TEMP", "temporary": "TEMP",
             "trigger": "TRIGGER", "end": "END"}
_WORD = re.compile("[A-Za-z0-9_$\u0080-\U0010ffff]+")  # JS's [A-Za-z0-9_$\u0080-\uffff], per code unit
_SPECIAL = re.compile("[;/\\-\\[\"'`]")  # what can change NORMAL: ``;``, comments, quotes


def _statement_end(sql: str, start: int) -> tuple[int | None, bool]:
    """wrangler's ``findCompleteStatementEnd``: the index after the ``;`` ending the statement
    starting at ``start`` (``None`` when the text ends first), and whether it held a token."""
    state, useful, i, n = "INVALID", False, start, len(sql)
    while i < n:
        if state == "NORMAL":  # only ``;`` leaves NORMAL: skip to what may be one
            found = _SPECIAL.search(sql, i)
            if found is None:
                return None, useful
            i = found.start()
        ch = sql[i]
        if ch == ";":
            token = "SEMI"
        elif ch in " \r\t\n\f":
            token = "WS"
        elif ch == "/" and sql.startswith("*", i + 1):
            end = sql.find("*/", i + 2)
            if end < 0:
                return None, useful
            i, token = end + 1, "WS"
        elif ch == "-" and sql.startswith("-", i + 1):
            end = sql.find("\n", i + 2)
            if end < 0:
                return None, useful
            i, token = end, "WS"
        elif ch in "[\"'`":
            end = sql.find("]" if ch == "[" else ch, i + 1)
            if end < 0:
                return None, True
            i, token = end, "OTHER"
        else:
            word = _WORD.match(sql, i)
            if word is None:
                token = "OTHER"
            else:
                i, token = word.end() - 1, _KEYWORDS.get(word.group().lower(), "OTHER")
        useful = useful or token not in ("SEMI", "WS")
        state = _NEXT[state][token]
        if state == "START":
            return i + 1, useful
        i += 1
    return None, useful


def _wrangler_split(sql: str) -> list[str]:
    """wrangler's ``splitSqlIntoStatements``: each statement trimmed (JavaScript's ``trim()``),
    without its ``;``; blank ones left out."""
    statements: list[str] = []
    start = 0
    while start < len(sql):
        end, useful = _statement_end(sql, start)
        if end is None:
            if useful:
                statements.append(sql[start:].strip(JS_WHITESPACE))
            break
        statement = sql[start:end - 1].strip(JS_WHITESPACE)
        if useful and statement:
            statements.append(statement)
        start = end
    return statements
