"""A JavaScript ``Map`` (what ``to_js(dict)`` makes) as Pyodide hands it to Worker code and as
JavaScript iterates it: Python iterates its keys (a mapping), but ``Object.fromEntries(m)``,
``Array.from(m)``, ``new Map(m)``, ``new Set(m)`` and ``new URLSearchParams(m)`` read its
``[key, value]`` entries -- ``Object.fromEntries(to_js(headers))`` is a common way to build
headers (public Worker moto-lap's requests lost every header when the keys were read instead).
The JS methods ``entries``/``forEach``/``delete``/``clear`` are there beside the mapping's
``keys``/``values``/``items``; expectations are real Pyodide's (0.26.0a4 and 0.28.2 under Node,
``tools/pyodide`` group "maps")."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env import load_worker

ENTRY = '''
from js import JSON, Object, Array, Headers, Map, Set, URLSearchParams, Response
from pyodide.ffi import to_js


def headers():
    return to_js({"Content-Type": "application/json", "Authorization": "Bearer t"})


async def on_fetch(request, env):
    m = headers()
    seen = []
    m.forEach(lambda value, key, owner: seen.append([key, value, owner.size]))
    out = {
        "fromEntries": JSON.stringify(Object.fromEntries(headers())),
        "fromEntries(entries())": JSON.stringify(Object.fromEntries(headers().entries())),
        "new Map": JSON.stringify(Object.fromEntries(Map.new(headers()))),
        "Array.from": JSON.stringify(getattr(Array, "from")(headers())),
        "Set": [e.to_py() for e in Set.new(headers())],
        "Headers": Headers.new(Object.fromEntries(headers())).get("authorization"),
        "URLSearchParams": URLSearchParams.new(to_js({"a": "1", "b": "x y"})).toString(),
        "python": [sorted(m), sorted(m.keys()), sorted(m.values()), sorted(m.items()), dict(m)],
        "forEach": seen,
    }
    m["X"] = "1"
    del m["Authorization"]
    out["edited"] = [m.delete("Content-Type"), m.delete("Content-Type"), sorted(m.keys())]
    m.clear()
    out["cleared"] = [len(m), m.size]
    return Response.new(json.dumps(out))
'''


def worker(root: Path, date: str):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text("import json\n" + ENTRY)
    (root / "wrangler.toml").write_text(
        f'name = "m"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers", "disable_python_no_global_handlers"]\n')
    return load_worker(root)


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "empty_size"), [
    ("2024-09-23", 0),  # Pyodide 0.26: a plain Map
    ("2025-10-01", None),  # 0.28's LiteralMap reads map[k] || map.get(k): a size of 0 is its (absent) "size" entry
])
async def test_javascript_iterates_a_maps_entries(tmp_path, date, empty_size):
    got = await (await worker(tmp_path, date).fetch("/")).json()
    pairs = '{"Content-Type":"application/json","Authorization":"Bearer t"}'
    assert got["fromEntries"] == got["fromEntries(entries())"] == got["new Map"] == pairs
    assert got["Array.from"] == '[["Content-Type","application/json"],["Authorization","Bearer t"]]'
    assert got["Set"] == [["Content-Type", "application/json"], ["Authorization", "Bearer t"]]
    assert got["Headers"] == "Bearer t"
    assert got["URLSearchParams"] == "a=1&b=x+y"
    keys = ["Authorization", "Content-Type"]
    assert got["python"] == [keys, keys, ["Bearer t", "application/json"],
                             [["Authorization", "Bearer t"], ["Content-Type", "application/json"]],
                             {"Content-Type": "application/json", "Authorization": "Bearer t"}]
    assert got["forEach"] == [["Content-Type", "application/json", 2], ["Authorization", "Bearer t", 2]]
    assert got["edited"] == [True, False, ["X"]]
    assert got["cleared"] == [0, empty_size]
