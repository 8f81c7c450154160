"""A Python object other than an exact ``dict`` handed as the init of ``Response.new``,
``Response.json``, ``Request.new`` or ``fetch`` is a PyProxy whose properties are its
attributes (Pyodide's property read is ``getattr``) in every era: an ``OrderedDict``, a
``defaultdict``, a dict subclass or a ``Mapping`` of the Worker's gives the defaults (status
200, a GET) with a ``PyProxyWarning`` naming the keys lost, while a ``SimpleNamespace`` or the
SDK's ``JsDict`` (keys read through ``__getattr__``) gives its fields. Only an exact dict's keys
are read, from Pyodide 0.28 (real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node, differential
group ``init-mapping-kinds``)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, js, load_worker

ENTRY = '''
import collections, collections.abc, types
from js import Request, Response

class D(dict):
    pass

class J(dict):  # the SDK's workers.rpc.JsDict: keys read as attributes
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

class M(collections.abc.Mapping):
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)

def kinds(**kw):
    return [dict(kw), collections.OrderedDict(kw), D(kw), collections.defaultdict(int, kw), J(kw), M(kw),
            types.SimpleNamespace(**kw)]

async def on_fetch(request, env):
    statuses = [Response.new("x", k).status for k in kinds(status=201, statusText="Made")]
    texts = [Response.new("x", k).statusText for k in kinds(status=201, statusText="Made")]
    methods = [Request.new("https://a.example/", k).method for k in kinds(method="POST")]
    return Response.new(repr((statuses, texts, methods)))
'''


@pytest.mark.parametrize(("date", "dict_read"), [("2025-01-15", False), ("2026-05-01", True)])  # Pyodide 0.26, 0.28+
def test_only_an_exact_dicts_keys_are_read_other_objects_give_their_attributes(tmp_path, date, dict_read):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=["disable_python_no_global_handlers"]))

    async def scenario() -> str:
        return await (await worker.fetch("/")).text()

    with pytest.warns(PyProxyWarning) as caught:
        text = asyncio.run(scenario())
    first = (201, "Made", "POST") if dict_read else (200, "", "GET")
    # dict, OrderedDict, dict subclass, defaultdict, JsDict-like, Mapping, SimpleNamespace
    assert eval(text) == (  # noqa: S307 - the Worker's own repr of ints and strs
        [first[0], 200, 200, 200, 201, 200, 201],
        [first[1], "", "", "", "Made", "", "Made"],
        [first[2], "GET", "GET", "GET", "POST", "GET", "POST"],
    )
    lost = [str(w.message) for w in caught if "attributes, not its keys" in str(w.message)]
    assert any(m.startswith("a Python OrderedDict reached JavaScript") and "(status, statusText)" in m for m in lost)
    assert any(m.startswith("a Python M reached JavaScript") and "(method)" in m for m in lost)
    assert not any("Python J " in m or "SimpleNamespace" in m for m in lost)  # their fields were read


def test_any_python_object_is_an_init_and_an_attributes_own_error_propagates():
    class Broken:
        @property
        def status(self):
            raise ValueError("boom")

    for init in ([1], b"ab", lambda: 1, object()):  # PyProxies without the fields: the defaults
        assert js.Response.new("x", init).status == 200
    with pytest.raises(ValueError, match="boom"):  # as Pyodide rethrows it through the constructor
        js.Response.new("x", Broken())
    headers = js.Response.new("x", type("I", (), {"headers": [("a", "1")], "status": 202})()).headers
    assert headers.get("a") == "1"
