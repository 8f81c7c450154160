"""The SQLite connection: identity checks, schema, transactions, and every query."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import urllib.parse
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from workers_env._clock import utc_now_iso
from workers_env._collected import held_connections
from workers_env._errors import StateError
from workers_env._statebeside import read_quietly
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.definitions import IndexDefinition
from workers_env.vectorize.store.names import DB_FILENAME, check_index_name, state_dir
from workers_env.vectorize.store.records import (
    IndexChanges,
    IndexRecord,
    MetadataIndexRecord,
    VectorRows,
)

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "BUSY_TIMEOUT_MS", "StateDB", "WriteTxn", "peek_definition", "peek_vector_count"]

APPLICATION_ID = 0x57455643  # "WEVC": workers-env Vectorize state
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 15_000
_SQLITE_MAGIC = b"SQLite format 3\x00"
T = TypeVar("T")

_SCHEMA = """
CREATE TABLE indexes (
    uid          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL,
    name         TEXT NOT NULL UNIQUE,
    dimensions   INTEGER NOT NULL,
    metric       TEXT NOT NULL,
    version      TEXT NOT NULL,
    description  TEXT,
    preset       TEXT,
    created_on   TEXT NOT NULL,
    modified_on  TEXT NOT NULL,
    seq          INTEGER NOT NULL DEFAULT 0,
    mutation_id  TEXT,
    mutation_time TEXT
);
CREATE TABLE vectors (
    index_uid  INTEGER NOT NULL REFERENCES indexes(uid) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    namespace  TEXT,
    metadata   TEXT,
    vals       BLOB NOT NULL,
    seq        INTEGER NOT NULL,
    vals_check INTEGER,
    UNIQUE (index_uid, id)
);
CREATE INDEX vectors_by_seq ON vectors (index_uid, seq);
CREATE TABLE tombstones (
    index_uid  INTEGER NOT NULL REFERENCES indexes(uid) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (index_uid, id)
) WITHOUT ROWID;
CREATE INDEX tombstones_by_seq ON tombstones (index_uid, seq);
CREATE TABLE metadata_indexes (
    index_uid    INTEGER NOT NULL REFERENCES indexes(uid) ON DELETE CASCADE,
    property     TEXT NOT NULL,
    type         TEXT NOT NULL,
    created_seq  INTEGER NOT NULL,
    PRIMARY KEY (index_uid, property)
) WITHOUT ROWID;
"""
_TABLES = {"indexes", "vectors", "tombstones", "metadata_indexes"}


def _create_schema(conn: sqlite3.Connection) -> None:
    """The state file's tables and its identity (application id, schema version), inside the
    caller's transaction."""
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def row_checks(values: np.ndarray) -> np.ndarray:
    """Per row, a 32-bit check of its float32 bytes: the sum of its 32-bit words times odd
    weights, wrapping. Any one changed word changes it (odd numbers are invertible mod
    2**32); so do all but ~1 in 4 billion other changes. One numpy pass, ~0.3 ms per 1000 x 768."""
    words = np.ascontiguousarray(values, dtype="<f4").view("<u4")
    weights = np.arange(1, 2 * words.shape[1], 2, dtype=np.uint32)
    out = np.empty(words.shape[0], dtype=np.int64)
    for s in range(0, words.shape[0], 4096):  # bounded temporaries
        out[s : s + 4096] = (words[s : s + 4096] * weights).sum(axis=1, dtype=np.uint32)
    return out


def _read_only_reason(path: Path) -> str | None:
    """Why an existing state file cannot be written, or ``None`` if it can."""
    if not os.access(path, os.W_OK):
        return f"no permission to write {path}"
    if not os.access(path.parent, os.W_OK):
        return f"no permission to write in its folder {path.parent} (SQLite keeps its journal there)"
    return None


def _record(row: Sequence[Any], metadata_indexes: tuple[MetadataIndexRecord, ...] = ()) -> IndexRecord:
    return IndexRecord(*row, metadata_indexes=metadata_indexes)  # type: ignore[misc]


