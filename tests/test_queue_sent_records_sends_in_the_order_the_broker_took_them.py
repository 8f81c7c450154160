"""``env.JOBS.sent`` lists what several threads send to a queue the Worker consumes in the order
its broker took them, the order their batches then deliver them in: each send is recorded in
the same hold of the producer's lock as its enqueue. Before review52 the record and the enqueue
were two holds, and a thread could record first and enqueue second."""

from __future__ import annotations

from worker_helpers import consumed_queue, run_at_once

from workers_env import load_env

THREADS, SENDS = 8, 150


def test_sent_is_in_the_brokers_order(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\ncompatibility_date = "2026-05-01"\n'
                                            + consumed_queue(max_batch_size=100))
    producer = load_env(tmp_path).unwrapped("JOBS")

    def send(thread: int) -> None:
        for n in range(SENDS):
            producer.send_sync(f"{thread}-{n}")

    run_at_once(THREADS, send)
    delivered = []
    while (batch := producer.broker.take_batch(10**10)) is not None:
        delivered += [m.body for m in batch.messages]
        producer.broker.settle(batch, "ok", True, {}, [], 10**10)
    assert len(delivered) == THREADS * SENDS
    assert [m.body for m in producer.sent] == delivered
