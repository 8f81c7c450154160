"""Helpers shared by the test files: a binding built through the public API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workers_env import VectorizeBinding, load_env

WRANGLER_TOML = """\
name = "tests"
main = "src/entry.py"
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "IDX"
index_name = "idx"
"""


def make_binding_in(folder: Path, **definition: Any) -> VectorizeBinding:
    """``env.IDX`` for an index defined by ``definition`` (dimensions, metric, version ...).

    Each call loads a fresh env, so the index starts empty.
    """
    (folder / "wrangler.toml").write_text(WRANGLER_TOML)
    definition.setdefault("dimensions", 3)
    definition.setdefault("metric", "cosine")
    env = load_env(folder / "wrangler.toml", indexes={"idx": definition})
    return env.IDX  # type: ignore[no-any-return]
