"""The external SDK's wrappers got ``__new__ = _idempotent_new`` in workers-runtime-sdk 1.5.2
(workers-py #131): the 1.5.2 tag's ``_workers.py`` defines ``_idempotent_new`` and gives it to
``_BindingWrapper`` (so ``_FetcherWrapper``), ``_EnvWrapper`` and the Workflow step wrapper; the
1.5.1 tag's has none (a plain ``__init__``). So at 1.5.1 wrapping a binding wrapper again makes a
new one and ``copy.copy`` of one recurses in its ``__getattr__`` (``RecursionError``); from 1.5.2
wrapping gives it back and a copy is ``_idempotent_new``'s ``TypeError``. The boundary itself:
``test_sdk_wrappers_copy_as_the_sdks_idempotent_new.py`` runs 1.6.3 and later (audit32)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

EXTRA = """
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000001"

[[services]]
binding = "SVC"
service = "other"
"""

WORKER = """
import copy
from workers import Response, WorkerEntrypoint


def attempt(f):
    try:
        return type(f()).__name__
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({name: [attempt(lambda: copy.copy(value)), type(value)(value) is value]
                              for name, value in (("SVC", self.env.SVC), ("DB", self.env.DB))})
"""


class Stub:
    async def fetch(self, resource, init=None):
        return None


MISSING = "TypeError: _idempotent_new() missing 1 required positional argument: 'obj'"
RECURSION = "RecursionError: maximum recursion depth exceeded"


@pytest.mark.parametrize(("vendored", "expected"), [("1.5.1", [RECURSION, False]), ("1.5.2", [MISSING, True])])
def test_binding_wrappers_are_idempotent_from_1_5_2(tmp_path: Path, vendored: str, expected: list) -> None:
    folder = one_file_worker(tmp_path, WORKER, date="2026-05-01", extra=EXTRA)
    (folder / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
    worker = load_worker(env=load_env(folder, bindings={"SVC": Stub()}))

    async def ask() -> dict:
        return await (await worker.fetch("/")).json()

    assert asyncio.run(ask()) == {"SVC": expected, "DB": expected}
