"""``python_modules.exclude`` is honoured as wrangler honours it: a file of the project's
``python_modules/`` that one of its globs matches (its path under ``python_modules/``, through
``glob-to-regexp`` with ``globstar``) is not uploaded, so it is not there for the Worker's code
-- ``open`` is ``FileNotFoundError``, ``os.path.exists`` false -- while the other vendored files
are (Data modules). The list replaces wrangler's default, ``["**/*.pyc"]``, which applies without
a ``[python_modules]`` table. wrangler 4.164.0's ``deploy --dry-run --outdir`` with exclude
``["**/tests/**", "**/*.pyi", "top.txt"]`` uploads ``pkg/__init__.py``, ``pkg/data.json`` and
``pkg/__pycache__/m.cpython-312.pyc`` of such a folder, not ``pkg/tests/test_a.py``,
``pkg/mod.pyi`` or ``top.txt``. workers-env read every vendored file before."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from worker_helpers import fetched_json, one_file_worker

from workers_env import load_worker
from workers_env.config.uploads import uploads_of

ENTRY = """\
    import os
    import vpkg
    from workers import Response, WorkerEntrypoint

    def read(name):
        try:
            with open(os.path.join(vpkg.HERE, name)) as f:
                return f.read().strip()
        except FileNotFoundError as e:
            return f"FileNotFoundError: {e.strerror}"

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            names = ["data.json", "tests/x.txt", "mod.pyi", "notes.bin"]
            return Response.json({"read": [read(n) for n in names],
                                  "exists": [os.path.exists(os.path.join(vpkg.HERE, n)) for n in names],
                                  "library reads": vpkg.own("tests/x.txt")})
"""

PACKAGE = """\
import os
HERE = os.path.dirname(__file__)

def own(name):
    try:
        with open(os.path.join(HERE, name)) as f:
            return f.read().strip()
    except FileNotFoundError:
        return "FileNotFoundError"
"""


@pytest.fixture(autouse=True)
def own_vpkg() -> Iterator[None]:
    """Each test imports ``vpkg`` from its own project, and leaves none behind: with its folder on
    the host's ``sys.path`` the package is shared, as an installed one is (runtime/scope.py's
    ``_owns_vendored``), so a copy an earlier test imported read that test's files -- the second
    test first, the first read the unexcluded files (the suite run in reverse order)."""
    sys.modules.pop("vpkg", None)
    yield
    sys.modules.pop("vpkg", None)


def _project(tmp_path, monkeypatch, extra=""):
    """A project vendoring ``vpkg`` in ``python_modules/``, that folder on ``sys.path`` (as
    ``PYTHONPATH=python_modules``: the Worker imports the vendored copy, whose files it reads)."""
    root = one_file_worker(tmp_path, ENTRY, extra=extra)
    pkg = root / "python_modules" / "vpkg"
    (pkg / "tests").mkdir(parents=True)
    (pkg / "__init__.py").write_text(PACKAGE)
    (pkg / "data.json").write_text("{}\n")
    (pkg / "tests" / "x.txt").write_text("t\n")
    (pkg / "mod.pyi").write_text("s\n")
    (pkg / "notes.bin").write_text("b\n")
    monkeypatch.syspath_prepend(str(root / "python_modules"))
    return root


def _missing(name, glob):
    return (f"FileNotFoundError: No such file or directory once deployed (wrangler would not upload "
            f"'python_modules/vpkg/{name}': the config's python_modules.exclude '{glob}' leaves it out)")


@pytest.mark.asyncio
async def test_an_excluded_vendored_file_is_not_there(tmp_path, monkeypatch):
    worker = load_worker(_project(tmp_path, monkeypatch, '\n[python_modules]\nexclude = ["**/tests/**", "**/*.pyi"]\n'))
    assert await fetched_json(worker, "/") == {
        "read": ["{}", _missing("tests/x.txt", "**/tests/**"), _missing("mod.pyi", "**/*.pyi"), "b"],
        "exists": [True, False, False, True],
        "library reads": "FileNotFoundError",  # the vendored library's own read: production has no such file either
    }


@pytest.mark.asyncio
async def test_without_the_table_only_pyc_files_are_left_out(tmp_path, monkeypatch):
    worker = load_worker(_project(tmp_path, monkeypatch))
    assert await fetched_json(worker, "/") == {
        "read": ["{}", "t", "s", "b"], "exists": [True, True, True, True], "library reads": "t"}


@pytest.mark.parametrize("section, left_out", [
    (None, True),  # no table: wrangler's default ["**/*.pyc"]
    ({}, False),  # a table without exclude: nothing left out
    ({"exclude": []}, False),
])
def test_a_table_without_exclude_leaves_nothing_out(tmp_path, section, left_out):
    """wrangler 4.164.0 takes a ``[python_modules]`` table without ``exclude`` as it is, ``{}``: its
    validator returns false for it without a diagnostic and ``inheritable`` ignores that (so
    ``workers-env validate`` says nothing either: ``tools/wrangler/config_diff.py``'s
    ``python-modules-no-exclude``), and ``findAdditionalModules``' ``pythonModulesExcludes = []``
    default leaves nothing out -- ``deploy --dry-run --outdir`` uploads a vendored ``.pyc`` as with
    ``exclude = []``; ``wrangler dev`` passes the same undefined list on. Without the table the
    default leaves it out. (Only ``.pyc`` files tell the two apart, and the Worker's reads of a
    ``.pyc`` are not judged -- the import system reads them -- so this is the uploads' own answer.)"""
    main = tmp_path / "src" / "entry.py"
    merged = {} if section is None else {"python_modules": section}
    uploads = uploads_of(merged, tmp_path, main)
    missing = uploads.vendored_missing(str(tmp_path / "python_modules" / "pkg" / "x.pyc"))
    assert (missing == "wrangler would not upload 'python_modules/pkg/x.pyc': the config's python_modules.exclude "
            "'**/*.pyc' leaves it out (wrangler's default without a [python_modules] table)") if left_out else missing is None
