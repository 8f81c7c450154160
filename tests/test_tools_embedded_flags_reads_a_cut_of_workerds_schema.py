"""``tools/workerd/embedded_flags.py`` reads a workerd binary's compiled flag schema -- here from a
cut of one, so it is tested without a workerd binary.

The fixture ``workerd_1.20261201.1_compat_flags_node.bin.gz`` is the ``CompatibilityFlags`` schema
node's segment (79,632 bytes, gzipped) cut from npm ``@cloudflare/workerd-linux-64`` 1.20261201.1's
``bin/workerd`` (``workerd --version``: ``workerd 2026-12-01``; sha256 ``f830dc2a...c5194b1``;
at file offset 12,406,200) by ``python3 tools/workerd/embedded_flags.py WORKERD --cut FIXTURE``
(currency55; flags51 cut 1.20261123.1's, which lacked ``udp_ingress``, ``fetch_redirect_error`` and
``python_workers``'s implying ``python_dedicated_snapshot_keep_import_caches``).
workers-env's table equals that binary's; a table change for a newer workerd re-cuts it.

``workerd_1.20261123.1_python_releases.bin.gz`` is 849 bytes of the same binary at file offset 10,249,360:
the four bundle records workerd compiles from ``build/python_metadata.bzl`` (figures52; 1.20261201.1's name the
same Pyodides, their 314.0.6 bundle's integrity hash apart), which name the
Pyodide each Python release runs -- ``pythonSnapshotRelease`` is a Void annotation, so the schema alone
does not say it. ``--compare`` holds them to ``PYTHON_RELEASES`` too.
"""

from __future__ import annotations

import gzip
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from workers_env.config import compat

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "workerd" / "embedded_flags.py"
FIXTURE = Path(__file__).resolve().parent / "workerd_1.20261201.1_compat_flags_node.bin.gz"
RECORDS = Path(__file__).resolve().parent / "workerd_1.20261123.1_python_releases.bin.gz"


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


@pytest.fixture(scope="module")
def rows(tool):
    return tool.read_rows(str(FIXTURE))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_the_rows_are_the_schemas_fields_with_their_annotations(tool, rows) -> None:
    flags = [row for row in rows if row.enable]
    assert (len(rows), len(flags), sum(row.experimental for row in flags)) == (212, 210, 45)
    assert rows[0] == tool.Row("formDataParserSupportsFiles", "formdata_parser_supports_files",
                               "formdata_parser_converts_files_to_strings", "2021-11-03", False, False, False, False, ())
    by_flag = {row.enable: row for row in flags}
    assert by_flag["r2_public_beta_bindings"].all_dates  # $impliedByAfterDate's "all dates" annotation
    assert by_flag["python_workers_314"].implied_by == (("python_workers", "2026-09-08"),)  # one name
    assert by_flag["python_dedicated_snapshot_keep_import_caches"].implied_by == (("python_workers", "2026-12-10"),)
    assert [(row.enable, row.disable, row.date) for row in flags[-2:]] == [
        ("udp_ingress", "no_udp_ingress", "2026-12-16"), ("fetch_redirect_error", "no_fetch_redirect_error", "2026-12-22")]
    assert by_flag["nodejs_zlib"].implied_by == (("nodejs_compat", "2024-09-23"), ("nodejs_compat_v2", "2024-09-23"))
    assert [row.enable for row in rows if row.snapshot_release] == [
        "python_workers", "python_workers_development", "python_workers_20250116", "python_workers_20260610",
        "python_workers_314"]
    assert [row.field for row in rows if row.enable is None] == ["obsolete3", "obsolete63"]


def test_the_fixture_equals_workers_envs_table(tool, rows) -> None:
    assert tool.compare(rows) == []
    done = run(str(FIXTURE), "--compare")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{FIXTURE}: 210 flags, 45 experimental, 5 Python releases; 0 differences\n"


