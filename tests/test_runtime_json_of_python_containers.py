"""An unconverted Python dict or list handed to ``JSON.stringify`` or ``Response.json`` is a
PyProxy there: its JSON is what Pyodide's proxy shows (0.26: ``{}`` for a dict or a list --
production's 0.26.0a2 predates the proxies' JSON support, which came with 0.26.0a5, as 0.26.0a4
under Node shows; 0.28: a dict's keys but not ``None`` values or dict-method names, a list's
items, and a list holding a container throws), as real Pyodide showed under Node (public Worker
CakeVoid/bar-software's answers). And a container
reaching a string parameter (a Response's ``statusText``) is Python's ``str()`` of it, as
Pyodide's ``PyProxy.toString`` is (workerjs-api's README app, headers passed as ``status_text``)."""

from __future__ import annotations

import textwrap
import warnings

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from js import JSON, Response


async def on_fetch(request, env):
    d = {"message": "ok", "n": None, "xs": [1, 2], "keys": 3}
    parts = [JSON.stringify(d), await Response.json(d).text(), JSON.stringify([1, "a", None]),
             JSON.stringify({"nested": {"a": 1, "b": None}})]
    for bad in ({"r": [{"a": 1}]}, [[1]]):
        try:
            parts.append(JSON.stringify(bad))
        except Exception as exc:
            parts.append(type(exc).__name__ + ": " + str(exc).splitlines()[0])
    return Response.new(" | ".join(parts))
'''


def _worker(tmp_path, date: str, flags: str = ""):
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(f'name = "j"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                                            f'compatibility_flags = ["python_workers"{flags}]\n')
    return load_worker(tmp_path)


@pytest.mark.asyncio
async def test_pyodide_026_sees_no_keys_of_a_dict(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reply = await (await _worker(tmp_path, "2024-07-25").fetch("/")).text()
    assert reply.split(" | ") == ["{}"] * 6  # dicts and lists alike, nothing iterated (0.26.0a4 under Node)
    assert any("JSON.stringify sees none of its keys" in str(w.message) for w in caught)
    assert any("JSON.stringify writes {} for it on this Pyodide (0.26)" in str(w.message) for w in caught)


@pytest.mark.asyncio
async def test_pyodide_028_sees_the_keys_but_not_none_or_method_names(tmp_path):
    reply = await (await _worker(tmp_path, "2025-10-01", ', "disable_python_no_global_handlers"').fetch("/")).text()
    borrowed = "JsException: Error: This borrowed proxy was automatically destroyed when an iterator was exhausted."
    assert reply.split(" | ") == ['{"message":"ok","xs":[1,2]}', '{"message":"ok","xs":[1,2]}', '[1,"a",null]',
                                  '{"nested":{"a":1}}', borrowed, borrowed]


STATUS_ENTRY = '''
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        r1 = Response("x", 200, {"Content-Type": "text/html"})  # third positional: status_text
        r2 = js.Response.new("x", statusText=["a", 1])
        return Response(f"{r1.status_text!r} {r2.statusText!r}")
'''


@pytest.mark.asyncio
async def test_a_python_container_as_status_text_is_its_python_str(tmp_path):
    one_file_worker(tmp_path, STATUS_ENTRY, date="2025-11-11")
    reply = await (await load_worker(tmp_path).fetch("/")).text()
    assert reply == "\"{'Content-Type': 'text/html'}\" \"['a', 1]\""
