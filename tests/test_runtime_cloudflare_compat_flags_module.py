"""``import _cloudflare_compat_flags`` in a Python Worker is the object of every workerd enable
flag and whether it is on (workerd registers it as a JS module in ``setupPatches``; its
``python-compat-flag`` test reads ``python_workflows`` and ``python_no_global_handlers``):
on by its enable flag, else by date unless its disable flag is named, or implied by another
flag from a date (``python_workflows`` by ``python_workers`` from 2025-09-20); a name that is no
enable flag is no attribute."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import _cloudflare_compat_flags as flags
from workers import Response

def on_fetch(request):
    try:
        flags.no_such_flag
        missing = "present"
    except AttributeError as exc:  # the JsProxy's bare name, as Pyodide words it
        missing = f"missing: {exc!r}"
    try:
        from _cloudflare_compat_flags import no_such_flag
    except ImportError as exc:
        missing += f" {exc}"
    return Response(repr([flags.python_workflows, flags.python_no_global_handlers, flags.nodejs_compat_v2,
                          flags.fetch_standard_url, missing, flags.__doc__]))
"""


MISSING = ("missing: AttributeError('no_such_flag') cannot import name 'no_such_flag' from '_cloudflare_compat_flags' "
           "(unknown location)")


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "expected"), [
    ("2025-06-01", ("python_workflows",), [True, False, False, True, MISSING]),
    ("2025-06-01", ("nodejs_compat",), [False, False, True, True, MISSING]),
    ("2025-10-01", (), [True, False, False, True, MISSING]),  # python_no_global_handlers disabled below
    ("2024-05-01", ("disable_python_workflows",), [False, False, False, False, MISSING]),
])
async def test_flags_are_on_as_workerd_compiles_them(tmp_path, date, flags, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date,
                                         flags=("disable_python_no_global_handlers", *flags)))
    assert await (await worker.fetch("/")).text() == repr([*expected, None])  # no __doc__ (Pyodide 0.26-314)
