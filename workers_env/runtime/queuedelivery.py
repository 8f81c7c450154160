"""Driving the env's queue broker (``workers_env.queues.broker``) to the Worker's ``queue()``
handler: on virtual time for ``worker.deliver_queues()`` (every batch due, retries and
dead-letter queues included, at once, in the order ``wrangler dev`` would deliver them), on the
wall clock for ``workers-env dev`` (a task sleeping until the broker's next deadline, printing
Miniflare's lines as wrangler does: ``[wrangler:info] QUEUE jobs 2/3 (4ms)``).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workers_env._deep import JSON_SEND_REFUSED_FROM, MAX_CONVERSION_DEPTH, ROOMY_FROM, converting_within, more_room, nesting
from workers_env._errors import WorkersEnvError
from workers_env._jsvalues import JsMapArgument
from workers_env._jsvalues import JsTypedArray as ModelTypedArray
from workers_env.queues.broker import Batch, QueueBroker
from workers_env.queues.v8size import body_members
from workers_env.runtime.events import QueueMessage, QueueResult
from workers_env.runtime.jsbuffers import JsBuffer, JsTypedArray
from workers_env.runtime.jsconvert import object_from_entries, to_js
from workers_env.runtime.jsglobals import JsDate
from workers_env.runtime.jsmapkeys import map_key
from workers_env.runtime.jsproxy import JsArray, JsMap
from workers_env.runtime.severable import Severable

if TYPE_CHECKING:
    from workers_env.runtime.loader import Worker

__all__ = ["QueueDelivery", "deliver_pending", "drive_queues"]

#: How many batches one :func:`deliver_pending` delivers before it calls the queues a loop (two
#: dead-letter queues feeding each other retry for ever, in ``wrangler dev`` too).
MAX_DRAINED_BATCHES = 10_000


@dataclass
class QueueDelivery:
    """One batch delivered to ``queue()``: its queue, its messages (``id``, ``timestamp`` in ms,
    ``body``, ``attempts``), what the handler did (``result``), the exception it raised (``error``,
    the batch then retried whole, as Miniflare retries it) and Miniflare's log lines
    (``(level, text)``)."""

    queue: str
    messages: list[QueueMessage]
    result: QueueResult
    error: BaseException | None = None
    log: list[tuple[str, str]] = field(default_factory=list)

    @property
    def bodies(self) -> list[Any]:
        return [m.body for m in self.messages]


def _cloned(value: Any, made: dict[int, Any] | None = None, cyclic: set[int] | None = None) -> Any:
    """A ``v8`` body as V8's structured clone hands it on: an ``ArrayBuffer`` (which a binding
    is handed as its bytes) and a typed array stay what they are, and a ``Map`` (Pyodide 0.26's
    ``to_js(dict)``) is a ``Map`` with its entries, in any object or array (measured under
    wrangler dev 4.164.0 with a JavaScript Worker, leftovers44: ``[object Map] [["a",1]]``). What
    the body holds twice, or inside itself, is cloned once (``made``), as V8's clone keeps it; an
    object inside itself (``cyclic``) is made a JavaScript object here, which ``to_js`` with a
    ``dict_converter`` would leave without the property closing the circle."""
    if made is None:
        made, cyclic = {}, _holding_themselves(value)
    assert cyclic is not None
    if id(value) in made:
        return made[id(value)]
    if isinstance(value, (bytes, bytearray)):
        return JsBuffer(value)
    if isinstance(value, ModelTypedArray):
        return JsTypedArray(value.name, value)
    if isinstance(value, JsMapArgument):
        clone = made[id(value)] = JsMap({})
        for k, v in value.entries:
            clone._entries[map_key(_js(k, made, cyclic))] = _js(v, made, cyclic)
        return clone
    if type(value) is dict and id(value) in cyclic:
        made[id(value)] = obj = object_from_entries(JsArray([]))
        filled = object_from_entries(JsArray([JsArray([k, _js(v, made, cyclic)]) for k, v in value.items()]))
        object.__setattr__(obj, "_props", filled._props)  # (the properties of the object made first)
        return obj
    if type(value) is dict:
        copy: dict[Any, Any] = {}
        made[id(value)] = copy
        for k, v in value.items():  # (loops, not generators: no C frame per level)
            copy[k] = _cloned(v, made, cyclic)
        return copy
    if type(value) is list:
        items: list[Any] = []
        made[id(value)] = items
        for v in value:
            items.append(_cloned(v, made, cyclic))
        return items
    return value


def _holding_themselves(value: Any) -> set[int]:
    """The ids of the dicts of ``value`` met again inside themselves."""
    found: set[int] = set()
    on_path: set[int] = set()
    done: set[int] = set()

    def walk(item: Any) -> None:
        if isinstance(item, JsMapArgument):
            children: list[Any] = [part for pair in item.entries for part in pair]
        elif type(item) is dict:
            children = list(item.values())
        elif type(item) is list:
            children = item
        else:
            return
        if id(item) in on_path:
            found.add(id(item))
            return
        if id(item) in done:
            return
        on_path.add(id(item))
        for child in children:
            walk(child)
        on_path.discard(id(item))
        done.add(id(item))

    walk(value)
    return found


def _js(value: Any, made: dict[int, Any], cyclic: set[int]) -> Any:
    """A key or value of a cloned ``Map`` as JavaScript holds it (a Map's entries are no plain data
    the message's own conversion reaches)."""
    return to_js(_cloned(value, made, cyclic), dict_converter=object_from_entries)


def delivered_body(body: Any, content_type: str) -> Any:
    """What Miniflare's broker hands the consumer of a message it took (measured under wrangler
    dev 4.164.0 with a JavaScript Worker, queues43): a ``bytes`` message's body an
    ``ArrayBuffer`` (its ``viewToBuffer``; production's workerd makes a ``Uint8Array`` of it), a
    ``v8`` one the structured clone of what was sent, a ``text`` or ``json`` one its string or
    parsed JSON -- as deep as the producer took it (workerd's ``JSON.parse`` of it, no conversion of
    Pyodide's, so :data:`~workers_env._deep.MAX_CONVERSION_DEPTH` does not apply)."""
    if content_type == "bytes":
        return JsBuffer(body)
    if content_type == "json":
        with converting_within(JSON_SEND_REFUSED_FROM - 1):
            return to_js(body, dict_converter=object_from_entries)
    if content_type != "v8":
        return body
    depth = nesting(body, body_members, MAX_CONVERSION_DEPTH)  # (the producer refused deeper ones)
    with more_room(depth) if depth > ROOMY_FROM else contextlib.nullcontext():
        return _cloned(body)


async def _deliver(worker: Worker, broker: QueueBroker, batch: Batch, now: Callable[[], float],
                   running: Callable[[Severable], None] | None = None) -> QueueDelivery:
    messages = [QueueMessage(m.body, id=m.id, timestamp=m.timestamp, attempts=m.attempts) for m in batch.messages]
    handed = [QueueMessage(delivered_body(m.body, m.content_type), id=m.id, timestamp=m.timestamp, attempts=m.attempts)
              for m in batch.messages]
    metrics: dict[str, Any] = dict(batch.metrics)
    if "oldestMessageTimestamp" in metrics:  # a Date, as workerd hands it over
        metrics["oldestMessageTimestamp"] = JsDate(metrics["oldestMessageTimestamp"])
    error: BaseException | None = None
    result = QueueResult()
    try:
        opened: list[Any] = []  # its ExecutionContext, cut off with it
        handler = Severable(worker._queue_batch(batch.queue, handed, {"metrics": metrics}, result, opened), opened)
        if running is not None:  # (a dev server's: a reload cuts it off)
            running(handler)
        await handler
    except asyncio.CancelledError:  # ours (the server stops); the Worker's own is a HandlerCancelledError
        raise
    except BaseException as exc:  # noqa: BLE001 - the handler's exception (SystemExit and KeyboardInterrupt
        # too: Pyodide's asyncio rejects the handler with them, as a fetch's): workerd's "exception"
        # outcome, with the retry() delays recorded before it
        error, result.outcome = exc, "exception"
    lines = broker.settle(batch, result.outcome, result.ack_all, result.retry_batch, result.retry_messages, now())
    return QueueDelivery(batch.queue, messages, result, error, lines)


async def deliver_pending(worker: Worker, broker: QueueBroker, start: float) -> list[QueueDelivery]:
    """Every batch the broker holds, on virtual time from ``start``: each deadline (batch
    timeout, delivery or retry delay) is met at once, until nothing is left."""
    deliveries: list[QueueDelivery] = []
    at = start
    try:
        while (due := broker.next_due()) is not None:
            if len(deliveries) >= MAX_DRAINED_BATCHES:  # checked before a batch is taken: it stays pending
                raise WorkersEnvError(
                    f"worker.deliver_queues() stopped after {MAX_DRAINED_BATCHES} batches with messages still "
                    f"pending on {broker.queues}: the queue() handler keeps retrying them and the dead-letter "
                    "queues feed each other. Ack the messages, or give a dead-letter queue no dead_letter_queue "
                    "of its own")
            at = max(at, due)
            batch = broker.take_batch(at)
            if batch is None:  # only delayed messages arrived: their batch is due later
                continue
            broker.virtual_now = at  # what the handler sends, it sends at this virtual time
            deliveries.append(await _deliver(worker, broker, batch, lambda: at))
    finally:
        broker.virtual_now = None
    return deliveries


#: Batches cut off by a reload, until their tasks have ended (a reference keeps each task alive).
_CUT_OFF: set[asyncio.Task[None]] = set()

#: The longest a driver with an ``until`` waits before asking it again (seconds).
_RECHECK = 0.5


@dataclass
class _Flight:
    """A batch in flight, with its ``queue()`` while that runs (a reload cuts it off)."""

    batch: Batch
    handler: Severable | None = None


def _cut_off(flying: dict[asyncio.Task[None], _Flight], tasks: list[asyncio.Task[None]]) -> None:
    """Cancel batches whose runtime a reload ended, without waiting for them: wrangler dev
    4.164.0 kills the runtime, so their ``queue()`` runs no further, prints nothing more and is
    not retried (measured with JavaScript twins, ``tools/wrangler/dev_session_probe.py inflight``);
    here it stops at its next ``await`` and is never resumed (:class:`.Severable`: review78, a
    bare ``except:`` around the ``await`` went on, printed and sent into the new runtime's
    queues). Not awaited. They leave ``flying``."""
    for task in tasks:
        handler = flying.pop(task).handler
        if handler is not None:
            handler.sever()
        task.cancel()
        _CUT_OFF.add(task)
        task.add_done_callback(_CUT_OFF.discard)


async def drive_queues(worker: Worker, broker: QueueBroker, report: Callable[[QueueDelivery], None],
                       *, until: Callable[[], bool] | None = None, clock: Callable[[], float] = time.time) -> None:
    """``workers-env dev``'s delivery: deliver each batch when it is due and hand it to
    ``report`` (the dev server prints its lines), until cancelled (the batches in flight with
    it) or ``until()`` is true (a reloaded Worker: a code edit empties the broker, a config edit
    gives the env a new one). A reload cuts off the batches in flight (:func:`_cut_off`): this
    Worker's own when ``until()`` turns true, and any taken before ``broker.clear()`` -- which a
    ``dev -c A -c B`` session calls on every Worker's broker when any of them reloads, as
    wrangler restarts the session's one runtime. Each batch runs in a task of its own, as each of Miniflare's queues
    is a Durable Object of its own: a slow ``queue()`` on one queue holds no other queue's batch."""
    loop = asyncio.get_running_loop()
    wake = asyncio.Event()
    flying: dict[asyncio.Task[None], _Flight] = {}

    def changed() -> None:  # called by a send or a clear, maybe from another thread
        with contextlib.suppress(RuntimeError):  # the loop closed: the server has stopped
            loop.call_soon_threadsafe(wake.set)

    async def deliver(flight: _Flight) -> None:
        try:
            report(await _deliver(worker, broker, flight.batch, clock,
                                  lambda handler: setattr(flight, "handler", handler)))
        finally:
            flight.handler = None
            wake.set()  # its queue may have a batch due now that this one is settled

    broker.on_change.append(changed)
    try:
        while until is None or not until():
            wake.clear()  # before reading the deadline: a send after it wakes the wait below
            _cut_off(flying, [task for task, flight in flying.items() if not broker.current(flight.batch)])
            due = broker.next_due()
            wait = None if due is None else max(0.0, due - clock())
            if until is not None:
                wait = _RECHECK if wait is None else min(wait, _RECHECK)
            if wait is None or wait > 0:
                try:
                    await asyncio.wait_for(wake.wait(), timeout=wait)
                except asyncio.TimeoutError:
                    pass
                continue
            batch = broker.take_batch(clock())
            if batch is None:
                continue
            flight = _Flight(batch)
            task = asyncio.ensure_future(deliver(flight))
            flying[task] = flight
            task.add_done_callback(lambda done: flying.pop(done, None))
        _cut_off(flying, list(flying))  # a reload of this Worker
    finally:
        broker.on_change.remove(changed)
        for task in flying:  # (the server stops)
            task.cancel()
        if flying:
            await asyncio.gather(*flying, return_exceptions=True)
