"""``to_js`` of a ``dict`` subclass per Pyodide: pyodide #4636 (2024-03-24) found that
``to_js`` of ``class D(ChainMap, dict)`` gave ``{}``; the fix (#4637, in 0.26.2 and 0.28, not
in workerd's 0.26.0a2) reads ``.items()`` instead of the dict's own storage (``PyDict_Next``).
So before 2025-09-29 a subclass converts as its storage holds it, from then as its ``items()``
says (each item a tuple, else Pyodide's ``TypeError: expected tuple``)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from collections import ChainMap
    from js import JSON, Object
    from pyodide.ffi import to_js
    from workers import Response, WorkerEntrypoint

    class D(ChainMap, dict):
        pass

    class Upper(dict):
        def items(self):
            return [(k.upper(), v) for k, v in super().items()]

    class Pairs(dict):
        def items(self):
            return [[k, v] for k, v in super().items()]

    def attempt(value):
        try:
            return JSON.stringify(to_js(value, dict_converter=Object.fromEntries))
        except TypeError as exc:
            return str(exc)

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json([attempt(D({"a": "b"})), attempt(Upper(a=1)), attempt(Pairs(a=1)),
                                  attempt({"nested": D({"a": "b"})})])
"""


@pytest.mark.asyncio
async def test_pyodide_0_26_reads_the_dicts_own_storage(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01"))
    assert await (await worker.fetch("/")).json() == ['{}', '{"a":1}', '{"a":1}', '{"nested":{}}']


@pytest.mark.asyncio
async def test_pyodide_0_28_reads_items(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-29"))
    got = await (await worker.fetch("/")).json()
    assert got == ['{"a":"b"}', '{"A":1}', "expected tuple", '{"nested":{"a":"b"}}']
