"""The external SDK's wrappers got ``__new__ = _idempotent_new`` in workers-runtime-sdk 1.5.2
(workers-py #131): the 1.5.2 tag's ``_workers.py`` defines ``_idempotent_new`` and gives it to
``_BindingWrapper`` (so ``_FetcherWrapper``, ``_RpcStubWrapper``, the Workflow wrappers) and
``_EnvWrapper``; the 1.5.1 tag's has none, nor has workerd's built-in SDK
(src/pyodide/internal/workers-api/src/workers/_workers.py: a plain ``__init__``, a ``__getattr__``
reading ``self._binding``/``self._env``).

- From 1.5.2 wrapping a wrapper gives it back, and ``copy.copy``/``copy.deepcopy``, which call
  ``cls.__new__(cls)``, raise ``TypeError: _idempotent_new() missing 1 required positional
  argument: 'obj'``; ``pickle`` stops at the ``JsProxy`` inside. Measured with the real 1.5.4,
  1.6.3, 1.6.4 and 1.9.5 SDKs in real Pyodide 314.0.6 and 0.28.2 (review85; ``_EnvWrapper``'s read
  in #131's diff).
- Before 1.5.2 and in the built-in SDK wrapping a wrapper makes a new one -- ``self.env`` too:
  ``type(self.env)(self.env)`` is a new ``_EnvWrapper`` (what it reads through the old one:
  test_sdk_env_wrapped_again_reads_through_the_first_wrapper.py) -- and ``copy.copy`` of a wrapper
  recurses in its ``__getattr__`` (``copy`` asks the bare copy for ``__setstate__``):
  ``RecursionError``.

audit32: the boundary's mutants (1.5.1, 1.5.3, the built-in SDK idempotent) survived, and the
built-in SDK's wrappers and ``self.env`` before 1.5.2 copied here. leftovers57: before 1.5.2
``type(self.env)(self.env)`` was ``self.env`` here."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdk_wrapper_helpers import wrapper_answer

WORKER = """
import copy, pickle
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
        return Response.json({name: [attempt(lambda: copy.copy(value)), attempt(lambda: copy.deepcopy(value)),
                                     attempt(lambda: pickle.dumps(value)), attempt(lambda: type(value)(value) is value)]
                              for name, value in wrapped.items()})
"""


MISSING = "TypeError: _idempotent_new() missing 1 required positional argument: 'obj'"
RECURSION = "RecursionError: maximum recursion depth exceeded"
PROXY = "TypeError: cannot pickle 'pyodide.ffi.JsProxy' object"


def answer(tmp_path: Path, date: str, vendored: str | None) -> dict:
    got = wrapper_answer(tmp_path, WORKER, date, vendored)
    for row in got.values():  # (CPython's text may go on: "... while calling a Python object")
        row[:2] = [RECURSION if text.startswith(RECURSION) else text for text in row[:2]]
    return got


@pytest.mark.parametrize(("date", "vendored", "expected"), [
    ("2026-05-01", "1.5.2", {"SVC": [MISSING, "True"], "DB": [MISSING, "True"], "env": [MISSING, "True"]}),
    ("2026-05-01", "1.5.1", {"SVC": [RECURSION, "False"], "DB": [RECURSION, "False"], "env": [RECURSION, "False"]}),
    ("2025-11-02", None, {"SVC": [RECURSION, "False"], "env": [RECURSION, "False"]}),  # the built-in SDK
], ids=["sdk-1.5.2", "sdk-1.5.1", "built-in-sdk"])
def test_the_wrappers_are_idempotent_from_1_5_2(tmp_path: Path, date: str, vendored: str | None,
                                                expected: dict) -> None:
    got = answer(tmp_path, date, vendored)
    assert {name: [row[0], row[3]] for name, row in got.items()} == expected


@pytest.mark.parametrize("vendored", ["1.6.3", "1.6.4", None])
def test_a_copy_of_a_wrapper_is_the_sdks_type_error(tmp_path: Path, vendored: str | None) -> None:
    got = answer(tmp_path, "2026-05-01", vendored)
    assert got["SVC"] == got["DB"] == [MISSING, MISSING, PROXY, "True"]
    assert got["env"][:2] == [MISSING, MISSING] and got["env"][3] == "True"
