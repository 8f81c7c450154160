"""Sends from several threads to a queue the Worker consumes each get the backlog as it was
just before them, one after another -- 0, 1, 2, ... with none twice -- as Miniflare's broker, one
Durable Object taking one request at a time, answers them (the cores of the bindings may be
shared across threads). Before 2026-12-05 the backlog was read before the broker's lock was
taken for the enqueue, so two sends could both answer the same count."""

from __future__ import annotations

from worker_helpers import consumed_queue, run_at_once

from workers_env import load_env

THREADS, SENDS = 8, 200


def test_each_send_answers_its_own_backlog(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\ncompatibility_date = "2026-05-01"\n'
                                            + consumed_queue(max_batch_size=100))
    producer = load_env(tmp_path).unwrapped("JOBS")
    counts: list[int] = []

    def send(thread: int) -> None:
        for n in range(SENDS):
            counts.append(producer.send_sync(n)["metadata"]["metrics"]["backlogCount"])

    run_at_once(THREADS, send)
    assert sorted(counts) == list(range(THREADS * SENDS))
