"""D1's type error for a PyProxy (a tuple) holds ``String()`` of it, Python's ``str()``; a value
nested more than 1,000 levels deep is workers-env's ``NotEmulatedError``, as the README and the
error itself say ("nested more than 1,000 levels deep") -- the same limit as every other
conversion's. It was refused only past about 12,000 levels (wherever Python's recursion limit,
raised for the walk, ran out), so a 5,000-level value got the text and a 13,000-level one an
error claiming a limit of 1,000."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from workers_env import JsException, NotEmulatedError, load_env

WRANGLER = ('name = "x"\ncompatibility_date = "2026-05-01"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "d1id"\n')


def nested(levels: int, in_dict: bool) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = {"a": value} if in_dict else [value]
    return value


@pytest.fixture
def db(tmp_path: Path) -> Any:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    return load_env(tmp_path).DB


@pytest.mark.parametrize("in_dict", [True, False])
def test_up_to_1000_levels_is_the_type_error_with_the_text(db: Any, in_dict: bool) -> None:
    value = (nested(999, in_dict),)  # the tuple and 999 containers in it: 1,000 levels
    with pytest.raises(JsException, match="D1_TYPE_ERROR: Type 'object' not supported for value '"):
        asyncio.run(db.prepare("SELECT ?").bind(value).all())


@pytest.mark.parametrize("levels", [1000, 1500, 5000])
@pytest.mark.parametrize("in_dict", [True, False])
def test_past_1000_levels_is_not_emulated(db: Any, levels: int, in_dict: bool) -> None:
    with pytest.raises(NotEmulatedError, match="String\\(\\) of a value nested more than 1,000 levels deep"):
        asyncio.run(db.prepare("SELECT ?").bind((nested(levels, in_dict),)).all())


def test_a_value_that_holds_itself_is_its_text(db: Any) -> None:
    circle: list[Any] = [1]
    circle.append(circle)
    with pytest.raises(JsException, match=r"for value '\(\[1, \[\.\.\.\]\],\)'"):
        asyncio.run(db.prepare("SELECT ?").bind((circle,)).all())
