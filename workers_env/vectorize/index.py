"""One index's live state: its definition, its search core and its mutation history.

The binding facade validates requests and calls these methods with clean, columnar data.
:class:`Index` keeps everything in memory; the persistent variant (``_persistent``)
overrides the mutating methods to commit to SQLite first and ``refresh`` to pick up
writes committed by other processes.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workers_env._clock import utc_now_iso
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.core import IndexCore
from workers_env.vectorize.definitions import IndexDefinition

__all__ = ["Index", "VectorBatch", "Mutation", "MetadataIndex", "property_path"]


def property_path(name: str) -> tuple[str, ...]:
    """``"a.b"`` addresses the nested property ``{"a": {"b": ...}}``."""
    return tuple(name.split("."))


def check_new_metadata_index(index_name: str, version: str, existing: Mapping[str, str],
                             property_name: Any, type_: Any) -> None:
    """The rules for adding a metadata index, for every index flavour and the CLI's store.

    ``existing`` maps the indexed properties to their types.
    """
    if not _limits.API_LIMITS[version].supports_metadata_indexes:
        raise _limits.metadata_indexes_unsupported(index_name, version)
    if not _limits.is_property_name(property_name):
        raise _limits.bad_metadata_index_property(property_name)
    if type_ not in _limits.METADATA_INDEX_TYPES:
        raise _limits.bad_metadata_index_type(property_name, type_)
    if property_name in existing:
        raise _limits.metadata_index_exists(index_name, property_name, existing[property_name])
    if len(existing) >= _limits.MAX_METADATA_INDEXES:
        raise _limits.too_many_metadata_indexes(index_name, len(existing))


def check_metadata_index_exists(index_name: str, version: str, existing: Mapping[str, str],
                                property_name: Any) -> None:
    """The rules for deleting a metadata index: there must be one on ``property_name``."""
    if not _limits.API_LIMITS[version].supports_metadata_indexes:
        raise _limits.metadata_indexes_unsupported(index_name, version)
    if not isinstance(property_name, str) or property_name not in existing:  # (a list is unhashable)
        raise _limits.metadata_index_missing(index_name, property_name, tuple(existing))


@dataclass
class VectorBatch:
    """Validated vectors to write, column by column; ids are unique within the batch."""

    ids: list[str]
    values: np.ndarray  # (n, dimensions) float32
    namespaces: list[str | None]
    metadata: list[dict[str, Any]]

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Mutation:
    """One applied write: its id (a UUID4 string) and when it was applied."""

    id: str
    at: str  # ISO 8601

    @classmethod
    def new(cls) -> Mutation:
        """A mutation applied now, with a fresh id."""
        return cls(str(uuid.uuid4()), utc_now_iso())


@dataclass(frozen=True)
class MetadataIndex:
    """A v2 metadata index: which property, which type, and the write sequence it began at."""

    property_name: str
    type: str
    created_seq: int


@dataclass
class Index:
    """An index held in memory. Vectors and metadata live in ``core``."""

    name: str
    definition: IndexDefinition
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_on: str = field(default_factory=utc_now_iso)
    seq: int = 0
    last_mutation: Mutation | None = None
    metadata_indexes: dict[str, MetadataIndex] = field(default_factory=dict)

    def __post_init__(self) -> None:
        #: Held around every mutation and every read that must see one state (a query and
        #: the results built from its rows): one index can be shared by threads. Reentrant,
        #: so the binding can hold it across refresh, checks and the write.
        self.lock = threading.RLock()
        self.limits = _limits.API_LIMITS[self.definition.version]
        self.core = IndexCore(self.definition.dimensions, self.definition.metric)
        for prop, type_ in self.definition.metadata_indexes.items():
            if prop not in self.metadata_indexes:
                self._add_metadata_index(MetadataIndex(prop, type_, created_seq=self.seq))

    # -- reads ------------------------------------------------------------------------------
    @property
    def dimensions(self) -> int:
        return self.definition.dimensions

    @property
    def metric(self) -> str:
        return self.definition.metric

    def refresh(self) -> None:
        """Bring memory up to date with durable state (nothing to do in memory)."""

    # -- writes ------------------------------------------------------------------------------
    def write(self, upserts: VectorBatch | None = None, deletes: Sequence[str] = (), *,
              only_new: bool = False, check: Callable[[VectorBatch], None] | None = None) -> Mutation:
        """Apply one mutation -- upserts, then deletes -- and record it.

        ``only_new`` (insert) drops from ``upserts``, in place, the ids that exist at the
        moment of writing, so the caller reads what was really written from the batch.
        ``check`` runs on the batch at that same moment (for a persisted index: inside the
        write transaction, after other processes' writes are applied) and may raise to
        write nothing -- the index's limits are checked there.
        """
        with self.lock:
            if only_new and upserts is not None:
                self._keep_new(upserts)
            if check is not None and upserts is not None:
                check(upserts)
            self.seq += 1
            mutation = Mutation.new()
            self._apply(upserts, deletes, self.seq)
            self.last_mutation = mutation
            return mutation

    def _keep_new(self, batch: VectorBatch) -> None:
        keep = [i for i, vid in enumerate(batch.ids) if vid not in self.core]
        if len(keep) != len(batch):
            batch.ids = [batch.ids[i] for i in keep]
            batch.values = batch.values[keep]
            batch.namespaces = [batch.namespaces[i] for i in keep]
            batch.metadata = [batch.metadata[i] for i in keep]

    def _apply(self, upserts: VectorBatch | None, deletes: Sequence[str], seq: int) -> None:
        if upserts is not None and len(upserts):
            self.core.upsert(upserts.ids, upserts.values, upserts.namespaces, upserts.metadata, seq=seq)
        if deletes:
            self.core.delete(deletes)

    def create_metadata_index(self, property_name: str, type_: str) -> Mutation:
        """Index ``property_name`` (v2 only); vectors already stored stay out of it until rewritten.

        Raises the error the API would give for a v1 index, an unknown type, an invalid or
        already indexed property, or an index that already has the maximum of 10.
        """
        with self.lock:
            self.check_new_metadata_index(property_name, type_)
            self.seq += 1
            self._add_metadata_index(MetadataIndex(property_name, type_, created_seq=self.seq))
            mutation = Mutation.new()
            self.last_mutation = mutation
            return mutation

    def delete_metadata_index(self, property_name: str) -> Mutation:
        """Drop the metadata index on ``property_name``; an error if there is none.

        Its column goes at once. Recreating it later starts a new, empty index: vectors
        written before the recreation are not in it until they are written again.
        """
        with self.lock:
            self.check_metadata_index_exists(property_name)
            self.seq += 1
            self._drop_metadata_index(property_name)
            mutation = Mutation.new()
            self.last_mutation = mutation
            return mutation

    def check_new_metadata_index(self, property_name: Any, type_: Any) -> None:
        """Raise the API's error if ``property_name`` cannot get a ``type_`` metadata index now."""
        check_new_metadata_index(self.name, self.limits.version, self.metadata_index_types(), property_name, type_)

    def check_metadata_index_exists(self, property_name: Any) -> None:
        """Raise the API's error if there is no metadata index on ``property_name``."""
        check_metadata_index_exists(self.name, self.limits.version, self.metadata_index_types(), property_name)

    def _add_metadata_index(self, mi: MetadataIndex) -> None:
        """Start the column of ``mi``; rows written at or before ``mi.created_seq`` stay out."""
        self.metadata_indexes[mi.property_name] = mi
        self.core.add_metadata_index(
            property_path(mi.property_name), mi.type, created_seq=mi.created_seq,
            string_bytes=_limits.MAX_INDEXED_STRING_BYTES,
        )

    def _drop_metadata_index(self, property_name: str) -> None:
        """Forget the metadata index and its column (absent ones are ignored)."""
        mi = self.metadata_indexes.pop(property_name, None)
        if mi is not None:
            self.core.drop_metadata_index(property_path(mi.property_name), mi.type)

    def metadata_index_types(self) -> Mapping[str, str]:
        return {p: mi.type for p, mi in self.metadata_indexes.items()}
