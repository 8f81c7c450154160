"""``Buffer`` and ``process`` are JavaScript globals where workerd's ``nodeJsCompatV2`` is on
(``compatibility-date.capnp``: the ``nodejs_compat_v2`` flag, ``nodejs_compat`` on a date from
2024-09-23, every date from 2026-08-04; ``no_nodejs_compat_v2`` turns it off). There
``from js import Buffer`` imports, as in production, and using it says it is not emulated;
elsewhere it is Pyodide's ``ImportError`` for a missing global."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint
try:
    from js import Buffer
    imported = "imported"
except ImportError as exc:
    imported = f"{type(exc).__name__}: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            js.process.env
            used = "used"
        except Exception as exc:
            used = f"{type(exc).__name__}: {str(exc).split(':')[0]}"
        return Response(f"{imported} | {used} | {hasattr(js, 'Buffer')}")
    on_fetch = fetch  # dispatched before 2025-08-14
'''

THERE = "imported | NotEmulatedError: js.process is not emulated by workers-env | True"
ABSENT = "ImportError: cannot import name 'Buffer' from 'js' (unknown location) | AttributeError: process | False"


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "expected"), [
    ("2025-06-01", ["nodejs_compat"], THERE),  # implied by nodejs_compat after 2024-09-23
    ("2024-09-01", ["nodejs_compat"], ABSENT),  # v1 nodejs_compat: node: modules, no globals
    ("2025-06-01", ["nodejs_compat_v2"], THERE),
    ("2026-05-01", [], ABSENT),
    ("2026-08-04", [], THERE),  # on by default from this date
    ("2026-08-10", ["no_nodejs_compat_v2"], ABSENT),
])
async def test_node_globals_exist_where_workerd_has_them(tmp_path, date, flags, expected):
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=flags)
    assert await (await load_worker(folder).fetch("/")).text() == expected


def test_outside_a_worker_they_are_todays():
    from workers_env import NotEmulatedError, js

    with pytest.raises(NotEmulatedError, match="js.Buffer is not emulated by workers-env"):
        js.Buffer.from_("abc")
