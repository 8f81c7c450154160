"""``from js import eval`` imports (a global of every JavaScript realm). workerd never lets a
request's code generate code from a string, so ``eval("1 + 1")`` in a handler is
``EvalError: Code generation from strings disallowed for this context`` as deployed; a
non-string comes back unchanged, as JavaScript's ``eval`` returns it."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

from js import eval as js_eval
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            js_eval("1 + 1")
            refused = None
        except JsException as error:
            refused = str(error)
        return Response(json.dumps([refused, js_eval(5)]))
'''


@pytest.mark.asyncio
async def test_eval_of_a_string_in_a_handler_is_workerds_eval_error(tmp_path):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")).text())
    assert got == ["EvalError: Code generation from strings disallowed for this context", 5]
