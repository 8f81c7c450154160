"""In ``workers-env dev -c A -c B`` a send of the first Worker reaches the queue of whichever
session Worker consumes it now: wrangler dev applies a config edit to its one Miniflare, so a
consumer the second Worker's config gains takes the first's sends from then on, and one it drops
leaves the queue without a consumer (the send resolves, the message dropped unread). Found by
review76: the route was fixed when the sender's env was built, so a gained consumer got nothing
and a dropped one made the first Worker's send fail with a KeyError/RuntimeError (a 500)."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import DevServer
from test_cli_dev_session_runs_every_workers_queue_consumer import CONSUMER, HEAD

SENDER = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await self.env.Q.send("hello from a")
        return Response("sent " + str(answer.metadata.metrics.backlogCount))
'''

CONSUMES = '[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 1\n'


def _session(root: Path, b_consumes: bool) -> list[str]:
    for name, source, extra in (("a", SENDER, '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'),
                                ("b", CONSUMER, CONSUMES if b_consumes else "")):
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "entry.py").write_text(source)
        (root / name / "wrangler.toml").write_text(f'name = "{name}"\n{HEAD}{extra}')
    return ["-c", "a/wrangler.toml", "-c", "b/wrangler.toml"]


def test_a_consumer_the_second_config_gains_gets_the_firsts_sends(tmp_path):
    with DevServer(Path("a/wrangler.toml"), *_session(tmp_path, False), cwd=tmp_path) as server:
        assert server.get("/") == (200, "sent 0")
        server.edit(tmp_path / "b" / "wrangler.toml", f'name = "b"\n{HEAD}{CONSUMES}')
        server.wait_for("Local server updated and ready")
        assert server.get("/") == (200, "sent 0")
        server.wait_for("[wrangler:info] QUEUE q 1/1")
        assert "b got hello from a" in server.output


def test_a_consumer_the_second_config_drops_leaves_the_firsts_send_answered(tmp_path):
    with DevServer(Path("a/wrangler.toml"), *_session(tmp_path, True), cwd=tmp_path) as server:
        server.edit(tmp_path / "b" / "wrangler.toml", f'name = "b"\n{HEAD}')
        server.wait_for("Local server updated and ready")
        assert server.get("/") == (200, "sent 0")
        assert server.get("/") == (200, "sent 0")  # dropped unread: no backlog


def test_a_queue_both_workers_send_to_and_neither_consumes_drops_the_sends(tmp_path):
    configs = _session(tmp_path, False)
    (tmp_path / "b" / "wrangler.toml").write_text(f'name = "b"\n{HEAD}[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n')
    (tmp_path / "b" / "src" / "entry.py").write_text(SENDER.replace("hello from a", "hello from b"))
    with DevServer(Path("a/wrangler.toml"), *configs, cwd=tmp_path) as server:
        assert server.get("/") == (200, "sent 0")
        assert server.get("/") == (200, "sent 0")
        assert "Error" not in server.output


WAITER = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.Q.send(request.url.rsplit("/", 1)[-1])
        return Response("sent")

    async def queue(self, batch, env=None, ctx=None):
        for message in batch.messages:
            print("a got", message.body)
'''


def test_a_reload_of_one_worker_loses_the_messages_every_worker_has_waiting(tmp_path):
    """wrangler dev 4.164.0 (JavaScript twins): b's code edited while a's message waited for its
    6 s batch timeout; nothing delivered in the 12 s after -- the session's one runtime restarts."""
    configs = _session(tmp_path, False)
    (tmp_path / "a" / "src" / "entry.py").write_text(WAITER)
    (tmp_path / "a" / "wrangler.toml").write_text(
        f'name = "a"\n{HEAD}[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'
        '[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 2\n')
    with DevServer(Path("a/wrangler.toml"), *configs, cwd=tmp_path) as server:
        assert server.get("/lost") == (200, "sent")
        server.edit(tmp_path / "b" / "src" / "entry.py", CONSUMER.replace("b got", "b2 got"))
        server.wait_for("Local server updated and ready")
        assert server.get("/kept") == (200, "sent")
        server.wait_for("a got kept")
        assert "a got lost" not in server.output
