"""Where wrangler dev 4.164.0 warns of a Vectorize binding without ``remote = true`` (``▲ [WARNING]
Vectorize Index bindings do not support local development, and so parts of your Worker may not work
correctly. ...``, after the bindings table; with ``remote = false`` its ``✘ [ERROR] ... do not support
local development.`` and exit 1: measured with a JavaScript twin, leftovers46b), ``workers-env dev``
says what it does instead -- it runs the index locally -- in one line on stderr, at a warning's
level. ``remote = true`` gets the remote note, not this line."""

from __future__ import annotations

from pathlib import Path

import pytest
from dev_reload_helpers import answering, dev_printed_before_serving, python_project

LINE = ('workers-env dev: env.VEC (index "idx") runs locally, on the local state: wrangler dev has no local '
        'Vectorize (it warns "Vectorize Index bindings do not support local development" there, and refuses '
        'remote = false), workers-env emulates the index offline; deployed, the index of that name in your '
        'account answers\n')
INDEXES = ('\n[tool.workers-env.indexes.idx]\ndimensions = 2\nmetric = "cosine"\nversion = "v2"\n'
           '[tool.workers-env.indexes.other]\ndimensions = 2\nmetric = "cosine"\nversion = "v2"\n')


def _project(root: Path, vectorize: str) -> Path:
    project = python_project(root, answering("ok"), config_extra=vectorize)
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + INDEXES)
    return project


@pytest.mark.parametrize("remote", ["", "remote = false\n"])
def test_a_local_vectorize_binding_is_said_to_run_locally(tmp_path: Path, remote: str, monkeypatch) -> None:
    project = _project(tmp_path / "app", '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n' + remote)
    output, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert LINE in output and output.index(LINE) > output.index("env.VEC (idx)")  # after the table
    assert served


def test_several_are_named_in_one_line_and_remote_ones_left_to_the_remote_note(tmp_path: Path, monkeypatch) -> None:
    project = _project(tmp_path / "app", '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
                                         '[[vectorize]]\nbinding = "V2"\nindex_name = "other"\n'
                                         '[[vectorize]]\nbinding = "FAR"\nindex_name = "idx"\nremote = true\n')
    output, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert 'workers-env dev: env.VEC (index "idx"), env.V2 (index "other") run locally, on the local state' in output
    assert output.count("runs locally") + output.count("run locally") == 1
    assert "remote = true on FAR (Vectorize Index)" in output


def test_none_without_vectorize(tmp_path: Path, monkeypatch) -> None:
    plain = python_project(tmp_path / "plain", answering("ok"))
    assert "Vectorize" not in dev_printed_before_serving(plain, monkeypatch=monkeypatch)[0]
