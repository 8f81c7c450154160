"""``-n auto`` (``addopts``) starts three xdist workers for every two cores (the root conftest's
``pytest_xdist_auto_num_workers``, trim54), rounded up, through the whole hook chain as xdist
asks it. ``PYTEST_XDIST_AUTO_NUM_WORKERS`` and ``-n logical`` are pytest-xdist's own (the count as
given, one per logical CPU): ``-n logical`` was scaled by 3/2 too (review85)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT_CONFTEST = Path(__file__).resolve().parent.parent / "conftest.py"


def count(config: pytest.Config, numprocesses: str = "auto") -> int:
    """What ``-n auto`` (or ``numprocesses``) starts: the first answer of the hook's implementations."""
    asked = SimpleNamespace(option=SimpleNamespace(numprocesses=numprocesses))
    return config.hook.pytest_xdist_auto_num_workers(config=asked)  # type: ignore[no-any-return]


@pytest.fixture
def on_cores(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("PYTEST_XDIST_AUTO_NUM_WORKERS", raising=False)
    monkeypatch.setitem(sys.modules, "psutil", None)  # (pytest-xdist counts with psutil where installed)

    def cores(n: int) -> None:
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(n)), raising=False)

    return cores


def test_the_root_conftest_answers_first(pytestconfig: pytest.Config) -> None:
    assert any(getattr(p, "__file__", None) == str(ROOT_CONFTEST) for p in pytestconfig.pluginmanager.get_plugins())


@pytest.mark.parametrize(("cores", "workers"), [(1, 2), (2, 3), (3, 5), (4, 6), (5, 8), (16, 24)])
def test_three_for_every_two_cores_rounded_up(pytestconfig: pytest.Config, on_cores, cores: int, workers: int) -> None:
    on_cores(cores)
    assert count(pytestconfig) == workers


def test_logical_and_the_variable_are_xdists_own(pytestconfig: pytest.Config, on_cores,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    on_cores(4)
    assert count(pytestconfig, "logical") == 4
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "5")
    assert count(pytestconfig) == 5
