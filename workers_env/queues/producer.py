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
from dataclasses import dataclass, field
from typing import Any

from workers_env._clock import SYSTEM_CLOCK, Clock
from workers_env._deep import JSON_OBJECTS_SEND_REFUSED_FROM, JSON_SEND_REFUSED_FROM, more_room, overflows, stack_exceeded
from workers_env._errors import JsException, NotEmulatedError
from workers_env._jsontext import json_text
from workers_env._jsvalues import (
    UNDEFINED,
    JsDate,
    JsTypedArray,
    PyProxyArgument,
    js_type_error,
    is_safe_int,
    typed_array_bytes,
)
from workers_env._sendchecks import refuse_circle
from workers_env._sentvalues import json_typeof, json_value
from workers_env.queues.broker import QueueBroker
from workers_env.queues.limits import (
    BODY_KINDS,
    CONTENT_TYPES,
    INTERNAL_SERVER_ERROR,
    batch_problem,
    broker_refusal,
    delay_seconds,
    delay_taken,
    message_problem,
    not_of_type,
    null_message,
    options_struct,
    unsupported_content_type,
    wrong_body_type,
)
from workers_env.queues.v8size import v8_size

__all__ = ["MAX_KEPT", "QueueProducer", "SentMessage", "serialized"]

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
    #: its bytes as sent (Miniflare's size of it: the text's UTF-8, the JSON text, the bytes, V8's
    #: serialisation); None for a ``json`` body of which ``JSON.stringify`` makes no text (a function)
    size: int | None = field(default=0, compare=False, repr=False)


def _type_of(value: Any) -> str:
    """JavaScript's ``typeof`` of a value the binding received."""
    return "function" if callable(value) else json_typeof(value)


def _member(options: Any, key: str) -> Any:
    return options.get(key) if isinstance(options, Mapping) else None


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


def _as_json(body: Any) -> tuple[Any, int | None]:
    """A ``json`` message's body as it travels and its consumer's ``message.body`` reads it,
    ``JSON.parse(JSON.stringify(body))``: a set ``{}``, NaN ``null``, a typed array an index-keyed
    object, a BigInt JavaScript's ``TypeError`` (``Do not know how to serialize a BigInt``), a
    value containing itself V8's ``Converting circular structure to JSON`` with its path, whichever
    ``JSON.stringify`` meets first (both measured under wrangler dev 4.164.0, in ``send`` and
    ``sendBatch``); a value JSON has no say on (a function) kept as received; one nested
    :data:`~workers_env._deep.JSON_SEND_REFUSED_FROM` levels of arrays deep or more,
    :data:`~workers_env._deep.JSON_OBJECTS_SEND_REFUSED_FROM` of objects, or a mix taking as much of
    the stack (:func:`~workers_env._deep.overflows`) V8's ``RangeError``, as workerd's
    ``JSON::Stringify`` gave it under wrangler dev 4.168.0. With the bytes of its JSON text, None
    for a function, of which ``JSON.stringify`` makes none."""
    if isinstance(body, PyProxyArgument):  # a Python function's PyProxy, as the runtime hands it over
        body = body.value
    if callable(body):
        return body, None
    try:
        try:
            value = json_value(body, limit=JSON_OBJECTS_SEND_REFUSED_FROM - 1, refusal=_Deeper)
        except _Deeper:  # deeper than V8 took objects: arrays, or some of each, it may take
            value = json_value(body, limit=JSON_SEND_REFUSED_FROM - 1, refusal=stack_exceeded)
            if overflows(value, _json_members, _is_list, JSON_SEND_REFUSED_FROM, JSON_OBJECTS_SEND_REFUSED_FROM):
                raise stack_exceeded() from None
    except JsException as error:
        if error.name == "RangeError":  # too deep -- unless it is a circle, which V8 names first
            refuse_circle(body, JSON_SEND_REFUSED_FROM)
        raise
    except (TypeError, RecursionError, NotEmulatedError):
        refuse_circle(body)  # JSON.stringify met the value again inside itself before anything it refuses
        return body, None
    if _holds_a_bigint(value):
        raise js_type_error("Do not know how to serialize a BigInt")
    with more_room(JSON_SEND_REFUSED_FROM, frames_per_level=3):
        return value, len(json_text(value).encode("utf-8", "surrogatepass"))


