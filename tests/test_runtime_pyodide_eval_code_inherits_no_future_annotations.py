"""``pyodide.code.eval_code`` compiles with ``dont_inherit=False`` (Pyodide's default), which
takes the ``__future__`` flags of the module calling ``compile()``: Pyodide's ``_base.py`` has
none, so annotations in the evaluated code are evaluated (``int``, not the string ``'int'``) --
real Pyodide 0.26.0a4 and 0.28.2 under Node -- whether or not the Worker's own module has
``from __future__ import annotations``. Evaluated module code reads its annotations from
``__annotations__`` where the interpreter makes that at once (up to 3.13, or with the future
import, as strings), else from 3.14's lazy ``__annotate__`` (PEP 649: 3.14 makes no
``__annotations__`` name there)."""

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


#: the evaluated module's annotations on every Python (``__annotate__(1)``: 3.14's, evaluated)
ANNOTATIONS = "__annotations__ if '__annotations__' in globals() else __annotate__(1)"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps([
            repr(eval_code("def f(a: int): pass\\nf.__annotations__['a']")),
            repr(eval_code("x: int = 1\\n" + ANNOTATIONS, {})),
            repr(await eval_code_async("y: str = 'y'\\n" + ANNOTATIONS, {})),
        ]))

    on_fetch = fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-06-01", "2026-05-01"])
async def test_annotations_in_evaluated_code_are_evaluated(tmp_path, date):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date=date)).fetch("/")).text())
    assert got == ["<class 'int'>", "{'x': <class 'int'>}", "{'y': <class 'str'>}"]
