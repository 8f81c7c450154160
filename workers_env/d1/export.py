"""``wrangler d1 export --local``: a database as the SQL text Miniflare's ``dumpSql`` writes.

wrangler 4.164.0 runs ``PRAGMA miniflare_d1_export(?,?,?)`` on its local database; Miniflare
answers with the lines of ``dumpSql`` (``workers/d1/dumpSql.ts``, a port of SQLite shell's
``.dump``) and wrangler writes them joined by ``\\n``, with no newline at the end. The same
statements, in the same order, run here on the same file: ``PRAGMA defer_foreign_keys=TRUE;``,
then each table (``sqlite_sequence`` last) as its ``CREATE`` and one ``INSERT`` per row, then
indexes, triggers and views. Values are written as JavaScript sees them: every number is a
double (``9223372036854775807`` reads ``9223372036854776000``, ``3.0`` reads ``3``, infinity
``9e999``), text quoted with ``''`` and its line breaks spelled with ``replace(...,char(10))``,
a BLOB as ``X'hex'``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from workers_env._errors import WorkersEnvError
from workers_env._jsvalues import js_string
from workers_env.d1.database import Database

__all__ = ["VIRTUAL_TABLE_REFUSED", "ExportError", "export_lines", "sql_value"]

#: the error Miniflare's dump throws, as wrangler 4.164.0 prints it (the first line of the text
#: the D1 binding reports; a JavaScript stack of Miniflare's worker follows it there)
VIRTUAL_TABLE_REFUSED = (
    "D1_ERROR: Failed to parse body as JSON, got: Error: D1 Export error: cannot export databases "
    "with Virtual Tables (fts5)"
)

_TABLES = """
    SELECT name, type, sql
      FROM sqlite_schema AS o
    WHERE (true) AND type=='table'
      AND sql NOT NULL
    ORDER BY tbl_name='sqlite_sequence', rowid;
  """
_REST_OF_SCHEMA = (
    "SELECT name, sql FROM sqlite_schema AS o WHERE (true) AND sql NOT NULL "
    "  AND type IN ('index', 'trigger', 'view') ORDER BY type COLLATE NOCASE"
)
_SHOWN = 20  # table names listed in the error for an unknown --table
_QUOTED_CREATE = re.compile(r"CREATE TABLE ['\"]")
_QUOTES_OR_NEWLINES = re.compile(r"'|\n|\r")
_STAT_TABLE = re.compile("sqlite_stat[^\n\r\u2028\u2029]")  # JavaScript's /^sqlite_stat./

Rows = Callable[[str], list[tuple[Any, ...]]]


class ExportError(WorkersEnvError):
    """The dump refused the database (a virtual table); nothing is written."""


def _escape_id(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quoted_text(text: str) -> str:
    """Miniflare's ``outputQuotedEscapedString``: ``'`` doubled, ``\\n``/``\\r`` written as
    those two characters and put back by ``replace(..., char(10))`` / ``char(13)``."""
    found: set[str] = set()

    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        if char == "'":
            return "''"
        found.add(char)
        return "\\n" if char == "\n" else "\\r"

    out = "'" + _QUOTES_OR_NEWLINES.sub(escape, text) + "'"
    if "\r" in found:
        out = f"replace({out},'\\r',char(13))"
    if "\n" in found:
        out = f"replace({out},'\\n',char(10))"
    return out


def sql_value(value: Any) -> str:
    """One cell as the dump writes it (a SQLite value: None, int, float, str or bytes)."""
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        number = float(value)  # workerd hands every INTEGER to JavaScript as a double
        if math.isinf(number):
            return "9e999" if number > 0 else "-9e999"
        return js_string(number)
    if isinstance(value, str):
        return _quoted_text(value)
    return "X'" + bytes(value).hex() + "'"


def _dump(rows: Rows, no_schema: bool, no_data: bool, tables: Sequence[str]) -> Iterator[str]:
    """Miniflare's ``dumpSql`` generator, statement for statement."""
    yield "PRAGMA defer_foreign_keys=TRUE;"
    only = set(tables)
    for table, _type, sql in rows(_TABLES):
        if only and table not in only:
            continue
        if table == "sqlite_sequence":
            if not no_schema:
                yield "DELETE FROM sqlite_sequence;"
        elif _STAT_TABLE.match(table):
            if not no_schema:
                yield "ANALYZE sqlite_schema;"
        elif sql.startswith("CREATE VIRTUAL TABLE"):
            raise ExportError(VIRTUAL_TABLE_REFUSED)
        elif table.startswith(("_cf_", "sqlite_")):
            continue
        elif not no_schema:
            yield f"CREATE TABLE IF NOT EXISTS {sql[13:]};" if _QUOTED_CREATE.search(sql) else f"{sql};"
        if no_data:
            continue
        columns = [_escape_id(column[1]) for column in rows(f"PRAGMA table_info={_escape_id(table)}")]
        head = f"INSERT INTO {_escape_id(table)} ({','.join(columns)}) VALUES("
        for row in rows(f"SELECT {', '.join(columns)} FROM {_escape_id(table)};"):
            yield head + ",".join(map(sql_value, row)) + ");"
    if not no_schema:
        for name, sql in rows(_REST_OF_SCHEMA):
            if not only or name in only:
                yield f"{sql};"


def _unknown(rows: Rows, tables: Sequence[str]) -> None:
    """Refuse ``--table`` names the dump would find nothing by (it matches a table, and an
    index, trigger or view, by its own name); Miniflare leaves them out without a word."""
    found = [name for name, _type, _sql in rows(_TABLES) if not name.startswith("_cf_")]
    known = {*found, *(name for name, _sql in rows(_REST_OF_SCHEMA))}
    unknown = [name for name in dict.fromkeys(tables) if name not in known]
    if not unknown:
        return
    shown = ", ".join(found[:_SHOWN]) + (f" and {len(found) - _SHOWN} more" if len(found) > _SHOWN else "")
    has = f"Its tables: {shown}." if found else "It has no tables."
    named = ", ".join(f"'{name}'" for name in unknown)
    raise ExportError(
        f"No table named {named} in this database, so the export "
        f"would leave {'it' if len(unknown) == 1 else 'them'} out: give --table the name of a table "
        f"(or of an index, trigger or view) as in the schema. {has}"
    )


def export_lines(db: Database, *, no_schema: bool = False, no_data: bool = False,
                 tables: Sequence[str] = ()) -> list[str]:
    """The export's statements, one per line (the file is them joined by ``\\n``). An empty
    ``tables`` means every table. Raises :class:`ExportError` for a name in ``tables`` that
    selects nothing (where Miniflare writes an export without it) and for a virtual table
    (Miniflare's refusal); :class:`~workers_env.d1.database.SqlFailure` if SQLite fails."""
    def dump(rows: Rows) -> list[str]:
        _unknown(rows, tables)
        return list(_dump(rows, no_schema, no_data, tables))
    return db.read_snapshot(dump)
