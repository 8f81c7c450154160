"""A module a pywrangler-synced ``python_modules/`` holds in any form Python imports from a
``sys.path`` folder is not said to be missing: a sourceless ``name.pyc``, an extension
``name.abi3.so``, a namespace package's folder (no ``__init__.py``), and a folder named by a
``.pth`` line -- one whose name starts with "import" too, which ``site.addsitedir`` takes as a
folder (it runs only lines starting ``import `` or ``import<tab>``). review82: a ``.pyc``-only
module and such a ``.pth`` line were said as lacking."""

from __future__ import annotations

import pytest
from test_runtime_synced_python_modules_lacking_an_import_is_said import _project

from workers_env import load_worker


def _pyc(modules, name):
    (modules / f"{name}.pyc").write_bytes(b"")


def _abi3(modules, name):
    (modules / f"{name}.abi3.so").write_bytes(b"")


def _namespace(modules, name):
    (modules / name / "part").mkdir(parents=True)


def _pth_folder(modules, name):
    (modules / "importable_libs" / name).mkdir(parents=True)
    (modules / "libs.pth").write_text("# a comment\nimport os\n\nimportable_libs\n")


@pytest.mark.parametrize("hold", [_pyc, _abi3, _namespace, _pth_folder])
def test_a_module_held_in_another_form_is_not_said(tmp_path, monkeypatch, capsys, hold):
    name = f"review82_held{hold.__name__}"
    folder = _project(tmp_path, monkeypatch, name)
    hold(folder / "python_modules", name)
    load_worker(folder)
    assert name not in capsys.readouterr().err


def test_a_pth_import_line_names_no_folder(tmp_path, monkeypatch, capsys):
    name = "review82_heldbyimport"
    folder = _project(tmp_path, monkeypatch, name)
    (folder / "python_modules" / "import review82_heldbyimport").mkdir()  # not a folder the line names
    (folder / "python_modules" / "x.pth").write_text("import review82_heldbyimport\n")
    (folder / "python_modules" / "import review82_heldbyimport" / name).mkdir()
    load_worker(folder)
    assert f"imports '{name}'" in capsys.readouterr().err
