"""A persisted KV value whose file (``<persist_to>/v3/kv/<id>/blobs/<blob id>``) cannot be read --
a folder in its place, found by a sweep that damaged each state file in turn -- is a
:class:`~workers_env.StateError` naming the folder and saying what to do, in ``load_env``'s
binding and in ``workers-env kv key get`` alike; it was a bare ``IsADirectoryError``."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run_main

from workers_env import StateError, load_env

WRANGLER = 'name = "x"\ncompatibility_date = "2026-05-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'


@pytest.fixture
def damaged(project: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    root: Path = project(WRANGLER)
    monkeypatch.chdir(root)
    env = load_env(root, persist_to=".wrangler/state")
    asyncio.run(env.KV.put("k", "v"))
    env.close()
    (blob,) = (root / ".wrangler/state/v3/kv/abc/blobs").iterdir()
    blob.unlink()
    blob.mkdir()
    return root


def test_load_envs_binding_raises_a_state_error(damaged: Path) -> None:
    with load_env(damaged, persist_to=".wrangler/state") as env:
        with pytest.raises(StateError, match=r"the local KV state at .*blobs: Is a directory: .*; a stored value's "
                                             r"file cannot be read: check that it is a readable file, or delete the key"):
            asyncio.run(env.KV.get("k"))
        assert asyncio.run(env.KV.get("other")) is None  # the rest of the namespace still reads


def test_kv_key_get_prints_it_as_its_one_error(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    done = run_main(capsys, "kv", "key", "get", "k", "--binding", "KV")
    assert done.returncode == 1
    assert done.stderr.startswith("✘ [ERROR] the local KV state at ") and "Traceback" not in done.stderr
