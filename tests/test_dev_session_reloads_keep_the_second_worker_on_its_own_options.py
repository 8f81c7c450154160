"""``workers-env dev -c a -c b --env-file F --compatibility-date D``: an edit of b's config
reloads b on its own ``.env`` and date, and one of a's keeps a on ``F`` and ``D`` -- a reload
takes the options as the start did (the first Worker's alone: wrangler dev 4.164.0 hands ``-c``'s
later configs only ``--env``, review81's measurement). review82 pins the reload path, which
review81's tests (start only) left open."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import DevServer

A_CALLS = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        b = await self.env.B.fetch("http://b/")
        return Response(f"a:{self.env.FROM_FILE}:{getattr(self.env, 'EDIT', '-')} b:{await b.text()}")
'''

B_ANSWERS = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"{self.env.FROM_FILE}:{getattr(self.env, 'EDIT', '-')}")
'''


def _config(name: str, extra: str = "", date: str = "2025-11-02") -> str:
    return (f'name = "{name}"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
            f'compatibility_flags = ["python_workers"]\n{extra}')


def test_a_reload_of_either_worker_keeps_the_options_where_the_start_put_them(tmp_path):
    services = '[[services]]\nbinding = "B"\nservice = "b"\n'
    for name, code, extra in (("a", A_CALLS, services), ("b", B_ANSWERS, "")):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(code)
        (tmp_path / name / "wrangler.toml").write_text(_config(name, extra))
        (tmp_path / name / ".env").write_text(f"FROM_FILE={name}-own\n")
    (tmp_path / "given.env").write_text("FROM_FILE=given\n")
    with DevServer(Path("a/wrangler.toml"), "-c", "a/wrangler.toml", "-c", "b/wrangler.toml",
                   "--env-file", str(tmp_path / "given.env"), "--compatibility-date", "2025-12-01", cwd=tmp_path) as server:
        assert server.get("/") == (200, "a:given:- b:b-own:-")
        mark = server.edit(tmp_path / "b" / "wrangler.toml", _config("b", '[vars]\nEDIT = "b2"\n'))
        server.wait_for("Local server updated and ready", after=mark)
        assert server.get("/") == (200, "a:given:- b:b-own:b2")
        mark = server.edit(tmp_path / "a" / "wrangler.toml", _config("a", services + '[vars]\nEDIT = "a2"\n'))
        server.wait_for("Local server updated and ready", after=mark)
        assert server.get("/") == (200, "a:given:a2 b:b-own:b2")
        # b's own date at a reload: a date after today in b's config is miniflare's refusal (the
        # given date is not b's); in a's config the given date stands over it, and a reloads
        mark = server.edit(tmp_path / "b" / "wrangler.toml", _config("b", '[vars]\nEDIT = "b3"\n', "2999-01-01"))
        server.wait_for('Compatibility date "2999-01-01" is in the future and unsupported', after=mark)
        server.wait_for("keeps serving the Worker loaded before", after=mark)
        mark = server.edit(tmp_path / "a" / "wrangler.toml", _config("a", services + '[vars]\nEDIT = "a3"\n', "2999-01-01"))
        server.wait_for("Local server updated and ready", after=mark)
        assert server.get("/") == (200, "a:given:a3 b:b-own:b2")
        assert "2999-01-01" not in "\n".join(server.lines[mark:])
    loaded = [line for line in server.lines if line.startswith("Loaded ")]
    assert "compatibility date 2025-12-01" in loaded[0] and "compatibility date 2025-11-02" in loaded[1], loaded
