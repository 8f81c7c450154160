"""``workers-env dev -c A -c B``: a callee whose config is edited while a caller's request is
inside one of its methods finishes that call on the Worker and env it started with -- its D1 and
KV still open -- and the new one answers from then on, as the served Worker's reload keeps a
request on its old Worker. (Before, the callee's old env was closed at the watcher's next look,
the call failing with ``D1_ERROR: the database is closed``: no request of the server's counted it.)"""

from __future__ import annotations

import threading
from pathlib import Path

from dev_reload_helpers import DevServer

SEARCH = '''import asyncio
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def slow(self):
        await self.env.KV.put("k", "v1")
        print("inside slow", flush=True)
        await asyncio.sleep(1.2)
        row = await self.env.DB.prepare("select 1 as x").first()
        return f"{row.x} {await self.env.KV.get('k')} {getattr(self.env, 'A', '-')}"
'''

GATEWAY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            return Response(await self.env.S.slow())
        except Exception as error:
            return Response(f"failed: {error}")
'''

SEARCH_CONFIG = '''name = "search"
main = "src/entry.py"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]
[[kv_namespaces]]
binding = "KV"
id = "k1"
[[d1_databases]]
binding = "DB"
database_name = "d"
database_id = "dd"
'''


def test_the_call_under_way_ends_on_the_old_callee_with_its_bindings_open(tmp_path):
    for name, code, config in (("gateway", GATEWAY, 'name = "gateway"\nmain = "src/entry.py"\ncompatibility_date = '
                                '"2025-11-02"\ncompatibility_flags = ["python_workers"]\nservices = [{ binding = "S", '
                                'service = "search" }]\n'), ("search", SEARCH, SEARCH_CONFIG)):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(code)
        (tmp_path / name / "wrangler.toml").write_text(config)
    with DevServer(Path("gateway/wrangler.toml"), "-c", "gateway/wrangler.toml", "-c", "search/wrangler.toml",
                   cwd=tmp_path) as server:
        answers: list[tuple[int, str]] = []
        calling = threading.Thread(target=lambda: answers.append(server.get("/")))
        calling.start()
        server.wait_for("inside slow")  # asleep in it (a fixed 0.4 s could end before the call began, flake56)
        mark = server.edit(tmp_path / "search" / "wrangler.toml", SEARCH_CONFIG + '[vars]\nA = "new"\n')
        server.wait_for("Local server updated and ready", after=mark)
        calling.join()
        assert answers == [(200, "1 v1 -")]
        assert server.get("/") == (200, "1 v1 new")
        assert "closing the bindings" not in server.output
