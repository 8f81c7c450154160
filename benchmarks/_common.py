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


_AI_TMP = Path(_TMP.name) / "ai"
_AI_TMP.mkdir()
(_AI_TMP / "wrangler.toml").write_text(_WRANGLER + '\n[ai]\nbinding = "AI"\n')


def make_ai_env(dimensions: int, metric: str = "cosine") -> Any:
    """A fresh in-memory ``env`` with ``env.AI`` (Workers AI) and ``env.IDX`` (an empty v2 index)."""
    return load_env(_AI_TMP / "wrangler.toml", indexes={"idx": {"dimensions": dimensions, "metric": metric, "version": "v2"}})
