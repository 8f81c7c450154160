"""An event the Worker has no handler for fails in workerd's JavaScript before any Python code
runs, and `workers-env dev` logs that error as production does: the JavaScript error's
``name: message`` -- ``TypeError: Method fetch does not exist`` (the entrypoint proxy of
``python-entrypoint-helper.ts``: Cloudflare's cron-trigger example is a ``Default`` class with only
``scheduled``), ``PythonUserError: Python entrypoint "entry.py" does not export a handler named
"on_fetch"`` (its module-level handlers before 2025-08-14) and ``Error: Handler does not export a
fetch() function.`` (``global-scope.c++``, a main module exporting only a Durable Object) -- not
under workers-env's own class names (``workers_env.runtime.loader.MethodMissing``,
``workers_env._errors.WorkersEnvError``) nor as a ``pyodide.ffi.JsException``, which only a JS
error that reached Python code is. Tests calling the Worker still catch the same exceptions."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, WorkersEnvError, load_worker
from workers_env.runtime.server import BackgroundServer

CRON_ONLY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def scheduled(self, controller, env, ctx):
            print("cron processed")
"""
FETCH_ONLY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("hi")
"""
LEGACY_CRON_ONLY = """\
    async def on_scheduled(controller, env, ctx):
        print("cron processed")
"""
DO_ONLY = """\
    from workers import DurableObject, Response

    class Counter(DurableObject):
        async def fetch(self, request):
            return Response("counted")
"""
DO_BINDING = ('[[durable_objects.bindings]]\nname = "COUNTER"\nclass_name = "Counter"\n\n'
              '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Counter"]\n')


def _logged(worker, caplog, path: str) -> str:
    """The traceback `workers-env dev` logs for a GET of ``path``, which answers 500."""
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answered:
            urllib.request.urlopen(server.url + path, timeout=10).read()
        answered.value.close()  # its response (3.14 warns of one left to the collector)
        assert answered.value.code == 500
    record = next(r for r in caplog.records if r.name == "workers_env.dev" and r.exc_info)
    return logging.Formatter().formatException(record.exc_info)


@pytest.mark.parametrize(("entry", "date", "extra", "path", "last"), [
    (CRON_ONLY, "2026-12-01", "", "/", "TypeError: Method fetch does not exist"),
    (CRON_ONLY, "2025-11-01", "", "/", "TypeError: Method fetch does not exist"),
    (FETCH_ONLY, "2026-12-01", "", "/cdn-cgi/handler/scheduled?cron=*+*+*+*+*",
     "TypeError: Method scheduled does not exist"),
    (LEGACY_CRON_ONLY, "2024-04-01", "", "/",
     'PythonUserError: Python entrypoint "entry.py" does not export a handler named "on_fetch"'),
    (DO_ONLY, "2026-12-01", DO_BINDING, "/", "Error: Handler does not export a fetch() function."),
], ids=["Default-scheduled-only-sdk", "Default-scheduled-only-builtin", "Default-fetch-only-cron",
        "module-on_scheduled-only", "durable-object-only"])
def test_the_log_names_the_javascript_error(tmp_path, caplog, entry, date, extra, path, last):
    worker = load_worker(one_file_worker(tmp_path, entry, date=date, extra=extra))
    text = _logged(worker, caplog, path)
    assert last in text.splitlines()  # the exception's line (workers-env's advice, as notes, after it)
    assert "workers_env" not in text and "JsException" not in text


@pytest.mark.asyncio
async def test_tests_calling_the_worker_still_catch_workers_env_errors(tmp_path):
    cron_only = load_worker(one_file_worker(tmp_path / "a", CRON_ONLY))
    with pytest.raises(TypeError, match="^Method fetch does not exist$") as missing:
        await cron_only.fetch("/")
    assert isinstance(missing.value, WorkersEnvError)
    legacy = load_worker(one_file_worker(tmp_path / "b", LEGACY_CRON_ONLY, date="2024-04-01"))
    with pytest.raises(WorkersEnvError, match='does not export a handler named "on_fetch"$'):
        await legacy.fetch("/")
    do_only = load_worker(one_file_worker(tmp_path / "c", DO_ONLY, extra=DO_BINDING))
    with pytest.raises(JsException, match=r"^Error: Handler does not export a fetch\(\) function\."):
        await do_only.fetch("/")


@pytest.mark.parametrize(("entry", "date", "extra", "body"), [
    (CRON_ONLY, "2026-12-01", "", b"TypeError: Method fetch does not exist"),
    (LEGACY_CRON_ONLY, "2024-04-01", "",  # (PythonUserError's name a getter, which the legacy form skips:
     # an unbundled JS twin throwing util.ts's class under wrangler dev 4.164.0 at 2025-08-01, leftovers50b)
     b'Error: Python entrypoint "entry.py" does not export a handler named "on_fetch"'),
    (DO_ONLY, "2026-12-01", DO_BINDING, b"Error: Handler does not export a fetch() function."),
], ids=["Default-scheduled-only", "module-on_scheduled-only", "durable-object-only"])
def test_the_500_answers_the_javascript_error_line_not_a_python_error(tmp_path, entry, date, extra, body):
    # Miniflare's entry worker answers an unbundled Worker's rejection with its stack: a JS
    # error workerd threw before any Python ran is `name: message`, not `PythonError: ...`
    worker = load_worker(one_file_worker(tmp_path, entry, date=date, extra=extra))
    with BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answered:
            urllib.request.urlopen(server.url + "/", timeout=10).read()
    assert (answered.value.code, answered.value.read()) == (500, body)
    answered.value.close()  # its response, read (3.14 warns of one left to the collector)
