"""KV state on disk in Miniflare's own layout, so ``wrangler kv key get --local`` and
``wrangler dev`` read what we write, and we read what they wrote.

Miniflare (workers-sdk ``packages/miniflare/src/workers/shared/keyvalue.worker.ts``) keeps
each namespace as a Durable Object of class ``KVNamespaceObject``:

* ``<persist_to>/v3/kv/miniflare-KVNamespaceObject/<object id>.sqlite`` holds the table
  ``_mf_entries(key TEXT PRIMARY KEY, blob_id TEXT, expiration INTEGER /* ms */, metadata TEXT)``;
  the object id is workerd's ``idFromName(<namespace id>)`` (HMAC-SHA256 keyed with the
  SHA-256 of ``miniflare-KVNamespaceObject``), in hex;
* each value is a file ``<persist_to>/v3/kv/<namespace id, sanitised>/blobs/<blob id>``.

A write stores the blob first, then swaps the row in one transaction and removes the old
blob. Values are read whole. Several connections may share the files (another process,
``wrangler dev``, a second ``load_env``): a reader that finds its row's blob already removed
by another connection's write reads the row again, and an expired row is dropped only if it
is still the row that was read, so a write committed meanwhile is never lost. SQLite errors
(the file locked by another process past the busy timeout, a read-only or damaged file)
become :class:`~workers_env.StateError` naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import threading
import time
from pathlib import Path

from workers_env._collected import held_connections
from workers_env._errors import StateError, reason
from workers_env.kv.store import Entry, KeyInfo, Store

__all__ = ["MiniflareStore", "holds_entries", "kv_root", "namespace_object_id", "sanitise_path"]

OBJECT_CLASS = "KVNamespaceObject"
UNIQUE_KEY = f"miniflare-{OBJECT_CLASS}"
BUSY_TIMEOUT_S = 30
_SCHEMA = """
CREATE TABLE IF NOT EXISTS _mf_entries (
  key TEXT PRIMARY KEY,
  blob_id TEXT NOT NULL,
  expiration INTEGER,
  metadata TEXT
);
CREATE INDEX IF NOT EXISTS _mf_entries_expiration_idx ON _mf_entries(expiration);
"""


def kv_root(persist_to: Path) -> Path:
    """Where Miniflare keeps KV under a ``--persist-to`` folder."""
    return Path(persist_to) / "v3" / "kv"


def namespace_object_id(namespace_id: str) -> str:
    """workerd's ``idFromName(namespace_id)`` for Miniflare's KV object class, in hex."""
    key = hashlib.sha256(UNIQUE_KEY.encode()).digest()
    base = hmac.new(key, namespace_id.encode("utf-8"), hashlib.sha256).digest()[:16]
    mac = hmac.new(key, base, hashlib.sha256).digest()[:16]
    return (base + mac).hex()


def holds_entries(persist_to: Path, namespace_id: str) -> bool:
    """Whether the namespace has a row under ``persist_to`` (read-only; a missing, locked or
    damaged file reads as no row, and nothing is created)."""
    from workers_env._statebeside import read_quietly

    path = kv_root(persist_to) / UNIQUE_KEY / f"{namespace_object_id(namespace_id)}.sqlite"
    return bool(read_quietly(path, lambda db: db.execute("SELECT 1 FROM _mf_entries LIMIT 1").fetchone() is not None))


_DOTS = re.compile(r"(^|/|\\)(\.+)(/|\\|$)")
_ILLEGAL = re.compile(r"[?<>*\"'^/\\:|\x00-\x1f\x80-\x9f]")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_LEADING = re.compile(r"^[ /\\]+")
_TRAILING = re.compile(r"[ /\\]+$")


def sanitise_path(unsafe: str) -> str:
    """Miniflare's ``sanitisePath``: a namespace id as a single safe folder name."""

    def dots(m: re.Match[str]) -> str:
        return m.group(1) + "_" * len(m.group(2)) + m.group(3)

    text = _DOTS.sub(dots, unsafe)
    text = _DOTS.sub(dots, text)
    text = _ILLEGAL.sub("_", text)
    text = _WINDOWS_RESERVED.sub("_", text)
    text = _LEADING.sub(lambda m: "_" * len(m.group(0)), text)
    text = _TRAILING.sub(lambda m: "_" * len(m.group(0)), text)
    return text[:255]


