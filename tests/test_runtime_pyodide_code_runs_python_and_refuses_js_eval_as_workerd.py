"""``pyodide.code`` imports in a Worker with Pyodide's names (the same in 0.26 and 0.28:
``CodeRunner``, ``eval_code``, ``eval_code_async``, ``find_imports``, ``should_quiet``,
``run_js``, ``relaxed_wrap``, ``relaxed_call``), and the pure-Python ones behave as Pyodide's
own code does; ``find_imports`` lists ``package.module`` beside ``package`` from Pyodide 0.28
only. ``run_js`` is ``js.eval``: workerd refuses it while a request runs
(``EvalError: Code generation from strings disallowed for this context``), so that is what
it raises there; where production would evaluate the JavaScript (the top level, from
2025-06-01) it is ``NotEmulatedError``; at the top level before that date, ``EvalError``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import NotEmulatedError, load_worker

ENTRY = '''
import json

import pyodide.code
from pyodide.code import (CodeRunner, eval_code, eval_code_async, find_imports, relaxed_call, relaxed_wrap, run_js,
                          should_quiet)
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


def two(a, b):
    return [a, b]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        runner = CodeRunner("x = 6\\nx * 7")
        runner.ast.body[0].value.value = 10  # an AST transform before compile, as Pyodide allows
        try:
            run_js("1 + 1")
            refused = None
        except JsException as error:
            refused = str(error)
        return Response(json.dumps([
            sorted(pyodide.code.__all__),
            eval_code("a = 1\\na + 1"), eval_code("a = 1\\na + 1;"), eval_code("b = 5", return_mode="last_expr_or_assign"),
            await eval_code_async("import asyncio\\nawait asyncio.sleep(0)\\n3"),
            runner.compile().run(), should_quiet("1 + 1 # comment ;"), should_quiet("1 + 1 ;"),
            find_imports("import numpy as np; import scipy.stats\\nfrom a.b.c import d"), find_imports("def ("),
            relaxed_call(two, 1, 2, 3, extra=4), relaxed_wrap(two)(5, 6, 7), refused,
        ]))

    on_fetch = fetch  # before 2025-08-14 workerd calls Default.on_fetch
'''

NAMES = ["CodeRunner", "eval_code", "eval_code_async", "find_imports", "relaxed_call", "relaxed_wrap", "run_js",
         "should_quiet"]
REFUSED = "EvalError: Code generation from strings disallowed for this context"


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "imports"), [
    ("2026-05-01", ["a", "a.b", "a.b.c", "numpy", "scipy", "scipy.stats"]),  # Pyodide 0.28 and later
    ("2025-06-10", ["a", "numpy", "scipy"]),  # Pyodide 0.26
])
async def test_pyodide_code_behaves_as_pyodides_own(tmp_path, date, imports):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date=date)).fetch("/")).text())
    assert got == [NAMES, 2, None, 5, 3, 70, False, True, imports, [], [1, 2], [5, 6], REFUSED]


def test_pyodide_026_eval_code_takes_no_dont_inherit(tmp_path):
    one_file_worker(tmp_path, "from pyodide.code import eval_code\neval_code('1', dont_inherit=True)\n",
                    date="2025-06-10")
    with pytest.raises(TypeError, match=r"eval_code\(\) got an unexpected keyword argument 'dont_inherit'"):
        load_worker(tmp_path)


def test_run_js_at_the_top_level_is_not_emulated_where_production_evaluates_it(tmp_path):
    one_file_worker(tmp_path, "from pyodide.code import run_js\nrun_js('globalThis.x = 1')\n", date="2025-06-10")
    with pytest.raises(NotEmulatedError) as info:
        load_worker(tmp_path)
    assert str(info.value) == (
        "JavaScript's eval (pyodide.code.run_js(), js.eval()) is not emulated by workers-env: there is no JavaScript "
        "engine to evaluate 'globalThis.x = 1' (production evaluates it only at a Worker's top level, from "
        "compatibility date 2025-06-01; while handling a request workerd refuses it with EvalError). Use the `js` "
        "module's objects from Python instead (`from js import JSON, Object`)")


def test_run_js_at_the_top_level_before_2025_06_01_is_workerds_eval_error(tmp_path):
    one_file_worker(tmp_path, "from pyodide.code import run_js\nrun_js('1')\n", date="2025-05-01")
    with pytest.raises(Exception, match=REFUSED) as error:
        load_worker(tmp_path)
    assert type(error.value).__name__ == "JsException"


def test_run_js_of_a_non_string_is_pyodides_type_error(tmp_path):
    one_file_worker(tmp_path, "from pyodide.code import run_js\nrun_js(1)\n", date="2026-05-01")
    with pytest.raises(TypeError, match="argument should have type 'string' not type 'int'"):
        load_worker(tmp_path)
