"""The ``scheduled`` and ``queue`` events a Worker handles, as JavaScript hands them over.

A Cron Trigger reaches ``scheduled(controller, env, ctx)`` with a ``ScheduledController``
(``cron``, ``scheduledTime``, ``type``, ``noRetry()``); a queue delivery reaches
``queue(batch, env, ctx)`` with a ``MessageBatch`` (``queue``, ``messages``, ``ackAll()``,
``retryAll()``) of ``Message`` objects (``id``, ``timestamp``, ``body``, ``attempts``,
``ack()``, ``retry()``). The outcomes are reported as Miniflare reports them
(:class:`ScheduledResult`, :class:`QueueResult`). The SDK of the external era wraps the
batch so that bodies arrive as Python values and timestamps as ``datetime``
(:class:`SdkMessageBatch`); the built-in era hands the JS objects over raw.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from typing import Any

from workers_env._errors import WorkersEnvError
from workers_env.runtime.envwrap import python_from_rpc
from workers_env.runtime.jsconvert import object_from_entries, to_js
from workers_env.runtime.jsglobals import JsDate
from workers_env.runtime.jsproxy import JsArray, JsLiteralMap, JsMap, JsObject, JsProxy, js_type_error, jsnull

__all__ = [
    "JsMessageBatch",
    "JsScheduledController",
    "QueueMessage",
    "QueueResult",
    "ScheduledResult",
    "SdkMessageBatch",
    "scheduled_time_ms",
]


@dataclass
class ScheduledResult:
    """How a ``scheduled`` run ended: ``outcome`` ``"ok"`` or ``"exception"``; ``no_retry``."""

    outcome: str = "ok"
    no_retry: bool = False


@dataclass
class QueueMessage:
    """One message to deliver with ``worker.queue(...)``; plain values are wrapped in one."""

    body: Any
    id: str | None = None
    timestamp: Any = None  # a datetime, milliseconds since the epoch, or None for now
    attempts: int = 1


@dataclass
class QueueResult:
    """What the handler did with the batch (Miniflare's ``FetcherQueueResult``, in Python names)."""

    outcome: str = "ok"
    ack_all: bool = False
    retry_batch: dict[str, Any] = field(default_factory=lambda: {"retry": False})
    explicit_acks: list[str] = field(default_factory=list)
    retry_messages: list[dict[str, Any]] = field(default_factory=list)


#: workerd's texts for a ``scheduledTime`` a ``kj::Date`` cannot hold (jsg/value.h ``toKjDate``)
NOT_A_VALID_DATE = "The value cannot be converted because it is not a valid Date."
AFTER_2189 = "This API doesn't support dates after 2189."
BEFORE_1687 = "This API doesn't support dates before 1687."


def scheduled_time_ms(ms: float) -> int:
    """The ``scheduledTime`` workerd hands a ``scheduled`` handler for a Date of ``ms``
    milliseconds: the event's time is a ``kj::Date`` (int64 nanoseconds), which jsg's
    ``toKjDate`` makes of the caller's ``Date`` -- NaN (an invalid Date) is its ``TypeError``,
    as is a time whose nanoseconds leave int64 (before 1677-09-21, after 2262-04-11 UTC, though
    the texts say 1687 and 2189) -- truncating a part of a millisecond toward zero (measured
    under ``wrangler dev`` 4.164.0 through Miniflare's ``/cdn-cgi/handler/scheduled?time=``)."""
    if not math.isfinite(ms):
        raise js_type_error(NOT_A_VALID_DATE)
    nanos = float(ms) * 1e6
    if not nanos < 2.0 ** 63:
        raise js_type_error(AFTER_2189)
    if not nanos > -(2.0 ** 63):
        raise js_type_error(BEFORE_1687)
    return int(ms)


class JsScheduledController(JsProxy):
    """``ScheduledController``."""

    _js_name = "ScheduledController"

    def __init__(self, cron: str, scheduled_time: int, result: ScheduledResult):
        self.cron = cron
        self.scheduledTime = scheduled_time
        self.type = "scheduled"
        self._result = result

    def noRetry(self) -> None:  # noqa: N802 - JS name
        self._result.no_retry = True


def _delay(options: Any) -> dict[str, Any]:
    if options is None or options is jsnull:
        return {}
    if isinstance(options, JsObject):
        options = options.to_py()
    elif isinstance(options, JsLiteralMap):  # to_js(dict) from Pyodide 0.27: its keys are properties
        options = dict(options.read_properties())
    elif isinstance(options, JsMap):  # to_js(dict) on 0.26: an object with no delaySeconds member
        return {}
    if not isinstance(options, dict):
        raise js_type_error("retry() options must be an object")
    delay = options.get("delaySeconds")
    if delay is None:
        return {}
    if not isinstance(delay, (int, float)) or isinstance(delay, bool) or not 0 <= delay <= 43200:
        raise js_type_error("delaySeconds must be a number from 0 to 43200")
    return {"delaySeconds": delay}


class JsMessage(JsProxy):
    """``Message``: one delivered message; ``ack()``/``retry()`` decide its fate."""

    _js_name = "Message"

    def __init__(self, message: QueueMessage, result: QueueResult):
        self.id = message.id or uuid.uuid4().hex
        stamp = message.timestamp  # None: now
        self.timestamp = stamp if isinstance(stamp, JsDate) else JsDate() if stamp is None else JsDate(stamp)
        self.body = to_js(message.body, dict_converter=object_from_entries)
        self.attempts = message.attempts
        self._result = result

    def ack(self) -> None:
        if self.id not in self._result.explicit_acks:
            self._result.explicit_acks.append(self.id)

    def retry(self, options: Any = None) -> None:
        entry = {"msgId": self.id, **_delay(options)}
        self._result.retry_messages = [m for m in self._result.retry_messages if m["msgId"] != self.id] + [entry]


class JsMessageBatch(JsProxy):
    """``MessageBatch``: the queue's name and its messages."""

    _js_name = "MessageBatch"

    def __init__(self, queue: str, messages: list[QueueMessage], result: QueueResult):
        self.queue = queue
        self.messages = JsArray([JsMessage(m, result) for m in messages])
        self._result = result

    def ackAll(self) -> None:  # noqa: N802 - JS name
        self._result.ack_all = True

    def retryAll(self, options: Any = None) -> None:  # noqa: N802 - JS name
        self._result.retry_batch = {"retry": True, **_delay(options)}


def _from_js(value: Any) -> Any:
    """The SDK's ``python_from_rpc`` with its ``Date`` rule (a naive local ``datetime``)."""
    if isinstance(value, JsDate):
        return value.to_datetime()
    return python_from_rpc(value)


class SdkMessage:
    """A ``Message`` as the external SDK's wrapper hands it out: Python values."""

    def __init__(self, message: JsMessage):
        self._message = message

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._message, name)
        if callable(value) and not isinstance(value, JsProxy):
            def call(*args: Any, **kwargs: Any) -> Any:
                js_args = [to_js(a, dict_converter=object_from_entries) for a in args]
                return _from_js(value(*js_args, **kwargs))

            return call
        return _from_js(value)

    def __repr__(self) -> str:
        return f"<Message {self._message.id}>"


