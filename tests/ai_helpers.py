"""Shared by the Workers AI tests: a project with ``[ai] binding = "AI"`` and an env on it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from workers_env import load_env

WRANGLER = """\
name = "ai-test"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[ai]
binding = "AI"
"""


def ai_env(folder: Path, **options: Any) -> Any:
    """An env whose ``env.AI`` is the Workers AI binding (``load_env`` options pass through)."""
    if not (folder / "wrangler.toml").exists():
        (folder / "wrangler.toml").write_text(WRANGLER)
    return load_env(folder, **options)


def run(env: Any, model: Any, inputs: Any = None, options: Any = None) -> Any:
    """``await env.AI.run(model, inputs[, options])`` from synchronous test code."""
    args = (model, inputs) if options is None else (model, inputs, options)
    return asyncio.run(env.AI.run(*args))
