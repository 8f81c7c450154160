"""A Worker's ``[[services]]`` entry naming the Worker itself reaches it under ``load_worker``
(and so the pytest fixtures), as production connects it and as wrangler dev 4.164.0 does for a
lone Worker (a JavaScript twin's ``env.SELF.fetch`` recursed 200 deep, leftovers45; ``workers-env
dev`` since then). Before, ``load_worker`` named it among the not-emulated bindings and every call
raised ``BindingNotEmulatedError`` -- whose advice, to supply the Worker, cannot be followed for
the Worker being loaded. A Worker supplied for it wins; a reload reaches the reloaded Worker; an
``entrypoint`` the Worker does not export is workerd's refusal to start."""

from __future__ import annotations

import asyncio
import textwrap

import pytest
from worker_helpers import typical_pyproject

from workers_env import ConfigError, load_env, load_worker
from workers_env.runtime.loader import reload_worker  # workers-env dev's reload

SELF_CALLER = """\
    from urllib.parse import parse_qs, urlparse

    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/admin"):
                return Response(await self.env.ADMIN.who())
            n = int(parse_qs(urlparse(request.url).query).get("n", ["0"])[0])
            if n >= 5:
                return Response(f"{WORD} {n}")
            answer = await self.env.SELF.fetch(f"http://x/?n={n + 1}")
            return Response(await answer.text(), status=answer.status)


    class Admin(WorkerEntrypoint):
        async def who(self):
            return "admin"
"""


def _project(folder, services='[{ binding = "SELF", service = "selfcall" }]', word="reached"):
    (folder / "src").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "entry.py").write_text(textwrap.dedent(SELF_CALLER).replace("{WORD}", word))
    (folder / "wrangler.toml").write_text(
        'name = "selfcall"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        f'compatibility_flags = ["python_workers"]\nservices = {services}\n')
    typical_pyproject(folder)
    return folder


def _text(worker, path="/") -> str:
    async def answer() -> str:
        response = await worker.fetch(path)
        return f"{response.status} {await response.text()}"

    return asyncio.run(answer())


def test_a_workers_binding_to_itself_reaches_it(tmp_path, capsys):
    worker = load_worker(_project(tmp_path))
    assert _text(worker) == "200 reached 5"
    assert "SELF" not in capsys.readouterr().err  # not among the not-emulated bindings


def test_a_named_entrypoint_of_itself_is_its_class(tmp_path):
    folder = _project(tmp_path, '[{ binding = "SELF", service = "selfcall" },'
                                ' { binding = "ADMIN", service = "selfcall", entrypoint = "Admin" }]')
    assert _text(load_worker(folder), "/admin") == "200 admin"


def test_a_reload_reaches_the_reloaded_worker(tmp_path):
    folder = _project(tmp_path)
    env = load_env(folder)
    load_worker(env=env)
    _project(folder, word="again")
    assert _text(reload_worker(env)) == "200 again 5"


def test_a_supplied_worker_wins(tmp_path):
    other = load_worker(_project(tmp_path / "other", word="other"))
    worker = load_worker(_project(tmp_path / "self"), bindings={"SELF": other})
    assert _text(worker) == "200 other 5"  # the first call here, the rest in the supplied Worker


def test_an_entrypoint_it_does_not_export_is_refused_as_workerd_refuses_it(tmp_path):
    folder = _project(tmp_path, '[{ binding = "NOPE", service = "selfcall", entrypoint = "Nope" }]')
    with pytest.raises(ConfigError) as caught:
        load_worker(folder)
    assert str(caught.value).startswith(
        'Worker "core:user:selfcall"\'s binding "NOPE" refers to service "core:user:selfcall" with a named '
        'entrypoint "Nope", but "core:user:selfcall" has no such named entrypoint. (Its WorkerEntrypoint classes: '
        "Admin;")


def test_an_entry_naming_an_environment_stays_unsupplied(tmp_path):
    from workers_env import BindingNotEmulatedError

    worker = load_worker(_project(tmp_path, '[{ binding = "SELF", service = "selfcall", environment = "staging" }]'))
    with pytest.raises(BindingNotEmulatedError):
        _text(worker)
