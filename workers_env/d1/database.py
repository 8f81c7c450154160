"""The D1 core: one SQLite database, queried as D1's storage runs queries.

A call to :meth:`Database.query` is what one request to D1 is: a list of ``(sql, params)``
queries run in one transaction (all or nothing), each answered with its column names, rows
and the ``meta`` the runtime fills. The rules D1 puts on user SQL are applied here: workerd's
authorizer (allowed functions and PRAGMAs, no ``ATTACH``, no ``BEGIN``/``SAVEPOINT``, no
``_cf_`` names, no temporary objects) and its ``sqlite3_limit`` values. Synchronous, no
event-loop state; one lock per database makes it safe to share across threads, and SQLite's
WAL journal with ``synchronous=FULL`` lets several processes share a file on disk.

Moved out (unchanged): the connection as workerd makes it and the SQLite C calls under it, and
binding parameters (:mod:`~workers_env.d1.sqliteconnection`); how a query's text is read before
it runs (:mod:`~workers_env.d1.querytext`); the authorizer's rules on actions, names, PRAGMAs and
functions (:mod:`~workers_env.d1.authorizer`).
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from time import perf_counter
from typing import Any, Literal, TypeVar, overload

from workers_env._collected import held_connections
from workers_env._errors import StateError, internal_error_text, reason
from workers_env.d1 import limits, newersql, printflimit, rawtext
from workers_env.d1.authorizer import _allowed
from workers_env.d1.parameters import InBindOrder, Rewrite, has_named, rewrite_named
from workers_env.d1.querytext import _first_word, _only_line_comments, _rows_plan, _single_statement, _well_formed
from workers_env.d1.sqliteconnection import (
    _INTERNAL,
    _LIBRARY,
    _NUMBERED_WARNS,
    _OFFSET,
    _as_workerd_builds,
    _bind_sequence,
    _committed_by_another,
    _handle,
    _memory_database,
    _parameter_count,
)
from workers_env.d1.sqltext import (
    NO_STATEMENT,
    is_blank,
    split_statements,
    statement_text,
)
from workers_env.d1.values import ColumnNames, cell

__all__ = ["Database", "QueryResult", "SqlFailure"]

_PRIMARY_CODES = (
    "SQLITE_OK SQLITE_ERROR SQLITE_INTERNAL SQLITE_PERM SQLITE_ABORT SQLITE_BUSY SQLITE_LOCKED SQLITE_NOMEM "
    "SQLITE_READONLY SQLITE_INTERRUPT SQLITE_IOERR SQLITE_CORRUPT SQLITE_NOTFOUND SQLITE_FULL SQLITE_CANTOPEN "
    "SQLITE_PROTOCOL SQLITE_EMPTY SQLITE_SCHEMA SQLITE_TOOBIG SQLITE_CONSTRAINT SQLITE_MISMATCH SQLITE_MISUSE "
    "SQLITE_NOLFS SQLITE_AUTH SQLITE_FORMAT SQLITE_RANGE SQLITE_NOTADB SQLITE_NOTICE SQLITE_WARNING"
).split()

# Extended result codes whose names CPython's ``sqlite3`` does not know (it says "unknown"):
# a STRICT table's type check (3.37) and an I/O error reading a page (3.45).
_NEWER_EXTENDED_CODES = {19 | (12 << 8): "SQLITE_CONSTRAINT_DATATYPE", 10 | (34 << 8): "SQLITE_IOERR_IN_PAGE"}

_CLOSED = "the database is closed (its env was closed)"
# workerd's SqliteMetadata table (Durable Object alarm at key 1, local bookmark counter at key 2)
_METADATA_TABLE = """
      CREATE TABLE IF NOT EXISTS _cf_METADATA (
        key INTEGER PRIMARY KEY,
        value BLOB
      );
    """.strip().rstrip(";")
_NAME = itemgetter(0)  # a column's name in ``cursor.description``
_T = TypeVar("_T")


def _js_text(data: bytes) -> str:
    """TEXT as workerd hands it to JavaScript: UTF-8, an invalid sequence as U+FFFD."""
    return data.decode("utf-8", errors="replace")


# sqlite3's refusal of TEXT that is not UTF-8 (CPython's cursor.c, 3.11 to 3.14)
_NOT_UTF8 = "Could not decode to UTF-8 column"

#: what running a statement may raise: SQLite's errors, sqlite3's OverflowError (a value past
#: 2 GiB) and MemoryError (SQLite's SQLITE_NOMEM: a program past limits.MAX_VDBE_OPS)
_EXECUTE_ERRORS = (sqlite3.Error, OverflowError, MemoryError)


class SqlFailure(Exception):
    """A query D1 refused; ``message`` is the text after ``D1_ERROR: ``, ``note`` what the local
    runtime only logs (its cause, for the error's note), if anything."""

    def __init__(self, message: str, *, note: str | None = None):
        super().__init__(message)
        self.message = message
        self.note = note


class InternalFailure(SqlFailure):
    """A request whose transaction failed to commit (a deferred foreign key still violated at
    its end): workerd's storage throws below JavaScript, so the Worker gets the generic
    ``internal error; reference = <id>`` (its log names the cause, ``cause`` here) and D1's
    object restarts (measured with wrangler 4.164.0)."""

    def __init__(self, cause: str):
        super().__init__(internal_error_text())
        self.cause = cause


_FOREIGN_KEY_FAILED = 19 | (3 << 8)  # SQLITE_CONSTRAINT_FOREIGNKEY
_FOREIGN_KEY_TEXT = "FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)"


@dataclass(slots=True)  # built per call: slots make that and every field read cheaper
class QueryResult:
    """One query's answer: column names, rows (tuples of SQLite values) and what ``meta`` reports."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    duration: float
    changes: int
    last_row_id: int
    changed_db: bool
    size_after: int
    rows_written: int

    @property
    def meta(self) -> dict[str, Any]:
        """``meta`` as the local runtime fills it, in its order."""
        return self.meta_as(dict)

    def meta_as(self, kind: type[dict[str, Any]], *, rpc: bool = False) -> dict[str, Any]:
        """:attr:`meta` built with ``kind`` for itself and ``timings`` (the binding's JsDict).

        ``rpc``: as the ``d1_binding_jsrpc`` path hands it over, in the order of Miniflare's
        schema (``D1MetaSchema``), which parses it on the way: ``total_attempts`` last."""
        fields = dict(
            served_by="miniflare.db",
            served_by_primary=True,
            total_attempts=1,
            timings=kind(sql_duration_ms=self.duration),
            duration=self.duration,
            changes=self.changes,
            last_row_id=cell(self.last_row_id),  # (a JS number: past 2**53 - 1, the nearest double)
            changed_db=self.changed_db,
            size_after=self.size_after,
            rows_read=len(self.rows),
            rows_written=self.rows_written,
        )
        if rpc:
            fields["total_attempts"] = fields.pop("total_attempts")  # last, as Miniflare's schema gives it
        return kind(**fields)


def _authorizer(db: Database) -> Callable[[int, str | None, str | None, str | None, str | None], int]:
    """``db``'s authorizer through a weak reference: the connection holding it keeps no
    reference to ``db``, so ``db`` is collected (and closes it) once dropped."""
    ref, authorize, deny = weakref.ref(db), Database._authorize, sqlite3.SQLITE_DENY

    def authorizer(action: int, arg1: str | None, arg2: str | None, db_name: str | None, trigger: str | None) -> int:
        held = ref()
        return deny if held is None else authorize(held, action, arg1, arg2, db_name, trigger)

    return authorizer


class Database:
    """One D1 database on SQLite: a file (persisted state) or memory (``path=None``)."""

    def __init__(self, path: str | Path | None = None, *, name: str = "db"):
        self.path = None if path is None else Path(path)
        self.name = name
        #: the open connection, closed when this is collected unclosed (an env nobody closes)
        self._held = held_connections(self)
        self._lock = threading.RLock()
        self._trusted = True
        self._auth_error: str | None = None
        self._renamed: Rewrite | None = None  # the last statement, when run with ?NNN for its names
        self._statement = ""  # the statement being prepared
        # query_rows' last ``cursor.description`` and its column names, one tuple while a query
        # repeats (names SQLite hands over anew each time would be hashed by every row object)
        self._described: tuple[tuple[Any, ...], ColumnNames] = ((), ColumnNames(()))
        self._open()
        self._last_row_id = int(self._conn.execute("SELECT last_insert_rowid()" + _INTERNAL).fetchone()[0])
        self._size = self._database_size()
        self.closed = False

    def _open(self, copy_of: sqlite3.Connection | None = None) -> None:
        """The connection, set up as workerd's (``copy_of``: an in-memory database's old
        connection, whose data the new one starts with)."""
        memory_name: str | None = None
        if self.path is None:
            conn, memory_name = _memory_database()
        else:
            opened: sqlite3.Connection | None = None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = opened = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False,
                                                timeout=60.0)
                conn.execute("PRAGMA journal_mode=WAL" + _INTERNAL).fetchall()
                conn.execute("PRAGMA synchronous=FULL" + _INTERNAL)
            except (OSError, sqlite3.Error) as exc:
                if opened is not None:  # a file that is no database: its connection closed, not dropped open
                    opened.close()
                raise StateError(
                    f"cannot open the local D1 state of database {self.name!r} at {self.path}: {reason(exc)}. "
                    "Check that the folder is writable and the file is a D1 state file written by wrangler or "
                    "workers-env.") from exc
        try:
            if copy_of is not None:
                copy_of.backup(conn)
            if memory_name is not None:
                _committed_by_another(conn, memory_name)
            self._set_up(conn)
        except BaseException:
            conn.close()
            raise

    def _set_up(self, conn: sqlite3.Connection) -> None:
        """``conn`` made the database's connection, with D1's settings, limits and functions."""
        conn.execute("PRAGMA foreign_keys=ON" + _INTERNAL)  # D1 enforces foreign keys by default
        page_size = int(conn.execute("PRAGMA page_size" + _INTERNAL).fetchone()[0])
        for limit, value in limits.SQLITE_LIMITS.items():
            conn.setlimit(limit, value)
        _as_workerd_builds(conn)
        handle = _handle(conn)
        # what workerd's newer SQLite has and this one lacks; whether those functions take TEXT
        # that is not UTF-8 (a lone surrogate as V8 writes it: see _query_many)
        bytes_in_text = newersql.install(conn, handle)
        printflimit.install(handle)  # workerd's build caps printf's widths
        # A database with a virtual table runs each query in a transaction, as D1 does: FTS5
        # writes its index at commit, which ``meta.changes`` does not count (see _query_one)
        virtual_tables = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%')" + _INTERNAL
        ).fetchone()[0] == 1
        conn.set_authorizer(_authorizer(self))
        self._conn, self._page_size, self._sqlite = conn, page_size, handle
        self._held[:] = [conn]
        self._bytes_in_text, self._virtual_tables = bytes_in_text, virtual_tables
        # The cursor every query runs on, under the lock (one per call would cost each call its
        # making): each statement's rows are fetched before the next runs, and a failed
        # ``execute`` or fetch leaves it ready for the next (sqlite3 resets its statement).
        self._cursor = conn.cursor()

    @property
    def exclusive(self) -> threading.RLock:
        """The lock each query holds, for a caller whose writes depend on what it read first
        (migrations: the applied list, then each unapplied one), so two threads cannot both
        apply the same migration; re-entrant, so the queries inside take it again."""
        return self._lock

    def close(self) -> None:
        with self._lock:
            if not self.closed:
                self.closed = True
                self._conn.close()

    # -- the rules on user SQL (workerd's SqliteDatabase::isAuthorized) ---------------------

    def _authorize(self, action: int, arg1: str | None, arg2: str | None, db_name: str | None,
                   _trigger: str | None) -> int:
        if self._trusted:
            return sqlite3.SQLITE_OK
        if not _allowed(self, action, arg1, arg2, db_name):
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() == "foreign_keys":
            # D1 runs every query in a transaction, where SQLite ignores setting foreign_keys:
            # enforcement stays on (D1's answer is PRAGMA defer_foreign_keys)
            return sqlite3.SQLITE_IGNORE
        return sqlite3.SQLITE_OK

    def _database_size(self) -> int:
        """Bytes in use (pages less free ones). At least one page: D1's file always has its
        header page (wrangler's fresh database reports 4096), where an untouched in-memory
        database has none yet."""
        row = self._conn.execute(
            "SELECT (SELECT * FROM pragma_page_count) - (SELECT * FROM pragma_freelist_count)" + _INTERNAL
        ).fetchone()
        return max(int(row[0]), 1) * self._page_size

    def read_snapshot(self, reader: Callable[[Callable[[str], list[tuple[Any, ...]]]], _T]) -> _T:
        """``reader(rows)``, where ``rows(sql)`` runs internal SQL (not the user's: no D1 rules)
        and returns its rows, all in one read transaction -- the one snapshot a request to D1's
        object sees (Miniflare's export runs in one). TEXT that is not UTF-8 reads with U+FFFD,
        as workerd gives it to JavaScript; :class:`SqlFailure` if SQLite refuses."""
        with self._lock:
            if self.closed:
                raise SqlFailure(_CLOSED)
            conn = self._conn
            factory = conn.text_factory
            conn.text_factory = _js_text
            try:
                self._transaction_step("BEGIN")
                try:
                    return reader(lambda sql: conn.execute(sql + _INTERNAL).fetchall())
                except sqlite3.Error as exc:
                    raise SqlFailure(self._describe(exc, sql="")) from None
                finally:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK" + _INTERNAL)
            finally:
                conn.text_factory = factory

    # -- queries -------------------------------------------------------------------------

    def query(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[QueryResult]:
        """Run ``queries`` (``(sql, params)``; params already SQLite values) in one transaction.

        Raises :class:`SqlFailure` with D1's message; then nothing was written.
        """
        if len(queries) == 1:
            sql, params = queries[0]
            return [self.query_one(sql, params)]
        try:
            return self._query_many(queries)
        except UnicodeEncodeError:  # a lone surrogate (see query_one); the transaction rolled back
            return self._query_many(queries, raw=True)

    def query_in_session(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> tuple[list[QueryResult], str]:
        """:meth:`query` as a session's request runs: in the same transaction, after the
        queries, the database's bookmark counter advances and its new value is returned.

        That is Miniflare's answer to a request carrying a session's constraint or bookmark
        (``storage.getCurrentBookmark()``, workerd's local-development bookmark): a counter kept
        in the database file's ``_cf_METADATA`` table (key 2), so it is shared with wrangler and
        keeps growing across runs. A query that fails advances nothing.
        """
        try:
            return self._query_many(queries, session=True)
        except UnicodeEncodeError:  # a lone surrogate (see query_one); the transaction rolled back
            return self._query_many(queries, session=True, raw=True)

    def query_one(self, sql: str, params: Sequence[Any]) -> QueryResult:
        """:meth:`query` of one query (most calls: one statement, no transaction of ours)."""
        single = None if "\0" in sql or self._virtual_tables else _single_statement(sql)
        try:
            return self._query_one(sql, params) if single is None else self._run_single(single, params)
        except UnicodeEncodeError:
            # Python's sqlite3 takes only UTF-8, which a lone surrogate (``"\ud800"``) has none
            # of. Encoding fails before a statement runs (a statement of several runs in a
            # transaction, rolled back), so the query simply runs again, through SQLite's C API
            # with V8's bytes for it (see :meth:`_query_many`). The common case pays nothing.
            return self._query_many([(sql, params)], raw=True)[0]

    def query_rows(self, sql: str, params: Sequence[Any]) -> tuple[Sequence[str], list[tuple[Any, ...]]]:
        """:meth:`query_one`'s column names and rows, for calls that show no ``meta``
        (``first()``, ``raw()``): one statement runs without the timing and the result object;
        anything else (several statements, a NUL, a lone surrogate, a closed database) takes
        :meth:`query_one` itself."""
        plan = None if self._virtual_tables else _rows_plan(sql)
        if plan is not None:
            statement, plain = plan  # (split: ready to run)
            lock = self._lock
            lock.acquire()
            try:
                if not self.closed:
                    try:  # (:meth:`_run` of one statement, without timing and result object)
                        conn = self._conn
                        changes_before = conn.total_changes
                        if plain:  # (:meth:`_execute`'s path for it, inlined: every point query's)
                            self._trusted = False
                            self._auth_error = None
                            self._renamed = None
                            self._statement = statement
                            try:
                                cursor = self._cursor.execute(statement, params)
                            except _EXECUTE_ERRORS as exc:
                                raise self._execute_failure(exc, statement, last=True) from None
                            finally:
                                self._trusted = True
                        else:
                            cursor = self._execute(statement, params, last=True)
                        description = cursor.description
                        if description is None:
                            rows = []
                        elif cursor.rowcount < 0:  # (:meth:`_fetch`, inlined: every point query's path)
                            try:
                                rows = cursor.fetchall()
                            except sqlite3.Error as exc:
                                rows = self._fetch_failed(exc, cursor, statement, params, changes_before)
                        else:
                            rows = self._fetch_decoded(cursor, statement)
                        if description is None or conn.total_changes != changes_before:
                            self._track()
                        if description is None:
                            columns: Sequence[str] = []
                        elif description == self._described[0]:  # (the last result's names: its tuple)
                            columns = self._described[1]
                        else:
                            columns = ColumnNames(map(_NAME, description))
                            self._described = (description, columns)
                        if self._renamed is not None:
                            columns = self._original_columns(columns)
                        return columns, rows
                    except SqlFailure as exc:
                        raise self._failed_alone(exc, statement, params) from None
                    except UnicodeEncodeError:  # (nothing ran: query_one runs it as D1 receives it)
                        pass
            finally:
                lock.release()
        result = self.query_one(sql, params)
        return result.columns, result.rows

    def _query_one(self, sql: str, params: Sequence[Any]) -> QueryResult:
        single = None if self._virtual_tables else _single_statement(sql)
        if single is None:
            return self._query_many([(sql, params)])[0]
        return self._run_single(single, params)

    def _run_single(self, single: tuple[str, ...], params: Sequence[Any]) -> QueryResult:
        """One statement run under the lock (every ``all()``/``run()`` of one statement)."""
        lock = self._lock
        lock.acquire()  # (cheaper than ``with``)
        try:
            if self.closed:
                raise SqlFailure(_CLOSED)
            try:
                return self._run(single, params)
            except SqlFailure as exc:
                raise self._failed_alone(exc, single[0], params) from None
        finally:
            lock.release()

    @overload
    def _query_many(self, queries: Sequence[tuple[str, Sequence[Any]]], *,
                    session: Literal[False] = False, raw: bool = False) -> list[QueryResult]: ...

    @overload
    def _query_many(self, queries: Sequence[tuple[str, Sequence[Any]]], *,
                    session: Literal[True], raw: bool = False) -> tuple[list[QueryResult], str]: ...

    def _query_many(self, queries: Sequence[tuple[str, Sequence[Any]]], *, session: bool = False,
                    raw: bool = False) -> list[QueryResult] | tuple[list[QueryResult], str]:
        """``queries`` run as one request; ``raw``: with a lone surrogate in their text or values,
        which SQLite is handed as V8 writes it, through its C API (:mod:`.rawtext`). Where that
        cannot be reached, or the functions :mod:`.newersql` adds for an older SQLite could not
        be given such bytes, with the three U+FFFD workerd reads back instead (:func:`_as_stored`)."""
        run = self._run
        if raw:
            if self._sqlite is None or rawtext.library() is None or not self._bytes_in_text:
                queries = [_well_formed(sql, params) for sql, params in queries]
            else:
                run = self._run_raw_on_connection
        # As the local runtime: queries holding nothing but whitespace and ``--`` comment lines
        # are left out; if none remain there is nothing to run.
        # (a query holding a NUL is kept: SQLite stops reading there, the text was not blank)
        kept = [(sql, params) for sql, params in queries
                if "\0" in sql or not _only_line_comments(sql)]
        if not kept:
            raise SqlFailure(limits.NO_STATEMENTS)
        plans = [(split_statements(sql), params) for sql, params in kept]
        for statements, _ in plans:
            if not statements:
                raise SqlFailure(limits.NOT_A_STATEMENT)
        single = len(plans) == 1 and len(plans[0][0]) == 1 and not session and not self._virtual_tables
        with self._lock:
            if self.closed:
                raise SqlFailure(_CLOSED)
            conn = self._conn
            if single:
                try:
                    return [run(plans[0][0], plans[0][1])]
                except SqlFailure as exc:
                    raise self._failed_alone(exc, plans[0][0][0], plans[0][1]) from None
            self._transaction_step("BEGIN IMMEDIATE")  # waits for another process's write, up to the timeout
            try:
                results = [run(statements, params) for statements, params in plans]
                token = self._next_bookmark() if session else ""
                self._commit()
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK" + _INTERNAL)
                self._refresh_after_rollback()
                if isinstance(exc, InternalFailure):
                    self._restart()
                raise
            if session:
                # The counter's row and table are the connection's writes too: the next
                # query's last_row_id and size_after show them, as they do under Miniflare.
                self._last_row_id = int(conn.execute("SELECT last_insert_rowid()" + _INTERNAL).fetchone()[0])
                self._size = self._database_size()
                return results, token
            return results

    def _next_bookmark(self) -> str:
        """workerd's ``ActorSqlite::getCurrentBookmark`` (local development): the counter in
        ``_cf_METADATA`` key 2 advanced (0 the first time), written as
        ``<n / (2**32-1):08x>-<n % (2**32-1):08x>-00000000-<32 zeros>``."""
        conn = self._conn
        try:
            conn.execute(_METADATA_TABLE + _INTERNAL)
            row = conn.execute("SELECT value FROM _cf_METADATA WHERE key = 2" + _INTERNAL).fetchone()
            count = 0 if row is None or row[0] is None else int(row[0]) + 1
            conn.execute("INSERT INTO _cf_METADATA VALUES(2, ?) ON CONFLICT DO UPDATE SET value = excluded.value"
                         + _INTERNAL, (count,))
        except sqlite3.Error as exc:
            # workerd's getCurrentBookmark() fails below JavaScript (an internal error; its log
            # names the cause), which Miniflare's D1 object words so (measured, wrangler 4.164.0)
            raise SqlFailure(f"Failed to get session commit token: {internal_error_text()}",
                             note=limits.bookmark_failure_note(self._describe(exc, ""))) from None
        high, low = divmod(count, 0xFFFFFFFF)  # workerd divides by uint32 max, not 2**32
        return f"{high:08x}-{low:08x}-00000000-{'0' * 32}"

    def _transaction_step(self, sql: str) -> None:
        """``BEGIN`` of a request's transaction; SQLite's refusal (another process holding the
        write lock past the busy timeout: ``database is locked: SQLITE_BUSY``) as D1 words an
        error, never a bare ``sqlite3`` exception."""
        try:
            self._conn.execute(sql + _INTERNAL)
        except sqlite3.Error as exc:
            raise SqlFailure(self._describe(exc, sql)) from None

    def _commit(self) -> None:
        """``COMMIT`` of a request's transaction; a deferred foreign key still violated fails
        it, which D1's storage meets below JavaScript (:class:`InternalFailure`)."""
        try:
            self._conn.execute("COMMIT" + _INTERNAL)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) == _FOREIGN_KEY_FAILED:
                raise InternalFailure(self._describe(exc, "")) from None
            raise SqlFailure(self._describe(exc, "COMMIT")) from None

    def _failed_alone(self, failure: SqlFailure, statement: str, params: Sequence[Any]) -> SqlFailure:
        """What a statement run on its own (no transaction of ours: SQLite commits it as it
        ends) that failed raises. A foreign key failure may be a deferred one (``DEFERRABLE
        INITIALLY DEFERRED``), which under D1 fails the commit after the statement instead
        (:class:`InternalFailure`): the statement, rolled back, runs again in a transaction,
        rolled back too, to tell (the common path pays nothing for this)."""
        if failure.message == _FOREIGN_KEY_TEXT and self._deferred_violation(statement, params):
            failure = InternalFailure(failure.message)
            self._refresh_after_rollback()
            self._restart()
            return failure
        self._refresh_row_id()
        return failure

    def _deferred_violation(self, statement: str, params: Sequence[Any]) -> bool:
        """Whether ``statement`` runs to its end in a transaction (its foreign key failure
        was left for the commit); nothing is kept."""
        conn = self._conn
        statement, params = _well_formed(statement, params)  # (a lone surrogate changes no key)
        conn.execute("BEGIN" + _INTERNAL)
        try:
            cursor = self._execute(statement, params, last=False)
            try:
                cursor.fetchall()
            finally:
                cursor.close()
        except (SqlFailure, sqlite3.Error):
            return False
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK" + _INTERNAL)
        return True

    def _restart(self) -> None:
        """After :class:`InternalFailure`: D1's object starts again on a new connection, so
        the next ``meta.last_row_id``, ``changes()``, ``total_changes()`` and
        ``last_insert_rowid()`` are 0 until a row is written (wrangler 4.164.0). An in-memory
        database's new connection starts with a copy of its data."""
        old = self._conn
        try:
            self._open(copy_of=old if self.path is None else None)
        except (OSError, sqlite3.Error, StateError):  # (the old connection stays, its counters too)
            if self._sqlite is not None:
                _LIBRARY.sqlite3_set_last_insert_rowid(self._sqlite, 0)
        else:
            old.close()
        self._last_row_id = 0

    def _refresh_after_rollback(self) -> None:
        self._size = self._database_size()
        self._refresh_row_id()

    def _refresh_row_id(self) -> None:
        """After a failed statement: SQLite keeps the rowid of a row the statement inserted
        before failing (an ``AFTER INSERT`` trigger's ``RAISE``) although the row is rolled back,
        and Miniflare's next ``meta.last_row_id`` shows it (measured on wrangler 4.164)."""
        try:
            self._last_row_id = int(self._conn.execute("SELECT last_insert_rowid()" + _INTERNAL).fetchone()[0])
        except sqlite3.Error:  # (a closed or broken connection: the next query reports that)
            pass

    def _run(self, statements: Sequence[str], params: Sequence[Any]) -> QueryResult:
        conn = self._conn
        started = perf_counter()
        changes_before = conn.total_changes
        last_before = changes_before
        if len(statements) > 1:
            sizes = [len(piece.encode("utf-8", "surrogatepass")) for piece in statements]
            rest = sum(sizes)  # bytes from the statement at hand to the query's end
            for at, sql in enumerate(statements[:-1]):  # only the last takes the parameters and gives rows
                # stepped once, as workerd's prepareSql (MULTI) steps a statement that is not the
                # last: an error in a later row of an earlier SELECT is never reached
                self._prepare_check(sql, at, rest)
                self._execute(statement_text(sql), (), last=False).close()  # (closing resets the statement)
                rest -= sizes[at]
            self._prepare_check(statements[-1], len(statements) - 1, rest)  # (a tail holding no statement: refused)
            last_before = conn.total_changes
        text = statements[-1] if len(statements) == 1 else statement_text(statements[-1])  # (one: ready to run)
        cursor = self._execute(text, params, last=True)
        description = cursor.description
        rows = self._fetch(cursor, text, params, last_before) if description is not None else []
        duration = (perf_counter() - started) * 1000.0
        changes = conn.total_changes - changes_before
        changed = (self._track() or bool(changes)) if changes or description is None else False
        columns = list(map(_NAME, description)) if description is not None else []
        if self._renamed is not None:
            columns = self._original_columns(columns)
        written = max(cursor.rowcount, 0) if changes else 0
        return QueryResult(columns, rows, duration, changes, self._last_row_id, changed, self._size, written)

    def _run_raw_on_connection(self, statements: Sequence[str], params: Sequence[Any]) -> QueryResult:
        """:meth:`_run_raw` on the connection's handle, read under the lock (a restart replaces
        the connection)."""
        return self._run_raw(self._sqlite, statements, params)  # type: ignore[arg-type]

    def _run_raw(self, handle: int, statements: Sequence[str], params: Sequence[Any]) -> QueryResult:
        """:meth:`_run` through SQLite's C API (:mod:`.rawtext`): the text and values as V8
        hands them over, a lone surrogate as its three bytes."""
        conn = self._conn
        started = perf_counter()
        changes_before = conn.total_changes
        if len(statements) > 1:
            sizes = [len(piece.encode("utf-8", "surrogatepass")) for piece in statements]
            rest = sum(sizes)
            for at, sql in enumerate(statements[:-1]):  # (stepped once, as :meth:`_run` does)
                self._prepare_check(sql, at, rest)
                self._raw_statement(handle, statement_text(sql), (), last=False)
                rest -= sizes[at]
            self._prepare_check(statements[-1], len(statements) - 1, rest)
        text = statements[-1] if len(statements) == 1 else statement_text(statements[-1])
        result = self._raw_statement(handle, text, params, last=True)
        duration = (perf_counter() - started) * 1000.0
        changes = conn.total_changes - changes_before
        changed = (self._track() or bool(changes)) if changes or not result.columns else False
        written = result.changes if changes else 0
        return QueryResult(result.columns, result.rows, duration, changes, self._last_row_id, changed,
                           self._size, written)

    def _raw_statement(self, handle: int, sql: str, params: Sequence[Any], *, last: bool) -> rawtext.RawResult:
        """:meth:`_execute` and the fetch of ``sql`` through :func:`rawtext.run`, D1's rules applied."""
        self._trusted = False
        self._auth_error = None
        self._renamed = None
        self._statement = sql
        try:
            return rawtext.run(handle, sql, tuple(params), steps=None if last else 1)
        except rawtext.WrongParameterCount:
            if not last and not params:
                raise SqlFailure(limits.ONLY_LAST_HAS_PARAMETERS) from None
            raise SqlFailure(limits.WRONG_PARAMETER_COUNT) from None
        except rawtext.RawFailure as exc:
            if self._auth_error is not None:
                raise SqlFailure(self._auth_error) from None
            message = limits.SQLITE_NEWER_TEXTS.get((exc.code, exc.message), exc.message)
            raise SqlFailure(_error_text(message, exc.code, exc.offset, _CODE_NAMES.get(exc.code))) from None
        finally:
            self._trusted = True

    def _prepare_check(self, piece: str, at: int, rest: int) -> None:
        """What workerd's prepare loop refuses before it runs ``piece``, the statement at ``at`` of
        several: a text longer than SQLite's SQL length limit -- ``rest``, the bytes from that
        statement to the end of the query, all of which ``sqlite3_prepare_v3`` is handed -- and
        a tail that holds no statement (a comment or a stray ``;`` after the last one)."""
        if rest > self._conn.getlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH):
            raise SqlFailure(limits.STATEMENT_TOO_LONG)
        if at and (is_blank(piece) or piece.startswith(NO_STATEMENT)):  # (the first piece always holds one)
            raise SqlFailure(limits.NOT_A_STATEMENT)

    def _track(self) -> bool:
        """After a statement that wrote or gives no rows: the connection's last rowid and the
        database's size kept for ``meta``; whether either moved."""
        row_id = int(self._conn.execute("SELECT last_insert_rowid()" + _INTERNAL).fetchone()[0])
        size = self._database_size()
        changed = row_id != self._last_row_id or size != self._size
        self._last_row_id, self._size = row_id, size
        return changed

    def _fetch(self, cursor: sqlite3.Cursor, sql: str, params: Sequence[Any],
               changes_before: int) -> list[tuple[Any, ...]]:
        """The rows of ``sql``, just run on ``cursor``; an error SQLite meets on a row after the
        first (``json()`` of a later row's malformed text) is workerd's D1 error, as one at the
        first row is. ``changes_before``: the connection's ``total_changes`` before it ran."""
        if cursor.rowcount >= 0:  # sqlite3 counts rows of an INSERT/UPDATE/DELETE (RETURNING)
            return self._fetch_decoded(cursor, sql)
        try:
            return cursor.fetchall()
        except sqlite3.Error as exc:
            return self._fetch_failed(exc, cursor, sql, params, changes_before)

    def _fetch_decoded(self, cursor: sqlite3.Cursor, sql: str) -> list[tuple[Any, ...]]:
        """The rows of ``sql``, just run on ``cursor``, their TEXT read as workerd hands it to
        JavaScript (:meth:`_fetch_failed`): a write's ``RETURNING`` from the start (a write cannot
        run again), a read run again."""
        conn = self._conn
        conn.text_factory = _js_text
        try:
            return cursor.fetchall()
        except sqlite3.Error as exc:
            raise SqlFailure(self._describe(exc, sql)) from None
        finally:
            conn.text_factory = str

    def _fetch_failed(self, exc: sqlite3.Error, cursor: sqlite3.Cursor, sql: str, params: Sequence[Any],
                      changes_before: int) -> list[tuple[Any, ...]]:
        """After a fetch that failed: D1's error, except for TEXT that is not UTF-8 (a ``CAST``
        of a BLOB, a file written elsewhere), which workerd hands to JavaScript with U+FFFD for
        each invalid sequence where sqlite3's own decoding (the cheaper, kept for every read)
        refuses the row. sqlite3 leaves such a statement where it stopped (a write's transaction
        open): it is reset first, and a statement that wrote nothing runs again, decoded as
        workerd decodes. (A write sqlite3 does not count, ``WITH ... INSERT ... RETURNING``,
        keeps its error: it cannot run again.)"""
        if not str(exc).startswith(_NOT_UTF8):
            raise SqlFailure(self._describe(exc, sql)) from None
        cursor.close()  # (resets the statement: a write's changes are made, its transaction ends)
        if cursor is self._cursor:
            self._cursor = self._conn.cursor()
        conn = self._conn
        if conn.total_changes != changes_before:
            raise SqlFailure(self._describe(exc, sql)) from None
        return self._fetch_decoded(self._execute(sql, params, last=True), sql)

    def _execute(self, sql: str, params: Sequence[Any], *, last: bool) -> sqlite3.Cursor:
        """``sql`` run (its first step taken) on the database's cursor, or, for a statement that
        is not the last (``last=False``), on a cursor of its own for the caller to close."""
        conn = self._conn
        self._trusted = False
        self._auth_error = None
        self._renamed = None
        self._statement = sql  # (the authorizer reads a RENAME TO's new name from it)
        try:
            if params and has_named(sql):
                return self._execute_named(conn, sql, params)
            cursor = self._cursor if last else conn.cursor()
            if _NUMBERED_WARNS:
                return _bind_sequence(cursor, sql, params)
            return cursor.execute(sql, params)  # (:func:`_bind_sequence` where no warning is wrong)
        except _EXECUTE_ERRORS as exc:
            raise self._execute_failure(exc, sql, last=last) from None
        finally:
            self._trusted = True

    def _execute_failure(self, exc: sqlite3.Error | OverflowError | MemoryError, sql: str, *,
                         last: bool) -> SqlFailure:
        """D1's error for ``sql``'s failed :meth:`_execute`. Called before the statement is
        trusted again: :meth:`_describe` may prepare it anew, under D1's rules."""
        if isinstance(exc, OverflowError):
            return SqlFailure("string or blob too big: SQLITE_TOOBIG")
        if isinstance(exc, MemoryError):  # a program past limits.MAX_VDBE_OPS
            return SqlFailure(limits.OUT_OF_MEMORY)
        if isinstance(exc, sqlite3.ProgrammingError):
            text = str(exc)
            if text.startswith("Incorrect number of bindings"):
                if not last and "there are 0 supplied" in text:
                    return SqlFailure(limits.ONLY_LAST_HAS_PARAMETERS)
                return SqlFailure(limits.WRONG_PARAMETER_COUNT)
            return SqlFailure(text)
        if isinstance(exc, sqlite3.DataError):
            if str(exc) == "query string is too large":  # CPython checks SQLITE_LIMIT_SQL_LENGTH itself
                return SqlFailure(limits.STATEMENT_TOO_LONG)
            return SqlFailure(self._describe(exc, sql))
        if self._auth_error is not None:
            return SqlFailure(self._auth_error)
        if str(exc) == "authorization denied" and _first_word(sql) == "vacuum":
            # run outside a transaction, VACUUM gets as far as attaching its copy (refused);
            # D1 runs every query in one, where SQLite refuses VACUUM itself
            return SqlFailure(limits.VACUUM_IN_TRANSACTION)
        return SqlFailure(self._describe(exc, sql))

    def _execute_named(self, conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
        """Run ``sql``, which has named parameters, with ``params`` bound by index as D1 does
        (see :mod:`workers_env.d1.parameters`)."""
        count = _parameter_count(conn, sql)
        if count != len(params):
            raise SqlFailure(limits.WRONG_PARAMETER_COUNT)
        try:
            return conn.execute(sql, InBindOrder(params))
        except sqlite3.ProgrammingError as exc:
            if "has no name" not in str(exc):  # sqlite3 asks no name of a ``?`` (nothing ran)
                raise
        rewrite = rewrite_named(sql)
        if rewrite.count != count:  # SQLite numbered it otherwise: never run a rewrite it disowns
            return _bind_sequence(conn, sql, params)
        self._renamed = rewrite
        return _bind_sequence(conn, rewrite.sql, params)

    def _original_columns(self, columns: Sequence[str]) -> list[str]:
        """Result column names as the user's SQL spells them (a column named after its
        expression would otherwise show the ``?NNN`` written for a name)."""
        renamed, at, names = self._renamed, 0, []
        assert renamed is not None
        for column in columns:
            if "?" in column:  # only a ``?NNN`` of ours reads differently from the user's text
                column, at = renamed.original_text(column, at)
            names.append(column)
        return names

    def _describe(self, exc: sqlite3.Error, sql: str) -> str:
        """workerd's text: ``<errmsg>[ at offset N]: SQLITE_<CODE>[ (extended: SQLITE_<EXT>)]``."""
        message = str(exc)
        code = getattr(exc, "sqlite_errorcode", None)
        message = limits.SQLITE_NEWER_TEXTS.get((code, message), message) if code is not None else message
        if code is None:
            return message
        offset = _OFFSET(self._conn, message, sql) if _OFFSET is not None else -1
        return _error_text(message, code, offset, getattr(exc, "sqlite_errorname", None))


def _error_text(message: str, code: int, offset: int, extended: str | None) -> str:
    """workerd's ``<errmsg>[ at offset N]: SQLITE_<CODE>[ (extended: SQLITE_<EXT>)]``."""
    primary = code & 0xFF
    name = _PRIMARY_CODES[primary] if primary < len(_PRIMARY_CODES) else f"SQLITE_{primary}"
    text = f"{message} at offset {offset}" if offset >= 0 else message
    text = f"{text}: {name}"
    if extended in (None, "unknown"):
        extended = _NEWER_EXTENDED_CODES.get(code, extended)
    if code != primary and extended:
        text = f"{text} (extended: {extended})"
    return text


_CODE_NAMES = rawtext.code_names()
