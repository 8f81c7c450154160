"""While a Python Worker's top level runs, workerd's Python runtime patches ``setTimeout``
(``setTimeoutTopLevelPatch`` in python.ts): a falsy delay (``0``, none, ``NaN``) queues the handler
as a microtask -- called without arguments once the top level has run -- and returns 0, so a
package calling ``setTimeout(cb, 0)`` at import time works; a delay given is workerd's own
``setTimeout``, the global-scope error. workerd's ``top-level-tests`` asserts both."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
from js import setTimeout
from pyodide.ffi import create_once_callable, JsException
from workers import Response

RAN = []
IDS = [setTimeout(create_once_callable(lambda: RAN.append("zero")), 0),
       setTimeout(create_once_callable(lambda: RAN.append("none")))]
RAN.append("top level done")
try:
    setTimeout(create_once_callable(lambda: RAN.append("later")), 1)
except JsException as e:
    ONE_MS = str(e)

def on_fetch(request):
    return Response(repr([IDS, RAN, ONE_MS[:55]]))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-06-01", "2025-08-01"])
async def test_a_zero_delay_runs_once_the_top_level_has_run_and_a_delay_is_refused(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    answer = await (await worker.fetch("/")).text()
    assert answer == repr([[0, 0], ["top level done", "zero", "none"],
                           "Error: Disallowed operation called within global scope."])


def test_set_interval_at_top_level_is_still_the_global_scope_error(tmp_path):
    entry = "from js import setInterval\nfrom pyodide.ffi import create_proxy\nsetInterval(create_proxy(print), 0)\n"
    with pytest.raises(JsException, match="Disallowed operation called within global scope"):
        load_worker(one_file_worker(tmp_path, entry + "def on_fetch(request): pass\n", date="2025-06-01"))
