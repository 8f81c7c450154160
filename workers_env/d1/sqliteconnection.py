"""The SQLite connection as workerd makes it, and what :mod:`sqlite3` cannot say about it.

:class:`~workers_env.d1.database.Database`'s connection comes from here: a new in-memory database
on SQLite's ``memdb`` VFS, made like workerd's build (defensive mode, only its virtual table
modules), reached through the library's C calls where ``sqlite3`` has no method (the
connection's ``sqlite3*``, an error's offset); and binding a statement's parameters (3.12.0-3.12.3's
false alarm hushed, a statement's parameter count read without running it). Separate from
``database.py`` (the queries and D1's rules on them) as it holds no query logic: only the
connection and the C library under it. Moved out of ``database.py`` unchanged.
"""

from __future__ import annotations

import ctypes
import re
import secrets
import sqlite3
import sys
import warnings
from collections.abc import Sequence
from typing import Any

from workers_env.d1 import limits
from workers_env.d1.parameters import has_numbered

# Internal statements carry this marker so a user statement of the same text never reuses
# their (trusted) prepared form from the statement cache.
_INTERNAL = " /* workers-env internal */"


def _error_offset_reader() -> Any:
    """``sqlite3_error_offset`` of a connection, for workerd's ``at offset N`` (best effort)."""
    try:
        import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)
        lib.sqlite3_error_offset.argtypes = [ctypes.c_void_p]
        lib.sqlite3_errmsg.argtypes = [ctypes.c_void_p]
        lib.sqlite3_errmsg.restype = ctypes.c_char_p
        held = ctypes.PyDLL(_sqlite3.__file__)  # keeps the GIL: preparing calls the authorizer back
        prepare, finalize = held.sqlite3_prepare_v2, held.sqlite3_finalize
        prepare.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p),
                            ctypes.c_void_p]
        finalize.argtypes = [ctypes.c_void_p]
    except (ImportError, OSError, AttributeError):
        return None

    def errmsg(handle: int) -> str:
        return (lib.sqlite3_errmsg(handle) or b"").decode("utf-8", "replace")

    def offset(conn: sqlite3.Connection, message: str, sql: str) -> int:
        # CPython's connection object starts with its sqlite3* right after the object header;
        # the handle is trusted only if SQLite's own error text matches the exception's.
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        if not handle or errmsg(handle) != message:
            return -1
        found = int(lib.sqlite3_error_offset(handle))
        if found >= 0:
            return found
        # A statement from sqlite3's cache (the same text run before) fails when it runs, being
        # prepared again after a schema change, and SQLite keeps no offset then; workerd reports
        # the one a fresh prepare gives.
        data = sql.encode("utf-8", "surrogatepass")
        statement = ctypes.c_void_p()
        failed = prepare(handle, data, len(data), ctypes.byref(statement), None)
        finalize(statement)
        if not failed or errmsg(handle) != message:
            return -1
        return int(lib.sqlite3_error_offset(handle))

    return offset


_OFFSET = _error_offset_reader()

_DBCONFIG_DEFENSIVE = 1010  # sqlite3.h's SQLITE_DBCONFIG_DEFENSIVE (sqlite3 names it from 3.12 on)
_LIMIT_LIKE_PATTERN_LENGTH = 8


def _sqlite_library() -> Any:
    """The SQLite library ``sqlite3`` links, for the calls it has no method for (or ``None``)."""
    try:
        import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)
        lib.sqlite3_limit.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        lib.sqlite3_db_config.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
        lib.sqlite3_drop_modules.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p)]
        lib.sqlite3_set_last_insert_rowid.argtypes = [ctypes.c_void_p, ctypes.c_int64]
        lib.sqlite3_file_control.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
    except (ImportError, OSError, AttributeError):
        return None
    return lib


_LIBRARY = _sqlite_library()


def _handle(conn: sqlite3.Connection) -> int | None:
    """The connection's ``sqlite3*``, trusted only if it reports the LIKE pattern limit just
    set (CPython keeps it right after the object header; best effort, as the error offset)."""
    if _LIBRARY is None:
        return None
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    expected = limits.SQLITE_LIMITS[sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH]
    if handle and _LIBRARY.sqlite3_limit(handle, _LIMIT_LIKE_PATTERN_LENGTH, -1) == expected:
        return handle
    return None


#: SQLite's ``SQLITE_FCNTL_SIZE_LIMIT``: a ``memdb`` database's cap on its size (1 GiB unless raised)
_FCNTL_SIZE_LIMIT = 36


