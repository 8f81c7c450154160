"""``dir(js)`` lists every global ``from js import`` finds, as Pyodide's ``dir`` of ``globalThis``
lists each name its prototype chain has (``"Intl" in dir(js)``, ``"WeakMap" in dir(js)`` on
0.26.0a4, 0.28.2 and 314.0.6): the not-emulated ones (``Intl``, ``self``, ``toString``), ``caches``,
and the flag-gated and Node.js ones where the config has them -- and no other. It listed only the
emulated names, so ``"Intl" in dir(js)`` was ``False`` where ``hasattr(js, "Intl")`` was ``True``
(review47; ``tools/wrangler/js_globals_probe.py`` now sets ``dir(js)`` against workerd's
``globalThis`` too: the same names at 8 configs under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        names = request.url.split("?", 1)[1].split(",")
        listed = dir(js)
        return Response.json({name: [name in listed, hasattr(js, name)] for name in names})
    on_fetch = fetch  # dispatched before 2025-08-14
'''

NAMES = ["Intl", "WeakMap", "self", "toString", "caches", "Response", "WeakRef", "MessageChannel",
         "PerformanceMark", "setImmediate", "Temporal", "headers_from_dict", "DigestStream"]


async def _listed(tmp_path, date, flags=()):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=("disable_python_external_sdk", *flags)))
    return await (await worker.fetch("/?" + ",".join(NAMES))).json()


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "present"), [
    ("2024-04-01", (), {"Intl", "WeakMap", "self", "toString", "caches", "Response"}),
    ("2026-11-17", (), {"Intl", "WeakMap", "self", "toString", "caches", "Response", "WeakRef", "MessageChannel",
                        "PerformanceMark", "setImmediate"}),
    ("2026-11-17", ("temporal",), {"Intl", "WeakMap", "self", "toString", "caches", "Response", "WeakRef",
                                   "MessageChannel", "PerformanceMark", "setImmediate", "Temporal"}),
])
async def test_dir_lists_what_imports(tmp_path, date, flags, present):
    assert await _listed(tmp_path, date, flags) == {name: [name in present] * 2 for name in NAMES}
