"""A JS property named by a Python keyword, as Pyodide reaches it (``normalizeReservedWords``):
``o.class_`` reads, writes and deletes ``class``; ``dir()`` lists it as ``class_`` and leaves out
names starting with a digit (``JsProxy_Dir``). Measured in Pyodide 0.26.0a4, 0.28.2 and 314.0.6
under Node (``tools/pyodide`` group ``keyword-attributes``): before, workers-env's ``o.class_``
was an ``AttributeError``, and a D1 column named ``plain`` read as workers-env's own maker."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker, snippet_answers

from workers_env import load_worker

ENTRY = '''
from js import JSON
from workers import Response, WorkerEntrypoint


def attempt(read):
    try:
        return read()
    except AttributeError as error:
        return f"AttributeError: {error}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        o = JSON.parse('{"class": 1, "import": 2, "None": 3, "class_": 4, "from_": 5, "match": 6, "0": 7, "1a": 8}')
        reads = [o.class_, o.import_, o.None_, o.class__, getattr(o, "class"), hasattr(o, "class_")]
        misses = [attempt(lambda: o.from_), attempt(lambda: o.match_), attempt(lambda: o.foo_)]
        o.lambda_ = 9
        del o.import_
        listed = [k for k in dir(o) if k in ("class", "class_", "class__", "lambda_", "0", "1a", "None_")]
        row = (await self.env.DB.prepare('SELECT 1 AS "from", 2 AS plain, 3 AS unordered').first())
        return Response.json({"reads": reads, "misses": misses, "after": JSON.stringify(o), "dir": listed,
                              "row": [row["from"] if isinstance(row, dict) else row.from_,
                                      row["plain"] if isinstance(row, dict) else row.plain,
                                      row["unordered"] if isinstance(row, dict) else row.unordered],
                              "env": [self.env.class_, getattr(self.env, "class"), "class_" in dir(self.env)]})
'''

CONFIG = '''
[vars]
class = "a var named class"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000000"
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-12-01"])  # Pyodide 0.26 and 0.28
async def test_a_keyword_with_an_underscore_after_it_names_the_js_property(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date, extra=CONFIG)
    worker = load_worker(tmp_path)
    got = await (await worker.fetch("/")).json()
    assert got["reads"] == [1, 2, 3, 4, 1, True]
    # one underscore less, unconditionally: from_ is "from" (absent here); soft keywords are names
    assert got["misses"] == ["AttributeError: from_", "AttributeError: match_", "AttributeError: foo_"]
    assert got["after"] == '{"0":7,"class":1,"None":3,"class_":4,"from_":5,"match":6,"1a":8,"lambda":9}'
    assert got["dir"] == ["None_", "class_", "class__", "lambda_"]
    assert got["row"] == [1, 2, 3]  # a D1 row's columns, "plain" and "unordered" too
    assert got["env"] == ["a var named class", "a var named class", True]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-10-01"])  # Pyodide 0.26, 0.28, 314
def test_setting_an_attribute_loses_one_underscore_after_a_keyword_only(tmp_path, date):
    """``o.class__ = v`` sets ``class_`` (one underscore less, not all); a soft keyword (``match_``,
    ``type_``) is a name like any other (audit26, measured in 0.26.0a4, 0.28.2 and 314.0.6 under Node)."""
    code = "o = JSON.parse('{}')\no.class__ = 1\no.match_ = 2\no.from_ = 3\no.type_ = 4\nJSON.stringify(o)"
    assert snippet_answers(tmp_path, [code], date) == ["'{\"class_\":1,\"match_\":2,\"from\":3,\"type_\":4}' (str)"]