def _memory_database() -> tuple[sqlite3.Connection, str | None]:
    """A connection to a new in-memory database and its name: on SQLite's ``memdb`` VFS, which a
    second connection can open too (see :func:`_committed_by_another`), its 1 GiB cap lifted as
    far as the library is reachable, as ``:memory:`` has none; a plain ``:memory:`` database
    (name ``None``) where SQLite has no ``memdb`` (before 3.36)."""
    name = f"file:/workers-env-d1-{secrets.token_hex(16)}?vfs=memdb"
    try:
        conn = sqlite3.connect(name, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False), None
    limit = sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH
    conn.setlimit(limit, limits.SQLITE_LIMITS[limit])  # (how _handle knows the pointer is the connection's)
    handle = _handle(conn)
    if handle is not None:
        _LIBRARY.sqlite3_file_control(handle, b"main", _FCNTL_SIZE_LIMIT, ctypes.byref(ctypes.c_int64(2**63 - 1)))
    return conn, name


def _committed_by_another(conn: sqlite3.Connection, name: str) -> None:
    """Make ``PRAGMA data_version`` on ``conn`` read 2, as a fresh D1 database does under
    wrangler (its first read of the WAL file finds the WAL index new and resets the page cache):
    ``conn`` reads once, then a second connection commits (the same ``user_version``, nothing
    changed) and closes, and ``conn``'s next read sees another connection's commit."""
    conn.execute("PRAGMA data_version" + _INTERNAL).fetchone()
    other = sqlite3.connect(name, uri=True, isolation_level=None)
    try:
        version = int(other.execute("PRAGMA user_version").fetchone()[0])
        other.execute(f"PRAGMA user_version={version}")
    finally:
        other.close()


def _as_workerd_builds(conn: sqlite3.Connection) -> None:
    """The connection made like workerd's SQLite: defensive mode (``setupSecurity`` step 1: the
    shadow tables of FTS5 and R*Tree are read-only to SQL, ``table x_data may not be
    modified``), and only the virtual table modules its build has (no ``dbstat``,
    ``sqlite_stmt``, ``sqlite_dbpage`` or FTS3/4, which a system SQLite may bring:
    ``no such table: dbstat``). Python 3.12's ``setconfig`` where there is one, else C calls."""
    handle = _handle(conn)
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:
        setconfig(_DBCONFIG_DEFENSIVE, True)
    elif handle is not None:
        _LIBRARY.sqlite3_db_config(handle, _DBCONFIG_DEFENSIVE, 1, None)
    if handle is not None:
        present = {row[0] for row in conn.execute("PRAGMA module_list" + _INTERNAL)}
        kept = [name.encode() for name in sorted(present & limits.WORKERD_MODULES)]
        _LIBRARY.sqlite3_drop_modules(handle, (ctypes.c_char_p * (len(kept) + 1))(*kept, None))

# CPython 3.12.0-3.12.3 also warn when ``?NNN`` (a nameless, numbered parameter) is bound from
# a sequence: a false alarm (python/cpython#117995, fixed in 3.12.4). There that one warning is
# hushed around the call -- a filter set once would not do: pytest puts its own "always" in
# front of it for every test.
_NUMBERED_WARNS = (3, 12) <= sys.version_info < (3, 12, 4)


def _bind_sequence(conn: sqlite3.Connection | sqlite3.Cursor, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
    """``conn.execute(sql, params)`` (or a cursor's), without 3.12.0-3.12.3's false alarm about ``?NNN``."""
    if _NUMBERED_WARNS and params and has_numbered(sql):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", r"Binding \d+ \('\?\d+'\) is a named parameter", DeprecationWarning)
            return conn.execute(sql, params)
    return conn.execute(sql, params)

_USES = re.compile(r"The current statement uses (\d+), and there are")


class _Longest:
    """A sequence longer than any statement's parameters: binding it makes sqlite3 say how
    many the statement has (its count check comes before anything is bound or run)."""

    def __len__(self) -> int:
        return 1 << 30

    def __getitem__(self, index: int) -> Any:
        raise IndexError(index)


def _parameter_count(conn: sqlite3.Connection, sql: str) -> int:
    """``sqlite3_bind_parameter_count`` of ``sql`` (prepared, nothing run); a statement that
    does not prepare raises its own error here."""
    try:
        conn.execute(sql, _Longest())
    except sqlite3.ProgrammingError as exc:
        found = _USES.search(str(exc))
        if found is None:
            raise
        return int(found.group(1))
    raise AssertionError("sqlite3 bound more parameters than a statement can have")  # pragma: no cover
