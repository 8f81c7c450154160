"""Which ``js`` names a Python Worker's ``from js import X`` finds in workerd (outside the test run):
every name ``globalThis`` and its prototype chain have (Pyodide's ``js`` is ``globalThis``), read in
a JavaScript Worker under ``wrangler dev`` (local workerd) at a few compatibility dates and flags,
set against ``hasattr(js, name)`` inside a Worker of that config (emulated, or a global the stand-in
imports and refuses when used: ``runtime/notemulatedglobals.py``'s ``WORKERD_GLOBALS_NOT_EMULATED``,
``NODE_GLOBALS``, ``FLAG_GLOBALS``), for every name any config has, and against ``dir(js)``
there (Pyodide's lists every name of the chain). A name workerd has that the stand-in lacks, or
one the stand-in has or lists that workerd lacks at that config, is printed.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/js_globals_probe.py [DATE ...]

(each DATE one more configuration, without flags: the newest date the wrangler takes, say).

Measured with wrangler 4.164.0, 2026-12-04 (hunt29): 157 / 162 / 161 / 173 / 174 names, all agreeing;
review47 added the three flag configs and `dir(js)`: 173 / 173 / 169 names more, 0 disagreements at the 8
(before its fixes: the Performance classes missing under `enable_nodejs_perf_hooks_module`, `DigestStream`
in `dir(js)` and importable though no global, `dir(js)` without the not-emulated names).
Wrangler 4.168.0, 2026-12-07 (wprobes69): the same 8 figures, and 173 names at 2026-11-23 (its default date) and 2026-11-30 (its newest), 0 disagreements.
Not collected by pytest (needs Node and wrangler)."""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import casediff  # noqa: E402

from workers_env import load_worker  # noqa: E402

GLOBALS_JS = r'''
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const names = new Set();
    for (let o = globalThis; o; o = Object.getPrototypeOf(o)) for (const n of Object.getOwnPropertyNames(o)) names.add(n);
    return Response.json([...names].sort());
  }
};
'''

PY_ENTRY = '''
import json, keyword
import js
from workers import Response, WorkerEntrypoint
class Default(WorkerEntrypoint):
    async def on_fetch(self, request):
        return await self.fetch(request)
    async def fetch(self, request):
        listed = dir(js)
        out = {name: hasattr(js, name) for name in json.loads(await request.text())}
        return Response(json.dumps({"hasattr": out, "dir": listed}))
'''

CONFIGS = [("2024-04-01", ()), ("2024-09-23", ("nodejs_compat",)), ("2025-09-29", ()), ("2026-11-17", ()),
           ("2026-11-17", ("nodejs_compat", "temporal")),
           ("2025-09-29", ("nodejs_compat", "enable_nodejs_perf_hooks_module")),
           ("2026-11-17", ("nodejs_compat", "disable_global_performance_classes")),
           ("2026-11-17", ("disable_weak_ref", "no_expose_global_message_channel"))]

#: names that are no global's in workerd but that a probe of the stand-in should see as absent too
PROBED_ABSENT = ["headers_from_dict", "window", "document", "NoSuchGlobal"]


async def stand_in(date: str, flags: tuple[str, ...], names: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="js-globals-") as folder:
        root = Path(folder)
        (root / "src").mkdir()
        (root / "src" / "entry.py").write_text(PY_ENTRY)
        (root / "wrangler.jsonc").write_text(json.dumps({
            "name": "g", "main": "src/entry.py", "compatibility_date": date,
            "compatibility_flags": ["python_workers", "disable_python_external_sdk", *flags]}))
        worker = load_worker(root)
        return json.loads(await (await worker.fetch("http://x/", method="POST", body=json.dumps(names))).text())


def main(more_dates: list[str]) -> int:
    disagreements = 0
    measured = {(date, flags): casediff.run_under_wrangler_dev(GLOBALS_JS, "js-globals", date, [], compatibility_flags=flags)
                for date, flags in [*CONFIGS, *((date, ()) for date in more_dates)]}
    every = sorted({n for names in measured.values() for n in names if not n.startswith("__")})  # no dunders:
    for (date, flags), workerd in measured.items():  # Python's own lookups
        answer = asyncio.run(stand_in(date, flags, every + PROBED_ABSENT))
        ours, listed = answer["hasattr"], {n for n in answer["dir"] if not n.startswith("__")}
        missing = [n for n in every if n in workerd and not ours[n]]
        extra = [n for n in every + PROBED_ABSENT if n not in workerd and ours[n]]
        # dir(js), as Pyodide's dir of globalThis: every name its prototype chain has, no other
        unlisted = sorted(n for n in workerd if not n.startswith("__") and n not in listed)
        listed_extra = sorted(listed - set(workerd))
        disagreements += len(missing) + len(extra) + len(unlisted) + len(listed_extra)
        print(f"{date} {','.join(flags) or '-'}: {len(workerd)} names; not found here: {missing}; "
              f"found here, not in workerd: {extra}; not in dir(js) here: {unlisted}; "
              f"in dir(js) here, not in workerd: {listed_extra}")
    return 1 if disagreements else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
