"""A main module that defines no handler at all -- empty, or only helpers -- deploys: workerd's
Python entrypoint exports an empty handler object (``initPython`` in python-entrypoint-helper.ts
adds no handler without a ``Default`` class from 2025-08-14, and every one, each raising its
missing-handler error, before), so the Worker starts, its static assets are served, and each
event meets workerd's error: ``Error: Handler does not export a fetch() function.`` (a 500) after
the once-per-isolate warning ``Received a FetchEvent but we lack a handler for FetchEvents. Did
you remember to export a fetch() function?`` on stdout, the ``Uncaught`` block once per event on
stderr -- measured under wrangler dev 4.164.0 with a JavaScript twin exporting ``{}`` beside an
assets folder (hunt45: a public Python Worker, Shunux-Stuxnet/GoSecure, ships an empty
``src/worker.py`` beside its site). Before 2025-08-14 a request meets the entrypoint's
``Python entrypoint "entry.py" does not export a handler named "on_fetch"``. Handlers defined where
production never looks (module-level ones from 2025-08-14, a ``fetch`` without ``on_``) still
refuse the load (tests/test_runtime_missing_handler_names_a_module_level_fetch.py)."""

from __future__ import annotations

import logging

import pytest
from dev_reload_helpers import dev_streams
from worker_helpers import one_file_worker

from workers_env import ConfigError, JsException, WorkersEnvError, load_worker

FETCH_WARNING = ("Received a FetchEvent but we lack a handler for FetchEvents. "
                 "Did you remember to export a fetch() function?")
SCHEDULED_WARNING = ("Received a ScheduledEvent but we lack a handler for ScheduledEvents (a.k.a. Cron Triggers). "
                     "Did you remember to export a scheduled() function?")
QUEUE_WARNING = "Received a QueueEvent but we lack a handler for QueueEvents. Did you remember to export a queue() function?"
NO_FETCH = "Error: Handler does not export a fetch() function."
HELPERS_ONLY = "TIMEOUT = 5\n\ndef helper(x):\n    return x * 2\n"


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("Received a ")]


@pytest.mark.asyncio
@pytest.mark.parametrize("entry", ["", HELPERS_ONLY], ids=["empty", "helpers-only"])
@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-24"], ids=["builtin-sdk", "external-sdk"])
async def test_it_loads_and_each_request_meets_workerds_error_after_one_warning(tmp_path, caplog, entry, date):
    worker = load_worker(one_file_worker(tmp_path, entry, date=date))
    with caplog.at_level(logging.WARNING, logger="workers_env.runtime"):
        for _ in range(2):
            with pytest.raises(JsException) as raised:
                await worker.fetch("/")
            assert str(raised.value) == NO_FETCH
            assert raised.value.__notes__[-1] == ("workers-env: entry.py defines no `class Default(WorkerEntrypoint)`; "
                                                  "define one with `async def fetch(self, request)` to handle this event.")
    assert _warnings(caplog) == [FETCH_WARNING]


@pytest.mark.asyncio
async def test_its_cron_and_queue_events_warn_once_each_and_fail(tmp_path, caplog):
    worker = load_worker(one_file_worker(tmp_path, HELPERS_ONLY))
    with caplog.at_level(logging.WARNING, logger="workers_env.runtime"):
        for _ in range(2):
            with pytest.raises(JsException) as scheduled:
                await worker.scheduled("* * * * *")
            with pytest.raises(JsException) as queued:
                await worker.queue(["m"])
            assert str(scheduled.value) == "Error: Handler does not export a scheduled() function"  # (no period)
            assert str(queued.value) == "Error: Handler does not export a queue() function."
    assert _warnings(caplog) == [SCHEDULED_WARNING, QUEUE_WARNING]


@pytest.mark.asyncio
async def test_a_reloaded_worker_is_a_new_isolate_that_warns_again(tmp_path, caplog):
    project = one_file_worker(tmp_path, "")
    with caplog.at_level(logging.WARNING, logger="workers_env.runtime"):
        for _ in range(2):
            with pytest.raises(JsException):
                await load_worker(project).fetch("/")
    assert _warnings(caplog) == [FETCH_WARNING, FETCH_WARNING]


@pytest.mark.asyncio
async def test_before_2025_08_14_it_meets_the_entrypoints_error_without_the_warning(tmp_path, caplog):
    worker = load_worker(one_file_worker(tmp_path, HELPERS_ONLY, date="2025-06-01"))
    with caplog.at_level(logging.WARNING, logger="workers_env.runtime"):
        with pytest.raises(WorkersEnvError, match='^Python entrypoint "entry.py" does not export a handler named "on_fetch"$'):
            await worker.fetch("/")
    assert _warnings(caplog) == []


@pytest.mark.parametrize(("entry", "date"), [
    ("async def fetch(request, env):\n    pass\n", "2026-05-24"),
    ("async def fetch(request, env):\n    pass\n", "2025-06-01"),
    ("async def on_fetch(request, env):\n    pass\n", "2026-05-24"),
], ids=["bare-fetch", "bare-fetch-legacy", "module-level-on_fetch"])
def test_handlers_where_production_never_looks_still_refuse_the_load(tmp_path, entry, date):
    with pytest.raises(ConfigError, match='^Python entrypoint "entry.py" (does|defines) '):
        load_worker(one_file_worker(tmp_path, entry, date=date))


def test_dev_serves_its_assets_and_answers_the_rest_as_wrangler_dev(tmp_path):
    """wrangler dev 4.164.0, the twin: ``/`` the asset; ``/x`` and ``/y`` 500s; stdout the fetch
    warning once, then the scheduled one; stderr one ``Uncaught`` block per event."""
    project = one_file_worker(tmp_path, "", date="2026-05-24",
                              extra='[triggers]\ncrons = ["* * * * *"]\n\n[assets]\ndirectory = "./public"\n')
    (project / "public").mkdir()
    (project / "public" / "index.html").write_text("<p>site</p>\n")
    out, err = dev_streams(project, [], ["/x", "/y", "/cdn-cgi/handler/scheduled"], settle=0.5)
    assert [line for line in out.splitlines() if line.startswith("Received a ")] == [FETCH_WARNING, SCHEDULED_WARNING]
    assert "[wrangler:info] GET / 200 OK" in out and "[wrangler:info] GET /x 500 Internal Server Error" in out
    assert err.count("Uncaught Error: Handler does not export a fetch() function. ") == 2
    assert err.count("Uncaught Error: Handler does not export a scheduled() function ") == 1
    assert err.count("Uncaught") == 3
