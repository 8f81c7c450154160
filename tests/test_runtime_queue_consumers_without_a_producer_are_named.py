"""A Worker that consumes a queue none of its producers sends to is told, once, that nothing
reaches that ``queue()`` here.

workers-env delivers what the Worker itself sends to a queue it consumes (as ``wrangler dev``
does); ``wrangler dev`` also takes what a producer in another local dev session sends, which
workers-env does not, so ``load_worker`` and the dev server name such queues at start, with the
way to deliver a batch (``worker.queue``), which still works. A queue the Worker also produces
to is not named.
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
LINE = ("workers-env: queues.consumers (jobs, mail): no producer of this Worker sends to it, and workers-env "
        "delivers to queue() only what the Worker itself sends, or another Worker of its dev -c A -c B session "
        "(wrangler dev also takes what another local dev session sends); deliver a batch yourself: await "
        "worker.queue([...], queue='jobs') in a test or script\n")


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


def test_a_queue_the_worker_also_produces_to_is_not_named(tmp_path, capsys):
    produced = '[[queues.producers]]\nbinding = "JOBS"\nqueue = "jobs"\n\n'
    load_worker(one_file_worker(tmp_path, ENTRY, extra=produced + CONSUMERS))
    assert capsys.readouterr().err == LINE.replace("(jobs, mail)", "(mail)").replace("queue='jobs'", "queue='mail'")


def test_a_dead_letter_queue_of_a_consumed_queue_is_not_named(tmp_path, capsys):
    config = ('[[queues.producers]]\nbinding = "JOBS"\nqueue = "jobs"\n\n[[queues.consumers]]\nqueue = "jobs"\n'
              'dead_letter_queue = "dlq"\n\n[[queues.consumers]]\nqueue = "dlq"\n')
    load_worker(one_file_worker(tmp_path, ENTRY, extra=config))
    assert "queues.consumers" not in capsys.readouterr().err
