"""``Temporal`` is a JavaScript global of workerd 1.20261117.1 only with the ``temporal`` flag
(on by date from 2026-12-01, later than the newest date that workerd takes): there
``from js import Temporal`` imports, as in production, and using it says it is not emulated;
without the flag it is Pyodide's ``ImportError`` for a missing global. Measured with wrangler
dev 4.164.0 (2026-11-17): ``typeof Temporal`` is ``"object"`` with the flag, ``"undefined"``
without."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint
try:
    from js import Temporal
    imported = "imported"
except ImportError as exc:
    imported = f"{type(exc).__name__}: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            js.Temporal.Now.instant()
            used = "used"
        except Exception as exc:
            used = f"{type(exc).__name__}: {str(exc).split(':')[0]}"
        return Response(f"{imported} | {used}")
'''

THERE = "imported | NotEmulatedError: js.Temporal is not emulated by workers-env"
ABSENT = "ImportError: cannot import name 'Temporal' from 'js' (unknown location) | AttributeError: Temporal"


@pytest.mark.asyncio
@pytest.mark.parametrize(("flags", "expected"), [((), ABSENT), (("temporal",), THERE)])
async def test_temporal_exists_only_with_its_flag(tmp_path, flags, expected):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-11-17", flags=flags)
    assert await (await load_worker(folder).fetch("/")).text() == expected
