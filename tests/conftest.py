"""Shared fixtures: a binding built through the public API on a throw-away wrangler.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from binding_helpers import make_binding_in

from workers_env import VectorizeBinding


@pytest.fixture
def make_binding(tmp_path: Path):
    """Factory: ``make_binding(dimensions=3, metric="cosine", version="v1", ...)``."""

    def make(**definition: Any) -> VectorizeBinding:
        return make_binding_in(tmp_path, **definition)

    return make