class SdkMessageBatch:
    """A ``MessageBatch`` as the external SDK's ``queue`` wrapper hands it out."""

    def __init__(self, batch: JsMessageBatch):
        self._batch = batch

    @property
    def queue(self) -> str:
        return self._batch.queue

    @property
    def messages(self) -> list[SdkMessage]:
        return [SdkMessage(m) for m in self._batch.messages]

    def ackAll(self) -> None:  # noqa: N802 - JS name
        self._batch.ackAll()

    def retryAll(self, options: Any = None, **kwargs: Any) -> None:  # noqa: N802 - JS name
        js_options = to_js(options, dict_converter=object_from_entries) if options is not None else None
        self._batch.retryAll(*([] if js_options is None else [js_options]), **kwargs)

    def __len__(self) -> int:
        return len(self._batch.messages)


def queue_messages(messages: Any) -> list[QueueMessage]:
    """The messages given to ``worker.queue``: ``QueueMessage`` objects or bodies."""
    if isinstance(messages, (str, bytes, dict)) or not hasattr(messages, "__iter__"):
        raise WorkersEnvError(
            "worker.queue() takes a list of message bodies (or QueueMessage objects), "
            f"got {type(messages).__name__}"
        )
    out = []
    for item in messages:
        out.append(item if isinstance(item, QueueMessage) else QueueMessage(body=item))
    ids = [m.id for m in out if m.id is not None]
    if len(ids) != len(set(ids)):
        raise WorkersEnvError("worker.queue(): message ids must be unique within a batch")
    return out