_RECORD_COLUMNS = (
    "uid, id, name, dimensions, metric, version, description, preset, created_on, modified_on, "
    "seq, mutation_id, mutation_time"
)


def _peek_index(persist_to: str | Path, name: str, read: Callable[[sqlite3.Connection, int], T]) -> T | None:
    """``read(connection, uid)`` on the index ``name`` of the state under ``persist_to``, for
    guidance about another state only (:func:`~workers_env._statebeside.read_quietly`: read-only,
    no wait on a lock, no file made); ``None`` when it holds no such index, or is missing, locked,
    unreadable or not workers-env Vectorize state."""
    def read_state(conn: sqlite3.Connection) -> T | None:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        row = conn.execute("SELECT uid FROM indexes WHERE name = ?", (name,)).fetchone()
        return None if row is None else read(conn, row[0])

    return read_quietly(state_dir(persist_to) / DB_FILENAME, read_state)


def peek_vector_count(persist_to: str | Path, name: str) -> int | None:
    """How many vectors the state under ``persist_to`` holds for the index ``name``, as
    :func:`_peek_index` reads it."""
    return _peek_index(persist_to, name, lambda conn, uid: int(
        conn.execute("SELECT count(*) FROM vectors WHERE index_uid = ?", (uid,)).fetchone()[0]))


def peek_definition(persist_to: str | Path, name: str) -> IndexDefinition | None:
    """The definition the state under ``persist_to`` holds for the index ``name`` (its metadata
    indexes included), as :func:`_peek_index` reads it."""
    def read(conn: sqlite3.Connection, uid: int) -> IndexDefinition:
        dimensions, metric, version = conn.execute(
            "SELECT dimensions, metric, version FROM indexes WHERE uid = ?", (uid,)).fetchone()
        types = conn.execute("SELECT property, type FROM metadata_indexes WHERE index_uid = ? ORDER BY created_seq, "
                             "property", (uid,)).fetchall()
        return IndexDefinition(dimensions=int(dimensions), metric=str(metric), version=str(version),
                               metadata_indexes={str(p): str(t) for p, t in types})

    return _peek_index(persist_to, name, read)


