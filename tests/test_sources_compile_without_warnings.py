"""Every module of the package compiles without a warning: an invalid escape such as ``\\ s`` in a
docstring is a DeprecationWarning on 3.11 and a SyntaxWarning from 3.12, shown to users at import."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import workers_env

PACKAGE = Path(workers_env.__file__).parent
SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_the_package_has_sources() -> None:
    assert len(SOURCES) > 100


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_compiles_without_a_warning(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # dont_inherit: each module compiled with its own __future__ imports only, as at import --
        # not also with this file's `annotations` (the modules without it have their annotations
        # compiled as code when imported, so here too)
        compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
