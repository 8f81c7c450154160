"""Differential check of the D1 binding against the real one (workerd's d1-api.ts under Miniflare).

Runs the same cases through ``tools/wrangler/d1_binding_reference.mjs`` and through
workers-env's binding (a fresh in-memory database each), then prints every difference in
results and error texts. ``duration``/``timings`` are left out (clock values), and so are
``rows_read``/``rows_written`` unless ``--counters`` is given (workers-env approximates them).
A case with ``"session": NAME`` (and optionally ``"constraint"``) runs on that session, made
by ``withSession`` at its first case, and also compares ``getBookmark()`` afterwards.

    WORKERS_ENV_WRANGLER_DIR=/work/wt/wrangler python3 tools/wrangler/d1_differential.py [cases.json] [--jsrpc]

``d1_edge_cases.json`` starts on a fresh database too (a fresh database's PRAGMA defaults) and
covers what ``d1_cases.json`` leaves out: values at the edges (integers past 2**53 and 2**63,
-0, NaN, huge REALs, empty BLOBs, NUL, lone surrogates, strings at the size limits), bind
mistakes, ``meta`` across INSERT/UPDATE/DELETE/UPSERT/RETURNING/CTE/triggers, batch rollback,
``exec()``, duplicate and expression column names, PRAGMAs allowed and refused, refused
statements, FTS5/R*Tree/JSON/math functions, STRICT tables and generated columns. A number the
reference prints past 2**53 is compared as the double it is, and NaN as JSON's ``null``.

``--jsrpc`` runs both with the experimental ``d1_binding_jsrpc`` flag (``d1_jsrpc_cases.json``
holds ``query`` cases: ``{"op": "query", "request": {...}}``).
``d1_session_cases.json`` (run with and without ``--jsrpc``) holds sessions against the schema
and ``_cf_METADATA`` (what ``sqlite_master``/``PRAGMA table_list`` show, what the authorizer
refuses), ``last_row_id`` after the counter's writes and bookmarks no HTTP header can carry.
A value JSON has no literal for (NaN, the infinities, -0) is written ``{"$number": "NaN"}``; a
long string as ``{"$repeat": ["x", 8388643]}``, also inside a ``sql`` given as a list of parts
(``["SELECT 1;", {"$repeat": [" ", 100000]}]``).

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from workers_env._jsvalues import UNDEFINED
from workers_env.d1.binding import D1Database
from workers_env.d1.database import Database

HERE = Path(__file__).resolve().parent
DEFAULT_CASES = HERE / "d1_cases.json"


def _value(v):
    if isinstance(v, dict) and "$bytes" in v:
        return bytes(v["$bytes"])
    if isinstance(v, dict) and "$buffer" in v:
        return bytes(v["$buffer"])
    if isinstance(v, dict) and "$bigint" in v:
        return int(v["$bigint"])  # a Python int beyond 2**53 reaches JS as a BigInt
    if isinstance(v, dict) and "$undefined" in v:
        return UNDEFINED  # JavaScript's undefined (the built-in SDK era's None)
    if isinstance(v, dict) and "$number" in v:
        return float(v["$number"])  # NaN, Infinity, -0 (JSON has none of them)
    if isinstance(v, dict) and "$repeat" in v:
        return v["$repeat"][0] * v["$repeat"][1]  # a long string: {"$repeat": ["x", 8388643]}
    return v


def _sql(sql):
    """A case's SQL: a string, or a list of strings and ``$repeat`` parts joined."""
    return sql if isinstance(sql, str) else "".join(_value(part) for part in sql)


