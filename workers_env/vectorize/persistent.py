"""Indexes backed by the SQLite state file, and the store that hands them out.

:class:`PersistentIndex` is an :class:`~workers_env.vectorize.index.Index` whose mutations commit to
SQLite first (one transaction each) and then apply to memory, and whose :meth:`refresh`
picks up what other processes committed: ``PRAGMA data_version`` says whether anything
changed at all (one cheap query), and the per-row write ``seq`` plus tombstones for deletes
say what, so catching up costs O(changes). The numpy core is rebuilt from the file on open.

:func:`open_state` is the entry point for ``load_env(persist_to=...)``, ``workers-env dev``
and the ``workers-env vectorize`` commands.
"""

from __future__ import annotations

import contextlib
import difflib
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from workers_env._errors import StateError, UnindexedFilterWarning, caller_level
from workers_env._statebeside import default_persist_to  # (its home now; here for those who import it from here)
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.core import IndexCore
from workers_env.vectorize.definitions import IndexDefinition, definition_clashes
from workers_env.vectorize.index import (
    Index,
    MetadataIndex,
    Mutation,
    VectorBatch,
    check_metadata_index_exists,
    check_new_metadata_index,
)
from workers_env.vectorize.store import (
    IndexChanges,
    IndexRecord,
    StateDB,
    VectorRows,
    WriteTxn,
    check_index_name,
    encode_metadata,
)
from workers_env.vectorize.store.snapshot import (
    SNAPSHOT_MIN_BYTES,
    read_snapshot,
    remove_snapshot,
    snapshot_path,
    write_snapshot,
)

__all__ = ["NoIndexPurpose", "PersistentIndex", "VectorizeStore", "default_persist_to", "open_state"]

NoIndexPurpose = Literal["write", "read", "delete"]
"""What a command wanted of an index the state lacks: the message's advice fits it."""


def _mutation(record: IndexRecord) -> Mutation | None:
    if record.mutation_id is None:
        return None
    return Mutation(record.mutation_id, record.mutation_time or record.modified_on)


