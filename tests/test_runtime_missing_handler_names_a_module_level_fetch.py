"""A Worker whose main module defines ``async def fetch(request, env)`` at module level (as a
JavaScript Worker's ``fetch`` reads) has no handler: workerd looks for ``on_fetch`` before
2025-08-14 and for a ``Default`` class's methods from then on (python-entrypoint-helper.ts),
so each request answers "Handler does not export a fetch() function." The load is refused, as
before; the message now names that function and the way out (Songjiayue0702/HR-'s worker.py).
A ``fetch`` imported from ``js`` is not taken for one."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import ConfigError, WorkersEnvError, load_worker

BARE = '''
from js import Response


async def fetch(request, env):
    return Response.new("never called")


async def scheduled(controller, env, ctx):
    pass
'''

IMPORTED = '''
from js import fetch


async def helper():
    return await fetch("https://example.com/")
'''


def test_a_class_era_worker_is_told_to_move_its_module_level_fetch_into_default(tmp_path):
    with pytest.raises(ConfigError) as refused:
        load_worker(one_file_worker(tmp_path, BARE, date="2026-05-01"))
    assert str(refused.value).startswith(
        'Python entrypoint "entry.py" does not define `class Default(WorkerEntrypoint)`: its module-level '
        "`fetch` and `scheduled` are no handlers (workerd dispatches the methods of a `Default` class); move them "
        "into `class Default(WorkerEntrypoint)` as `async def fetch(self, request)` and "
        "`async def scheduled(self, controller, env, ctx)` (env and ctx on self)")


def test_a_legacy_era_worker_is_told_to_rename_its_module_level_fetch(tmp_path):
    with pytest.raises(ConfigError) as refused:
        load_worker(one_file_worker(tmp_path, BARE, date="2024-04-03"))
    assert str(refused.value).startswith(
        'Python entrypoint "entry.py" does not export a handler named "on_fetch": its module-level `fetch` and '
        "`scheduled` are no handlers (workerd calls `on_fetch` and `on_scheduled`); rename them")


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-04-03", "2026-05-01"])
async def test_a_fetch_imported_from_js_is_not_taken_for_a_handler(tmp_path, date):
    """No handler defined where production never looks, so the Worker loads as workerd starts
    it (an empty handler object) and a request meets the missing-handler error, naming no function."""
    worker = load_worker(one_file_worker(tmp_path, IMPORTED, date=date))
    with pytest.raises(WorkersEnvError) as answered:
        await worker.fetch("/")
    assert str(answered.value) in ('Python entrypoint "entry.py" does not export a handler named "on_fetch"',
                                   "Error: Handler does not export a fetch() function.")
    assert "module-level" not in "\n".join([str(answered.value), *getattr(answered.value, "__notes__", [])])


LEGACY = '''
async def on_fetch(request, env):
    pass


async def on_scheduled(event, env, ctx):
    pass
'''

LONE = '''
async def fetch(request, env):
    pass
'''


def test_module_level_on_handlers_are_told_the_class_that_replaces_them_from_2025_08_14(tmp_path):
    with pytest.raises(ConfigError) as refused:
        load_worker(one_file_worker(tmp_path, LEGACY, date="2026-05-01"))
    assert str(refused.value) == (
        'Python entrypoint "entry.py" defines a module-level on_fetch and on_scheduled, which compatibility dates '
        "from 2025-08-14 on no longer dispatch (deployed, the Worker exports no handler, so each event answers "
        "workerd's error: fetch `Handler does not export a fetch() function.`; scheduled `Handler does not export "
        "a scheduled() function`): define `class Default(WorkerEntrypoint)` with "
        "`async def fetch(self, request)` and `async def scheduled(self, controller, env, ctx)` (env and ctx on "
        'self), or add "disable_python_no_global_handlers" to compatibility_flags')


@pytest.mark.parametrize(("date", "message"), [
    ("2026-05-01", 'Python entrypoint "entry.py" does not define `class Default(WorkerEntrypoint)`: its module-level '
                   "`fetch` is no handler (workerd dispatches the methods of a `Default` class); move it into "
                   "`class Default(WorkerEntrypoint)` as `async def fetch(self, request)` (env and ctx on self)"),
    ("2024-04-03", 'Python entrypoint "entry.py" does not export a handler named "on_fetch": its module-level '
                   "`fetch` is no handler (workerd calls `on_fetch`); rename it"),
])
def test_a_lone_module_level_fetch_is_named_in_the_singular(tmp_path, date, message):
    with pytest.raises(ConfigError) as refused:
        load_worker(one_file_worker(tmp_path, LONE, date=date))
    assert str(refused.value) == message


@pytest.mark.asyncio
async def test_a_bare_scheduled_beside_on_fetch_loads_and_its_cron_names_it(tmp_path):
    """Before 2025-08-14 a module with ``on_fetch`` and a module-level ``scheduled`` (not
    ``on_scheduled``) loads -- it has a handler -- and each cron meets the entrypoint's error,
    with a note naming the function to rename (hunt45: ibigbug/dawarich-cleaner's Worker)."""
    entry = "async def on_fetch(request, env):\n    pass\n\nasync def scheduled(event, env, ctx):\n    pass\n"
    worker = load_worker(one_file_worker(tmp_path, entry, date="2024-01-01"))
    with pytest.raises(WorkersEnvError) as raised:
        await worker.scheduled("0 2 * * *")
    assert str(raised.value) == 'Python entrypoint "entry.py" does not export a handler named "on_scheduled"'
    assert raised.value.__notes__[-1] == ("workers-env: the module-level `scheduled` of entry.py is no handler: "
                                          "workerd calls `on_scheduled`; rename it.")
