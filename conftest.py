"""Fixtures and settings for every test folder of the repository.

- ``pytester`` for the tests that run pytest itself on a generated project (the plugin's),
  which runs as a user's plain ``pytest`` even inside a pytest-xdist worker (``_plain_inner_pytest``);
- ``collect_ignore``: ``benchmarks/`` and ``example_worker/`` hold code that is run, not
  collected, so ``python3 -m pytest .`` from the root collects exactly ``tests/``;
- ``project``: a throw-away Worker project (``wrangler.toml`` and any other files) in
  ``tmp_path``, the starting point of most binding tests;
- ``make_binding``: a Vectorize binding built through the public API in such a project;
- ``d1_app``: the d1 CLI tests' project (one D1 database) as the working folder;
- ``db``: a fresh in-memory D1 binding (``env.DB``) for the D1 binding tests; a file that needs
  another (module-scoped, persisted, flagged) defines its own ``db``, which wins there;
- ``-n auto`` (``addopts``) starts three xdist workers for every two cores (:func:`pytest_xdist_auto_num_workers`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]

collect_ignore = ["benchmarks", "example_worker"]


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: three workers for every two cores, not one per core -- a third of a worker's
    time is spent waiting, not computing (a ``workers-env dev`` starting, a reload, a window in
    which something must not happen), and a third worker computes meanwhile: the whole suite on
    2 cores, back to back on a host other work loaded (4-7), took 532.6 s with 2 workers and
    425.3 s with 3 (trim54). Rounded up (one core: two; audit31 pins it). pytest-xdist's own count
    of cores is the base; its ``PYTEST_XDIST_AUTO_NUM_WORKERS`` and ``-n logical`` (one per logical
    CPU, a count the developer chose; review85) are taken as given; ``--maxprocesses`` still caps it."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS") or getattr(getattr(config, "option", None),
                                                                  "numprocesses", None) == "logical":
        return None
    from xdist.plugin import pytest_xdist_auto_num_workers as per_core

    return -(-3 * per_core(config) // 2)

from workers_env import VectorizeBinding


@pytest.fixture
def pytester(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """pytest's ``pytester``, with the xdist worker's environment hidden from the runs it makes.

    The suite runs under pytest-xdist (``addopts``); its ``PYTEST_XDIST_*`` variables would tell
    plugins in an inner run (pytest-benchmark, for one: a warning that ``-W error`` turns into
    an INTERNALERROR) that they run in a worker, which a user's own ``pytest`` run never is.
    (An override of pytest's own fixture rather than an autouse one: only the tests that take
    ``pytester`` pay for it, not each of the suite's 11,000.)
    """
    for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
        monkeypatch.delenv(name, raising=False)
    return pytester


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """``project(wrangler_toml, **files)`` writes a Worker project into ``tmp_path``.

    Keyword names are file paths with ``__`` for ``/`` and ``_DOT_`` for ``.``
    (``src__entry_DOT_py="..."``); use ``files={"src/entry.py": "..."}`` for any other name.
    Unless ``pyproject.toml`` is among them, a config of the external-SDK era gets the usual
    one (pywrangler a dev dependency: worker_helpers.typical_pyproject). Returns the folder.
    """

    def write(wrangler_toml: str, *, files: dict[str, str] | None = None, **named: str) -> Path:
        (tmp_path / "wrangler.toml").write_text(wrangler_toml)
        every = dict(files or {})
        every.update({k.replace("__", "/").replace("_DOT_", "."): v for k, v in named.items()})
        for name, text in every.items():
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
        from worker_helpers import typical_pyproject  # tests/ is on sys.path once its tests import

        return typical_pyproject(tmp_path)

    return write


@pytest.fixture
def make_binding(tmp_path: Path) -> Callable[..., VectorizeBinding]:
    """Factory: ``make_binding(dimensions=3, metric="cosine", version="v1", ...)``."""

    from binding_helpers import (
        make_binding_in,  # tests/ is on sys.path once its tests import
    )

    def make(**definition: Any) -> VectorizeBinding:
        return make_binding_in(tmp_path, **definition)

    return make


@pytest.fixture
def d1_app(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one D1 database (``DB``, ``notes-db``) as the working folder, no
    ``CLOUDFLARE_ENV``: where the ``workers-env d1`` tests start."""
    from d1_helpers import (
        D1_CLI_WRANGLER,  # tests/ is on sys.path once its tests import
    )

    root = project(D1_CLI_WRANGLER)
    monkeypatch.chdir(root)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    return root


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Any]:
    """``env.DB`` of a fresh project in ``tmp_path`` with one D1 database (d1_helpers.d1_database)."""
    from d1_helpers import d1_database  # tests/ is on sys.path once its tests import

    with d1_database(tmp_path) as binding:
        yield binding
