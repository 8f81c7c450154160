"""Vectorize: the index binding (``[[vectorize]]``) on an exact numpy search core.

- ``binding`` — ``env.<BINDING>``: camelCase methods, v1/v2 result shapes;
- ``validation``, ``limits`` — turning arguments into clean data or the service's error;
  every limit and error text lives in ``limits``;
- ``results`` — shaping what a query returns;
- ``index``, ``core``, ``filters``, ``floatlists`` — the live index, its float32 matrix,
  metadata filters as numpy masks, exact float parsing;
- ``definitions`` — dimensions, metric and version, which wrangler.toml does not hold;
- ``store``, ``persistent`` — durable state in SQLite and the indexes backed by it;
- ``ndjson`` — vectors in the format ``wrangler vectorize insert --file`` takes;
- ``assembly`` — one binding per ``[[vectorize]]`` entry, for ``load_env``.

Names are imported on first use, so ``import workers_env.vectorize`` does not import numpy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workers_env.vectorize.binding import VectorizeBinding
    from workers_env.vectorize.definitions import (
        IndexDefinition,
        parse_index_definition,
    )

__all__ = ["IndexDefinition", "VectorizeBinding", "parse_index_definition"]

_LAZY = {
    "IndexDefinition": "workers_env.vectorize.definitions",
    "parse_index_definition": "workers_env.vectorize.definitions",
    "VectorizeBinding": "workers_env.vectorize.binding",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'workers_env.vectorize' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
