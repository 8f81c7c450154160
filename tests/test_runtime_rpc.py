"""``worker.rpc(method, *args)``: a WorkerEntrypoint's RPC method called as a service binding's
caller calls it -- workerd's ``wrapper_func``: a fresh instance, arguments and result through
``python_to_rpc`` / ``python_from_rpc`` of the Worker's SDK era, a strict (not relaxed) call."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import JsDict, JsException, WorkersEnvError, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

SEEN = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("rpc server")

    async def add(self, a, b):
        SEEN.append((type(a).__name__, type(b).__name__))
        return {"sum": a + b, "greeting": self.env.GREETING}

    def shout(self, text):
        return text.upper()

    async def describe(self, options):
        SEEN.append(type(options).__name__)
        return sorted(options)


    async def echo(self, value):
        return [type(value).__name__, value]


class Admin(WorkerEntrypoint):
    async def ping(self):
        return None
'''


def project(root: Path, date: str) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text(f'name = "rpc"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                                        'compatibility_flags = ["python_workers"]\n[vars]\nGREETING = "hi"\n')
    typical_pyproject(root)
    return root


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "result_type", "dict_type"), [
    ("2026-09-01", JsDict, "JsDict"),  # the external SDK: objects arrive as JsDict
    ("2025-11-02", dict, "dict"),  # the built-in SDK's python_from_rpc stops at to_py()
])
async def test_methods_are_called_as_over_a_service_binding(tmp_path, date, result_type, dict_type):
    worker = load_worker(project(tmp_path, date))
    result = await worker.rpc("add", 2, 3)
    assert result == {"sum": 5, "greeting": "hi"} and type(result) is result_type
    assert await worker.rpc("shout", "hello") == "HELLO"  # a plain def answers too
    assert await worker.rpc("describe", {"b": 1, "a": 2}) == ["a", "b"]
    assert worker.module.SEEN == [("int", "int"), dict_type]
    assert await worker.rpc("ping", entrypoint="Admin") is None
    assert await worker.rpc("echo", {1, 2}) == ["set", {1, 2}]  # a JS Set both ways: a set


@pytest.mark.asyncio
async def test_mistakes_fail_as_in_production(tmp_path):
    worker = load_worker(project(tmp_path, "2026-09-01"))
    with pytest.raises(JsException, match="TypeError: Method nope does not exist"):
        await worker.rpc("nope")
    with pytest.raises(TypeError, match="missing 1 required positional argument"):
        await worker.rpc("add", 1)  # strict: not relaxed like fetch
    with pytest.raises(WorkersEnvError, match="exports no WorkerEntrypoint named 'Missing'"):
        await worker.rpc("ping", entrypoint="Missing")


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-09-01"])
async def test_js_values_cross_as_the_sdks_default_converter_turns_them(tmp_path, date):
    """Both SDKs' ``python_from_rpc`` run ``to_py`` with a default converter: a JS ``Date`` is a
    ``datetime``, an ``Error`` an ``Exception``, a ``Number`` object its number, a ``Response`` /
    ``Request`` the SDK's classes, a ``Set`` a ``set`` -- at any depth (workerd's python-rpc test)."""
    import datetime

    from workers_env import js

    worker = load_worker(project(tmp_path, date))
    when = js.Date.new(1_700_000_000_000)
    name, value = await worker.rpc("echo", [when, js.Error.new("boom"), js.Number.new("1234"), js.Set.new([1, 2])])
    assert name == "list"
    got_when, got_error, got_number, got_set = value
    assert got_when == datetime.datetime.fromtimestamp(1_700_000_000)
    assert isinstance(got_error, Exception) and "boom" in str(got_error)
    assert (got_number, got_set) == (1234, {1, 2})
    name, response = await worker.rpc("echo", js.Response.new("hi", status=201))
    assert (name, response.status, await response.text()) == ("Response", 201, "hi")
