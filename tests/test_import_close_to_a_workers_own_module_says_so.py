"""A Worker's top-level import of a module no package provides, whose name is close to a module
beside the importing file (``import utlis`` beside ``utils.py``), keeps the undeclared-package
note and adds that the Worker's folder holds ``utils.py``: the import may be misspelt, and
``uv add utlis`` alone would install nothing of the Worker's, or someone else's package
(review91). A known package's import (``bs4``: beautifulsoup4) says nothing of the folder."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = "import {name}\nfrom workers import Response, WorkerEntrypoint\n"


@pytest.mark.parametrize(("name", "said"), [("utlis", True), ("bs4", False), ("zzzq", False)])
def test_a_close_module_of_the_workers_is_named(tmp_path, name, said):
    root = one_file_worker(tmp_path, ENTRY.format(name=name))
    (root / "src" / "utils.py").write_text("X = 1\n")
    (root / "src" / "bs.py").write_text("X = 1\n")
    with pytest.raises(ModuleNotFoundError) as info:
        load_worker(root)
    [note] = info.value.__notes__
    assert note.startswith(f"workers-env: no package of the Python environment workers-env runs in provides {name},")
    tail = f" The Worker's folder holds utils.py, of a name close to {name}: if the import is misspelt, correct it instead."
    assert note.endswith(tail) is said
    assert "folder holds" in note if said else "folder holds" not in note
