"""A Python Worker's ``os.environ`` is the few variables Pyodide starts with in workerd, never the
shell's of the machine running it: Emscripten's defaults (``USER``/``LOGNAME`` ``web_user``,
``PATH``/``PWD`` ``/``, ``LANG``, ``_``), workerd's ``HOME=/session`` and ``PYTHONHASHSEED=111``
(``emscriptenSetup.ts``), Pyodide's ``LD_LIBRARY_PATH`` of the era's Python -- the keys real
Pyodide 0.26.0a4, 0.28.2 and 314.0.6 show under Node, where loadPyodide's own ``HOME``,
``PYTHONINSPECT`` and Node's ``LANG``/``_`` stand instead. A public Worker (adewale/tasche) reads
``os.environ.get("WORKER_ENV")`` at import; its deployed copy sees none, whatever the deploying
shell had. A Worker's writes stay its own; test code, workers-env's own code and bindings you
supply keep the host's environment."""

from __future__ import annotations

import json
import os
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import os
from workers import Response, WorkerEntrypoint

AT_IMPORT = dict(os.environ)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/set"):
            os.environ["MADE_BY_WORKER"] = "yes"
            os.environ.setdefault("HOME", "/elsewhere")
            del os.environ["LOGNAME"]
        out = {"import": AT_IMPORT, "now": dict(os.environ), "getenv": os.getenv("HUNT35_MARKER", "absent"),
               "in": "HUNT35_MARKER" in os.environ, "home": os.path.expanduser("~"), "len": len(os.environ),
               "copy": os.environ.copy() == dict(os.environ), "repr": repr(os.environ), "keys": list(os.environ)}
        try:
            os.environ["N"] = 1
        except TypeError as exc:
            out["not_str"] = str(exc)
        try:
            del os.environ["NOT_THERE"]
        except KeyError as exc:
            out["missing"] = repr(exc)
        out["secret"] = self.env.PROBE.read("HUNT35_MARKER")
        return Response(json.dumps(out))
'''


class _Probe:
    """A binding the test supplies: its code runs for the Worker but is the test's."""

    def read(self, name):
        return os.environ.get(name)


def _production(python):
    return {"USER": "web_user", "LOGNAME": "web_user", "PATH": "/", "PWD": "/", "HOME": "/session",
            "LANG": "en.UTF-8", "_": "./this.program", "PYTHONHASHSEED": "111",
            "LD_LIBRARY_PATH": f"/usr/lib:/lib/python{python}/site-packages"}


async def _answer(worker, path="/"):
    return json.loads(await (await worker.fetch(path)).text())


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "python"), [("2025-01-01", "3.12"), ("2025-12-01", "3.13"), ("2026-11-17", "3.14")])
async def test_worker_code_sees_pyodides_environment_of_its_era_and_no_host_variable(tmp_path, monkeypatch, date,
                                                                                       python):
    monkeypatch.setenv("HUNT35_MARKER", "from the shell")
    monkeypatch.setenv("WORKER_ENV", "production")
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra='[vars]\nWORKER_ENV = "staging"\n',
                             flags=("python_no_global_handlers",))  # a Default class before 2025-08-14 too
    worker = load_worker(folder, bindings={"PROBE": _Probe()})
    out = await _answer(worker)
    assert out["import"] == out["now"] == _production(python)  # neither the shell's nor the Worker's vars
    assert (out["getenv"], out["in"], out["home"], out["len"], out["copy"]) == ("absent", False, "/session", 9, True)
    # Emscripten's seven defaults in getEnvStrings' order, then workerd's PYTHONHASHSEED (its HOME
    # keeps the default's slot), then the LD_LIBRARY_PATH Pyodide sets last: real Pyodide 0.26.0a4,
    # 0.28.2 and 314.0.6 under Node list the same order (loadPyodide's PYTHONINSPECT in that slot)
    assert out["keys"] == ["USER", "LOGNAME", "PATH", "PWD", "HOME", "LANG", "_", "PYTHONHASHSEED", "LD_LIBRARY_PATH"]
    assert out["repr"] == f"environ({_production(python)!r})"  # os's own form, of the Worker's environment
    assert out["not_str"] == "str expected, not int"  # os's own check, nothing stored
    assert out["missing"] == "KeyError('NOT_THERE')"
    assert out["secret"] == "from the shell"  # the supplied binding reads the host's
    assert os.environ["WORKER_ENV"] == "production" and "MADE_BY_WORKER" not in os.environ  # test code: the host's


@pytest.mark.asyncio
async def test_a_workers_writes_last_for_its_life_and_stay_its_own(tmp_path):
    first = load_worker(one_file_worker(tmp_path / "a", ENTRY), bindings={"PROBE": _Probe()})
    second = load_worker(one_file_worker(tmp_path / "b", ENTRY), bindings={"PROBE": _Probe()})
    await _answer(first, "/set")
    later = (await _answer(first))["now"]
    assert later["MADE_BY_WORKER"] == "yes" and later["HOME"] == "/session" and "LOGNAME" not in later
    assert "MADE_BY_WORKER" not in (await _answer(second))["now"]  # another Worker, another isolate
    assert "MADE_BY_WORKER" not in os.environ and os.environ.get("LOGNAME") != "web_user"


LIBRARY_ENTRY = '''
import asyncio
import json
import os
from workers import Response, WorkerEntrypoint

