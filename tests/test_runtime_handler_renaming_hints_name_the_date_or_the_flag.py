"""Before ``python_no_global_handlers`` (2025-08-14, or its disable flag after) workerd's Python
entrypoint proxy calls every entrypoint class's ``fetch`` as ``on_fetch`` -- a named
``WorkerEntrypoint``'s too, not only ``Default``'s (``makeEntrypointProxyHandler`` of
``python-entrypoint-helper.ts`` wraps each exported class): a named class reached through a
service binding ran its ``fetch`` here in every era. And workers-env's hints after workerd's
``Method ... does not exist`` (and the load's refusal of a module-level ``on_fetch``) named the
date as the cause where a compatibility flag decided it, telling to "set compatibility_date to
2025-08-14 or later" to a Worker dated 2025-11-01 that disabled the flag (review75)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker, typical_pyproject

from workers_env import ConfigError, load_worker

NAMED = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def on_fetch(self, request):
        return Response("default")


class Admin(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("admin fetch")


class Legacy(WorkerEntrypoint):
    async def on_fetch(self, request):
        return Response("legacy on_fetch")
'''

GATEWAY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def on_fetch(self, request):
        out = [await (await self.env.LEGACY.fetch("http://x/")).text()]
        try:
            await self.env.ADMIN.fetch("http://x/")
        except Exception as error:
            out.append(str(error).rstrip())  # (the SDK's fetch is pyfetch: 0.26's raises OSError(message))
        return Response(" | ".join(out))
'''


def _folder(root, name, code, extra=None):
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "entry.py").write_text(code)
    (root / name / "wrangler.json").write_text(json.dumps({
        "name": name, "main": "src/entry.py", "compatibility_date": "2025-06-01",
        "compatibility_flags": ["python_workers"], **(extra or {})}))
    return typical_pyproject(root / name)


@pytest.mark.asyncio
async def test_a_named_entrypoints_fetch_is_called_as_on_fetch_before_2025_08_14(tmp_path):
    named = load_worker(_folder(tmp_path, "named", NAMED))
    services = [{"binding": "ADMIN", "service": "named", "entrypoint": "Admin"},
                {"binding": "LEGACY", "service": "named", "entrypoint": "Legacy"}]
    gateway = load_worker(_folder(tmp_path, "gateway", GATEWAY, {"services": services}),
                          bindings={"ADMIN": named.entrypoint("Admin"), "LEGACY": named.entrypoint("Legacy")})
    legacy, admin = (await (await gateway.fetch("/")).text()).split(" | ")
    assert legacy == "legacy on_fetch"
    assert admin.endswith("Method on_fetch does not exist")  # (how it crosses the binding: left, review75's report)


CLASS = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def {name}(self, request):
        return Response("ok")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("method", "date", "flag", "hint"), [
    ("fetch", "2025-01-09", None,
     "Before compatibility date 2025-08-14 (python_no_global_handlers), workerd calls a Default class's `fetch` "
     'handler as `on_fetch`: set compatibility_date to 2025-08-14 or later (or add "python_no_global_handlers" to '
     "compatibility_flags), or rename the method to `on_fetch`."),
    ("fetch", "2025-11-01", "disable_python_no_global_handlers",
     'With "disable_python_no_global_handlers" in compatibility_flags, workerd calls a Default class\'s `fetch` '
     "handler as `on_fetch`, as before compatibility date 2025-08-14: remove that flag, or rename the method to "
     "`on_fetch`."),
    ("on_fetch", "2025-11-01", None,
     "From compatibility date 2025-08-14 (python_no_global_handlers) workerd calls a Default class's `fetch` handler "
     "by that name; `on_fetch` was the name before then. Rename the method to `fetch`, or keep a date before "
     '2025-08-14 (or add "disable_python_no_global_handlers" to compatibility_flags).'),
    ("on_fetch", "2025-01-09", "python_no_global_handlers",
     'With "python_no_global_handlers" in compatibility_flags, workerd calls a Default class\'s `fetch` handler by '
     "that name (`on_fetch` before compatibility date 2025-08-14 without it): rename the method to `fetch`, or "
     "remove that flag."),
], ids=["date-before", "disable-flag", "date-after", "enable-flag"])
async def test_the_hint_names_what_decides_the_handlers_name(tmp_path, method, date, flag, hint):
    worker = load_worker(one_file_worker(tmp_path, CLASS.format(name=method), date=date, flags=[flag] if flag else [],
                                         pyproject=False))
    with pytest.raises(TypeError) as caught:
        await worker.fetch("/")
    assert caught.value.__notes__ == [hint]


def test_the_loads_refusal_of_a_module_level_on_fetch_names_the_flag_that_decides_it(tmp_path):
    entry = "from workers import Response\n\n\nasync def on_fetch(request, env):\n    return Response('ok')\n"
    with pytest.raises(ConfigError) as caught:
        load_worker(one_file_worker(tmp_path, entry, date="2025-01-09", flags=["python_no_global_handlers"],
                                    pyproject=False))
    assert str(caught.value).startswith(
        'Python entrypoint "entry.py" defines a module-level on_fetch, which the "python_no_global_handlers" '
        "compatibility flag no longer dispatches (deployed,")
    assert str(caught.value).endswith(
        "define `class Default(WorkerEntrypoint)` with `async def fetch(self, request)` (env and ctx on self), "
        "or remove that flag from compatibility_flags")