class PersistentIndex(Index):
    """An index whose every acknowledged mutation is already durable in the state file."""

    _db: StateDB
    _uid: int
    _data_version: int | None
    _stale: bool = False
    _snapshot_seq: int | None = None  # the seq of the snapshot memory was loaded from or saved to
    _rows_since_snapshot: int = 0  # rows written or deleted after that snapshot

    @classmethod
    def load(cls, db: StateDB, name: str) -> PersistentIndex:
        """Read an index from the state file into memory; :class:`StateError` if absent."""
        index = cls(name=name, definition=IndexDefinition(dimensions=1, metric="cosine"))
        index._db = db
        index._reload()
        return index

    # -- loading ---------------------------------------------------------------------------
    def _reload(self) -> None:
        """Rebuild everything from the file (first open, or the index was recreated).

        From the index's snapshot if it has a valid one (then only the writes committed
        after it are read from SQLite), else from every stored row.
        """
        # Read data_version first: a commit after this point makes the next refresh look.
        data_version = self._db.data_version()
        record = self._db.find_index(self.name)
        if record is None:
            self._data_version = None
            raise _no_index(self.name, self._db)
        snap = None
        if self._db.snapshots:
            snap = read_snapshot(snapshot_path(self._db.path, record.id), uid=record.uid, index_id=record.id,
                                 max_seq=record.seq, dimensions=record.dimensions, metric=record.metric)
        changes = None if snap is None else self._db.changes_since(record.uid, snap.seq)
        self._stale = True  # until the rebuild below completes
        if snap is None or changes is None:
            loaded = self._db.load_index(self.name)
            if loaded is None:
                self._data_version = None
                raise _no_index(self.name, self._db)
            record, rows = loaded
            self._start(record)
            self.core.adopt(rows.ids, rows.values, rows.namespaces, rows.metadata, rows.seqs)
            for mi in record.metadata_indexes:
                self._add_metadata_index(MetadataIndex(mi.property, mi.type, mi.created_seq))
            self.seq = record.seq
            self.last_mutation = _mutation(record)
            self._snapshot_seq = None
        else:
            self._start(record)
            self.core.adopt(snap.ids, snap.values, snap.namespaces, snap.metadata, snap.seqs, sqnorms=snap.sqnorms)
            self.seq = snap.seq
            self._rows_since_snapshot = 0
            self._catch_up(changes)  # the writes after the snapshot, and the metadata indexes
            self._snapshot_seq = snap.seq
        self._stale = False
        self._data_version = data_version

    def _start(self, record: IndexRecord) -> None:
        """An empty core and the identity of ``record``."""
        self.definition = record.definition()
        self.id = record.id
        self.created_on = record.created_on
        self.limits = _limits.API_LIMITS[record.version]
        self.core = IndexCore(record.dimensions, record.metric)
        self.metadata_indexes = {}
        self._uid = record.uid

    def save_snapshot(self) -> bool:
        """Write a snapshot of memory for the next open, if the index is big enough for it to
        matter and has none, or one that more than 2% of its rows changed since (fewer are
        cheap to catch up on from SQLite, and rewriting gigabytes on every close is not).
        False when nothing was written (also when the folder cannot be written: a snapshot
        is only ever a cache)."""
        with self.lock:
            core = self.core
            n = len(core)
            if not self._db.snapshots or self._db.read_only is not None or self._stale or self.seq == self._snapshot_seq \
                    or n * core.dimensions * 4 < SNAPSHOT_MIN_BYTES:
                return False
            if self._snapshot_seq is not None and self._rows_since_snapshot * 50 < n:
                return False
            try:
                write_snapshot(
                    snapshot_path(self._db.path, self.id), uid=self._uid, index_id=self.id, seq=self.seq,
                    dimensions=core.dimensions, metric=core.metric, ids=core._ids, values=core._vectors[:n],
                    namespaces=core.namespaces_of(range(n)), metadata=core._metadata, seqs=core._seq[:n],
                    sqnorms=core._sqnorms[:n],
                )
            except OSError:
                return False
            self._snapshot_seq = self.seq
            self._rows_since_snapshot = 0
            return True

    def _upsert_rows(self, rows: VectorRows) -> None:
        """Put stored rows into the core, each with the seq of the write that stored it."""
        if not len(rows):
            return
        self.core.upsert(rows.ids, rows.values, rows.namespaces, rows.metadata, seq=rows.seqs)

    def _catch_up(self, changes: IndexChanges) -> None:
        """Apply what other processes committed after ``self.seq``."""
        record = changes.record
        self._rows_since_snapshot += len(changes.deleted) + len(changes.upserted)
        if changes.deleted:
            self.core.delete(changes.deleted)
        wanted = {m.property: MetadataIndex(m.property, m.type, m.created_seq) for m in changes.metadata_indexes}
        for prop, mi in list(self.metadata_indexes.items()):
            if wanted.get(prop) != mi:
                self._drop_metadata_index(prop)
        self._upsert_rows(changes.upserted)
        for prop, mi in wanted.items():
            if prop not in self.metadata_indexes:
                self._add_metadata_index(mi)
        self.seq = record.seq
        self.last_mutation = _mutation(record)

    # -- Index API -------------------------------------------------------------------------
    @property
    def state_path(self) -> Path:
        return self._db.path

    def refresh(self) -> None:
        """Pick up writes other processes committed since we last looked (O(changes))."""
        with self.lock:
            data_version = self._db.data_version()
            if data_version == self._data_version:
                return
            changes = None if self._stale else self._db.changes_since(self._uid, self.seq)
            if changes is None:  # deleted (perhaps recreated under the same name), or memory is stale
                try:
                    self._reload()
                except StateError:
                    if self._stale:
                        raise
                    raise StateError(
                        f"index {self.name!r} was deleted from {self._db.path} by another process"
                    ) from None
                return
            if changes.record.seq != self.seq:
                self._mark_stale_on_failure(lambda: self._catch_up(changes))
            self._data_version = data_version

    def _in_txn(self, txn: WriteTxn) -> None:
        """Inside the write lock: catch up with anything committed since our last look."""
        if self._stale:
            raise StateError(
                f"index {self.name!r}: memory is out of step with {self._db.path} after an earlier "
                "failure; call refresh() to reload it"
            )
        if txn.record.seq != self.seq:
            self._mark_stale_on_failure(lambda: self._catch_up(txn.changes_since(self.seq)))

    def write(self, upserts: VectorBatch | None = None, deletes: Sequence[str] = (), *,
              only_new: bool = False, check: Callable[[VectorBatch], None] | None = None) -> Mutation:
        """Commit upserts then deletes as one transaction, then apply them to memory.

        With ``only_new`` the ids another process stored since our last look are dropped
        inside the write lock, so an insert never overwrites them; ``check`` runs there
        too, after catching up, so limits hold across processes writing at once.
        """
        with self.lock:
            mutation = Mutation.new()
            with self._db.write_txn(self._uid, self.name) as txn:
                self._in_txn(txn)
                if only_new and upserts is not None:
                    self._keep_new(upserts)
                if check is not None and upserts is not None:
                    check(upserts)
                metadata_json = [encode_metadata(m) for m in upserts.metadata] if upserts is not None else []
                if upserts is not None and len(upserts):
                    txn.put_vectors(upserts.ids, upserts.values, upserts.namespaces, metadata_json)
                if deletes:
                    txn.delete_vectors(list(deletes))
                txn.finish(mutation.id, mutation.at)
                seq = txn.seq
            self._after_commit(seq, mutation, lambda: self._apply(upserts, deletes, seq))
            self._rows_since_snapshot += (len(upserts) if upserts is not None else 0) + len(deletes)
            return mutation

    def create_metadata_index(self, property_name: str, type_: str) -> Mutation:
        """Commit a new metadata index; vectors written before it stay out until rewritten."""
        with self.lock:
            mutation = Mutation.new()
            with self._db.write_txn(self._uid, self.name) as txn:
                self._in_txn(txn)
                self.check_new_metadata_index(property_name, type_)
                txn.add_metadata_index(property_name, type_)
                txn.finish(mutation.id, mutation.at)
                seq = txn.seq
            self._after_commit(
                seq, mutation, lambda: self._add_metadata_index(MetadataIndex(property_name, type_, created_seq=seq))
            )
            return mutation

    def delete_metadata_index(self, property_name: str) -> Mutation:
        """Commit the removal of a metadata index; an error if there is none."""
        with self.lock:
            mutation = Mutation.new()
            with self._db.write_txn(self._uid, self.name) as txn:
                self._in_txn(txn)
                self.check_metadata_index_exists(property_name)
                txn.drop_metadata_index(property_name)
                txn.finish(mutation.id, mutation.at)
                seq = txn.seq
            self._after_commit(seq, mutation, lambda: self._drop_metadata_index(property_name))
            return mutation

    def _after_commit(self, seq: int, mutation: Mutation, apply: Callable[[], None]) -> None:
        self._mark_stale_on_failure(apply)
        self.seq = seq
        self.last_mutation = mutation

    def _mark_stale_on_failure(self, apply: Callable[[], None]) -> None:
        """Run ``apply``; if it fails, memory may be half-updated: rebuild it on the next refresh."""
        try:
            apply()
        except BaseException:
            self._stale = True
            self._data_version = None
            raise


