"""README's "Embedding models" table names every embedding model of the catalog, with its
dimensions, pooling, texts-per-call limit and input window, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from workers_env.ai.catalog import EMBEDDING_MODELS

README = Path(__file__).resolve().parent.parent / "README.md"


def _rows() -> dict[str, list[str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Embedding models", 1)[1].split("\n### ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\| `(@[^`]+)` \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


def test_the_table_is_every_embedding_model_with_its_dimensions_pooling_and_batch():
    rows = _rows()
    assert list(rows) == list(EMBEDDING_MODELS)
    for name, model in EMBEDDING_MODELS.items():
        dimensions, result, pooling, per_call, _each, window = rows[name]
        assert int(dimensions) == model.dimensions, name
        assert ("pooling" in result) == (model.pooling is not None), name
        assert all(f'"{choice}"' in pooling for choice in model.pooling_choices), name
        assert (f"≤ {model.max_items}" in per_call) if model.max_items else ("no limit" in per_call), name
        assert window == (f"{model.max_input_tokens:,} tokens" if model.max_input_tokens else "not published"), name
