"""Helpers shared by the D1 tests."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from workers_env import JsException, load_env

#: A project with one D1 database bound as ``DB``.
D1_WRANGLER = """\
name = "d1-test"
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "db-1"
"""


#: The d1 CLI tests' project: one D1 database, binding ``DB``, name ``notes-db``.
D1_CLI_WRANGLER = """\
name = "app"
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "11111111-2222-3333-4444-555555555555"
"""


@contextmanager
def d1_database(root: Path) -> Iterator[Any]:
    """``env.DB`` of a project in ``root`` holding :data:`D1_WRANGLER` (in memory), closed afterwards."""
    (root / "wrangler.toml").write_text(D1_WRANGLER)
    env = load_env(root)
    try:
        yield env.DB
    finally:
        env.close()


async def error_message(awaitable: Any) -> str:
    """The message of the ``JsException`` that awaiting ``awaitable`` raises (the test fails if none)."""
    with pytest.raises(JsException) as info:
        await awaitable
    return info.value.message


def literal(value: Any) -> str:
    """``value`` as an SQL literal, so a test can put any SQLite value in a row (Infinity as
    ``1e999``, BLOBs as ``X'..'``) without going through ``bind()``'s JavaScript rules."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return "X'" + value.hex() + "'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, float):
        if math.isinf(value):
            return "1e999" if value > 0 else "-1e999"
        return repr(value)
    return str(value)
