"""Worker code's ``await self.env.RL.limit(...)`` gets what each SDK era hands over: the external
SDK (from 1.5.0, wrapping ``Ratelimit``) converts a dict to an object and ``None`` to null, and
answers a dict; the built-in SDK passes the dict as a PyProxy, whose keys JavaScript reads from
Pyodide 0.28 and not on 0.26 (measured under Node: the key is then ``""``, a ``PyProxyWarning``
says so), ``None`` there being undefined; keywords are one object in every era."""

from __future__ import annotations


import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import PyProxyWarning

CONFIG = '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 2, period = 60 }\n'
ENTRY = '''
import json
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for options in ({"key": "a"}, {"key": "a"}, {"key": "a"}, {"key": None}):
            try:
                out.append((await self.env.RL.limit(options)).success)
            except Exception as e:
                out.append(str(e))
        out.append([(await self.env.RL.limit(key="k")).success for _ in range(3)])
        result = await self.env.RL.limit(key="r")
        try:
            out.append(result["success"])
        except TypeError as e:
            out.append(type(e).__name__)
        return Response(json.dumps(out))
'''


def _answer(tmp_path, date):
    return json_answer(one_file_worker(tmp_path, ENTRY, date=date, extra=CONFIG), "/")


def test_the_external_sdk_converts_the_dict_and_none_is_null(tmp_path):
    assert _answer(tmp_path, "2026-05-01") == [True, True, False, "Error: invalid key: null", [True, True, False], True]


def test_the_built_in_sdk_on_pyodide_028_reads_the_dicts_keys_and_none_is_undefined(tmp_path):
    # {"key": None}: the key "" (undefined takes the default); a JS object answers no subscript
    assert _answer(tmp_path, "2025-11-02") == [True, True, False, True, [True, True, False], "TypeError"]


def test_the_built_in_sdk_on_pyodide_026_reads_no_key_of_the_dict(tmp_path):
    with pytest.warns(PyProxyWarning, match="production reads none of its keys"):
        got = _answer(tmp_path, "2025-08-20")
    # every dict call counts under the key "": 2 pass, the third and {"key": None} fail
    assert got == [True, True, False, False, [True, True, False], "TypeError"]
