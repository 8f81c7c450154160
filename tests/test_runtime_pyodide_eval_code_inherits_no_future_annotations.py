"""``pyodide.code.eval_code`` compiles with ``dont_inherit=False`` (Pyodide's default), which
takes the ``__future__`` flags of the module calling ``compile()``: Pyodide's ``_base.py`` has
none, so annotations in the evaluated code are evaluated (``int``, not the string ``'int'``) --
real Pyodide 0.26.0a4 and 0.28.2 under Node -- whether or not the Worker's own module has
``from __future__ import annotations``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from __future__ import annotations

import json

from pyodide.code import eval_code, eval_code_async
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps([
            repr(eval_code("def f(a: int): pass\\nf.__annotations__['a']")),
            repr(eval_code("x: int = 1\\n__annotations__", {})),
            repr(await eval_code_async("y: str = 'y'\\n__annotations__", {})),
        ]))

    on_fetch = fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-06-01", "2026-05-01"])
async def test_annotations_in_evaluated_code_are_evaluated(tmp_path, date):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date=date)).fetch("/")).text())
    assert got == ["<class 'int'>", "{'x': <class 'int'>}", "{'y': <class 'str'>}"]
