"""The plugin asks each fixture's value whether it is an event loop (to end the ASGI lifespans still
waiting on it before it closes): it asks the value's type, so a fixture giving a module
``importlib.util.LazyLoader`` holds back leaves it unloaded (``isinstance`` read its ``__class__``,
which ran the module: here its top level raises, and the test errored in setup)."""

from __future__ import annotations

import sys

import pytest
from worker_helpers import held_back_module


@pytest.fixture
def lazy(tmp_path, monkeypatch):
    (tmp_path / "held_back59.py").write_text("raise RuntimeError('loaded')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = held_back_module("held_back59")
    yield module
    sys.modules.pop("held_back59", None)


def test_a_lazily_held_module_given_by_a_fixture_stays_unloaded(lazy):
    assert type(lazy).__name__ == "_LazyModule"


@pytest.mark.asyncio
async def test_and_beside_pytest_asyncios_loop(lazy):
    assert type(lazy).__name__ == "_LazyModule"
