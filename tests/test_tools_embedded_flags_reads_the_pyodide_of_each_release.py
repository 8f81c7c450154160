"""``tools/workerd/embedded_flags.py --compare`` holds the Pyodide each Python release's bundle record in a
workerd binary names to ``PYTHON_RELEASES`` -- here from a cut of one, so it is tested without a binary.

The fixture ``workerd_1.20261123.1_python_releases.bin.gz`` is 849 bytes (gzipped) of npm
``@cloudflare/workerd-linux-64`` 1.20261123.1's ``bin/workerd`` (sha256 ``422db7e0...``, the binary
``workerd_1.20261123.1_compat_flags_node.bin.gz`` was cut from), at file offset 10,249,360: the four
bundle records workerd compiles from ``build/python_metadata.bzl`` (figures52). ``pythonSnapshotRelease``
is a Void annotation, so the schema alone does not say which Pyodide a release runs; these records do.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "workerd" / "embedded_flags.py"
HERE = Path(__file__).resolve().parent
RECORDS = HERE / "workerd_1.20261123.1_python_releases.bin.gz"
SCHEMA = HERE / "workerd_1.20261123.1_compat_flags_node.bin.gz"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("embedded_flags", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["embedded_flags"] = module  # NamedTuple looks its module up
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["embedded_flags"]


def test_each_release_record_names_its_pyodide(tool) -> None:
    assert tool.read_releases(str(RECORDS)) == {
        "pythonWorkers": "0.26.0a2", "pythonWorkers20250116": "0.28.2",
        "pythonWorkers20260610": "314.0.4", "pythonWorkers314": "314.0.6"}


def test_the_records_equal_python_releases_and_another_pyodide_is_a_difference(tool) -> None:
    rows = tool.read_rows(str(SCHEMA))
    releases = tool.read_releases(str(RECORDS))
    assert tool.compare(rows, releases) == []
    newer = gzip.decompress(RECORDS.read_bytes()).replace(b"314.0.6\0", b"314.0.8\0")
    problems = tool.compare(rows, tool.releases_in(newer))
    assert len(problems) == 1 and "'pythonWorkers314': '314.0.8'" in problems[0], problems
    assert "'pythonWorkers314': '314.0.6'" in problems[0]


def test_a_cut_of_the_schema_alone_has_no_records_to_compare(tool) -> None:
    assert tool.read_releases(str(SCHEMA)) == {}
    assert tool.compare(tool.read_rows(str(SCHEMA)), {}) == []
