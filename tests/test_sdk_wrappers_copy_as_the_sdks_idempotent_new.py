"""The external SDK's wrappers copy as its ``_idempotent_new`` lets them: from workers-runtime-sdk
1.5.2 (workers-py #131) ``_BindingWrapper`` (so ``_FetcherWrapper``, ``_RpcStubWrapper``, the
Workflow wrappers) and ``_EnvWrapper`` have ``__new__ = _idempotent_new`` -- wrapping a wrapper
gives it back, and ``copy.copy``/``copy.deepcopy``, which call ``cls.__new__(cls)``, raise
``TypeError: _idempotent_new() missing 1 required positional argument: 'obj'``; ``pickle`` stops at
the ``JsProxy`` inside. Measured with the real 1.5.4, 1.6.3, 1.6.4 and 1.9.5 SDKs in real Pyodide
314.0.6 and 0.28.2 (review85; ``_EnvWrapper``'s read in #131's diff). Before, a copy here recursed in
``__getattr__`` (``RecursionError``)."""

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
import copy, pickle
from workers import Response, WorkerEntrypoint


def attempt(f):
    try:
        return type(f()).__name__
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, value in (("SVC", self.env.SVC), ("DB", self.env.DB), ("env", self.env)):
            out[name] = [attempt(lambda: copy.copy(value)), attempt(lambda: copy.deepcopy(value)),
                         attempt(lambda: pickle.dumps(value)), type(value)(value) is value]
        return Response.json(out)
"""


class Stub:
    async def fetch(self, resource, init=None):
        return None


MISSING = "TypeError: _idempotent_new() missing 1 required positional argument: 'obj'"
PROXY = "TypeError: cannot pickle 'pyodide.ffi.JsProxy' object"


@pytest.mark.parametrize("vendored", ["1.6.3", "1.6.4", None])
def test_a_copy_of_a_wrapper_is_the_sdks_type_error(tmp_path: Path, vendored: str | None) -> None:
    folder = one_file_worker(tmp_path, WORKER, date="2026-05-01", extra=EXTRA)
    if vendored is not None:
        (folder / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
    worker = load_worker(env=load_env(folder, bindings={"SVC": Stub()}))

    async def ask() -> dict:
        return await (await worker.fetch("/")).json()

    got = asyncio.run(ask())
    assert got["SVC"] == got["DB"] == [MISSING, MISSING, PROXY, True]
    assert got["env"][:2] == [MISSING, MISSING] and got["env"][3] is True
