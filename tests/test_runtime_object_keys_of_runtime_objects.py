"""``Object.keys``/``values``/``entries`` (Pyodide's ``object_keys`` and co.) of the runtime's own
objects, as workerd gives them (measured under wrangler dev 4.164.0): none for a ``Date``, an
``Error``, ``crypto``, ``JSON``, a KV namespace or a D1 database; V8's 24 console methods for
``console`` (workerd's own ``debug``/``error``/``info``/``log``/``warn`` nameless); the ``Ai`` binding's four public class fields, ``null`` (workerd ``ai-api.ts``). The
Vectorize binding's own fields are internal ones workers-env does not have: a
``NotEmulatedError`` saying so. Each was an ``AttributeError`` before."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import KV_D1_AI, json_answer, one_file_worker

WORKER = """
from js import JSON, Date, Error, Object, console, crypto
from workers import Response, WorkerEntrypoint, import_from_javascript

def own(value):
    keys = list(Object.keys(value))
    values = list(Object.values(value))
    entries = [list(pair)[0] for pair in Object.entries(value)]
    kinds = sorted({"null" if v is None or type(v).__name__ == "JsNull" else "function" if callable(v) else
                    type(v).__name__ for v in values})
    return [keys, kinds, entries == keys]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env = import_from_javascript("cloudflare:workers").env
        try:
            Object.keys(env.VEC)
            vectorize = "listed"
        except Exception as exc:
            vectorize = f"{type(exc).__name__}: {exc}"
        return Response.json({
            "Date": own(Date.new(0)), "Error": own(Error.new("x")), "crypto": own(crypto), "JSON": own(JSON),
            "console": own(console), "KV": own(env.KV), "DB": own(env.DB), "AI": own(env.AI),
            "VEC": vectorize, "console names": [f.name for f in Object.values(console)][4:7],
        })

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

BINDINGS = KV_D1_AI + """
[[vectorize]]
binding = "VEC"
index_name = "idx"
"""

CONSOLE = ["debug", "error", "info", "log", "warn", "dir", "dirxml", "table", "trace", "group", "groupCollapsed",
           "groupEnd", "clear", "count", "countReset", "assert", "profile", "profileEnd", "time", "timeLog",
           "timeEnd", "timeStamp", "context", "createTask"]
NONE = [[], [], True]
VECTORIZE_KEYS = ("Object.keys/values/entries of the Vectorize binding VEC is not emulated by workers-env: production "
                  "lists the binding's internal fields (fetcher, indexId, indexVersion, useNdJson), which workers-env "
                  "does not have. Call its methods instead")


@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])  # Pyodide 0.26, 0.28; the external SDK
def test_object_keys_of_runtime_objects(tmp_path: Path, date: str) -> None:
    folder = one_file_worker(tmp_path, WORKER, date=date, extra=BINDINGS)
    (folder / "pyproject.toml").write_text('[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\n')
    got = json_answer(folder, "/")
    assert got == {
        "Date": NONE, "Error": NONE, "crypto": NONE, "JSON": NONE, "KV": NONE, "DB": NONE,
        "console": [CONSOLE, ["function"], True],
        "AI": [["lastRequestId", "aiGatewayLogId", "lastRequestHttpStatusCode", "lastRequestInternalStatusCode"],
               ["null"], True],
        "VEC": "NotEmulatedError: " + VECTORIZE_KEYS, "console names": ["", "dir", "dirxml"],  # workerd's own log methods: no name
    }
