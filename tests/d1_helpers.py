"""Helpers shared by the D1 tests."""

from __future__ import annotations

import math
from typing import Any


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
