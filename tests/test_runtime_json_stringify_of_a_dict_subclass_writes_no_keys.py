"""``JSON.stringify`` of a Python dict *subclass* -- the external SDK's ``JsDict`` binding
results, ``OrderedDict``, ``defaultdict``, ``Counter`` -- writes ``{}`` and ``Object.keys`` of it
is empty, in every era: Pyodide takes a PyProxy's dict path (JSON keys, keys as own properties)
for an exact ``dict`` only (``pyproxy_getflags``' ``PyDict_CheckExact``), and the ``toJSON`` it
looks up is a missing attribute. So code written for the built-in SDK,
``json.loads(JSON.stringify(result))``, gets ``{}`` once the external SDK hands it a ``JsDict``
(real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node; the differential's
``dict-subclass-proxies`` group). A plain dict keeps its keys from 0.28."""

from __future__ import annotations

import warnings

import pytest
from worker_helpers import json_answer, one_file_worker, snippet_answers

from workers_env import PyProxyWarning

ENTRY = """
import json
from js import JSON, Object, Response as JsResponse
from workers import WorkerEntrypoint, Response

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        db = self.env.DB
        await db.exec("CREATE TABLE t (a INTEGER, b TEXT)")
        await db.prepare("INSERT INTO t VALUES (?, ?)").bind(1, "x").run()
        res = await db.prepare("SELECT * FROM t").all()
        row = await db.prepare("SELECT * FROM t").first()
        out = {"type": type(res).__name__, "all": JSON.stringify(res), "row": JSON.stringify(row),
               "keys": list(Object.keys(row)), "entries": list(Object.entries(row)),
               "body": await JsResponse.json(row).text()}
        try:
            out["roundtrip"] = json.loads(JSON.stringify(res))["results"]
        except KeyError as e:
            out["roundtrip"] = f"KeyError: {e}"
        return Response.json(out)
"""


def test_a_d1_result_of_the_external_sdk_stringifies_as_an_empty_object(tmp_path):
    one_file_worker(tmp_path, ENTRY, extra='[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "d"\n')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = json_answer(tmp_path, "/")
    assert answer == {"type": "JsDict", "all": "{}", "row": "{}", "keys": [], "entries": [], "body": "{}",
                      "roundtrip": "KeyError: 'results'"}
    said = [str(w.message) for w in caught if issubclass(w.category, PyProxyWarning)]
    assert said and all("JsDict (a dict subclass)" in m and "json.dumps(value)" in m for m in said)


SNIPPETS = [
    "import collections\nJSON.stringify(collections.OrderedDict(a=1))",
    "import collections\nJSON.stringify({'k': collections.Counter(a=1), 'n': 2})",
    "import collections\nlist(Object.keys(collections.defaultdict(int, a=1)))",
    "JSON.stringify({'a': 1, 'b': [1, 2]})",
    "class L(list):\n    pass\nJSON.stringify(L([1, 'a']))",
]


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-10-01", ["'{}' (str)", """'{"k":{},"n":2}' (str)""", "[] (list)", """'{"a":1,"b":[1,2]}' (str)""",
                    """'[1,"a"]' (str)"""]),
    ("2026-09-08", ["'{}' (str)", """'{"k":{},"n":2}' (str)""", "[] (list)", """'{"a":1,"b":[1,2]}' (str)""",
                    """'[1,"a"]' (str)"""]),
    ("2025-09-01", ["'{}' (str)", "'{}' (str)", "[] (list)", "'{}' (str)", "'{}' (str)"]),  # 0.26: no JSON keys at all
])
@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")
def test_a_dict_subclass_has_no_json_keys_in_any_era(tmp_path, date, expected):
    assert snippet_answers(tmp_path, SNIPPETS, date) == expected
