"""Shared helpers: a binding built through the public API on a throw-away wrangler.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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
    """``env.IDX`` for an index defined by ``definition`` (dimensions, metric, version ...)."""
    config = folder / "wrangler.toml"
    if not config.exists():
        config.write_text(WRANGLER_TOML)
    definition.setdefault("dimensions", 3)
    definition.setdefault("metric", "cosine")
    env = load_env(config, indexes={"idx": definition})
    return env.IDX  # type: ignore[no-any-return]


@pytest.fixture
def make_binding(tmp_path: Path):
    """Factory: ``make_binding(dimensions=3, metric="cosine", version="v1", ...)``."""

    def make(**definition: Any) -> VectorizeBinding:
        return make_binding_in(tmp_path, **definition)

    return make
