"""workerd's authorizer rules on user SQL: which actions, names, PRAGMAs (and their arguments)
and functions D1 allows.

:meth:`~workers_env.d1.database.Database._authorize` asks :func:`_allowed` for each action SQLite
reports while preparing a statement. Separate from ``database.py`` as the rules are a table of
what D1 allows, read from workerd's ``setupSecurity``, apart from running queries; they set only
the database's ``_auth_error``/``_virtual_tables`` and read its ``_statement``. Moved out of
``database.py`` unchanged.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

from workers_env.d1 import limits
from workers_env.d1.sqltext import function_offset, renamed_to

if TYPE_CHECKING:
    from workers_env.d1.database import Database


def _name_ok(name: str | None) -> bool:
    return name is None or not name[:4].lower() == limits.RESERVED_PREFIX


_BOOLEAN_WORDS = ("true", "false", "yes", "no", "on", "off", "1", "0")


def _pragma_ok(pragma: str, argument: str | None) -> bool:
    kind = limits.ALLOWED_PRAGMAS.get(pragma.lower())
    if kind is None:
        return False
    if kind == "any":
        return True
    if kind == "none":
        return argument is None
    if argument is None:
        return kind != "name"
    if kind == "boolean":
        value = argument
        if len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]:
            value = value[1:-1]
        return value.lower().startswith(_BOOLEAN_WORDS)
    if kind == "number":
        return _kj_integer(argument, -(2**31), 2**31 - 1)
    if kind == "number-or-name" and _kj_integer(argument, 0, 2**32 - 1):
        return True
    return _name_ok(argument)


_C_DECIMAL = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)\Z")
_C_HEX = re.compile(r"(-?)0[xX]([0-9a-fA-F]+)\Z")


def _kj_integer(text: str, low: int, high: int) -> bool:
    """Whether kj's ``tryParseAs<int32_t>``/``<uint>`` takes ``text`` (a PRAGMA's argument):
    C's ``strtoll`` in base 16 after a ``0x`` (or ``-0x``) and base 10 otherwise, the whole text
    read, the value in range; an unsigned one may not start with ``-``."""
    hexadecimal = _C_HEX.match(text)
    if hexadecimal is not None:
        value = int(hexadecimal.group(2), 16) * (-1 if hexadecimal.group(1) else 1)
    else:
        decimal = _C_DECIMAL.match(text)
        if decimal is None:
            return False
        value = int(decimal.group(1))
    return low <= value <= high and not (low == 0 and text.startswith("-"))


def _allowed(db: Database, action: int, arg1: str | None, arg2: str | None, db_name: str | None) -> bool:
    s = sqlite3
    if action in (s.SQLITE_ALTER_TABLE, s.SQLITE_DETACH):  # SQLite passes these swapped
        arg1, db_name = db_name, arg1
    if db_name == "temp":
        return action in (s.SQLITE_READ, s.SQLITE_UPDATE) and _name_ok(arg1)
    if db_name not in (None, "main"):
        return False
    if action in (s.SQLITE_SELECT, s.SQLITE_ANALYZE, s.SQLITE_RECURSIVE):
        return True
    if action in (s.SQLITE_CREATE_TABLE, s.SQLITE_DELETE, s.SQLITE_DROP_TABLE, s.SQLITE_INSERT,
                  s.SQLITE_CREATE_VIEW, s.SQLITE_DROP_VIEW, s.SQLITE_REINDEX, s.SQLITE_READ, s.SQLITE_UPDATE,
                  s.SQLITE_ALTER_TABLE):
        if action == s.SQLITE_ALTER_TABLE and _name_ok(arg1):
            # workerd's SQLite is patched to pass RENAME TO's new name; this one is read from the SQL
            return _name_ok(renamed_to(db._statement))
        return _name_ok(arg1)
    if action in (s.SQLITE_CREATE_INDEX, s.SQLITE_DROP_INDEX, s.SQLITE_CREATE_TRIGGER, s.SQLITE_DROP_TRIGGER):
        return _name_ok(arg1) and _name_ok(arg2)
    if action in (s.SQLITE_TRANSACTION, s.SQLITE_SAVEPOINT):
        db._auth_error = limits.TRANSACTION_REFUSED
        return False
    if action == s.SQLITE_PRAGMA:
        return arg1 is not None and _pragma_ok(arg1, arg2)
    if action == s.SQLITE_FUNCTION:
        name = (arg2 or "").lower()
        if name in limits.NOT_BUILT_IN_WORKERD:
            at = function_offset(db._statement, name)
            where = f" at offset {at}" if at >= 0 else ""
            db._auth_error = f"no such function: {arg2}{where}: SQLITE_ERROR"
            return False
        return name in limits.ALLOWED_FUNCTIONS
    if action in (s.SQLITE_CREATE_VTABLE, s.SQLITE_DROP_VTABLE):
        allowed = (arg2 or "").lower() in ("fts5", "fts5vocab", "rtree", "rtree_i32") and _name_ok(arg1)
        if allowed and action == s.SQLITE_CREATE_VTABLE:
            db._virtual_tables = True  # (from the next query on; never unset: a transaction costs little)
        return allowed
    return False  # ATTACH, DETACH, temporary objects, anything unknown