class _Deeper(Exception):
    """A ``json`` body nested deeper than any value of objects alone V8 took: walked again, by its
    kinds (a shallower one, the common case, is walked once)."""


def _json_members(value: Any) -> Any:
    """The objects and arrays JSON data's object or array holds (no other value nests); None for
    anything else."""
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list):
        return None
    return [member for member in value if isinstance(member, (dict, list))]


def _is_list(value: Any) -> bool:
    return isinstance(value, list)


def _holds_a_bigint(value: Any) -> bool:
    """Whether JSON data holds an int Pyodide hands JavaScript as a BigInt (from ``2**53 - 1``
    on either side: ``typeof`` of ``2**53 - 2`` is ``number``, of ``2**53 - 1`` ``bigint``, Pyodide
    0.26.0a4, 0.28.2 and 314.0.6 under Node, review55), at any depth: a body given to the queue
    outside Worker code, whose ints no ``to_js`` made BigInts yet."""
    todo = [value]
    while todo:
        item = todo.pop()
        if type(item) is int and not is_safe_int(item):
            return True
        if isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return False


def _size(body: Any, kind: str) -> int:
    """A ``text``, ``bytes`` or ``v8`` message's bytes as sent; a Python function (given to the
    producer itself: Worker code's are refused before it, with the rest V8 cannot clone) is V8's
    ``DataCloneError``, as for a PyProxy of one."""
    if kind == "text":
        return len(body.encode("utf-8", "surrogatepass"))
    if kind == "bytes":
        return len(body)
    if callable(body):
        raise JsException("function(){} could not be cloned.", name="DataCloneError")
    return v8_size(body)


