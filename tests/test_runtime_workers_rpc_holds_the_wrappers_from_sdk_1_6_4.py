"""``workers.rpc`` holds the SDK's wrapper classes only from the release that moved them there:
workers-runtime-sdk 1.5.2's ``rpc.py`` (workers-py 1d5f751) held ``JsDict`` and the converters, the
wrappers stayed in ``_workers.py`` until 1.6.4 (workers-py 988167b), and ``_RpcStubWrapper`` came with
1.6.5 (#160) -- read in the 1.6.3, 1.6.4 and 1.9.5 wheels and the tags. Before, ``from workers.rpc
import _BindingWrapper`` fails as Python's import of a missing name does."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for name in ("_BindingWrapper", "_FetcherWrapper", "_EnvWrapper", "_RpcStubWrapper", "JsDict"):
            try:
                exec(f"from workers.rpc import {name}")
                out.append("ok")
            except ImportError as e:
                out.append(str(e))
        return Response.json(out)
"""


@pytest.mark.parametrize(("sdk", "moved", "stub"), [("1.6.3", False, False), ("1.6.4", True, False),
                                                    ("1.6.5", True, True)])
def test_the_wrappers_are_in_workers_rpc_from_1_6_4(tmp_path: Path, sdk: str, moved: bool, stub: bool) -> None:
    folder = one_file_worker(tmp_path, WORKER, date="2026-05-01")
    (folder / "python_modules" / f"workers_runtime_sdk-{sdk}.dist-info").mkdir(parents=True)
    got = json_answer(folder, "/")
    assert got[-1] == "ok"  # JsDict: rpc.py's from 1.5.2
    for name, answer in zip(("_BindingWrapper", "_FetcherWrapper", "_EnvWrapper"), got[:3], strict=True):
        assert answer == "ok" if moved else answer == (
            f"module 'workers.rpc' has no attribute '{name}' (it came with workers-runtime-sdk 1.6.4; "
            f"this Worker runs {sdk})")
    assert (got[3] == "ok") is stub
