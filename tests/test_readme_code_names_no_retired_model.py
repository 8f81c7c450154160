"""No code README or docs/*.md shows -- nor the example Worker's files -- names a model Cloudflare retired:
copied, it would answer 5028 (a ``[tool.workers-env.ai.replies]`` entry for one is a
ConfigError). The retired list itself is README prose; a block of error output (the 5028 texts,
which name the retired model) is no code to copy."""

from __future__ import annotations

import re
from pathlib import Path

from workers_env.ai.catalog import DEPRECATED_MODELS

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"@(?:cf|hf)/[\w.-]+/[\w.-]+")


def _code_blocks(text: str) -> list[str]:
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)
    return [b for b in blocks if not all(re.match(r"\w+Error: ", line) for line in b.splitlines())]


def test_readme_code_blocks_name_only_active_models():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    blocks = [block for page in pages for block in _code_blocks(page.read_text(encoding="utf-8"))]
    named = {name for block in blocks for name in NAME.findall(block)}
    assert "@cf/meta/llama-3.1-8b-instruct-fast" in named  # the scan sees README's models
    assert sorted(named & set(DEPRECATED_MODELS)) == []


def test_the_example_worker_names_only_active_models():
    files = [p for p in (ROOT / "example_worker").rglob("*") if p.is_file() and p.suffix in {".py", ".md", ".toml"}]
    named = {name for p in files for name in NAME.findall(p.read_text(encoding="utf-8"))}
    assert named and sorted(named & set(DEPRECATED_MODELS)) == []
