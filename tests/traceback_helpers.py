"""Shared by the traceback tests: a pytester project (one Worker with a v2 Vectorize index) whose
tests fail, and the failure section of one test in pytest's output."""

from __future__ import annotations

import textwrap

import pytest

WRANGLER = """\
name = "tb"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]
[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"
"""


def traceback_project(pytester: pytest.Pytester, entry: str, tests: str) -> pytest.Pytester:
    """The project: ``src/entry.py`` is ``entry``, ``test_tb.py`` is ``tests`` (dedented)."""
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.path.joinpath("pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
        '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n')
    pytester.path.joinpath("src").mkdir()
    pytester.path.joinpath("src", "entry.py").write_text(entry)
    pytester.makepyfile(test_tb=textwrap.dedent(tests))
    return pytester


def section(out: str, name: str) -> str:
    """The failure section of test ``name`` in pytest's output."""
    start = out.index(f"_ {name} _")
    end = out.find("\n___", start + 1)
    return out[start:] if end < 0 else out[start:end]
