"""``workers-env dev``: an error workerd's own JavaScript throws before any Python runs (a
``Default`` class's ``fetch`` before 2025-08-14: workerd's entrypoint proxy looks it up as
``on_fetch``, python-entrypoint-helper.ts) is logged as production logs it -- ``✘ [ERROR] Uncaught
TypeError: Method on_fetch does not exist `` with nothing of workerd's after it -- and then
workers-env's hint saying how to fix it, as the same error's hint shows under pytest and
``load_worker``; the 500's body stays production's. hunt47 met it serving MagmaMoose/dunmir's
FastAPI Worker (dated 2025-01-09), whose dev log said nothing but the error line."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env._errors import add_hint
from workers_env.runtime.devconsole import uncaught_blocks, wranglers_output
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("never")
"""


def test_dev_logs_the_hint_after_workerds_line_and_the_body_stays_production(tmp_path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-01-09", pyproject=False))
    capsys.readouterr()
    with wranglers_output(), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + "/", timeout=10)
        body = answer.value.read().decode()
    err = capsys.readouterr().err
    assert body == "TypeError: Method on_fetch does not exist"
    first, _, rest = err.partition("\n")
    assert first == "\u2718 [ERROR] Uncaught TypeError: Method on_fetch does not exist "
    assert rest.startswith("\n  workers-env: Before compatibility date 2025-08-14 (python_no_global_handlers), "
                           "workerd calls a Default class's `fetch` handler as `on_fetch`")
    assert "rename the method to `on_fetch`" in rest
    # the event's copy: production's line alone
    assert "\n\n\u2718 [ERROR] Uncaught TypeError: Method on_fetch does not exist \n\n" in err


def test_only_workers_envs_hints_follow_the_line_each_marked_once() -> None:
    error = TypeError("Method on_fetch does not exist")
    error.thrown_by_workerd = True  # type: ignore[attr-defined]
    add_hint(error, "rename it")
    add_hint(error, "workers-env: already marked")
    error.add_note("a plain note")  # (not one of workers-env's hints: not added to workerd's line)
    first, second = uncaught_blocks(error, None)
    assert first == ("\u2718 [ERROR] Uncaught TypeError: Method on_fetch does not exist \n\n"
                     "  workers-env: rename it\n  workers-env: already marked\n\n")
    assert second == "\u2718 [ERROR] Uncaught TypeError: Method on_fetch does not exist \n\n"


@pytest.mark.parametrize(("flags", "copy"), [((), "Error"), (("enhanced_error_serialization",), "PythonUserError")])
def test_a_module_without_on_fetch_logs_python_user_errors_message(tmp_path, capsys: pytest.CaptureFixture[str],
                                                                   flags: tuple[str, ...], copy: str) -> None:
    # workerd's PythonUserError reads its name by a getter (util.ts), which V8's stack line and the
    # legacy clone skip; the enhanced clone keeps it: an unbundled JS twin throwing that class under
    # wrangler dev 4.164.0 at 2025-08-01 and 2026-05-01 (leftovers50b)
    worker = load_worker(one_file_worker(tmp_path, "async def on_scheduled(controller, env, ctx):\n    pass\n",
                                         date="2025-08-01", pyproject=False, flags=flags))
    capsys.readouterr()
    with wranglers_output(), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + "/", timeout=10)
        answer.value.read()
        answer.value.close()
    err = capsys.readouterr().err
    text = 'Python entrypoint "entry.py" does not export a handler named "on_fetch" '
    assert err.startswith(f"\u2718 [ERROR] Uncaught {text}\n")
    assert f"\n\u2718 [ERROR] Uncaught {copy}: {text}\n" in err
