"""Shared helpers for the benchmark and the exactness check: a throwaway wrangler config
and an ``env`` with one index bound as ``IDX``."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from workers_env import load_env

_WRANGLER = """\
name = "workers-env-bench"
main = "worker.py"
compatibility_date = "2026-05-01"  # the external SDK era: plain Python values in, JsDict out
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "IDX"
index_name = "idx"
"""

_TMP = tempfile.TemporaryDirectory(prefix="workers-env-bench-")
_CONFIG = Path(_TMP.name) / "wrangler.toml"
_CONFIG.write_text(_WRANGLER)


def make_env(dimensions: int, metric: str, *, version: str = "v2",
             metadata_indexes: dict[str, str] | None = None) -> Any:
    """A fresh in-memory ``env`` whose ``env.IDX`` is an empty index of this shape."""
    definition: dict[str, Any] = {"dimensions": dimensions, "metric": metric, "version": version}
    if metadata_indexes:
        definition["metadata_indexes"] = metadata_indexes
    return load_env(_CONFIG, indexes={"idx": definition})