def _blob_id() -> str:
    """Miniflare's blob ids: 32 random bytes and the time in ms (64-bit big-endian), in hex."""
    return secrets.token_bytes(32).hex() + int(time.time() * 1000).to_bytes(8, "big").hex()


def _tidy(db: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> list[tuple[str]]:
    """Drop expired rows (``RETURNING blob_id``) on a read's way; skipped, not failed, when
    another process holds the write lock: the read has its answer and a later one tidies."""
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return []
        raise


class MiniflareStore(Store):
    """One namespace's entries in Miniflare's SQLite file and blob folder.

    The blob folder is made by the first write, as Miniflare makes it (a read, or a write
    refused, leaves none). ``open_now=False`` also leaves the SQLite file to the first
    operation that reaches the state: the CLI's, so a command refused before that (an empty
    key name, ...) leaves nothing new behind, as ``wrangler kv`` does; ``load_env`` opens at
    once, so damaged state is reported when the env is built.
    """

    def __init__(self, persist_to: Path, namespace_id: str, *, open_now: bool = True):
        root = kv_root(persist_to)
        self.db_path = root / UNIQUE_KEY / f"{namespace_object_id(namespace_id)}.sqlite"
        self.blob_dir = root / sanitise_path(namespace_id) / "blobs"
        self._namespace_id = namespace_id
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._held = held_connections(self)  # closed if this is dropped unclosed (an env nobody closes)
        self._closed = False
        if open_now:
            self._conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.db_path, check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error) as exc:
            raise self._unopenable(exc) from exc
        try:
            db.execute("PRAGMA journal_mode = WAL")  # as workerd keeps it
            db.execute("PRAGMA case_sensitive_like = TRUE")
            db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            db.close()
            raise self._unopenable(exc) from exc
        self._held[:] = [db]
        return db

    def _unopenable(self, exc: BaseException) -> StateError:
        return StateError(
            f"cannot open the local KV state for namespace {self._namespace_id!r} at {self.db_path}: {reason(exc)}. "
            "Check that the folder is writable and the file is a KV state file written by wrangler or workers-env."
        )

    @property
    def _db(self) -> sqlite3.Connection:
        """The connection, opened on first use (callers hold the lock)."""
        if self._conn is None:
            if self._closed:
                raise self._failed(sqlite3.ProgrammingError("closed"))  # _failed reads the word, as in sqlite3's own
            self._conn = self._connect()
        return self._conn

    def _read_blob(self, blob_id: str) -> bytes | None:
        path = self.blob_dir / blob_id
        if os.path.basename(blob_id) != blob_id:  # ids are hex; never follow a path out of the folder
            return None
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:  # a folder or an unreadable file where the value's file goes
            raise StateError(f"the local KV state at {self.blob_dir}: {reason(exc)}; a stored value's file cannot "
                             "be read: check that it is a readable file, or delete the key") from None

    def _remove_blob(self, blob_id: str | None) -> None:
        if blob_id and os.path.basename(blob_id) == blob_id:
            try:
                (self.blob_dir / blob_id).unlink()
            except OSError:
                pass  # as Miniflare: a dangling blob costs disk space, never correctness

    def _failed(self, exc: sqlite3.Error) -> StateError:
        """SQLite's failure as a :class:`StateError` naming the file (callers hold the lock and
        catch around their statements: a ``try`` costs nothing until something fails)."""
        text = reason(exc)
        if "locked" in text or "busy" in text:
            detail = (f"it stayed locked by another process (wrangler dev, another workers-env) for "
                      f"{BUSY_TIMEOUT_S} s ({text}); try again once that process has finished writing")
        elif isinstance(exc, sqlite3.ProgrammingError) and "closed" in text:
            detail = "the state was closed (env.close()) and cannot be used"
        else:
            detail = f"{text}; check that the file is writable and a KV state file"
        return StateError(f"the local KV state at {self.db_path}: {detail}; nothing was changed")

    def get(self, key: str, now_ms: int) -> Entry | None:
        with self._lock:
            try:
                return self._get(self._db, key, now_ms)
            except sqlite3.Error as exc:
                raise self._failed(exc) from None

    def _get(self, db: sqlite3.Connection, key: str, now_ms: int) -> Entry | None:
        row = db.execute("SELECT blob_id, expiration, metadata FROM _mf_entries WHERE key = ?", (key,)).fetchone()
        while row is not None:
            blob_id, expiration, metadata = row
            if expiration is not None and expiration <= now_ms:
                # only the row read here: a write another connection committed since stays
                for (dropped,) in _tidy(db, "DELETE FROM _mf_entries WHERE key = ? AND blob_id = ? "
                                            "RETURNING blob_id", (key, blob_id)):
                    self._remove_blob(dropped)
                return None
            value = self._read_blob(blob_id)
            if value is not None:
                return Entry(value, expiration, metadata)
            # The blob is gone: another connection replaced or deleted the entry after the row
            # was read (a write removes the old blob once committed). Read the row again.
            again = db.execute(
                "SELECT blob_id, expiration, metadata FROM _mf_entries WHERE key = ?", (key,)
            ).fetchone()
            if again is not None and again[0] == blob_id:
                return None  # the same row without its blob: a dangling entry reads as absent
            row = again
        return None

    def put(self, key: str, entry: Entry) -> None:
        blob_id = _blob_id()
        path = self.blob_dir / blob_id
        with self._lock:
            db = self._db
            try:
                self.blob_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StateError(f"the local KV state at {self.blob_dir}: {reason(exc)}; check that the folder "
                                 "is writable; nothing was changed") from None
            try:
                path.write_bytes(entry.value)
            except OSError as exc:  # a full disk, a folder where the value's file goes
                self._remove_blob(blob_id)  # a part written before the disk filled: nothing is kept
                raise StateError(f"the local KV state at {self.blob_dir}: {reason(exc)}; check that the folder "
                                 "is writable and has room; nothing was changed") from None
            try:
                db.execute("BEGIN IMMEDIATE")
                old = db.execute("SELECT blob_id FROM _mf_entries WHERE key = ?", (key,)).fetchone()
                db.execute(
                    "INSERT OR REPLACE INTO _mf_entries (key, blob_id, expiration, metadata) VALUES (?, ?, ?, ?)",
                    (key, blob_id, entry.expiration_ms, entry.metadata_json),
                )
                db.execute("COMMIT")
            except BaseException as exc:
                if db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                self._remove_blob(blob_id)
                if isinstance(exc, sqlite3.Error):
                    raise self._failed(exc) from None
                raise
            self._remove_blob(old[0] if old else None)

    def delete(self, key: str) -> None:
        with self._lock:
            try:
                row = self._db.execute("DELETE FROM _mf_entries WHERE key = ? RETURNING blob_id", (key,)).fetchone()
            except sqlite3.Error as exc:
                raise self._failed(exc) from None
            self._remove_blob(row[0] if row else None)

    def list(self, prefix: str, start_after: str, limit: int, now_ms: int) -> tuple[list[KeyInfo], bool]:
        with self._lock:
            db = self._db
            try:
                rows = db.execute(
                    "SELECT key, expiration, metadata FROM _mf_entries "
                    "WHERE substr(key, 1, length(:prefix)) = :prefix AND key > :after "
                    "AND (expiration IS NULL OR expiration > :now) ORDER BY key LIMIT :limit",
                    {"prefix": prefix, "after": start_after, "now": now_ms, "limit": limit + 1},
                ).fetchall()
                expired = _tidy(db, "DELETE FROM _mf_entries WHERE expiration <= ? RETURNING blob_id", (now_ms,))
            except sqlite3.Error as exc:
                raise self._failed(exc) from None
            for (blob_id,) in expired:
                self._remove_blob(blob_id)
        more = len(rows) > limit
        return [KeyInfo(k, e, m) for k, e, m in rows[:limit]], more

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None  # every later use is refused by ``_db``, before a blob is written