def serialized(body: Any, content_type: Any, default_type: str, *, exact: bool) -> tuple[str, Any, int | None]:
    """workerd's ``serialize`` of one message (``queue.c++``): its content type, its body as it
    travels and its size, or the refusal -- an unsupported type, a ``text``/``bytes`` body of the
    wrong type, ``JSON.stringify``'s error (a BigInt, a value containing itself). ``send`` reads
    the content type lower-cased; ``sendBatch`` checks it so but serialises with the type as
    written, so there (``exact``) ``"TEXT"`` is refused."""
    if content_type is None:
        kind = default_type
    else:
        text = str(content_type)
        if text.lower() not in CONTENT_TYPES or (exact and text not in CONTENT_TYPES):
            raise unsupported_content_type(text)
        kind = text.lower()
    if kind == "json":
        body, size = _as_json(body)
    else:
        body = _checked(body, kind) if kind in BODY_KINDS else body
        size = _size(body, kind)
    return kind, body, size


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
                 clock: Clock | None = None, error_codes: bool = True):
        self.binding = binding
        self.queue = queue or binding
        #: the env's broker when the Worker consumes this queue itself (``queues.consumers``), else None
        self.broker = broker if broker is not None and broker.consumes(self.queue) else None
        self._clock = clock or SYSTEM_CLOCK
        self._default_type = "json" if json_messages else "v8"
        self._delivery_delay = delivery_delay
        self._error_codes = error_codes  # queue_expose_error_codes: how a refusal of the broker is worded
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

    def _consumer(self) -> QueueBroker | None:
        """The broker of a consumer of the queue now, or None: the env's own, or one a dev session
        points the producer at, whose consumer a config edit may take away (``consumes``)."""
        broker = self.broker
        return broker if broker is not None and broker.consumes(self.queue) else None

    def _message(self, body: Any, content_type: Any, delay: Any, *, exact: bool) -> SentMessage:
        kind, body, size = serialized(body, content_type, self._default_type, exact=exact)
        return SentMessage(body, kind, delay if delay is not None else self._delivery_delay, size)

    def _refusal(self, method: str, messages: Sequence[SentMessage], delay: int | None) -> JsException | None:
        """What the broker of a queue the Worker consumes refuses (none with no such consumer),
        in Miniflare's order: the sizes (``send``: the message's; ``sendBatch``: the count, the
        largest, the total), the call's delay, each message's delay, a body JSON gave no text."""
        if self._consumer() is None:
            return None
        sizes = [m.size or 0 for m in messages]
        problem = message_problem(sizes[0]) if method == "send" else batch_problem(sizes)
        if problem is None and (not delay_taken(delay) or not all(delay_taken(m.delay_seconds) for m in messages)
                                or any(m.size is None for m in messages)):
            problem = INTERNAL_SERVER_ERROR
        return None if problem is None else broker_refusal(method, problem, error_codes=self._error_codes)

    def _keep(self, method: str, messages: Sequence[SentMessage], delay: int | None = None) -> dict[str, Any]:
        """Record ``messages``, hand them to the broker when the Worker consumes the queue, and
        answer with the backlog as it was just before them (Miniflare reads its metrics first;
        read in the same hold of the broker's lock as the enqueue, so that two threads sending at
        once get the two backlogs one after the other, as Miniflare's one-at-a-time broker answers);
        nothing is kept of a call the broker refuses."""
        refusal = self._refusal(method, messages, delay)
        if refusal is not None:
            raise refusal
        with self._lock:  # recorded and enqueued in one hold: ``sent`` lists them in the broker's order
            self._sent.extend(messages)
            del self._sent[:-MAX_KEPT]
            broker = self._consumer()
            if broker is None:
                return {"metadata": {"metrics": self._metrics()}}
            before = broker.enqueue(self.queue, [(m.body, m.content_type, m.delay_seconds, m.size or 0)
                                                      for m in messages], self._clock.now())
        return {"metadata": {"metrics": _dated(before)}}

    def _metrics(self) -> dict[str, Any]:
        """The broker's backlog (empty with no consumer), the oldest message's time a ``Date``,
        workerd leaving out the zero that means none."""
        broker = self._consumer()
        if broker is None:
            return {"backlogCount": 0, "backlogBytes": 0}
        return _dated(broker.metrics(self.queue))

    async def send(self, body: Any, options: Any = None) -> dict[str, Any]:
        """``queue.send(body, {contentType, delaySeconds})``."""
        return self.send_sync(body, options)

    def send_sync(self, body: Any, options: Any = None) -> dict[str, Any]:
        options = options_struct(options, "send", 2, "SendOptions")
        delay = delay_seconds(_member(options, "delaySeconds"))  # jsg reads the options before the body is looked at
        return self._keep("send", [self._message(body, _member(options, "contentType"), delay, exact=False)], delay)

    async def sendBatch(self, messages: Any, options: Any = None) -> dict[str, Any]:  # noqa: N802 - the JS name
        """``queue.sendBatch([{body, contentType, delaySeconds}, ...], {delaySeconds})``: all or none."""
        return self.send_batch_sync(messages, options)

    def send_batch_sync(self, messages: Any, options: Any = None) -> dict[str, Any]:
        if isinstance(messages, (str, bytes, Mapping)) or not isinstance(messages, Sequence):
            raise not_of_type("sendBatch", 1, "Sequence")
        if any(m is None or m is UNDEFINED for m in messages):
            raise null_message()
        delay = delay_seconds(_member(options_struct(options, "sendBatch", 2, "SendBatchOptions"), "delaySeconds"))
        taken = []
        for m in messages:
            own = delay_seconds(_member(m, "delaySeconds"))
            taken.append(self._message(_member(m, "body"), _member(m, "contentType"), own if own is not None else delay,
                                       exact=True))
        return self._keep("sendBatch", taken, delay)

    async def metrics(self) -> dict[str, Any]:
        """``queue.metrics()``: the broker's backlog, as ``wrangler dev`` answers it."""
        return self._metrics()
