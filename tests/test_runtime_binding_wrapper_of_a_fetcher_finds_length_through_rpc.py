"""A ``Fetcher`` (``ASSETS``, a service binding, a Durable Object stub) answers every property
name: workerd's ``Fetcher`` has ``JSG_WILDCARD_PROPERTY(getRpcMethod)`` (RPC, on from
2024-04-03), and Pyodide's attribute lookup (``jsobj[key]``, undefined and not ``in`` it: an
AttributeError) then finds one. So the SDK's ``_BindingWrapper`` probes
``hasattr(binding, "length")`` and ``hasattr(binding, "__iter__")`` find an RPC method there:
from workers-runtime-sdk 1.4.2 until 1.6.5 ``__len__`` returned that proxy, and ``len()`` -- and
the truth test falling back to it (``if self.env.ASSETS:``) -- is CPython's
``'pyodide.ffi.JsProxy' object cannot be interpreted as an integer`` (1.6.5, workers-py #160,
"RPC object always returns true for attribute lookup", checks for an ``int`` and adds
``__bool__``); iterating it is Pyodide's ``'pyodide.ffi.JsProxy' object is not iterable`` in
every release with ``__iter__``. A ``KvNamespace`` has no wildcard: its texts name the class."""

from __future__ import annotations

import pytest

from workers_env import load_worker

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for probe in (lambda: bool(self.env.ASSETS), lambda: len(self.env.ASSETS), lambda: list(self.env.ASSETS),
                      lambda: list(self.env.KV)):
            try:
                out.append(probe())
            except TypeError as err:
                out.append(str(err))
        return Response.json(out)
"""


def _worker(folder, sdk):
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("hi")
    (folder / "entry.py").write_text(ENTRY)
    (folder / "wrangler.toml").write_text(
        'name = "w"\nmain = "entry.py"\ncompatibility_date = "2026-07-01"\ncompatibility_flags = ["python_workers"]\n'
        '[assets]\ndirectory = "public"\nbinding = "ASSETS"\n[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n')
    (folder / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return load_worker(folder)


NOT_AN_INT = "'pyodide.ffi.JsProxy' object cannot be interpreted as an integer"
NOT_ITERABLE = "'pyodide.ffi.JsProxy' object is not iterable"


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.4.2", "1.6.4"])
async def test_len_and_truth_of_a_fetcher_return_the_rpc_property_before_1_6_5(tmp_path, sdk):
    got = await (await _worker(tmp_path, sdk).fetch("/x")).json()
    assert got == [NOT_AN_INT, NOT_AN_INT, NOT_ITERABLE, "'KvNamespace' object is not iterable"]


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.5", "1.9.5"])
async def test_from_1_6_5_a_fetcher_is_true_and_has_no_len(tmp_path, sdk):
    got = await (await _worker(tmp_path, sdk).fetch("/x")).json()
    assert got == [True, "'Fetcher' object has no len()", NOT_ITERABLE, "'KvNamespace' object is not iterable"]
