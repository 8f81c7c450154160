"""The test suite's ``-n auto`` (root ``conftest.py``, trim54) starts three xdist workers for every
two cores, rounded up -- so one core still gets two (a third of a worker's time is waiting) -- on
pytest-xdist's own count of cores; ``PYTEST_XDIST_AUTO_NUM_WORKERS`` is left to pytest-xdist, taken
as given. audit31: rounded down, one core got one."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import xdist.plugin

ROOT_CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"


def _hook():
    spec = importlib.util.spec_from_file_location("workers_env_root_conftest", ROOT_CONFTEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pytest_xdist_auto_num_workers


@pytest.mark.parametrize(("cores", "workers"), [(1, 2), (2, 3), (3, 5), (4, 6), (8, 12)])
def test_three_workers_for_every_two_cores(monkeypatch, cores, workers):
    monkeypatch.delenv("PYTEST_XDIST_AUTO_NUM_WORKERS", raising=False)
    monkeypatch.setattr(xdist.plugin, "pytest_xdist_auto_num_workers", lambda config: cores)
    assert _hook()(config=None) == workers


def test_the_environments_count_is_pytest_xdists(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "7")
    assert _hook()(config=None) is None
