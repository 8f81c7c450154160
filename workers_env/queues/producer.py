"""``env.<QUEUE>`` for a ``queues.producers`` entry: ``send``/``sendBatch`` that record what left.

``wrangler dev`` runs a queue locally: with no consumer of it in the session, Miniflare's
broker drops each message unread and ``send()`` resolves with the broker's empty metrics
(``{metadata: {metrics: {backlogCount: 0, backlogBytes: 0}}}``, measured under wrangler
4.164.0: the ``oldestMessageTimestamp`` of 0 is workerd's "no data" and left out). The producer
here does the same for Worker code and keeps each message it took, in order, in :attr:`sent`,
for a test to read: a producer-only Worker's route runs as under ``wrangler dev`` and its test
checks what it enqueued. When the Worker also consumes that queue (``queues.consumers``), the
messages go on to the env's :class:`~workers_env.queues.broker.QueueBroker` too, which the
runtime drives to the Worker's ``queue()`` handler, and ``send()`` answers with its backlog, as
Miniflare's broker does.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workers_env._clock import SYSTEM_CLOCK, Clock
from workers_env._errors import JsException
from workers_env._jsvalues import (
    UNDEFINED,
    JsDate,
    JsTypedArray,
    js_to_number,
    jsg_int_of_number,
    json_typeof,
    json_value,
    typed_array_bytes,
)
from workers_env.queues.broker import QueueBroker
from workers_env.queues.limits import (
    BODY_KINDS,
    CONTENT_TYPES,
    not_of_type,
    null_message,
    unsupported_content_type,
    wrong_body_type,
)

__all__ = ["MAX_KEPT", "QueueProducer", "SentMessage"]

#: How many sent messages a producer keeps (the oldest dropped first), so that a long
#: ``workers-env dev`` session does not grow without end; a test sends far fewer.
MAX_KEPT = 10_000


@dataclass(frozen=True)
class SentMessage:
    """One message as the Worker sent it: its body (a ``json`` one as JSON carries it, a ``bytes``
    one the bytes it carries, else as the binding received it), the content type it travels as
    (``"json"`` by default from 2024-03-18, ``queues_json_messages``; else ``"v8"``) and its
    ``delaySeconds`` (jsg's int of the call's, else the producer's ``delivery_delay``)."""

    body: Any
    content_type: str
    delay_seconds: int | float | None = None


def _type_of(value: Any) -> str:
    """JavaScript's ``typeof`` of a value the binding received."""
    return "function" if callable(value) else json_typeof(value)


def _member(options: Any, key: str) -> Any:
    return options.get(key) if isinstance(options, Mapping) else None


def _options(options: Any, method: str, position: int, expected: str) -> Any:
    """An options argument (a dict, a JS object; ``None`` for none) as jsg reads a struct: a
    string, number or boolean is not one."""
    if isinstance(options, (str, int, float)):
        raise not_of_type(method, position, expected)
    return options


def _delay(value: Any) -> int | None:
    """A ``delaySeconds`` as jsg reads ``jsg::Optional<int>``: absent (``None``, ``undefined``)
    is none; else ``ToNumber``, truncated, NaN and the infinities 0, past int32 jsg's
    ``TypeError`` (``1.5`` is 1, ``"5"`` 5, ``True`` 1: what the broker is sent)."""
    if value is None or value is UNDEFINED:
        return None
    return jsg_int_of_number(js_to_number(value))


def _checked(body: Any, content_type: str) -> Any:
    """``serialize``: a ``text`` body must be a string, a ``bytes`` body an ``ArrayBufferView``
    (the Worker's ``bytes`` or typed array), kept as the bytes the message carries."""
    if content_type == "text" and not isinstance(body, str):
        raise wrong_body_type(content_type, _type_of(body))
    if content_type != "bytes":
        return body
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if not isinstance(body, JsTypedArray):
        raise wrong_body_type(content_type, _type_of(body))
    return typed_array_bytes(body)


def _as_json(body: Any) -> Any:
    """A ``json`` message's body as it travels and its consumer's ``message.body`` reads it,
    ``JSON.parse(JSON.stringify(body))``: a set ``{}``, NaN ``null``, a typed array an index-keyed
    object, a BigInt JavaScript's ``TypeError`` (``Do not know how to serialize a BigInt``, as under
    wrangler dev 4.164.0); a value JSON has no say on (a function) kept as received."""
    try:
        return json_value(body)
    except JsException:
        raise
    except (TypeError, RecursionError):
        return body


def _dated(metrics: dict[str, Any]) -> dict[str, Any]:
    """The broker's ``metrics`` as workerd hands them on: the oldest message's time a ``Date``,
    left out when it is the 0 that means none."""
    oldest = metrics.pop("oldestMessageTimestamp")
    return {**metrics, "oldestMessageTimestamp": JsDate(oldest)} if oldest else metrics


class QueueProducer:
    """One Queue producer binding (``WorkerQueue`` to Worker code); :attr:`sent` lists what it took."""

    JS_METHODS = ("send", "sendBatch", "metrics")
    #: The argument of each method that is an options object (a PyProxy there reads as empty).
    JS_OPTION_ARGS = {"send": 1, "sendBatch": 1}

    def __init__(self, *, binding: str = "QUEUE", queue: str | None = None, json_messages: bool = True,
                 delivery_delay: int | float | None = None, broker: QueueBroker | None = None,
                 clock: Clock | None = None):
        self.binding = binding
        self.queue = queue or binding
        #: the env's broker when the Worker consumes this queue itself (``queues.consumers``), else None
        self.broker = broker if broker is not None and broker.consumes(self.queue) else None
        self._clock = clock or SYSTEM_CLOCK
        self._default_type = "json" if json_messages else "v8"
        self._delivery_delay = delivery_delay
        self._lock = threading.Lock()
        self._sent: list[SentMessage] = []

    def __repr__(self) -> str:
        return f"<QueueProducer {self.binding} -> {self.queue!r}: {len(self._sent)} sent>"

    @property
    def sent(self) -> list[SentMessage]:
        """The messages sent so far, oldest first (a copy: a test may keep it)."""
        with self._lock:
            return list(self._sent)

    @property
    def bodies(self) -> list[Any]:
        """The bodies of :attr:`sent`, oldest first: what most tests compare."""
        return [message.body for message in self.sent]

    def clear(self) -> None:
        """Forget what was sent (a test reusing one producer across steps)."""
        with self._lock:
            self._sent.clear()

    def _message(self, body: Any, content_type: Any, delay: Any, *, exact: bool) -> SentMessage:
        """``send`` reads the content type lower-cased; ``sendBatch`` checks it so but
        serialises with the type as written (``queue.c++``), so there ``"TEXT"`` is refused."""
        if content_type is None:
            kind = self._default_type
        else:
            text = str(content_type)
            if text.lower() not in CONTENT_TYPES or (exact and text not in CONTENT_TYPES):
                raise unsupported_content_type(text)
            kind = text.lower()
        if kind in BODY_KINDS:
            body = _checked(body, kind)
        elif kind == "json":
            body = _as_json(body)
        return SentMessage(body, kind, delay if delay is not None else self._delivery_delay)

    def _keep(self, messages: Sequence[SentMessage]) -> dict[str, Any]:
        """Record ``messages``, hand them to the broker when the Worker consumes the queue, and
        answer with the backlog as it was just before them (Miniflare reads its metrics first;
        read in the same hold of the broker's lock as the enqueue, so that two threads sending at
        once get the two backlogs one after the other, as Miniflare's one-at-a-time broker answers)."""
        with self._lock:
            self._sent.extend(messages)
            del self._sent[:-MAX_KEPT]
        if self.broker is None:
            return {"metadata": {"metrics": self._metrics()}}
        before = self.broker.enqueue(self.queue, [(m.body, m.content_type, m.delay_seconds) for m in messages],
                                     self._clock.now())
        return {"metadata": {"metrics": _dated(before)}}

    def _metrics(self) -> dict[str, Any]:
        """The broker's backlog (empty with no consumer), the oldest message's time a ``Date``,
        workerd leaving out the zero that means none."""
        if self.broker is None:
            return {"backlogCount": 0, "backlogBytes": 0}
        return _dated(self.broker.metrics(self.queue))

    async def send(self, body: Any, options: Any = None) -> dict[str, Any]:
        """``queue.send(body, {contentType, delaySeconds})``."""
        return self.send_sync(body, options)

    def send_sync(self, body: Any, options: Any = None) -> dict[str, Any]:
        options = _options(options, "send", 2, "SendOptions")
        delay = _delay(_member(options, "delaySeconds"))  # jsg reads the options before the body is looked at
        return self._keep([self._message(body, _member(options, "contentType"), delay, exact=False)])

    async def sendBatch(self, messages: Any, options: Any = None) -> dict[str, Any]:  # noqa: N802 - the JS name
        """``queue.sendBatch([{body, contentType, delaySeconds}, ...], {delaySeconds})``: all or none."""
        return self.send_batch_sync(messages, options)

    def send_batch_sync(self, messages: Any, options: Any = None) -> dict[str, Any]:
        if isinstance(messages, (str, bytes, Mapping)) or not isinstance(messages, Sequence):
            raise not_of_type("sendBatch", 1, "Sequence")
        if any(m is None or m is UNDEFINED for m in messages):
            raise null_message()
        delay = _delay(_member(_options(options, "sendBatch", 2, "SendBatchOptions"), "delaySeconds"))
        taken = []
        for m in messages:
            own = _delay(_member(m, "delaySeconds"))
            taken.append(self._message(_member(m, "body"), _member(m, "contentType"), own if own is not None else delay,
                                       exact=True))
        return self._keep(taken)

    async def metrics(self) -> dict[str, Any]:
        """``queue.metrics()``: the broker's backlog, as ``wrangler dev`` answers it."""
        return self._metrics()
