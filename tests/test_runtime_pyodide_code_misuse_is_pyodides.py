"""``pyodide.code.CodeRunner`` used out of order refuses as Pyodide's ``_pyodide._base`` does,
in its words: compiled twice, run before ``compile()``, top-level ``await`` run synchronously;
and ``relaxed_wrap`` of a callable without a signature (``int``, Pyodide's own test) is its
``TypeError``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import ast
import json

from pyodide.code import CodeRunner, relaxed_wrap
from workers import Response, WorkerEntrypoint


def refusal(step):
    try:
        step()
    except (RuntimeError, TypeError) as error:
        return f"{type(error).__name__}: {error}"
    return None


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps([
            refusal(lambda: CodeRunner("1").compile().compile()),
            refusal(lambda: CodeRunner("1").run()),
            refusal(lambda: CodeRunner("import asyncio\\nawait asyncio.sleep(0)",
                                       flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT).compile().run()),
            refusal(lambda: relaxed_wrap(int)),
        ]))
'''


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore:coroutine '<module>' was never awaited:RuntimeWarning")  # as in Pyodide
async def test_code_runner_misuse_and_relaxed_wrap_of_int_are_pyodides_errors(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-05-01"))
    assert json.loads(await (await worker.fetch("/")).text()) == [
        "RuntimeError: Already compiled", "RuntimeError: Not yet compiled",
        "RuntimeError: Used eval_code with TOP_LEVEL_AWAIT. Use run_async for this instead.",
        "TypeError: Cannot wrap function"]


DEDENT = '''
import json

from pyodide.code import CodeRunner, eval_code, eval_code_async
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = [eval_code("  1 + 1")]
        for run in (lambda: eval_code("1", dedent=False), lambda: CodeRunner("1", dedent=True)):
            try:
                out.append(run())
            except TypeError as error:
                out.append(str(error))
        try:
            out.append(await eval_code_async("1", dedent=False))
        except TypeError as error:
            out.append(str(error))
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
async def test_dedent_keyword_is_refused_as_production_314_0_6_refuses_it(tmp_path):
    # Pyodide 314.0.7 added dedent= (npm package diff); production's 3.14 bundle is 314.0.6 (workerd
    # 1.20261117.1 and 1.20261123.1, python_workers_314), whose functions lack it -- its TypeError, as
    # in every earlier era (tools/pyodide group eval-code-dedent)
    worker = load_worker(one_file_worker(tmp_path, DEDENT, date="2026-09-08"))
    assert json.loads(await (await worker.fetch("/")).text()) == [
        2, "eval_code() got an unexpected keyword argument 'dedent'",
        "CodeRunner.__init__() got an unexpected keyword argument 'dedent'",
        "eval_code_async() got an unexpected keyword argument 'dedent'"]