# -- the database ------------------------------------------------------------------------------
class StateDB:
    """One connection to the state file. Thread-safe (one lock around the connection)."""

    #: Whether live indexes may use and write snapshot files beside the state file.
    snapshots: bool = True
    #: Why the state can only be read (a read-only file or folder), or ``None``.
    read_only: str | None = None
    _has_check = False  # the vectors table has the per-row check column

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        self._lock = threading.RLock()
        self._conn = self._connect() if create or self.path.exists() else self._no_state_yet()
        held_connections(self).append(self._conn)  # closed, writing nothing, if dropped unclosed

    @classmethod
    def open(cls, persist_to: str | Path, *, create: bool = True) -> StateDB:
        """Open the state under a wrangler-style state root, creating it if needed; with
        ``create=False`` state that does not exist yet reads as empty and nothing is made on
        disk (a command that only reads, or fails, leaves no new file behind)."""
        folder = state_dir(persist_to)
        if not create and not (folder / DB_FILENAME).exists():
            return cls(folder / DB_FILENAME, create=False)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError(f"cannot create the state folder {folder}: {exc.strerror or exc}") from None
        return cls(folder / DB_FILENAME)

    # -- opening and checking ----------------------------------------------------------------
    def _fail(self, what: str) -> StateError:
        return StateError(f"{self.path}: {what}")

    def _damaged(self, exc: BaseException) -> StateError:
        return self._fail(
            f"the workers-env Vectorize state file is damaged or unreadable ({exc}); "
            "move it away to start with empty state"
        )

    def _connect(self) -> sqlite3.Connection:
        path = self.path
        if path.exists() and not path.is_file():
            raise self._fail("expected a workers-env Vectorize state file, found a directory or device")
        try:
            with path.open("rb") as handle:
                head: bytes | None = handle.read(100)
                size = os.fstat(handle.fileno()).st_size
        except FileNotFoundError:
            head, size = None, 0
        except OSError as exc:
            raise self._fail(f"cannot read the state file: {exc.strerror or exc}") from None
        if head is None:
            self._create()
        elif not head:
            raise self._fail(
                "the state file is empty (0 bytes): it was truncated or damaged, and is not silently "
                "started afresh; move it away to start with empty state"
            )
        elif head[: len(_SQLITE_MAGIC)] != _SQLITE_MAGIC:
            raise self._fail(
                "not a workers-env Vectorize state file (it is not an SQLite database); "
                "move it away or choose another --persist-to"
            )
        else:
            self._check_size(head, size)
            reason = _read_only_reason(path)
            if reason is not None:
                return self._connect_read_only(reason)
        try:
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise self._fail(f"cannot open the state file: {exc}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._check_or_init(conn)
            self._add_check_column(conn)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except StateError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise self._damaged(exc) from None
        return conn

    @staticmethod
    def _vector_columns(conn: sqlite3.Connection) -> set[str]:
        return {r[1] for r in conn.execute("PRAGMA table_info(vectors)")}

    def _add_check_column(self, conn: sqlite3.Connection) -> None:
        """Give a state file written before per-row checks their column (rows already
        stored keep NULL there and are checked for length and finiteness only)."""
        if "vals_check" not in self._vector_columns(conn):
            conn.execute("BEGIN IMMEDIATE")
            try:
                if "vals_check" not in self._vector_columns(conn):
                    conn.execute("ALTER TABLE vectors ADD COLUMN vals_check INTEGER")
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        self._has_check = True

    def _no_state_yet(self) -> sqlite3.Connection:
        """Empty state in memory for a file that does not exist: reads find nothing, and a
        write is refused (``read_only``) rather than kept where nothing would see it."""
        self.read_only = f"there is no state file {self.path} yet"
        self.snapshots = False
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _create_schema(conn)
        self._has_check = True
        return conn

    def _check_size(self, head: bytes, size: int) -> None:
        """Refuse a file shorter than its own header says (a lost tail reads as zeros).

        Only when no write-ahead log is pending: while one is, SQLite completes the file
        from it (a checkpoint cut short leaves the header ahead of the file).
        """
        if len(head) < 100 or head[24:28] != head[92:96]:  # the in-header size is not valid
            return
        page_size = int.from_bytes(head[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        expected = int.from_bytes(head[28:32], "big") * page_size
        wal = self.path.with_name(self.path.name + "-wal")
        if size < expected and not (wal.exists() and wal.stat().st_size > 0):
            raise self._fail(
                f"the state file is truncated ({size:,} bytes; its header says {expected:,}): it is damaged; "
                "move it away to start with empty state"
            )

    def _create(self) -> None:
        """Create the state file whole: built under a temporary name, then linked into place,
        so no process ever sees an empty file (an empty one is refused as damaged)."""
        folder = self.path.parent
        tmp = folder / f".{self.path.name}.{os.getpid()}.{uuid.uuid4().hex}.new"
        try:
            conn = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                _create_schema(conn)
                conn.execute("COMMIT")
            finally:
                conn.close()
            try:
                os.link(tmp, self.path)
            except FileExistsError:
                pass  # another process created it first: use theirs
            except OSError:  # a filesystem without hard links
                if not self.path.exists():
                    os.replace(tmp, self.path)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise self._fail(f"cannot create the state file in {folder}: {reason}") from None
        finally:
            for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def _connect_read_only(self, reason: str) -> sqlite3.Connection:
        """Open for reading only; every write then says why it is refused (``read_only``).

        SQLite reads a WAL database read-only if it can use or create the ``-shm`` file
        beside it; in a folder nobody may write, the file is opened as immutable.
        """
        self.read_only = reason
        base = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
        last: sqlite3.Error | None = None
        for uri in (base, base + "&immutable=1"):
            conn = None
            try:
                conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                if not self._check_identity(*self._identity(conn)):
                    raise self._fail(f"an empty state file that cannot be initialised: {reason}")
                self._has_check = "vals_check" in self._vector_columns(conn)
                return conn
            except sqlite3.Error as exc:
                last = exc
                if conn is not None:
                    conn.close()
            except StateError:
                if conn is not None:
                    conn.close()
                raise
        raise self._damaged(last) from None  # type: ignore[arg-type]

    def _identity(self, conn: sqlite3.Connection) -> tuple[int, int, set[str]]:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return app_id, version, tables

    def _check_identity(self, app_id: int, version: int, tables: set[str]) -> bool:
        """True if the file is ours and ready; False if it is empty; raise if foreign."""
        if app_id == APPLICATION_ID:
            if version > SCHEMA_VERSION:
                raise self._fail(
                    f"written by a newer workers-env (state schema {version}; this one reads "
                    f"{SCHEMA_VERSION}); upgrade workers-env"
                )
            if version < 1 or not _TABLES <= tables:
                raise self._fail("a workers-env state file without its tables; it is damaged")
            return True
        if app_id == 0 and not tables and version == 0:
            return False
        raise self._fail(
            f"an SQLite database of another application (application_id {app_id:#x}), not "
            "workers-env Vectorize state; move it away or choose another --persist-to"
        )

    def _check_or_init(self, conn: sqlite3.Connection) -> None:
        if self._check_identity(*self._identity(conn)):
            return
        # An empty file: set WAL first (it cannot change inside a transaction), then build
        # the schema under the write lock, re-checking in case another process won the race.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not self._check_identity(*self._identity(conn)):
                _create_schema(conn)
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise

    # -- connection helpers -------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()

    def __enter__(self) -> StateDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and turn SQLite failures into StateErrors naming the file."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.OperationalError as exc:
                text = str(exc)
                if "locked" in text or "busy" in text:
                    raise self._fail(
                        f"the state file stayed locked by another process for {BUSY_TIMEOUT_MS // 1000} s ({text})"
                    ) from None
                if "readonly" in text or "disk" in text or "unable to open" in text:
                    raise self._fail(f"cannot write the state file ({text})") from None
                raise self._damaged(exc) from None
            except sqlite3.ProgrammingError as exc:  # before DatabaseError: a subclass of it
                if "closed" in str(exc):
                    raise self._fail("the state was closed (env.close() or store.close()) and cannot be used") from None
                raise
            except sqlite3.DatabaseError as exc:
                raise self._damaged(exc) from None

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for several SELECTs."""
        with self._guard() as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("COMMIT")

    def _refuse_if_read_only(self) -> None:
        if self.read_only is not None:
            raise self._fail(
                f"the state is read-only ({self.read_only}), so this write was refused and nothing "
                "changed; reads work. Make the folder and file writable, or choose another --persist-to"
            )

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``): commit on success, else roll back."""
        self._refuse_if_read_only()
        with self._guard() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:  # the block failed, or the commit did
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise

    def data_version(self) -> int:
        """Changes whenever another connection commits (``PRAGMA data_version``)."""
        with self._guard() as conn:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])

    # -- index records ----------------------------------------------------------------------
    def _metadata_indexes(self, conn: sqlite3.Connection, uid: int) -> tuple[MetadataIndexRecord, ...]:
        rows = conn.execute(
            "SELECT property, type, created_seq FROM metadata_indexes WHERE index_uid = ? ORDER BY property",
            (uid,),
        ).fetchall()
        return tuple(MetadataIndexRecord(*r) for r in rows)

    def _find(self, conn: sqlite3.Connection, name: str) -> IndexRecord | None:
        row = conn.execute(f"SELECT {_RECORD_COLUMNS} FROM indexes WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        record = _record(row, self._metadata_indexes(conn, row[0]))
        self._check_record(record)
        return record

    def _by_uid(self, conn: sqlite3.Connection, uid: int) -> IndexRecord | None:
        row = conn.execute(f"SELECT {_RECORD_COLUMNS} FROM indexes WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else _record(row, self._metadata_indexes(conn, uid))

    def _check_record(self, record: IndexRecord) -> None:
        if not (isinstance(record.dimensions, int) and record.dimensions > 0) or (
            record.metric not in _limits.METRICS or record.version not in _limits.VERSIONS
        ):
            raise self._fail(f"index {record.name!r} has a damaged definition in the state file")

    def find_index(self, name: str) -> IndexRecord | None:
        """The record of the index called ``name``, or ``None``."""
        check_index_name(name)
        with self._read() as conn:
            return self._find(conn, name)

    def list_indexes(self) -> list[IndexRecord]:
        """Every index, by name."""
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_RECORD_COLUMNS} FROM indexes ORDER BY name").fetchall()
            records = [_record(r, self._metadata_indexes(conn, r[0])) for r in rows]
        for record in records:
            self._check_record(record)
        return records

    def create_index(self, name: str, definition: IndexDefinition) -> IndexRecord:
        """Create an index (with the definition's metadata indexes, at seq 0).

        Raises :class:`StateError` if one of that name exists.
        """
        check_index_name(name)
        now = utc_now_iso()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM indexes WHERE name = ?", (name,)).fetchone():
                raise StateError(f"an index named {name!r} already exists in {self.path}")
            cur = conn.execute(
                "INSERT INTO indexes (id, name, dimensions, metric, version, description, preset, created_on, "
                "modified_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), name, definition.dimensions, definition.metric, definition.version, definition.description,
                 definition.preset, now, now),
            )
            uid = int(cur.lastrowid)  # type: ignore[arg-type]
            conn.executemany(
                "INSERT INTO metadata_indexes (index_uid, property, type, created_seq) VALUES (?, ?, ?, 0)",
                [(uid, prop, kind) for prop, kind in definition.metadata_indexes.items()],
            )
            record = self._by_uid(conn, uid)
        assert record is not None
        return record

    def delete_index(self, name: str) -> bool:
        """Delete an index and all its vectors; False if there was none."""
        check_index_name(name)
        with self._write() as conn:
            cur = conn.execute("DELETE FROM indexes WHERE name = ?", (name,))
            return cur.rowcount > 0

    def index_head(self, uid: int) -> IndexRecord | None:
        """The current record of the index ``uid`` (``None`` once it was deleted)."""
        with self._read() as conn:
            return self._by_uid(conn, uid)

    # -- vectors --------------------------------------------------------------------------------
    def _rows(self, record: IndexRecord, rows: list[tuple[Any, ...]]) -> VectorRows:
        d = record.dimensions
        ids = [r[0] for r in rows]
        # one writable buffer: the live index takes the matrix over without another copy
        blob = bytearray().join(r[3] if isinstance(r[3], bytes) else b"" for r in rows)
        if len(blob) != len(rows) * d * 4:
            for r in rows:
                if not isinstance(r[3], bytes) or len(r[3]) != d * 4:
                    raise self._fail(
                        f"vector {r[0]!r} of index {record.name!r} has damaged values "
                        f"(expected {d} float32 numbers, found {len(r[3]) if isinstance(r[3], bytes) else 0} bytes); "
                        "the state file is damaged: move it away to start with empty state"
                    )
        values = np.frombuffer(blob, dtype="<f4").astype(np.float32, copy=False).reshape(len(rows), d)
        self._check_finite(record, ids, values)
        self._check_rows(record, rows, values)
        metadata: list[dict[str, Any]] = []
        for r in rows:
            if r[2] is None:
                metadata.append({})
                continue
            try:
                md = json.loads(r[2])
            except (TypeError, ValueError):
                md = None
            if not isinstance(md, dict):
                raise self._fail(f"vector {r[0]!r} of index {record.name!r} has damaged metadata")
            metadata.append(md)
        return VectorRows(
            ids=ids,
            values=values,
            namespaces=[r[1] for r in rows],
            metadata=metadata,
            seqs=np.fromiter((r[4] for r in rows), dtype=np.int64, count=len(rows)),
        )

    @property
    def _check_column(self) -> str:
        return "vals_check" if self._has_check else "NULL"

    def _check_rows(self, record: IndexRecord, rows: list[tuple[Any, ...]], values: np.ndarray) -> None:
        """Compare each row's stored check (where it has one) with its values' bytes."""
        stored = np.fromiter((-1 if r[5] is None else r[5] for r in rows), dtype=np.int64, count=len(rows))
        if not len(rows) or not (stored >= 0).any():
            return
        bad = np.flatnonzero((stored >= 0) & (row_checks(values) != stored))
        if len(bad):
            raise self._fail(
                f"vector {rows[int(bad[0])][0]!r} of index {record.name!r} has damaged values (their bytes "
                "do not match the check stored with them); the state file is damaged: move it away to "
                "start with empty state"
            )

    def _check_finite(self, record: IndexRecord, ids: list[str], values: np.ndarray) -> None:
        """Refuse stored values that are NaN or infinite: no write can store them, so the
        file was damaged. One matrix-vector product finds the candidates (NaN and inf
        propagate; a row whose finite values overflow the sum is checked exactly)."""
        if not len(values):
            return
        sums = values @ np.ones(values.shape[1], dtype=np.float32)
        suspects = np.flatnonzero(~np.isfinite(sums))
        for row in suspects.tolist():
            if not np.isfinite(values[row]).all():
                raise self._fail(
                    f"vector {ids[row]!r} of index {record.name!r} has damaged values (NaN or Infinity, "
                    "which no write can store); the state file is damaged: move it away to start with empty state"
                )

    def load_index(self, name: str) -> tuple[IndexRecord, VectorRows] | None:
        """The record and every vector of an index, from one snapshot; ``None`` if absent."""
        check_index_name(name)
        with self._read() as conn:
            record = self._find(conn, name)
            if record is None:
                return None
            rows = conn.execute(
                f"SELECT id, namespace, metadata, vals, seq, {self._check_column} FROM vectors WHERE index_uid = ?",
                (record.uid,),
            ).fetchall()
            return record, self._rows(record, rows)

    def _changes(self, conn: sqlite3.Connection, record: IndexRecord, since: int) -> IndexChanges:
        deleted = [r[0] for r in conn.execute(
            "SELECT id FROM tombstones WHERE index_uid = ? AND seq > ?", (record.uid, since))]
        rows = conn.execute(
            f"SELECT id, namespace, metadata, vals, seq, {self._check_column} FROM vectors WHERE index_uid = ? AND seq > ?",
            (record.uid, since),
        ).fetchall()
        return IndexChanges(record, deleted, self._rows(record, rows), record.metadata_indexes)

    def changes_since(self, uid: int, since: int) -> IndexChanges | None:
        """What was written to index ``uid`` after seq ``since``; ``None`` if it is gone."""
        with self._read() as conn:
            record = self._by_uid(conn, uid)
            if record is None:
                return None
            if record.seq == since:
                return IndexChanges(record, [], self._rows(record, []), record.metadata_indexes)
            return self._changes(conn, record, since)

    @contextlib.contextmanager
    def write_txn(self, uid: int, name: str) -> Iterator[WriteTxn]:
        """Hold the write lock on index ``uid`` for one mutation; commit when the block ends."""
        with self._write() as conn:
            record = self._by_uid(conn, uid)
            if record is None:
                raise StateError(f"index {name!r} no longer exists in {self.path} (deleted by another process)")
            yield WriteTxn(self, conn, record)

    def count_vectors(self, uid: int) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM vectors WHERE index_uid = ?", (uid,)).fetchone()[0])

    def list_vector_ids(self, uid: int, *, after: str | None, limit: int) -> tuple[list[str], int, bool]:
        """Up to ``limit`` ids in code-point order after ``after``; plus the total and whether more follow."""
        with self._read() as conn:
            total = int(conn.execute("SELECT count(*) FROM vectors WHERE index_uid = ?", (uid,)).fetchone()[0])
            if after is None:
                cur = conn.execute(
                    "SELECT id FROM vectors WHERE index_uid = ? ORDER BY id LIMIT ?", (uid, limit + 1))
            else:
                cur = conn.execute(
                    "SELECT id FROM vectors WHERE index_uid = ? AND id > ? ORDER BY id LIMIT ?",
                    (uid, after, limit + 1),
                )
            ids = [r[0] for r in cur]
        return ids[:limit], total, len(ids) > limit


class WriteTxn:
    """One open write transaction on one index (see :meth:`StateDB.write_txn`).

    ``record`` is the index's head as of the lock; :meth:`changes_since` reads what other
    processes committed before it, so memory can catch up before this write is applied.
    """

    def __init__(self, db: StateDB, conn: sqlite3.Connection, record: IndexRecord):
        self._db = db
        self._conn = conn
        self.record = record
        self.seq = record.seq + 1  # the seq this mutation writes

    def changes_since(self, since: int) -> IndexChanges:
        return self._db._changes(self._conn, self.record, since)

    def delete_vectors(self, ids: Sequence[str]) -> None:
        uid, seq = self.record.uid, self.seq
        self._conn.executemany("DELETE FROM vectors WHERE index_uid = ? AND id = ?", [(uid, i) for i in ids])
        self._conn.executemany(
            "INSERT INTO tombstones (index_uid, id, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (index_uid, id) DO UPDATE SET seq = excluded.seq",
            [(uid, i, seq) for i in ids],
        )

    def put_vectors(self, ids: Sequence[str], values: np.ndarray, namespaces: Sequence[str | None],
                    metadata_json: Sequence[str | None]) -> None:
        """Insert or replace whole vectors; ``values`` is ``(len(ids), dimensions)``."""
        uid, seq = self.record.uid, self.seq
        values = np.ascontiguousarray(values, dtype="<f4")
        if values.shape != (len(ids), self.record.dimensions):
            raise StateError(
                f"internal error: {values.shape} values for {len(ids)} vectors of {self.record.dimensions} dimensions"
            )
        checks = row_checks(values).tolist()
        # each row's bytes sliced from one copy of the matrix (a numpy row and its tobytes a row
        # cost twice as much)
        raw, step = values.tobytes(), values.shape[1] * 4
        self._conn.executemany(
            "INSERT INTO vectors (index_uid, id, namespace, metadata, vals, seq, vals_check) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (index_uid, id) DO UPDATE SET namespace = excluded.namespace, "
            "metadata = excluded.metadata, vals = excluded.vals, seq = excluded.seq, vals_check = excluded.vals_check",
            [(uid, ids[i], namespaces[i], metadata_json[i], raw[i * step:(i + 1) * step], seq, checks[i])
             for i in range(len(ids))],
        )
        # an id written again is no longer deleted; an index that never had a vector deleted has
        # no tombstone to look up per id (a fifth of a batch's insert time)
        if self._conn.execute("SELECT 1 FROM tombstones WHERE index_uid = ? LIMIT 1", (uid,)).fetchone():
            self._conn.executemany(
                "DELETE FROM tombstones WHERE index_uid = ? AND id = ?", [(uid, i) for i in ids])

    def add_metadata_index(self, prop: str, type_: str) -> None:
        self._conn.execute(
            "INSERT INTO metadata_indexes (index_uid, property, type, created_seq) VALUES (?, ?, ?, ?)",
            (self.record.uid, prop, type_, self.seq),
        )

    def drop_metadata_index(self, prop: str) -> None:
        self._conn.execute(
            "DELETE FROM metadata_indexes WHERE index_uid = ? AND property = ?", (self.record.uid, prop))

    def finish(self, mutation_id: str | None, mutation_time: str | None) -> None:
        """Advance the index's head to this mutation (call last, inside the block)."""
        self._conn.execute(
            "UPDATE indexes SET seq = ?, mutation_id = ?, mutation_time = ?, modified_on = ? WHERE uid = ?",
            (self.seq, mutation_id, mutation_time, utc_now_iso(), self.record.uid),
        )
