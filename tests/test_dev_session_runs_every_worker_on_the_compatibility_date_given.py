"""``workers-env dev -c A -c B --compatibility-date D --compatibility-flags F`` runs every Worker
of the session on the date and flags given, not only the first (walk14's choice at the merge:
wrangler dev 4.164.0 hands its arguments to each config's Worker), so a session of two Workers
written for 2024 still runs when both configs already name 2026-05-01."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import DevServer
from worker_helpers import typical_pyproject

GATEWAY = '''from js import Response


async def on_fetch(request, env):
    answer = await env.SEARCH.fetch("http://x/")
    return Response.new(f"gateway, {await answer.text()}")
'''

SEARCH = '''from js import Response


async def on_fetch(request, env):
    return Response.new("search")
'''


def test_every_worker_of_the_session_runs_the_date_given(tmp_path):
    for name, code, extra in (("gateway", GATEWAY, '[[services]]\nbinding = "SEARCH"\nservice = "search"\n'),
                              ("search", SEARCH, "")):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(code)
        # module-level handlers no longer dispatch on this date (python_no_global_handlers)
        (tmp_path / name / "wrangler.toml").write_text(
            f'name = "{name}"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
            f'compatibility_flags = ["python_workers"]\n{extra}')
        typical_pyproject(tmp_path / name)
    with DevServer(Path("gateway/wrangler.toml"), "-c", "gateway/wrangler.toml", "-c", "search/wrangler.toml",
                   "--compatibility-date", "2024-12-01", "--compatibility-flags", "python_workers",
                   cwd=tmp_path) as server:
        assert server.get("/") == (200, "gateway, search")