LIBRARY = {}  # code that is neither the Worker's file nor workers-env's, as an installed library's
exec("import os\\nasync def read(name):\\n    await __import__('asyncio').sleep(0)\\n    return os.environ.get(name)\\n"
     "def read_now(name):\\n    return os.environ.get(name)\\n", LIBRARY)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        os.environb[b"BYTES_SET"] = b"by the worker"
        out = {"environb": {k.decode(): v.decode() for k, v in os.environb.items()},
               "environb_home": os.environb.get(b"HOME").decode(), "str_view": os.environ.get("BYTES_SET"),
               "library": LIBRARY["read_now"]("HOME"),
               "gathered": await asyncio.gather(LIBRARY["read"]("HOME"), LIBRARY["read"]("HUNT35_MARKER")),
               "task": await asyncio.create_task(LIBRARY["read"]("HOME"))}
        try:
            os.environb[b"N"] = "str"
        except TypeError as exc:
            out["not_bytes"] = str(exc)
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
async def test_environb_and_a_librarys_coroutine_the_worker_gathers_read_the_workers_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("HUNT35_MARKER", "from the shell")
    worker = load_worker(one_file_worker(tmp_path, LIBRARY_ENTRY, date="2025-12-01"))
    out = await _answer(worker)
    assert out["environb"] == {**_production("3.13"), "BYTES_SET": "by the worker"}  # Pyodide's environb: the same, bytes
    assert (out["environb_home"], out["str_view"], out["library"]) == ("/session", "by the worker", "/session")
    assert out["gathered"] == ["/session", None] and out["task"] == "/session"  # tasks of the Worker's code are its code
    assert out["not_bytes"] == "bytes expected, not str"
    assert os.environb.get(b"HUNT35_MARKER") == b"from the shell" and b"BYTES_SET" not in os.environb


@pytest.mark.asyncio
async def test_a_task_test_code_starts_while_a_worker_runs_reads_the_hosts(tmp_path, monkeypatch):
    monkeypatch.setenv("HUNT35_MARKER", "from the shell")

    class Binding:  # supplied by the test: its coroutine, made a task by the test's own code, is the test's
        async def read(self, name):
            async def inner():
                return os.environ.get(name)
            return await __import__("asyncio").create_task(inner())

    entry = ENTRY.replace('out["secret"] = self.env.PROBE.read("HUNT35_MARKER")',
                          'out["secret"] = await self.env.PROBE.read("HUNT35_MARKER")')
    worker = load_worker(one_file_worker(tmp_path, entry), bindings={"PROBE": Binding()})
    assert (await _answer(worker))["secret"] == "from the shell"


ASGI_ENTRY = '''
import asgi
from workers import WorkerEntrypoint

APP = {}  # an ASGI application whose code is neither the Worker's file nor workers-env's, as FastAPI's
exec("import os\\nasync def app(scope, receive, send):\\n"
     "    body = (os.environ.get('HOME') + ' ' + str(os.environ.get('HUNT35_MARKER'))).encode()\\n"
     "    await send({'type': 'http.response.start', 'status': 200, 'headers': []})\\n"
     "    await send({'type': 'http.response.body', 'body': body})\\n", APP)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(APP["app"], request, self.env)
'''


@pytest.mark.asyncio
async def test_the_asgi_application_the_worker_hands_asgi_fetch_reads_the_workers_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("HUNT35_MARKER", "from the shell")
    worker = load_worker(one_file_worker(tmp_path, ASGI_ENTRY))
    assert await (await worker.fetch("/")).text() == "/session None"


RENAMED_ENTRY = '''
import json
import os
from workers import Response, WorkerEntrypoint

__file__ = "/session/metadata/entry.py"  # its deployed name, as code written for production may set it


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps([os.environ.get("HOME"), os.environ.get("HUNT35_MARKER"), os.getpid()]))
'''


@pytest.mark.asyncio
async def test_a_worker_module_that_sets_its_file_is_still_the_workers_code(tmp_path, monkeypatch):
    monkeypatch.setenv("HUNT35_MARKER", "from the shell")
    worker = load_worker(one_file_worker(tmp_path, RENAMED_ENTRY))
    assert json.loads(await (await worker.fetch("/")).text()) == ["/session", None, 42]
    assert "entry" not in sys.modules  # still the Worker's own module, kept by its scope (it leaked here)
