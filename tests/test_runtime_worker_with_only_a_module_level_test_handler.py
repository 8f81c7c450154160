"""Before ``python_no_global_handlers`` (2025-08-14) workerd's Python entrypoint exports a
module-level ``test`` function as the Worker's ``test`` handler (``handlers.test =
makeHandler('test')`` in python-entrypoint-helper.ts), so a Worker defining only ``test`` starts,
as workerd's own ``env-param``, ``jspi`` and ``undefined-handler`` tests rely on; a request to it
then meets the entrypoint's missing-handler error, which ``undefined-handler`` asserts:
``Python entrypoint "undefined_handler.py" does not export a handler named "on_fetch"``. From
2025-08-14 a module-level ``test`` is no handler: the Worker starts as any Worker without one does
(an empty handler object), and a request meets workerd's own missing-handler error."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, WorkersEnvError, load_worker

ONLY_TEST = """
def test(ctrl, env, ctx):
    assert env.SECRET == "s"
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-05-01", "2025-06-01"])
async def test_a_worker_with_only_test_loads_and_a_request_meets_the_missing_on_fetch_error(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ONLY_TEST, date=date, extra='[vars]\nSECRET = "s"\n'))
    assert callable(worker.module.test)
    with pytest.raises(WorkersEnvError) as raised:
        await worker.fetch("/")
    assert str(raised.value) == 'Python entrypoint "entry.py" does not export a handler named "on_fetch"'


@pytest.mark.asyncio
async def test_from_2025_08_14_a_module_level_test_is_no_handler(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ONLY_TEST, date="2025-09-01"))
    with pytest.raises(JsException) as raised:
        await worker.fetch("/")
    assert str(raised.value) == "Error: Handler does not export a fetch() function."
