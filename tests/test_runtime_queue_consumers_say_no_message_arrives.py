"""A Worker that consumes queues is told, once, that no message reaches its ``queue()`` here.

``wrangler dev`` runs queues locally: what a local producer sends reaches the consumer's
``queue()`` handler. workers-env emulates no queue (a producer binding is a placeholder that
raises ``BindingNotEmulatedError``), so a ``queues.consumers`` entry would otherwise pass in
silence and the handler never run under ``workers-env dev``; ``load_worker`` and the dev server
say so at start, naming the way to deliver a batch (``worker.queue``), which still works.
"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def queue(self, batch, env, ctx):
            for message in batch.messages:
                message.ack()
"""
CONSUMERS = '[[queues.consumers]]\nqueue = "jobs"\n\n[[queues.consumers]]\nqueue = "mail"\n'
LINE = ("workers-env: queues.consumers (jobs, mail): queue delivery is not emulated, so no message reaches the "
        "Worker's queue() handler here (wrangler dev delivers what a local producer sends; a producer here "
        "only records it); deliver a batch "
        "yourself: await worker.queue([...], queue='jobs') in a test or script\n")


@pytest.mark.asyncio
async def test_consumers_are_named_once_and_worker_queue_delivers(tmp_path, capsys):
    folder = one_file_worker(tmp_path, ENTRY, extra=CONSUMERS)
    worker = load_worker(folder)
    assert capsys.readouterr().err == LINE
    load_worker(folder)
    assert capsys.readouterr().err == ""  # once per project and process
    result = await worker.queue(["a", "b"], queue="jobs")
    assert result.outcome == "ok" and len(result.explicit_acks) == 2


def test_no_consumers_no_line(tmp_path, capsys):
    load_worker(one_file_worker(tmp_path, ENTRY))
    assert "queues.consumers" not in capsys.readouterr().err
