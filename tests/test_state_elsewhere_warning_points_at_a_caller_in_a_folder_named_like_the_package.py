"""The ``StateElsewhereWarning`` points at the first frame outside the workers_env package: a
caller in a folder whose name merely starts with the package's (``workers_env_extra/``, beside
it) is outside it, and the warning names that caller's file and line, not a frame further out."""

from __future__ import annotations

from pathlib import Path

import pytest

import workers_env
from workers_env import StateElsewhereWarning
from workers_env.cli import main

WRANGLER = 'name = "w"\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc123"\n'
CALLER = "from workers_env import load_env\n\n\ndef read(project):\n    load_env(project, persist_to='.wrangler/state').close()\n"


def test_a_caller_in_a_sibling_folder_named_like_the_package_is_the_one_pointed_at(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    assert main(["kv", "key", "put", "--binding", "CACHE", "greeting", "hello", "--local"]) == 0
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    caller = str(Path(workers_env.__file__).parent) + "_extra/caller.py"  # compiled under that name, not written
    namespace: dict[str, object] = {}
    exec(compile(CALLER, caller, "exec"), namespace)
    with pytest.warns(StateElsewhereWarning) as record:
        namespace["read"](tmp_path)  # type: ignore[operator]
    assert (record[0].filename, record[0].lineno) == (caller, 5)
