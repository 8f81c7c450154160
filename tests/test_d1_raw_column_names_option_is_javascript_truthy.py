"""``raw(options)`` adds the column names when ``options?.columnNames`` is truthy in
JavaScript: an empty list or dict is (every object is), NaN and ``""`` are not."""

from __future__ import annotations

import pytest


@pytest.mark.asyncio
@pytest.mark.parametrize(("flag", "named"), [
    ([], True), ({}, True), ("0", True), (-1, True), (True, True),
    (float("nan"), False), ("", False), (0, False), (0.0, False), (None, False), (False, False),
])
async def test_column_names_by_javascript_truthiness(db, flag, named):
    rows = await db.prepare("SELECT 1 AS a").raw({"columnNames": flag})
    assert rows == ([["a"], [1]] if named else [[1]])