class VectorizeStore:
    """The persisted indexes under one state root; one connection, one live index per name."""

    def __init__(self, persist_to: str | Path, *, create: bool = True):
        self.persist_to = Path(persist_to)
        self.db = StateDB.open(self.persist_to, create=create)
        self._open: dict[str, PersistentIndex] = {}
        self._lock = threading.RLock()  # around ``_open``: threads may open indexes at once

    @property
    def path(self) -> Path:
        """The state file."""
        return self.db.path

    def close(self) -> None:
        """Snapshot the big indexes that changed (so the next open is fast), then close."""
        with self._lock:
            for index in self._open.values():
                with contextlib.suppress(StateError):
                    index.save_snapshot()
            self._open.clear()
            self.db.close()

    def __enter__(self) -> VectorizeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- definitions and records ------------------------------------------------------------
    def get_index(self, name: str) -> IndexDefinition | None:
        """The persisted definition of ``name`` (third in load_env's precedence), or ``None``."""
        record = self.db.find_index(name)
        return None if record is None else record.definition()

    get_definition = get_index

    def record(self, name: str) -> IndexRecord | None:
        return self.db.find_index(name)

    def require(self, name: str, *, purpose: NoIndexPurpose = "write") -> IndexRecord:
        """The record of ``name``, or a :class:`StateError` saying it does not exist (and, when
        the state holds no index, what fits ``purpose``: see :func:`_no_index`)."""
        record = self.db.find_index(name)
        if record is None:
            raise _no_index(name, self.db, purpose)
        return record

    def list_indexes(self) -> list[IndexRecord]:
        return self.db.list_indexes()

    def create_index(self, name: str, definition: IndexDefinition) -> IndexRecord:
        """Create an empty index; :class:`StateError` if the name is taken."""
        return self.db.create_index(name, definition)

    def delete_index(self, name: str) -> bool:
        """Delete an index and its vectors; False if there was none."""
        with self._lock:
            self._open.pop(name, None)
            record = self.db.find_index(name)
            deleted = self.db.delete_index(name)
            if record is not None:
                remove_snapshot(snapshot_path(self.db.path, record.id))
            return deleted

    # -- metadata indexes without loading vectors ------------------------------------------
    def create_metadata_index(self, name: str, property_name: str, type_: str) -> Mutation:
        """Add a metadata index to a stored v2 index (vectors already stored stay out of it).

        Works on the file directly, so no vectors are loaded; live indexes in this or other
        processes pick it up on their next refresh.
        """
        record = self.require(name)
        mutation = Mutation.new()
        with self.db.write_txn(record.uid, name) as txn:
            check_new_metadata_index(name, txn.record.version, txn.record.metadata_index_types(), property_name, type_)
            txn.add_metadata_index(property_name, type_)
            txn.finish(mutation.id, mutation.at)
        return mutation

    def delete_metadata_index(self, name: str, property_name: str) -> Mutation:
        """Remove a metadata index from a stored index, without loading its vectors."""
        record = self.require(name)
        mutation = Mutation.new()
        with self.db.write_txn(record.uid, name) as txn:
            check_metadata_index_exists(name, txn.record.version, txn.record.metadata_index_types(), property_name)
            txn.drop_metadata_index(property_name)
            txn.finish(mutation.id, mutation.at)
        return mutation

    def count_vectors(self, name: str) -> int:
        """How many vectors a stored index holds (one SQL count, no loading)."""
        return self.db.count_vectors(self.require(name).uid)

    def list_vector_ids(self, name: str, *, after: str | None, limit: int) -> tuple[list[str], int, bool]:
        """A page of ids in code-point order after ``after``: ``(ids, total, more_follow)``."""
        return self.db.list_vector_ids(self.require(name).uid, after=after, limit=limit)

    # -- live indexes -----------------------------------------------------------------------
    def open_index(self, name: str, definition: IndexDefinition | None = None) -> PersistentIndex:
        """The live index ``name``, loaded from the file (created first if ``definition`` is given).

        A ``definition`` that disagrees with the stored index on dimensions, metric or API
        version is a :class:`StateError`; metadata indexes it names that the stored index
        lacks are created now (so vectors already stored are not in them, as on the service).
        """
        check_index_name(name)
        with self._lock:
            return self._open_index(name, definition)

    def _open_index(self, name: str, definition: IndexDefinition | None) -> PersistentIndex:
        index = self._open.get(name)
        if index is not None:
            index.refresh()
        else:
            if definition is not None and self.db.find_index(name) is None:
                try:
                    self.db.create_index(name, definition)
                except StateError:
                    if self.db.find_index(name) is None:  # not a lost creation race
                        raise
            index = PersistentIndex.load(self.db, name)
            self._open[name] = index
        if definition is not None:
            self._reconcile(index, definition)
        return index

    def _reconcile(self, index: PersistentIndex, definition: IndexDefinition) -> None:
        clashes = definition_clashes(definition, index.definition, held_as="stored", advise=True)
        if clashes:
            raise StateError(
                f"index {index.name!r} in {self.db.path} does not match its definition: "
                + ", ".join(clashes)
                + f"; delete it ({_limits.delete_command(index.name, index.definition.version)}) "
                "or fix the definition"
            )
        for prop, type_ in definition.metadata_indexes.items():
            current = index.metadata_indexes.get(prop)
            if current is None:
                held = len(index.core)
                index.create_metadata_index(prop, type_)
                if held:  # as create-metadata-index's line: the service would say nothing
                    which = f"the metadata index on {prop!r} its definition adds now (in {self.db.path})"
                    warnings.warn(_limits.vectors_predate_metadata_index(index.name, prop, held, which),
                                  UnindexedFilterWarning, stacklevel=caller_level())
            elif current.type != type_:
                raise StateError(
                    f"index {index.name!r} in {self.db.path} has a {current.type} metadata index on "
                    f"{prop!r}, but its definition asks for {type_}"
                )


