"""A ``workers-env dev -c A -c B`` session prints each Worker's console lines as they are, before
and after a reload of the second Worker's code or config: wrangler 4.164.0 prefixes
``console.log/info/debug`` with ``[<name>] `` only in a bundled build (its bundler injects the
``patch-console-prefix`` middleware in a multi-Worker session), and serves a Python Worker
unbundled (``no_bundle``) -- measured with unbundled JavaScript twins, ``tools/wrangler/dev_session_probe.py
prefix``: ``a log``, ``b log``, ``b got m`` at start and after each reload, ``[a] a log`` ...
only when bundled (session 50 had read a bundled twin's ``[b] b got ...`` as a gap of ours)."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import DevServer
from test_cli_dev_session_runs_every_workers_queue_consumer import HEAD, SERVED

LOGGER = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        print("b log STEP")
        await self.env.OWN.send("m STEP")
        return Response("b")

    async def queue(self, batch, env=None, ctx=None):
        for message in batch.messages:
            print("b got", message.body)
            message.ack()
'''

B_CONFIG = (f'name = "b"\n{HEAD}[[queues.producers]]\nbinding = "OWN"\nqueue = "b-q"\n'
            '[[queues.consumers]]\nqueue = "b-q"\nmax_batch_timeout = 1\n')


def test_each_workers_lines_are_unprefixed_before_and_after_reloads(tmp_path):
    for name, source, config in (("a", SERVED, f'name = "a"\n{HEAD}[[services]]\nbinding = "B"\nservice = "b"\n'),
                                 ("b", LOGGER.replace("STEP", "0"), B_CONFIG)):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(source)
        (tmp_path / name / "wrangler.toml").write_text(config)
    with DevServer(Path("a/wrangler.toml"), "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", cwd=tmp_path) as server:
        for step, edit in enumerate((None, "code", "config")):
            if edit == "code":
                server.edit(tmp_path / "b" / "src" / "entry.py", LOGGER.replace("STEP", "1"))
            elif edit == "config":
                server.edit(tmp_path / "b" / "wrangler.toml", B_CONFIG + '[vars]\nV = "1"\n')
            if edit:
                server.wait_for("Local server updated and ready", after=len(server.lines) - 1)
            mark, shown = len(server.lines), min(step, 1)
            assert server.get("/") == (200, "a: b")
            got = server.wait_for(f"b got m {shown}", after=mark)
            assert server.lines[got] == f"b got m {shown}", server.output
            assert f"b log {shown}" in server.lines[mark:got], server.output
