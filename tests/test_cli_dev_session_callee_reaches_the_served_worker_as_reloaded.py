"""``workers-env dev -c A -c B``: a Worker of the session bound back to the served one reaches
the served Worker as it is now -- after an edit of the served Worker's code, the reloaded one,
as wrangler's session restarts the Worker whose bundle changed and its callers reach the new one
(the callee's side of it: ``test_cli_dev_runs_each_config_as_a_worker_of_one_session.py``)."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import DevServer

GATEWAY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(await self.env.SEARCH.ask())

    async def version(self):
        return "v1"
'''

SEARCH = '''from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def ask(self):
        return f"search asked gateway: {await self.env.GATEWAY.version()}"
'''


def test_a_callee_calling_back_reaches_the_served_worker_reloaded(tmp_path):
    for name, code, other, binding in (("gateway", GATEWAY, "search", "SEARCH"), ("search", SEARCH, "gateway", "GATEWAY")):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(code)
        (tmp_path / name / "wrangler.toml").write_text(
            f'name = "{name}"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
            f'compatibility_flags = ["python_workers"]\nservices = [{{ binding = "{binding}", service = "{other}" }}]\n')
    with DevServer(Path("gateway/wrangler.toml"), "-c", "gateway/wrangler.toml", "-c", "search/wrangler.toml",
                   cwd=tmp_path) as server:
        assert server.get("/") == (200, "search asked gateway: v1")
        server.edit(tmp_path / "gateway" / "src" / "entry.py", GATEWAY.replace('"v1"', '"v2"'))
        server.wait_for("Local server updated and ready")
        assert server.get("/") == (200, "search asked gateway: v2")