def open_state(persist_to: str | Path, *, create: bool = True) -> VectorizeStore:
    """Open the persisted Vectorize state under a wrangler-style state root.

    ``persist_to`` is the folder wrangler calls ``--persist-to`` (default ``.wrangler/state``
    beside the config); the state file lives in ``<persist_to>/v3/vectorize/``. With
    ``create=False`` state not there yet reads as empty and no file or folder is made.
    """
    return VectorizeStore(persist_to, create=create)


_ELSEWHERE = ("beside the wrangler config (wrangler.jsonc, wrangler.json or wrangler.toml), else in the folder the "
              "command ran in; --persist-to names another")


def _no_index(name: str, db: StateDB, purpose: NoIndexPurpose = "write") -> StateError:
    """``no index named 'x' in <file>``, then which indexes the file holds (the nearest named),
    or, when it holds none, what fits the command: for a write (insert, upsert, a metadata index)
    the command that creates the index, for a delete that there is nothing to delete, for a read
    only where an index created elsewhere lives (creating an empty one answers no read)."""
    names = sorted(record.name for record in db.list_indexes())
    text = f"no index named {name!r} in {db.path}"
    if not names:
        if purpose == "delete":
            return StateError(f"{text}; it holds no index, so there is nothing to delete (an index created "
                              f"elsewhere is in the state it was created in: {_ELSEWHERE})")
        if purpose == "read":
            return StateError(f"{text}; it holds no index: an index created elsewhere is in the state it was "
                              f"created in ({_ELSEWHERE})")
        return StateError(f"{text}; it holds no index: create it with `workers-env vectorize create {name} "
                          f"--dimensions N --metric cosine`, or use the state it was created in ({_ELSEWHERE})")
    close = difflib.get_close_matches(name, names, n=1)
    return StateError(f"{text}; it holds: {', '.join(names)}" + (f" (did you mean {close[0]!r}?)" if close else ""))
