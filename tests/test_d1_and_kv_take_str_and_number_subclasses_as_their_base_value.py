"""A ``str``/``int``/``float`` subclass -- a ``(str, Enum)`` member, an ``IntEnum``,
``np.str_``, ``np.float64`` -- crosses into JavaScript as its base value (Pyodide tests
``PyUnicode_Check``/``PyLong_Check``/``PyFloat_Check`` and reads the C value; an overridden
``__str__`` is never called): D1 binds it as text or a number instead of refusing it with
``D1_TYPE_ERROR``, ``first()`` reads the column it spells, and KV stores plain key names."""

from __future__ import annotations

import enum

import numpy as np
import pytest
from kv_helpers import KV_TOML, run

from workers_env import load_env


class Color(str, enum.Enum):
    RED = "red"


class Size(enum.IntEnum):
    LARGE = 7


class Shouting(str):
    def __str__(self) -> str:
        return "OVERRIDDEN"


@pytest.mark.asyncio
@pytest.mark.parametrize(("value", "stored"), [
    (Color.RED, ["red", "text"]), (Shouting("quiet"), ["quiet", "text"]), (np.str_("np"), ["np", "text"]),
    (Size.LARGE, [7, "real"]), (np.float64(2.5), [2.5, "real"]),
])
async def test_d1_binds_the_base_value(db, value, stored):
    statement = db.prepare("SELECT ?1 AS v, typeof(?1) AS t").bind(value)
    assert await statement.raw() == [stored]
    assert type(statement.params[0]) in (str, int, float)  # params hold what JavaScript holds


@pytest.mark.asyncio
async def test_d1_first_and_prepare_read_the_text_itself(db):
    assert await db.prepare("SELECT 1 AS quiet").first(Shouting("quiet")) == 1
    assert await db.prepare(Shouting("SELECT 2 AS a")).first("a") == 2


def test_kv_key_names_are_plain_strings(project):
    kv = load_env(project(KV_TOML)).KV
    run(kv.put(Color.RED, "v"))
    run(kv.put(Shouting("quiet"), "v"))
    names = [k.name for k in run(kv.list())["keys"]]
    assert names == ["quiet", "red"]
    assert [type(n) for n in names] == [str, str]
    assert run(kv.get(Color.RED)) == "v"
