"""The entry-point base classes and ``self.env`` are named as production names them: the built-in
SDK defines ``WorkerEntrypoint``, ``DurableObject``, ``WorkflowEntrypoint`` and the ``_EnvWrapper``
that ``self.env`` is in ``workers._workers`` (workerd's ``_workers.py``), as
``workers-runtime-sdk`` did until 1.6.3; from 1.6.4 (workers-py 988167b) they are
``workers.entrypoints`` and ``workers.rpc``. A Worker that logs ``self.env``
(``print("env:", self.env)``, as squary13/bookingapp's D1 helpers do) writes
``<workers._workers._EnvWrapper object at 0x...>`` deployed; a Worker's own subclass keeps its
module. The built-in SDK's base classes declare no class annotations, so
``typing.get_type_hints`` of a Worker's entrypoint class finds none there (it would look them up
in a module that production names and no local module is)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
import typing

from workers import DurableObject, Response, WorkerEntrypoint, WorkflowEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "classes": [repr(WorkerEntrypoint), repr(DurableObject), repr(WorkflowEntrypoint)],
            "env": [type(self.env).__module__, type(self.env).__qualname__, repr(self.env), str(self.env)],
            "mine": [type(self).__module__, repr(self).split(" ")[0]],
            "hints": sorted(typing.get_type_hints(Default)),
        })

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize(("date", "vendored", "entrypoints", "rpc"), [
    ("2025-08-13", None, "workers._workers", "workers._workers"),  # built-in SDK, Pyodide 0.26
    ("2025-10-01", None, "workers._workers", "workers._workers"),  # built-in SDK, Pyodide 0.28
    ("2026-05-01", "1.6.3", "workers._workers", "workers._workers"),  # before the move
    ("2026-05-01", "1.6.4", "workers.entrypoints", "workers.rpc"),  # from 1.6.4
    ("2026-05-01", None, "workers.entrypoints", "workers.rpc"),  # the newest
])
def test_entrypoint_classes_and_env_are_named_as_in_production(
        tmp_path: Path, date: str, vendored: str | None, entrypoints: str, rpc: str) -> None:
    folder = one_file_worker(tmp_path, WORKER, date=date)
    if vendored is not None:
        (folder / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
    got = json_answer(folder, "/")
    assert got["classes"] == [f"<class '{entrypoints}.{name}'>"
                              for name in ("WorkerEntrypoint", "DurableObject", "WorkflowEntrypoint")]
    module, qualname, shown, printed = got["env"]
    assert (module, qualname) == (rpc, "_EnvWrapper")
    assert re.fullmatch(rf"<{re.escape(rpc)}\._EnvWrapper object at 0x[0-9a-f]+>", shown)
    assert printed == shown
    assert got["mine"] == ["entry", "<entry.Default"]
    if entrypoints == "workers._workers" and vendored is None:  # the built-in SDK
        assert got["hints"] == []
