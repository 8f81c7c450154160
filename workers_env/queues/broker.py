"""The local queue broker: what ``wrangler dev`` 4.164.0 does with a message sent to a queue
the Worker itself consumes (Miniflare's ``QueueBrokerObject``, ``broker.worker.ts``).

Synchronous and clock-free: every call takes ``now`` (seconds since the epoch) and the broker
keeps only deadlines, so a test can run it on virtual time and the dev server on the wall
clock, each driving delivery itself (:meth:`QueueBroker.next_due`, :meth:`QueueBroker.take_batch`,
:meth:`QueueBroker.settle`). Miniflare's rules, measured under ``wrangler dev`` 4.164.0:

- a message joins its queue's backlog at once, or ``delaySeconds`` (the call's, else the
  ``delivery_delay`` of the queue's first producer) later; timers due at one time run in the
  order they were set;
- a backlog of ``max_batch_size`` (default 5: Miniflare's, not production's 10) is delivered at
  once; a smaller one ``max_batch_timeout`` seconds (default 1, not 5) after its first message
  arrived to an empty, idle queue; one batch of a queue is in flight at a time;
- a message the handler retries (``retry()``, ``retryAll()``, or a handler that throws) comes
  back after ``retry()``'s ``delaySeconds``, else ``retryAll()``'s, else the consumer's
  ``retry_delay`` (default 0), with ``attempts`` one higher, until it has failed
  ``max_retries + 1`` times (default 2 retries, not 3): then it moves to the
  ``dead_letter_queue`` (same id and timestamp, ``attempts`` from 1, after the dead-letter
  queue's first producer's ``delivery_delay``, if any) or is dropped, with
  Miniflare's warning; a message neither acked nor retried counts as acked;
- each batch ends with the line ``QUEUE <queue> <acked>/<total> (<ms>ms)``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workers_env._errors import ConfigError

__all__ = ["Batch", "BrokerMessage", "ConsumerOptions", "QueueBroker", "consumer_options", "delivery_delay"]

#: Miniflare's defaults (``DEFAULT_BATCH_SIZE``, ``DEFAULT_BATCH_TIMEOUT``, ``DEFAULT_RETRIES``).
DEFAULT_BATCH_SIZE = 5
DEFAULT_BATCH_TIMEOUT = 1.0
DEFAULT_RETRIES = 2

@dataclass(frozen=True)
class ConsumerOptions:
    """A ``queues.consumers`` entry's options, Miniflare's defaults where it gives none."""

    max_batch_size: int = DEFAULT_BATCH_SIZE
    max_batch_timeout: float = DEFAULT_BATCH_TIMEOUT
    max_retries: int = DEFAULT_RETRIES
    retry_delay: float = 0
    dead_letter_queue: str | None = None


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


#: Miniflare's ``QueueConsumerOptionsSchema`` (zod): each option's range, and whether it must be a whole number.
_RANGES = {"max_batch_size": (0, 100, False), "max_batch_timeout": (0, 60, False), "max_retries": (0, 100, False),
           "retry_delay": (0, 86400, True)}
#: Miniflare's ``QueueProducerOptionsSchema``: a producer's ``deliveryDelay``.
_DELIVERY_DELAY = (0, 86400, True)


def _refused(where: str, key: str, value: float, limits: tuple[int, int, bool] | None = None,
             not_whole: str = "Invalid input: expected int, received number") -> ConfigError | None:
    """Miniflare's refusal of an option out of its range (``wrangler dev`` then does not start;
    zod's texts, measured under 4.164.0), or of a batch size of 0, which Miniflare takes and then
    delivers empty batches without end."""
    low, high, whole = limits or _RANGES[key]
    if whole and value != int(value):
        zod = not_whole
    elif value > high:
        zod = f"Too big: expected number to be <={high}"
    elif value < low:
        zod = f"Too small: expected number to be >={low}"
    elif key == "max_batch_size" and value == 0:
        return ConfigError(f"{where}.max_batch_size = 0: wrangler dev takes it and then delivers empty batches "
                           "without end; give a batch size from 1 to 100")
    else:
        return None
    shown = int(value) if value == int(value) else value
    least = 1 if key == "max_batch_size" else low  # (0 is refused below)
    return ConfigError(f'{where}.{key} = {shown}: wrangler dev refuses to start with it (Miniflare: "{zod}"); give '
                       f"{'a whole number' if whole else 'a number'} from {least} to {high}")


def delivery_delay(entry: Mapping[str, Any], where: str = "queues.producers[0]") -> int | float | None:
    """A ``queues.producers`` entry's ``delivery_delay``: None when it gives none (or one of the
    wrong type, which ``validate`` reports); one Miniflare's schema refuses -- a whole number from
    0 to 86,400 -- raises :class:`ConfigError`, as ``wrangler dev`` then does not start (measured
    under 4.164.0 without a consumer of the queue too: the producers' schema is a union, so a
    fraction is zod's bare ``Invalid input``)."""
    value = _number(entry.get("delivery_delay"))
    problem = None if value is None else _refused(where, "delivery_delay", value, _DELIVERY_DELAY, "Invalid input")
    if problem is not None:
        raise problem
    return value


def consumer_options(entry: Mapping[str, Any], where: str = "queues.consumers[0]") -> ConsumerOptions:
    """The options of a ``queues.consumers`` entry (``where``: its place in the config). A
    value of the wrong type is left at the default, as ``validate`` reports it; one out of
    Miniflare's range raises :class:`ConfigError`, as ``wrangler dev`` refuses to start."""
    values = {key: _number(entry.get(key)) for key in _RANGES}
    for key, value in values.items():
        problem = None if value is None else _refused(where, key, value)
        if problem is not None:
            raise problem
    size, timeout, retries, delay = (values[k] for k in _RANGES)
    dlq = entry.get("dead_letter_queue")
    if isinstance(dlq, str) and dlq == entry.get("queue"):
        raise ConfigError(f'{where}.dead_letter_queue = "{dlq}": wrangler dev refuses to start with it (Miniflare: '
                          f"'Dead letter queue for queue \"{dlq}\" cannot be itself'); name another queue, whose "
                          "consumer takes what this one's retries give up on, or leave it out to drop them")
    return ConsumerOptions(
        max_batch_size=DEFAULT_BATCH_SIZE if size is None else int(size),
        max_batch_timeout=DEFAULT_BATCH_TIMEOUT if timeout is None else float(timeout),
        max_retries=DEFAULT_RETRIES if retries is None else int(retries),
        retry_delay=0 if delay is None else delay,
        dead_letter_queue=dlq if isinstance(dlq, str) else None)


@dataclass
class BrokerMessage:
    """One message in the broker: what the handler gets (``id``, ``timestamp`` in ms, ``body``,
    ``attempts``) and how it travels."""

    id: str
    timestamp: int
    body: Any
    content_type: str
    failed_attempts: int = 0
    size: int = 0

    @property
    def attempts(self) -> int:
        return self.failed_attempts + 1


@dataclass
class Batch:
    """A batch taken for delivery: its queue, its messages and the backlog metrics left behind
    (``batch.metadata.metrics`` to the handler)."""

    queue: str
    messages: list[BrokerMessage]
    metrics: dict[str, Any]
    started: float = 0.0
    generation: int = 0  # the broker's, when taken: a batch taken before a :meth:`QueueBroker.clear` settles nothing


@dataclass
class _Queue:
    options: ConsumerOptions
    backlog: list[BrokerMessage] = field(default_factory=list)
    arrivals: list[tuple[float, int, BrokerMessage]] = field(default_factory=list)  # (due, order, message)
    flush_at: float | None = None  # Miniflare's pending flush
    flush_order: int = 0  # when it was set, among every timer of the broker
    immediate: bool = False
    in_flight: bool = False


#: A log line: (level, text), level ``"info"``, ``"warn"`` or ``"error"`` as Miniflare logs it.
LogLine = tuple[str, str]


class QueueBroker:
    """The queues a Worker consumes, by name; thread-safe. ``on_change`` callbacks (the dev
    server's wake-up) run after each enqueue, outside the lock."""

    def __init__(self, consumers: Mapping[str, ConsumerOptions],
                 delivery_delays: Mapping[str, float | None] | None = None):
        self._queues = {name: _Queue(options) for name, options in consumers.items()}
        #: each queue's first producer's ``delivery_delay``: what a message moved to it as a
        #: dead-letter queue waits, as Miniflare's ``/batch`` applies it
        self.delivery_delays = dict(delivery_delays or {})
        #: the virtual time a driver running ahead of the env's clock has reached
        #: (``worker.deliver_queues()``): what a ``queue()`` handler sends then is sent then
        self.virtual_now: float | None = None
        self._lock = threading.RLock()
        self._order = 0
        self._generation = 0
        self.on_change: list[Callable[[], None]] = []

    def __repr__(self) -> str:
        return f"<QueueBroker {sorted(self._queues)}>"

    @property
    def queues(self) -> list[str]:
        return list(self._queues)

    def consumes(self, queue: str) -> bool:
        return queue in self._queues

    def metrics(self, queue: str) -> dict[str, Any]:
        """Miniflare's ``#getMetricsResponseObject``: the backlog (0 as the oldest timestamp of an empty one)."""
        with self._lock:
            q = self._queues[queue]
            return {"backlogCount": len(q.backlog), "backlogBytes": sum(m.size for m in q.backlog),
                    "oldestMessageTimestamp": q.backlog[0].timestamp if q.backlog else 0}

    def enqueue(self, queue: str, messages: list[tuple[Any, str, float | None, int]], now: float,
                *, ids: list[tuple[str, int]] | None = None) -> dict[str, Any]:
        """Take ``(body, content_type, delay_seconds, size)`` messages sent to ``queue`` at ``now``
        (``size``: its bytes as sent, which ``backlogBytes`` counts; ``ids``: the id and timestamp
        each keeps, for the dead-letter queue; ``now`` no earlier than :attr:`virtual_now`, if
        set). Returns :meth:`metrics` as they were just before."""
        with self._lock:
            before = self.metrics(queue)
            now = now if self.virtual_now is None else max(now, self.virtual_now)
            q = self._queues[queue]
            for i, (body, content_type, delay, size) in enumerate(messages):
                ident, stamp = ids[i] if ids else (os.urandom(16).hex(), int(now * 1000))
                message = BrokerMessage(ident, stamp, body, content_type, size=size)
                self._arrive(q, message, now, delay or 0)
        for wake in list(self.on_change):
            wake()
        return before

    def _arrive(self, q: _Queue, message: BrokerMessage, now: float, delay: float) -> None:
        if delay > 0:
            self._order += 1
            q.arrivals.append((now + delay, self._order, message))
        else:
            q.backlog.append(message)
            self._ensure_flush(q, now)

    def _ensure_flush(self, q: _Queue, now: float) -> None:
        """Miniflare's ``#ensurePendingFlush``."""
        has_space = len(q.backlog) < q.options.max_batch_size
        if q.flush_at is not None or q.in_flight:
            if q.immediate or has_space or q.in_flight:
                return
        delay = q.options.max_batch_timeout if has_space else 0.0
        self._order += 1
        q.flush_at, q.immediate, q.flush_order = now + delay, delay == 0, self._order

    def next_due(self) -> float | None:
        """When something next happens (a delayed message arrives, a batch is due), or None."""
        with self._lock:
            times = [t for q in self._queues.values() for t in
                     ([q.flush_at] if q.flush_at is not None and not q.in_flight else [])
                     + [a[0] for a in q.arrivals]]
            return min(times) if times else None

    def clear(self) -> None:
        """Forget every message waiting and the batches in flight, as ``wrangler dev`` does when
        the Worker is edited (Miniflare starts a new runtime, its brokers empty; measured under
        4.164.0): a batch still in a handler then settles nothing -- its retries are not kept --
        and the ``on_change`` callbacks are told, so that a dev server cuts it off."""
        with self._lock:
            self._generation += 1
            for q in self._queues.values():
                q.backlog.clear()
                q.arrivals.clear()
                q.flush_at, q.immediate, q.in_flight = None, False, False
        for wake in list(self.on_change):
            wake()

    def current(self, batch: Batch) -> bool:
        """Whether ``batch`` was taken since the last :meth:`clear` (its runtime still runs)."""
        return batch.generation == self._generation

    def pending(self) -> int:
        """Messages waiting, delayed or in a backlog (not those in flight)."""
        with self._lock:
            return sum(len(q.backlog) + len(q.arrivals) for q in self._queues.values())

    def take_batch(self, now: float) -> Batch | None:
        """The next batch due by ``now`` (delayed messages due by then having arrived), marked
        in flight until :meth:`settle`; None when none is due. Timers run in time order, those
        due at the same time in the order they were set, as Miniflare's timers fire
        (a batch timeout set before a delayed message's arrival goes first)."""
        with self._lock:
            while True:
                events: list[tuple[float, int, bool, str]] = []
                for name, q in self._queues.items():
                    if q.arrivals:
                        first = min(q.arrivals)
                        events.append((first[0], first[1], True, name))
                    if q.flush_at is not None and not q.in_flight:
                        events.append((q.flush_at, q.flush_order, False, name))
                due = [e for e in events if e[0] <= now]
                if not due:
                    return None
                at, _, arrives, name = min(due)
                q = self._queues[name]
                if arrives:
                    arrival = min(q.arrivals)
                    q.arrivals.remove(arrival)
                    q.backlog.append(arrival[2])
                    self._ensure_flush(q, at)
                    continue
                taken = q.backlog[:q.options.max_batch_size]
                del q.backlog[:len(taken)]
                q.in_flight, q.flush_at, q.immediate = True, None, False
                left = {"backlogCount": len(q.backlog), "backlogBytes": sum(m.size for m in q.backlog)}
                if q.backlog:
                    left["oldestMessageTimestamp"] = q.backlog[0].timestamp
                return Batch(name, taken, left, started=now, generation=self._generation)

    def settle(self, batch: Batch, outcome: str, ack_all: bool, retry_batch: Mapping[str, Any],
               retry_messages: Sequence[Mapping[str, Any]], now: float) -> list[LogLine]:
        """What the handler did with ``batch`` (Miniflare's ``FetcherQueueResult``): retried
        messages come back later, spent ones move to the dead-letter queue or are dropped.
        Returns Miniflare's log lines, in its order."""
        lines: list[LogLine] = []
        dead: list[BrokerMessage] = []
        with self._lock:
            if not self.current(batch):  # taken before a clear(): that runtime is gone
                return lines
            q = self._queues[batch.queue]
            options = q.options
            max_attempts = options.max_retries + 1
            plural = "" if max_attempts == 1 else "s"
            retry_all = bool(retry_batch.get("retry")) or outcome != "ok"
            delays = {r["msgId"]: r.get("delaySeconds") for r in retry_messages}
            batch_delay = retry_batch.get("delaySeconds")
            if batch_delay is None:
                batch_delay = options.retry_delay
            failed = 0
            for message in batch.messages:
                if not (retry_all or message.id in delays):
                    continue
                failed += 1
                message.failed_attempts += 1
                if message.failed_attempts < max_attempts:
                    delay = delays.get(message.id)
                    self._arrive(q, message, now, batch_delay if delay is None else delay)
                elif options.dead_letter_queue is not None:
                    lines.append(("warn", f'Moving message "{message.id}" on queue "{batch.queue}" to dead letter '
                                          f'queue "{options.dead_letter_queue}" after {max_attempts} failed '
                                          f"attempt{plural}..."))
                    dead.append(message)
                else:
                    lines.append(("warn", f'Dropped message "{message.id}" on queue "{batch.queue}" after '
                                          f"{max_attempts} failed attempt{plural}!"))
            elapsed = max(0, round((now - batch.started) * 1000))
            lines.append(("info", f"QUEUE {batch.queue} {len(batch.messages) - failed}/{len(batch.messages)} "
                                  f"({elapsed}ms)"))
            q.in_flight = False
            if q.backlog:
                self._ensure_flush(q, now)
            dlq = options.dead_letter_queue
        if dead and dlq is not None and self.consumes(dlq):  # a dead-letter queue nobody consumes drops them
            self.enqueue(dlq, [(m.body, m.content_type, self.delivery_delays.get(dlq), m.size) for m in dead], now,
                         ids=[(m.id, m.timestamp) for m in dead])
        return lines
