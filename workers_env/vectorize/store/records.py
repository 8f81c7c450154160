"""Plain data read from and written to the state file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workers_env._jsontext import compact_json
from workers_env.vectorize.definitions import IndexDefinition

__all__ = [
    "IndexChanges",
    "IndexRecord",
    "MetadataIndexRecord",
    "VectorRows",
    "encode_metadata",
]


@dataclass(frozen=True)
class MetadataIndexRecord:
    """A v2 metadata index: vectors written after ``created_seq`` are in it."""

    property: str
    type: str
    created_seq: int


@dataclass(frozen=True)
class IndexRecord:
    """One index's row: identity, definition and the head of its write log."""

    uid: int
    id: str
    name: str
    dimensions: int
    metric: str
    version: str
    description: str | None
    preset: str | None
    created_on: str
    modified_on: str
    seq: int
    mutation_id: str | None
    mutation_time: str | None
    metadata_indexes: tuple[MetadataIndexRecord, ...] = ()

    def metadata_index_types(self) -> dict[str, str]:
        """Indexed property -> its type."""
        return {m.property: m.type for m in self.metadata_indexes}

    def definition(self) -> IndexDefinition:
        return IndexDefinition(
            dimensions=self.dimensions,
            metric=self.metric,
            version=self.version,
            metadata_indexes=self.metadata_index_types(),
            description=self.description,
            preset=self.preset,
        )


@dataclass
class VectorRows:
    """Stored vectors, columnar: ``values`` is ``(n, dimensions)`` float32."""

    ids: list[str]
    values: np.ndarray
    namespaces: list[str | None]
    metadata: list[dict[str, Any]]
    seqs: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class IndexChanges:
    """What changed in an index after some write seq: apply ``deleted`` then ``upserted``."""

    record: IndexRecord
    deleted: list[str]
    upserted: VectorRows
    metadata_indexes: tuple[MetadataIndexRecord, ...] = field(default_factory=tuple)



def encode_metadata(metadata: Mapping[str, Any] | None) -> str | None:
    """Compact JSON of a vector's metadata; ``None`` for none or ``{}``."""
    return compact_json(metadata) if metadata else None

