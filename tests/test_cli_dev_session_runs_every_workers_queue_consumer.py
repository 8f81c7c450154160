"""``workers-env dev -c A -c B`` runs the queue consumers of every Worker of the session, not the
served one's alone, on what any of its Workers sends: wrangler 4.164.0 runs the session's Workers
in one Miniflare, so a message the second Worker sends to a queue it consumes, or the first sends
to it, reaches the second's ``queue()`` (measured with JavaScript twins,
``tools/wrangler/dev_session_probe.py queues``: ``b got hello from b``/``from a`` and
``[wrangler:info] QUEUE b-q 1/1``). Found by hunt48; before, the second Worker's batches were
never delivered, and the first's send was only recorded."""

from __future__ import annotations

from dev_reload_helpers import dev_streams

SERVED = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await self.env.B.fetch("https://b/")
        return Response("a: " + await answer.text())
'''

CONSUMER = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.OWN.send("hello from b")
        return Response("b sent")

    async def queue(self, batch, env=None, ctx=None):
        for message in batch.messages:
            print("b got", message.body)
            message.ack()
'''

HEAD = 'main = "src/entry.py"\ncompatibility_date = "2025-11-02"\ncompatibility_flags = ["python_workers"]\n'


def _session(root, a: tuple[str, str], b: tuple[str, str], *more: tuple[str, str], until: str) -> tuple[str, str]:
    """dev's stdout and stderr for Workers ``a`` (served), ``b`` (and ``c`` ...), each ``(source,
    config lines)``, after a request to ``/`` and a batch's ``until`` line (its ``QUEUE`` line;
    the 4 s waited before were for a batch timeout of 1 s)."""
    workers = list(zip("abcd", (a, b, *more)))
    for name, (source, extra) in workers:
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "entry.py").write_text(source)
        (root / name / "wrangler.toml").write_text(f'name = "{name}"\n{HEAD}{extra}')
    configs = [arg for name, _ in workers for arg in ("-c", f"{name}/wrangler.toml")]
    out, err = dev_streams(root, configs, [], until=until)
    assert "[wrangler:info] GET / 200 OK (Nms)\n" in out, (out, err)
    return out, err


def test_the_second_workers_consumer_gets_its_batch(tmp_path):
    out, err = _session(tmp_path, (SERVED, '[[services]]\nbinding = "B"\nservice = "b"\n'),
                        (CONSUMER, '[[queues.producers]]\nbinding = "OWN"\nqueue = "b-q"\n'
                                   '[[queues.consumers]]\nqueue = "b-q"\nmax_batch_timeout = 1\n'),
                        until="[wrangler:info] QUEUE b-q")
    assert "b got hello from b\n[wrangler:info] QUEUE b-q 1/1 (Nms)\n" in out, (out, err)


SENDER = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.Q.send("hello from a")
        return Response("sent")
'''


def test_the_first_workers_send_reaches_the_seconds_consumer(tmp_path):
    out, err = _session(tmp_path, (SENDER, '[[queues.producers]]\nbinding = "Q"\nqueue = "b-q"\n'),
                        (CONSUMER, '[[queues.consumers]]\nqueue = "b-q"\nmax_batch_timeout = 1\n'),
                        until="[wrangler:info] QUEUE b-q")
    assert "b got hello from a\n[wrangler:info] QUEUE b-q 1/1 (Nms)\n" in out, (out, err)
    # the first Worker's own delivery loop took the route for a broker of its own and died
    # (review76: "AttributeError: 'SessionBroker' object has no attribute 'on_change'" at exit)
    assert "Traceback" not in err and "shutdown failed" not in err, err


def test_a_send_reaches_the_worker_that_consumes_the_queue_not_the_first_with_queues(tmp_path):
    """The second Worker has queues of its own (it consumes ``b-q``), the third consumes the queue
    the first sends to: the message is the third's."""
    third = CONSUMER.replace("b got", "c got").replace("hello from b", "hello from c")
    out, err = _session(tmp_path, (SENDER, '[[queues.producers]]\nbinding = "Q"\nqueue = "c-q"\n'),
                        (CONSUMER, '[[queues.consumers]]\nqueue = "b-q"\nmax_batch_timeout = 1\n'),
                        (third, '[[queues.consumers]]\nqueue = "c-q"\nmax_batch_timeout = 1\n'),
                        until="[wrangler:info] QUEUE c-q")
    assert "c got hello from a\n[wrangler:info] QUEUE c-q 1/1 (Nms)\n" in out, (out, err)
