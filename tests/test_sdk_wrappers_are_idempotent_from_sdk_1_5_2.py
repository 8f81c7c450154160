"""The external SDK's wrappers got ``__new__ = _idempotent_new`` in workers-runtime-sdk 1.5.2
(workers-py #131): the 1.5.2 tag's ``_workers.py`` defines ``_idempotent_new`` and gives it to
``_BindingWrapper`` (so ``_FetcherWrapper``) and ``_EnvWrapper``; the 1.5.1 tag's has none, nor
has workerd's built-in SDK (src/pyodide/internal/workers-api/src/workers/_workers.py: a plain
``__init__``, a ``__getattr__`` reading ``self._binding``/``self._env``). So before 1.5.2 and in
the built-in SDK wrapping a binding's wrapper again makes a new one, and ``copy.copy`` of a
wrapper recurses in its ``__getattr__`` (``copy`` asks the bare copy for ``__setstate__``):
``RecursionError``; from 1.5.2 wrapping gives it back and a copy is ``_idempotent_new``'s
``TypeError``. ``test_sdk_wrappers_copy_as_the_sdks_idempotent_new.py`` runs 1.6.3 and later.
audit32: the boundary's mutants (1.5.1, 1.5.3, the built-in SDK idempotent) survived, and the
built-in SDK's wrappers and ``self.env`` before 1.5.2 copied here. Left: ``type(self.env)(self.env)``
before 1.5.2 is ``self.env`` here (workers-env wraps ``env`` so itself), a new wrapper there."""

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
        got = f()
        return repr(got) if isinstance(got, bool) else type(got).__name__
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        wrapped = {"SVC": self.env.SVC, "env": self.env}
        if type(self.env.DB).__name__ == "_BindingWrapper":  # (the built-in SDK hands D1 out unwrapped)
            wrapped["DB"] = self.env.DB
        return Response.json({name: [attempt(lambda: copy.copy(value)), attempt(lambda: type(value)(value) is value)]
                              for name, value in wrapped.items()})
"""


class Stub:
    async def fetch(self, resource, init=None):
        return None


MISSING = "TypeError: _idempotent_new() missing 1 required positional argument: 'obj'"
RECURSION = "RecursionError: maximum recursion depth exceeded"


@pytest.mark.parametrize(("date", "vendored", "expected"), [
    ("2026-05-01", "1.5.2", {"SVC": [MISSING, "True"], "DB": [MISSING, "True"], "env": [MISSING, "True"]}),
    # (env's True: left, see above)
    ("2026-05-01", "1.5.1", {"SVC": [RECURSION, "False"], "DB": [RECURSION, "False"], "env": [RECURSION, "True"]}),
    ("2025-11-02", None, {"SVC": [RECURSION, "False"], "env": [RECURSION, "True"]}),  # the built-in SDK
], ids=["sdk-1.5.2", "sdk-1.5.1", "built-in-sdk"])
def test_the_wrappers_are_idempotent_from_1_5_2(tmp_path: Path, date: str, vendored: str | None,
                                                expected: dict) -> None:
    folder = one_file_worker(tmp_path, WORKER, date=date, extra=EXTRA)
    if vendored is not None:
        (folder / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
    worker = load_worker(env=load_env(folder, bindings={"SVC": Stub()}))

    async def ask() -> dict:
        return await (await worker.fetch("/")).json()

    got = asyncio.run(ask())
    for pair in got.values():  # (CPython's text may go on: "... while calling a Python object")
        pair[0] = RECURSION if pair[0].startswith(RECURSION) else pair[0]
    assert got == expected
