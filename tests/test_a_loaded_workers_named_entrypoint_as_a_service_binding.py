"""``[[services]] entrypoint = "Admin"`` with a loaded Worker: ``search.entrypoint("Admin")``
(read as the config reads) is the service binding whose methods and ``fetch`` are that
``WorkerEntrypoint`` class's (workerd's Python entrypoint wraps each exported class as it wraps
``Default``: a name it lacks is ``TypeError: Method <name> does not exist``). A class the Worker
does not export is refused at once, in workerd's words: under ``wrangler dev -c A -c B`` 4.164.0
such a binding stops the runtime from starting (measured with JavaScript twins)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import typical_pyproject

from workers_env import ConfigError, load_worker

SEARCH = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def who(self):
        return "default"


class Admin(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"admin {request.method} {request.url}")

    async def reset(self, n):
        return f"reset {n}"
'''

GATEWAY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = [await self.env.ADMIN.reset(3), await (await self.env.ADMIN.fetch("http://x/a")).text(),
               await self.env.SEARCH.who()]
        try:
            await self.env.ADMIN.who()
        except Exception as error:
            out.append(f"{error.name}: {error.message}")
        return Response(" | ".join(out))
'''


def _folder(root, name, code, date, extra=None):
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "entry.py").write_text(code)
    (root / name / "wrangler.json").write_text(json.dumps({
        "name": name, "main": "src/entry.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers"], **(extra or {})}))
    return typical_pyproject(root / name)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_the_named_class_answers_its_binding(tmp_path, date):
    search = load_worker(_folder(tmp_path, "search", SEARCH, date))
    services = [{"binding": "SEARCH", "service": "search"},
                {"binding": "ADMIN", "service": "search", "entrypoint": "Admin"}]
    gateway = load_worker(_folder(tmp_path, "gateway", GATEWAY, date, {"services": services}),
                          bindings={"SEARCH": search, "ADMIN": search.entrypoint("Admin")})
    assert await (await gateway.fetch("/")).text() == (
        "reset 3 | admin GET http://x/a | default | TypeError: Method who does not exist")


def test_a_class_the_worker_does_not_export_is_refused_in_workerds_words(tmp_path):
    search = load_worker(_folder(tmp_path, "search", SEARCH, "2025-11-02"))
    with pytest.raises(ConfigError) as caught:
        search.entrypoint("Nope")
    assert str(caught.value).startswith(
        'A binding refers to service "core:user:search" with a named entrypoint "Nope", but "core:user:search" has '
        "no such named entrypoint. (Its WorkerEntrypoint classes: Admin;")
    with pytest.raises(ConfigError):
        search.entrypoint("Default")  # workerd exports it as the Worker's default, not by this name
    with pytest.raises(ConfigError) as caught:  # nor as "default": no named export (wrangler dev -c A -c B
        search.entrypoint("default")  # 4.164.0, review56); before review58 the default entrypoint
    assert str(caught.value).endswith("the default one is the Worker itself: leave `entrypoint` out)")
