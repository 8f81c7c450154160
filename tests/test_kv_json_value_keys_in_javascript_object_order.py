"""``KV.get(key, "json")`` and the metadata ``getWithMetadata``/``list`` hand back: the binding
parses them with ``JSON.parse`` into JavaScript objects, whose array-index keys (``"0"`` ..
``"4294967294"``) come first, ascending, and Pyodide's ``to_py`` keeps that order -- so a value
stored as ``{"b": 1, "2": 2}`` text reads back as ``{"2": 2, "b": 1}``, at any depth."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from workers_env import load_env

WRANGLER = 'name = "x"\ncompatibility_date = "2026-05-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
TEXT = '{"b":1,"2":2,"1":{"y":1,"10":2,"01":3,"9":4},"a":[{"z":1,"0":2}],"b":5}'
ORDERED = [("1", [("9", 4), ("10", 2), ("y", 1), ("01", 3)]), ("2", 2), ("b", 5), ("a", [[("0", 2), ("z", 1)]])]


def pairs(value: Any) -> Any:
    if isinstance(value, dict):
        return [(k, pairs(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [pairs(v) for v in value]
    return value


@pytest.mark.parametrize("persisted", [False, True])
def test_a_json_value_reads_back_in_javascript_key_order(tmp_path: Path, persisted: bool) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    env = load_env(tmp_path, persist_to=str(tmp_path / "state") if persisted else None)

    async def read() -> Any:
        await env.KV.put("k", TEXT)
        return await env.KV.get("k", "json")
    assert pairs(asyncio.run(read())) == ORDERED
