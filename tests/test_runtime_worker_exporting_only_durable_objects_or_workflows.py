"""A Worker whose main module exports only a Durable Object or Workflow class (no ``Default``
class, no ``on_fetch``) deploys: workerd's Python entrypoint exports the classes and an empty
default handler object (``python-entrypoint.js``). A request to it then meets workerd's own
``Error: Handler does not export a fetch() function.`` (``global-scope.c++``; a 500), or before
2025-08-14, as ``wrangler dev`` runs it, the entrypoint's ``Python entrypoint "entry.py" does not
export a handler named "on_fetch"`` (``makeHandler``, every handler exported under workerd).
The Durable Object and Workflow bindings themselves stay not emulated, and say so."""

from __future__ import annotations

import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env import BindingNotEmulatedError, JsException, WorkersEnvError, load_worker
from workers_env.runtime.server import BackgroundServer

DO_ONLY = """
from workers import DurableObject, Response

class Counter(DurableObject):
    async def fetch(self, request):
        return Response("counted")
"""

WORKFLOW_ONLY = """
from workers import WorkflowEntrypoint

class Nightly(WorkflowEntrypoint):
    async def run(self, event, step):
        return "done"
"""

BINDINGS = """
[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter"]

[[workflows]]
binding = "FLOW"
name = "nightly"
class_name = "Nightly"
"""

BUILTIN_SDK, EXTERNAL_SDK, LEGACY = "2025-11-01", "2026-05-01", "2025-06-01"


@pytest.mark.asyncio
@pytest.mark.parametrize("entry", [DO_ONLY, WORKFLOW_ONLY], ids=["durable-object", "workflow"])
@pytest.mark.parametrize("date", [BUILTIN_SDK, EXTERNAL_SDK])
async def test_it_loads_and_a_request_meets_workerds_missing_fetch_error(tmp_path, entry, date):
    worker = load_worker(one_file_worker(tmp_path, entry, date=date, extra=BINDINGS))
    with pytest.raises(JsException) as raised:
        await worker.fetch("/")
    assert str(raised.value) == "Error: Handler does not export a fetch() function."
    assert "class Default(WorkerEntrypoint)" in "\n".join(raised.value.__notes__)
    assert raised.value.__notes__[-1] == ("workers-env: entry.py defines no `class Default(WorkerEntrypoint)`; define "
                                          "one with `async def fetch(self, request)` to handle this event.")


@pytest.mark.asyncio
async def test_its_bindings_still_say_they_are_not_emulated(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, DO_ONLY + WORKFLOW_ONLY, extra=BINDINGS))
    with pytest.raises(BindingNotEmulatedError, match=r"env\.COUNTER \(Durable Object binding"):
        worker.env.COUNTER.idFromName("x")
    with pytest.raises(BindingNotEmulatedError, match=r"env\.FLOW \(Workflow binding"):
        await worker.env.FLOW.create()


@pytest.mark.asyncio
async def test_its_cron_and_queue_events_meet_workerds_missing_handler_errors(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, DO_ONLY, extra=BINDINGS))
    with pytest.raises(JsException) as raised:
        await worker.scheduled("* * * * *")
    assert str(raised.value) == "Error: Handler does not export a scheduled() function"  # no period: workerd's
    with pytest.raises(JsException) as raised:
        await worker.queue(["m"])
    assert str(raised.value) == "Error: Handler does not export a queue() function."


@pytest.mark.asyncio
async def test_before_2025_08_14_it_meets_the_python_entrypoints_error(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, DO_ONLY, date=LEGACY, extra=BINDINGS))
    with pytest.raises(WorkersEnvError, match='^Python entrypoint "entry.py" does not export a handler named "on_fetch"$'):
        await worker.fetch("/")
    with pytest.raises(WorkersEnvError, match='does not export a handler named "on_scheduled"'):
        await worker.scheduled("* * * * *")


@pytest.mark.asyncio
async def test_a_module_level_on_fetch_beside_it_is_named_from_2025_08_14(tmp_path):
    entry = DO_ONLY + "\nasync def on_fetch(request):\n    raise AssertionError('not dispatched')\n"
    worker = load_worker(one_file_worker(tmp_path, entry, extra=BINDINGS))
    with pytest.raises(JsException, match=r"fetch\(\) function") as raised:
        await worker.fetch("/")
    assert "module-level on_fetch of entry.py is not dispatched" in "\n".join(raised.value.__notes__)
    assert raised.value.__notes__[-1] == (
        "workers-env: the module-level on_fetch of entry.py is not dispatched from compatibility date 2025-08-14 on "
        "(python_no_global_handlers): define `class Default(WorkerEntrypoint)` with `async def fetch(self, request)`.")


@pytest.mark.asyncio
async def test_a_module_level_on_fetch_beside_it_is_named_with_the_flag_before_2025_08_14(tmp_path):
    entry = DO_ONLY + "\nasync def on_fetch(request):\n    raise AssertionError('not dispatched')\n"
    worker = load_worker(one_file_worker(tmp_path, entry, date=LEGACY, flags=["python_no_global_handlers"],
                                         extra=BINDINGS))
    with pytest.raises(JsException, match=r"fetch\(\) function") as raised:
        await worker.fetch("/")
    assert raised.value.__notes__[-1] == (
        'workers-env: the module-level on_fetch of entry.py is not dispatched with "python_no_global_handlers" in '
        "compatibility_flags: define `class Default(WorkerEntrypoint)` with `async def fetch(self, request)`, or "
        "remove that flag.")


def test_the_dev_server_answers_it_with_a_500_and_keeps_serving(tmp_path, caplog):
    worker = load_worker(one_file_worker(tmp_path, DO_ONLY, extra=BINDINGS))
    with BackgroundServer(worker) as server:
        for _ in range(2):
            with pytest.raises(urllib.error.HTTPError) as answered:
                urllib.request.urlopen(server.url + "/", timeout=10)
            assert (answered.value.code, answered.value.read()) == (500, b"Error: Handler does not export a fetch() function.")
            answered.value.close()  # its response, read (3.14 warns of one left to the collector)
    assert "Handler does not export a fetch() function." in caplog.text


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "entry", "error"), [
    (BUILTIN_SDK, "from workers import WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
          "    async def scheduled(self, controller, env, ctx):\n        pass\n", "^Method fetch does not exist$"),
    (BUILTIN_SDK, "from workers import WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
          "    async def queue(self, batch, env, ctx):\n        pass\n", "^Method fetch does not exist$"),
    (LEGACY, "async def on_scheduled(controller, env, ctx):\n    pass\n", 'handler named "on_fetch"$'),
    (LEGACY, "async def on_queue(batch, env, ctx):\n    pass\n", 'handler named "on_fetch"$'),
], ids=["Default.scheduled", "Default.queue", "on_scheduled", "on_queue"])
async def test_a_worker_with_only_a_cron_or_queue_handler_refuses_a_request(tmp_path, date, entry, error):
    """A ``Default`` class: workerd's entrypoint proxy answers any name, then finds no method
    (``TypeError: Method fetch does not exist``); module-level handlers before 2025-08-14: the
    entrypoint's ``on_fetch`` error. Either way the cron event itself still runs."""
    worker = load_worker(one_file_worker(tmp_path, entry, date=date))
    with pytest.raises(WorkersEnvError, match=error):
        await worker.fetch("/")
    if "scheduled" in entry:
        assert (await worker.scheduled("* * * * *")).outcome == "ok"
    else:
        assert (await worker.queue(["m"])).outcome == "ok"
