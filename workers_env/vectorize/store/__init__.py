"""Durable local Vectorize state in one SQLite file: indexes, vectors, metadata indexes.

Layout: ``<persist_to>/v3/vectorize/workers-env-vectorize.sqlite`` (beside Miniflare's own
``v3/<plugin>/`` folders). One database holds every index, so index names are plain column
values that never become paths, and creating, deleting or listing indexes is one
transaction that every process sees at once.

Durability: WAL journal, ``synchronous=FULL`` (a commit that returned is on disk, even
across power loss, at one fsync per write call), ``busy_timeout`` so a dev server and a CLI
command can share the file. Each write is one ``BEGIN IMMEDIATE`` transaction costing
O(batch). A file that is not ours is never touched: ``PRAGMA application_id`` and
``PRAGMA user_version`` identify it, and every SQLite failure becomes a
:class:`~workers_env._errors.StateError` that names the file.

This package knows nothing of search: it stores and returns rows; ``_persistent`` turns them
into a live in-memory index.
"""

from workers_env.vectorize.store.db import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SCHEMA_VERSION,
    StateDB,
    WriteTxn,
    peek_definition,
    peek_vector_count,
)
from workers_env.vectorize.store.names import (
    DB_FILENAME,
    MAX_INDEX_NAME_BYTES,
    check_index_name,
    state_dir,
)
from workers_env.vectorize.store.records import (
    IndexChanges,
    IndexRecord,
    MetadataIndexRecord,
    VectorRows,
    encode_metadata,
)

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "DB_FILENAME",
    "MAX_INDEX_NAME_BYTES",
    "SCHEMA_VERSION",
    "IndexChanges",
    "IndexRecord",
    "MetadataIndexRecord",
    "StateDB",
    "VectorRows",
    "WriteTxn",
    "check_index_name",
    "encode_metadata",
    "peek_definition",
    "peek_vector_count",
    "state_dir",
]
