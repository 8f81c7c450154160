"""A caller's ``env.SVC.fetch(...)`` of a Worker whose entrypoint has no fetch handler rejects
with the error workerd's JavaScript throws, crossed as any error of the other Worker
(``remote``): a named ``WorkerEntrypoint`` class (or ``Default``) without ``fetch`` is the
Python entrypoint proxy's ``TypeError: Method fetch does not exist`` (``on_fetch`` before
``python_no_global_handlers``), and a module without ``on_fetch`` is ``PythonUserError``'s
message, whose name -- a getter on its prototype (workerd's ``util.ts``) -- only
``enhanced_error_serialization`` sends on. Measured with JavaScript twins (the proxy of
``makeEntrypointProxyHandler``, util.ts's class) under ``wrangler dev`` 4.164.0 at 2025-11-02
and 2026-05-01: tools/wrangler/named_entrypoint_without_fetch_probe.py. Before leftovers50b the
caller saw ``PythonError: workers_env.runtime.loader.MethodMissing: ...``. A Python caller's
``self.env.SEARCH.fetch`` is the SDK's, ``pyfetch(..., fetcher=binding.fetch)``: it raises that
rejection as pyfetch raises what JavaScript threw -- ``OSError`` (Pyodide 0.26), ``AbortError``
(0.28) -- with its message alone (leftovers55; before, the JS error itself)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import service_pair, typical_pyproject

from workers_env import load_worker

NAMED = '''
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def who(self):
        return "default"


class Admin(WorkerEntrypoint):
    async def reset(self, n):
        return f"reset {n}"
'''

MODULE_ONLY = '''
async def on_scheduled(controller, env, ctx):
    pass
'''

GATEWAY = '''
from js import Object
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            answer = await self.env.SEARCH.fetch("http://search/a")
        except Exception as exc:
            crossed = isinstance(exc, JsException)
            return Response.json({"type": type(exc).__name__, "str": str(exc), "name": getattr(exc, "name", None),
                                  "remote": getattr(exc, "remote", None),
                                  "keys": list(Object.keys(exc)) if crossed else None})
        return Response(f"answered {answer.status}")

    on_fetch = fetch  # (the same handler before python_no_global_handlers)
'''


def _gateway(root, date, entrypoint):
    """The caller Worker, its ``SEARCH`` the NAMED Worker's ``entrypoint`` class (None: the Worker)."""

    def folder(name, code, extra):
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "entry.py").write_text(code)
        (root / name / "wrangler.json").write_text(json.dumps({
            "name": name, "main": "src/entry.py", "compatibility_date": date,
            "compatibility_flags": ["python_workers"], **extra}))
        return typical_pyproject(root / name)

    search = load_worker(folder("search", NAMED, {}))
    service = {"binding": "SEARCH", "service": "search", **({"entrypoint": entrypoint} if entrypoint else {})}
    return load_worker(folder("gateway", GATEWAY, {"services": [service]}),
                       bindings={"SEARCH": search.entrypoint(entrypoint) if entrypoint else search})


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "method", "raised"), [
    ("2025-06-01", "on_fetch", "OSError"),     # built-in SDK, before the flag: the proxy renames fetch
    ("2025-11-02", "fetch", "AbortError"),     # built-in SDK
    ("2026-05-01", "fetch", "AbortError"),     # external SDK, enhanced_error_serialization
])
@pytest.mark.parametrize("entrypoint", ["Admin", None])
async def test_a_class_without_fetch_is_the_proxys_type_error(tmp_path, date, method, raised, entrypoint):
    # the SDK's self.env.SEARCH.fetch is pyfetch(..., fetcher=binding.fetch): the TypeError the binding
    # rejects with is raised as pyfetch raises what JavaScript threw, its message alone (leftovers55:
    # measured with the SDK in real Pyodide, tools/pyodide/service_fetch_resource_probe.mjs)
    gateway = _gateway(tmp_path, date, entrypoint)
    out = await (await gateway.fetch("/")).json()
    assert out == {"type": raised, "str": f"Method {method} does not exist", "name": None, "remote": None,
                   "keys": None}


@pytest.mark.asyncio
@pytest.mark.parametrize("flags", [(), ("enhanced_error_serialization",)])
async def test_a_module_without_on_fetch_is_python_user_errors_message(tmp_path, flags):
    # the error's name (Error, or PythonUserError with the flag) goes no further than pyfetch, whose
    # OSError (Pyodide 0.26) holds the message alone
    gateway = service_pair(tmp_path, MODULE_ONLY, GATEWAY, "2025-06-01", callee_flags=flags, caller_flags=flags)
    out = await (await gateway.fetch("/")).json()
    assert out == {"type": "OSError", "str": 'Python entrypoint "entry.py" does not export a handler named "on_fetch"',
                   "name": None, "remote": None, "keys": None}
