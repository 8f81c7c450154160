"""``pyodide.__version__`` is the Pyodide of the Worker's Python release, as production's bundle
reports it (``build/python_metadata.bzl``): ``0.26.0a2`` before 2025-09-29, ``0.28.2`` from then
on or with ``python_workers_20250116``, ``314.0.4``/``314.0.6`` with ``python_workers_20260610``
/ ``python_workers_314``. workerd's own ``hello``, ``jspi`` and ``top-level-tests`` branch on
it (``if __version__ == "0.26.0a2": ...``). Outside Worker code it is 0.28.2."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker, snippet_answers

from workers_env import load_worker

ENTRY = """
from pyodide import __version__ as AT_TOP_LEVEL
import pyodide
from workers import Response

def on_fetch(request):
    return Response(AT_TOP_LEVEL + " " + pyodide.__version__)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "expected"), [
    ("2025-06-01", (), "0.26.0a2"),
    ("2025-06-01", ("python_workers_20250116",), "0.28.2"),
    ("2025-10-01", (), "0.28.2"),
    ("2025-06-01", ("python_workers_20260610",), "314.0.4"),
    ("2025-06-01", ("python_workers_314",), "314.0.6"),
])
async def test_pyodide_version_is_the_workers_release(tmp_path, date, flags, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date,
                                         flags=("disable_python_no_global_handlers", *flags)))
    response = await worker.fetch("/")
    assert await response.text() == f"{expected} {expected}"


def test_two_workers_of_different_eras_each_read_their_own(tmp_path):
    import asyncio

    old = load_worker(one_file_worker(tmp_path / "old", ENTRY, date="2025-06-01",
                                      flags=("disable_python_no_global_handlers",)))
    new = load_worker(one_file_worker(tmp_path / "new", ENTRY, date="2025-10-01",
                                      flags=("disable_python_no_global_handlers",)))

    async def both() -> list[str]:
        return [await (await w.fetch("/")).text() for w in (old, new, old)]

    assert asyncio.run(both()) == ["0.26.0a2 0.26.0a2", "0.28.2 0.28.2", "0.26.0a2 0.26.0a2"]


def test_a_name_pyodide_lacks_is_pythons_attribute_error(tmp_path):
    assert snippet_answers(tmp_path, ["import pyodide\npyodide.no_such_name",
                                      "import pyodide.http\npyodide.http.no_such_name"], "2025-10-01") == [
        "AttributeError: module 'pyodide' has no attribute 'no_such_name'",
        "AttributeError: module 'pyodide.http' has no attribute 'no_such_name'"]
