"""``kv.get(key, {"type": "json"})`` in the built-in SDK era: the dict reaches JavaScript as its
PyProxy, and JSG reads ``GetOptions.type`` with a property get, which a PyProxy answers with its
own ``type`` property -- the Python type's name, ``"dict"`` -- before any key, whatever the
dict holds (measured under Node: ``o.type`` is ``"dict"`` and ``o.length`` the dict's length on
Pyodide 0.26.0a4, 0.28.2 and 314.0.6; keyword arguments, one plain object, read ``"json"``). So
for a key that exists it is kv.c++'s ``Unknown response type`` TypeError, even for
``{"cacheTtl": 60}``; a missing key is ``None`` before the type is looked at. workers-env read
the dict's ``type`` key on 0.28 (and nothing on 0.26). The external SDK converts the dict to an
object first, so there it reads ``"json"``."""

from __future__ import annotations

import warnings

import pytest

from workers_env import PyProxyWarning, load_worker

UNKNOWN = 'TypeError: Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".'

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        await kv.put("k", '{"a": 1}')
        out = {}
        for name, call in [("dict", lambda: kv.get("k", {"type": "json"})),
                           ("ttl", lambda: kv.get("k", {"cacheTtl": 60})),
                           ("meta", lambda: kv.getWithMetadata("k", {"type": "json"})),
                           ("missing", lambda: kv.get("nope", {"type": "json"})),
                           ("keywords", lambda: kv.get("k", type="json"))]:
            try:
                got = await call()
                out[name] = got if name != "meta" else got.value
                out[name] = out[name].to_py() if hasattr(out[name], "to_py") else out[name]
            except Exception as exc:
                out[name] = str(exc)
        return Response.json(out)
'''


def _folder(project, date, external=False):
    files = {"src__entry_DOT_py": ENTRY}
    if external:
        files["pyproject_DOT_toml"] = ('[project]\nname = "c"\nversion = "0"\nrequires-python = ">=3.12"\n'
                                       'dependencies = []\n[dependency-groups]\ndev = ["workers-py"]\n')
    return project(f'name = "c"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                   'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n', **files)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-01", "2025-09-01"])
async def test_a_dict_as_get_options_reads_type_dict_in_the_built_in_era(project, date):
    worker = load_worker(_folder(project, date))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        body = await (await worker.fetch("/")).json()
    assert body == {"dict": UNKNOWN, "ttl": UNKNOWN, "meta": UNKNOWN, "missing": None, "keywords": {"a": 1}}
    said = [str(w.message) for w in seen if issubclass(w.category, PyProxyWarning)]
    assert any("options of KV.get(): JavaScript reads its type as the PyProxy own property, 'dict'" in t
               for t in said)


@pytest.mark.asyncio
async def test_the_external_sdk_converts_the_dict_so_its_type_is_read(project):
    worker = load_worker(_folder(project, "2026-08-20", external=True))
    body = await (await worker.fetch("/")).json()
    assert body == {"dict": {"a": 1}, "ttl": '{"a": 1}', "meta": {"a": 1}, "missing": None, "keywords": {"a": 1}}
