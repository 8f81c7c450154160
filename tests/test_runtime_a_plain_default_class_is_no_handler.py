"""A main module's ``class Default:`` that does not subclass ``WorkerEntrypoint`` is no handler, at
every compatibility date, and workers-env says why.

workerd's Python entrypoint finds the default handler by introspecting the main module for
``WorkerEntrypoint`` subclasses (introspection.py ``collect_classes``: ``issubclass(val,
WorkerEntrypoint)``) and makes the one named ``Default`` the default export
(python-entrypoint-helper.ts ``handleDefaultClass``, workerd 6552d999, 2026-08-22). A plain class
is not collected: before 2025-08-14 (``python_no_global_handlers``) the module-level ``on_fetch``
is the handler, and without one a request meets ``PythonUserError: ... does not export a handler
named "on_fetch"``; from then on the Worker exports no handler (``Error: Handler does not export a
fetch() function.``). workers-env did the same, but its hint said the module "defines no
``class Default(WorkerEntrypoint)``" beside a class of that very name; now it names the missing base.
"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, WorkersEnvError, load_worker

PLAIN = '''
from workers import Response


class Default:
    async def fetch(self, request):
        return Response("plain")
'''

BESIDE_ON_FETCH = PLAIN + '''

async def on_fetch(request, env):
    return Response("module")
'''

HINT = ("workers-env: the `class Default` of entry.py does not subclass `WorkerEntrypoint` (from workers), so "
        "workerd exports no handler of it; write `class Default(WorkerEntrypoint):`.")


@pytest.mark.asyncio
@pytest.mark.parametrize("date, kind, text", [
    ("2024-06-01", WorkersEnvError, 'Python entrypoint "entry.py" does not export a handler named "on_fetch"'),
    ("2025-08-13", WorkersEnvError, 'Python entrypoint "entry.py" does not export a handler named "on_fetch"'),
    ("2025-08-14", JsException, "Error: Handler does not export a fetch() function."),
    ("2026-11-01", JsException, "Error: Handler does not export a fetch() function."),
])
async def test_a_plain_default_class_is_no_handler_and_the_hint_says_why(tmp_path, date, kind, text):
    worker = load_worker(one_file_worker(tmp_path, PLAIN, date=date))
    with pytest.raises(kind) as raised:
        await worker.fetch("/")
    assert str(raised.value) == text
    assert raised.value.__notes__ == [HINT]


@pytest.mark.asyncio
async def test_before_2025_08_14_the_module_level_on_fetch_beside_it_is_the_handler(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, BESIDE_ON_FETCH, date="2025-08-13"))
    assert await (await worker.fetch("/")).text() == "module"