def _request(value):
    """A ``query()`` request with the reference's ``$bytes``/``$bigint``/... forms decoded."""
    if isinstance(value, dict) and not any(k.startswith("$") for k in value):
        return {k: _request(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_request(v) for v in value]
    return _value(value)


async def _ours(binding: D1Database, case: dict, sessions: dict[str, Any]):
    db: Any = binding
    if "session" in case:  # one session per name, kept across cases (as the reference does)
        if case["session"] not in sessions:
            sessions[case["session"]] = (binding.withSession() if "constraint" not in case
                                         else binding.withSession(case["constraint"]))
        db = sessions[case["session"]]
    answer = await _answer(db, case)
    if "session" in case:
        answer["bookmark"] = db.getBookmark()
    return answer


async def _answer(db: Any, case: dict) -> dict:
    def stmt(s):
        p = db.prepare(_sql(s["sql"]))
        return p.bind(*[_value(v) for v in s["bind"]]) if "bind" in s else p
    try:
        op = case["op"]
        if op == "batch":
            r = await db.batch([stmt(s) for s in case["stmts"]])
        elif op == "exec":
            r = await db.exec(_sql(case["sql"]))
        elif op == "query":
            r = await db.query(_request(case["request"]))
        elif op == "first":
            r = await (stmt(case).first(case["column"]) if "column" in case else stmt(case).first())
        elif op == "raw":
            r = await stmt(case).raw(case.get("options"))
        elif op == "bind":
            s = stmt(case)
            r = {"statement": s.statement, "params": s.params}
        else:
            r = await getattr(stmt(case), op)()
        return {"ok": r}
    except Exception as exc:  # noqa: BLE001
        return {"error": str(exc)}


def _strip(value, counters: bool):
    """A result as comparable JSON: clock values dropped, numbers as the double they are."""
    if isinstance(value, dict):
        drop = {"duration", "timings", "sql_duration_ms"} | (set() if counters else {"rows_read", "rows_written"})
        return {k: _strip(v, counters) for k, v in value.items() if k not in drop}
    if isinstance(value, list):
        return [_strip(v, counters) for v in value]
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None  # what JSON.stringify writes for NaN and the infinities
        return int(value) if value.is_integer() else value
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return int(float(value))  # JavaScript prints 2**63 as 9223372036854776000: the same double
    return value


_REFERENCE = re.compile(r"(internal error; reference = )[0-9a-v]{24}\Z")


def _no_reference(result: Any) -> Any:
    """A result whose error is workerd's internal error, its random id written as ``<id>``
    (an id of any other form is left, so it shows as a difference)."""
    if isinstance(result, dict) and isinstance(result.get("error"), str):
        result = {**result, "error": _REFERENCE.sub(r"\1<id>", result["error"])}
    return result


def main(argv: list[str]) -> int:
    counters = "--counters" in argv
    jsrpc = "--jsrpc" in argv
    paths = [a for a in argv if not a.startswith("--")]
    cases_path = Path(paths[0]) if paths else DEFAULT_CASES
    cases = json.loads(cases_path.read_text())
    with tempfile.TemporaryDirectory(prefix="d1-diff-") as tmp:
        out = subprocess.run([str(HERE / "node"), str(HERE / "d1_binding_reference.mjs"), tmp,
                              *(["--jsrpc"] if jsrpc else [])],
                             input=cases_path.read_text(), capture_output=True, text=True, check=True)
    reference = [json.loads(line)["result"] for line in out.stdout.split("\n") if line]
    for r in reference:  # the reference script reports errors as "Error: <message>"
        r.pop("cause", None)
    db = D1Database(Database(None, name="reference-db"), jsrpc=jsrpc)
    sessions: dict[str, Any] = {}
    ours = [asyncio.run(_ours(db, c, sessions)) for c in cases]
    differences = 0
    for case, theirs, mine in zip(cases, reference, ours):
        a, b = (_strip(_no_reference(theirs), counters),
                _strip(_no_reference(json.loads(json.dumps(mine, default=str))), counters))
        if a != b or json.dumps(a) != json.dumps(b):  # objects' key order too (meta's differs by path)
            differences += 1
            print("DIFF", json.dumps(case)[:200])
            print("  wrangler   :", json.dumps(a)[:400])
            print("  workers-env:", json.dumps(b)[:400])
    print(f"{len(cases)} cases, {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