def test_a_difference_planted_in_the_table_is_reported(tool, rows, monkeypatch) -> None:
    table = list(compat._ALL_WORKERD_FLAGS)
    first = table[0]
    monkeypatch.setattr(compat, "_ALL_WORKERD_FLAGS", (first[:2] + ("2021-11-04",) + first[3:], *table[1:]))
    assert tool.compare(rows) == [
        "binary: ('formdata_parser_supports_files', 'formdata_parser_converts_files_to_strings', '2021-11-03', "
        "False, ())\n  ours:   ('formdata_parser_supports_files', 'formdata_parser_converts_files_to_strings', "
        "'2021-11-04', False, ())"]
    monkeypatch.setattr(compat, "_ALL_WORKERD_FLAGS", tuple(table[:-1]))
    assert tool.compare(rows)[-1] == ("210 flags in the binary, 209 in the table: only theirs "
                                      "['fetch_redirect_error'], only ours []")
    monkeypatch.setattr(compat, "_ALL_WORKERD_FLAGS", tuple(table))
    marked = compat.WORKERD_EXPERIMENTAL_FLAGS
    monkeypatch.setattr(compat, "WORKERD_EXPERIMENTAL_FLAGS", marked[1:])
    assert tool.compare(rows) == ["experimental flags: only the binary's ['durable_object_rename'], only ours []"]
    monkeypatch.setattr(compat, "WORKERD_EXPERIMENTAL_FLAGS", (marked[1], marked[0], *marked[2:]))
    assert tool.compare(rows) == ["experimental flags: only the binary's [], only ours [], in another order"]
    monkeypatch.setattr(compat, "WORKERD_EXPERIMENTAL_FLAGS", marked)
    monkeypatch.setattr(compat, "PYTHON_RELEASES", compat.PYTHON_RELEASES[1:])
    assert tool.compare(rows) == [
        "snapshot releases, oldest first: binary ['python_workers', 'python_workers_development', "
        "'python_workers_20250116', 'python_workers_20260610', 'python_workers_314'], ours ['python_workers', "
        "'python_workers_20250116', 'python_workers_20260610']"]


def test_a_difference_planted_in_the_bytes_is_reported_and_exits_1(tmp_path) -> None:
    data = gzip.decompress(FIXTURE.read_bytes())
    assert data.count(b"2021-11-03\0") == 1
    planted = tmp_path / "planted.bin.gz"
    planted.write_bytes(gzip.compress(data.replace(b"2021-11-03\0", b"2021-11-04\0")))
    done = run(str(planted), "--compare")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "binary: ('formdata_parser_supports_files', 'formdata_parser_converts_files_to_strings', '2021-11-04', "
        "False, ())",
        "  ours:   ('formdata_parser_supports_files', 'formdata_parser_converts_files_to_strings', '2021-11-03', "
        "False, ())",
        f"{planted}: 210 flags, 45 experimental, 5 Python releases; 1 differences"]


def test_the_cut_finds_the_node_among_other_bytes_and_takes_all_of_it_and_no_more(tmp_path) -> None:
    node = gzip.decompress(FIXTURE.read_bytes())
    node_id = node[8:16]
    decoys = (b"\x07" * 8 + node_id  # an aligned id after a word that is no root pointer
              + b"\0" * 11 + node_id + b"\0" * 5)  # an id after a zero word, but unaligned
    binary = tmp_path / "workerd"
    binary.write_bytes(decoys + node + b"\xff" * 64)
    out = tmp_path / "cut.bin.gz"
    done = run(str(binary), "--cut", str(out))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert gzip.decompress(out.read_bytes()) == node
    # the fixture is the tool's own cut: the same bytes once inflated (the gzip stream itself differs
    # with the zlib build: CPython 3.13 and 3.14's compress the same bytes otherwise), no mtime stamped
    assert out.read_bytes()[4:8] == b"\0\0\0\0" and gzip.decompress(FIXTURE.read_bytes()) == node


def test_each_release_record_names_its_pyodide(tool) -> None:
    assert tool.read_releases(str(RECORDS)) == {
        "pythonWorkers": "0.26.0a2", "pythonWorkers20250116": "0.28.2",
        "pythonWorkers20260610": "314.0.4", "pythonWorkers314": "314.0.6"}


def test_the_records_equal_python_releases_and_another_pyodide_is_a_difference(tool, rows) -> None:
    assert tool.compare(rows, tool.read_releases(str(RECORDS))) == []
    newer = gzip.decompress(RECORDS.read_bytes()).replace(b"314.0.6\0", b"314.0.8\0")
    problems = tool.compare(rows, tool.releases_in(newer))
    assert len(problems) == 1 and "'pythonWorkers314': '314.0.8'" in problems[0], problems
    assert "'pythonWorkers314': '314.0.6'" in problems[0]


def test_a_cut_of_the_schema_alone_has_no_records_to_compare(tool, rows) -> None:
    assert tool.read_releases(str(FIXTURE)) == {}
    assert tool.compare(rows, {}) == []
