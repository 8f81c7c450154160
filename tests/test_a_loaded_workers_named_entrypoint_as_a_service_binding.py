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


# "default" too: wrangler dev 4.164.0 with [[services]] entrypoint = "default" (a JavaScript twin
# binding itself) does not start: 'Worker "core:user:selfcall"'s binding "DEF" refers to service
# "core:user:selfcall" with a named entrypoint "default", but "core:user:selfcall" has no such
# named entrypoint.' -- the default export is the Worker bound as it is
@pytest.mark.parametrize(("name", "notes"), [("Nope", None), ("default", [
    'the default export is the Worker itself: bind the loaded Worker as it is (bindings={"SEARCH": search}), '
    "as [[services]] leaves entrypoint out"])])
def test_a_class_the_worker_does_not_export_is_refused_in_workerds_words(tmp_path, name, notes):
    search = load_worker(_folder(tmp_path, "search", SEARCH, "2025-11-02"))
    with pytest.raises(ConfigError) as caught:
        search.entrypoint(name)
    assert str(caught.value).startswith(
        f'A binding refers to service "core:user:search" with a named entrypoint "{name}", but "core:user:search" '
        "has no such named entrypoint. (Its WorkerEntrypoint classes: Admin;")
    assert getattr(caught.value, "__notes__", None) == notes
    with pytest.raises(ConfigError):
        search.entrypoint("Default")  # workerd exports it as the Worker's default, not by this name


def test_a_nameless_worker_is_named_by_its_configs_folder_as_dev_names_it(tmp_path):
    folder = _folder(tmp_path, "search", SEARCH, "2025-11-02")
    config = json.loads((folder / "wrangler.json").read_text())
    del config["name"]
    (folder / "wrangler.json").write_text(json.dumps(config))
    with pytest.raises(ConfigError) as caught:
        load_worker(folder).entrypoint("Nope")  # main is src/entry.py: not "core:user:src"
    assert 'refers to service "core:user:search" with a named entrypoint "Nope"' in str(caught.value)


@pytest.mark.parametrize("name", [5, "", None])
def test_a_name_that_is_no_class_name_is_refused_saying_what_it_takes(tmp_path, name):
    # (audit19: worker.entrypoint()'s own refusal was unpinned)
    search = load_worker(_folder(tmp_path, "search", SEARCH, "2025-11-02"))
    with pytest.raises(TypeError) as caught:
        search.entrypoint(name)
    assert str(caught.value) == ('worker.entrypoint() takes the name of a WorkerEntrypoint class as a str ("Admin"), '
                                 f"got {type(name).__name__}")
