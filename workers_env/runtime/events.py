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

import logging
import math
import uuid
from dataclasses import dataclass, field
from typing import Any

from workers_env._loglevel import WORKERD_WARNING
from workers_env._errors import WorkersEnvError
from workers_env._jsvalues import JsDict
from workers_env.runtime.jsconvert import object_from_entries, to_js
from workers_env.runtime.jsglobals import JsDate
from workers_env.runtime.jsnumbers import jsg_int
from workers_env.runtime.jsproxy import (
    JsArray,
    JsLiteralMap,
    JsMap,
    JsObject,
    JsProxy,
    js_type_error,
    jsnull,
    options_member,
)
from workers_env.runtime.jspyproxies import pyproxy_options
from workers_env.runtime.rpcvalues import python_from_rpc

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


#: what ``QueueRetryOptions`` holds (queue.h): the one member jsg reads of the options object
_RETRY_MEMBERS = frozenset({"delaySeconds"})


def _delay(options: Any, method: str, owner: str) -> dict[str, Any]:
    """``retry()``/``retryAll()``'s options as jsg reads a ``QueueRetryOptions`` struct
    (struct.h): ``undefined`` and ``null`` are an empty one; a primitive is refused; of any object
    -- an array, a function, a ``Map`` (``to_js(dict)`` on Pyodide 0.26), a dict's PyProxy by its
    Pyodide's rules -- ``delaySeconds`` is read, when not ``undefined``, as jsg reads an ``int``
    (``ToNumber``, NaN and the infinities 0, truncated, past int32 refused). workerd checks no
    other range: a negative delay or one past the docs' maximum is handed on as it is
    (measured through Miniflare's ``getWorker().queue()``, wrangler 4.164.0)."""
    if options is None or options is jsnull:
        return {}
    if isinstance(options, (str, int, float)) or (  # (a bool, a BigInt: ints too)
            isinstance(options, JsProxy) and type(options).typeof not in ("object", "function")):
        raise js_type_error(f"Failed to execute '{method}' on '{owner}': parameter 1 is not of type "
                            "'QueueRetryOptions'.")
    if isinstance(options, JsObject):
        raw = options_member(options, "delaySeconds")  # None: undefined; jsnull: null, in every era
        delay = raw if raw is None or raw is jsnull else getattr(options, "delaySeconds")
    elif isinstance(options, JsLiteralMap):  # to_js(dict) from Pyodide 0.27: its keys are properties
        delay = options_member(options, "delaySeconds")
    elif isinstance(options, JsMap):  # to_js(dict) on 0.26: an object with no delaySeconds member
        delay = None
    elif type(options) in (dict, JsDict):  # a PyProxy: its keys read from Pyodide 0.28 on
        delay = pyproxy_options(options, f"options of {owner}.{method}()", reads=_RETRY_MEMBERS).get("delaySeconds")
    else:
        delay = getattr(options, "delaySeconds", None)
    if delay is None:
        return {}
    if delay is not jsnull and not isinstance(delay, (JsProxy, str, int, float)):
        delay = str(delay)  # a PyProxy, which ToNumber reads as its str(): [5] is "[5]", NaN (real Pyodide 0.26, 0.28)
    return {"delaySeconds": jsg_int(delay)}


def _log_warning(text: str) -> None:
    """A warning of workerd's ``IoContext::logWarning`` (the console under ``wrangler dev``)."""
    logging.getLogger("workers_env.runtime").warning(text, extra=WORKERD_WARNING)


def _no_effect(call: str, after: str, message_id: str | None = None) -> None:
    """workerd's warning for an ``ack``/``retry`` call that an earlier call overrides (queue.c++)."""
    on = "" if message_id is None else f" on message {message_id}"
    _log_warning(f"Received a call to {call}(){on} after {after}() was already called. Calling {call}()"
                 f"{'' if message_id is None else ' on a message'} after calling {after}() has no effect.")


class JsMessage(JsProxy):
    """``Message`` (``QueueMessage`` to JavaScript): one delivered message; ``ack()``/``retry()``
    decide its fate, the first of the two that applies winning, as workerd keeps them."""

    _js_name = "QueueMessage"

    def __init__(self, message: QueueMessage, result: QueueResult):
        self.id = message.id or uuid.uuid4().hex
        stamp = message.timestamp  # None: now
        self.timestamp = stamp if isinstance(stamp, JsDate) else JsDate() if stamp is None else JsDate(stamp)
        self.body = to_js(message.body, dict_converter=object_from_entries)
        self.attempts = message.attempts
        self._result = result

    def ack(self) -> None:
        result = self._result
        if result.ack_all:
            return
        if result.retry_batch["retry"]:
            return _no_effect("ack", "retryAll", self.id)
        if any(m["msgId"] == self.id for m in result.retry_messages):
            return _no_effect("ack", "retry", self.id)
        if self.id not in result.explicit_acks:
            result.explicit_acks.append(self.id)

    def retry(self, options: Any = None) -> None:
        delay = _delay(options, "retry", "QueueMessage")  # (jsg reads the argument before the call runs)
        result = self._result
        if result.ack_all:
            return _no_effect("retry", "ackAll", self.id)
        if self.id in result.explicit_acks:
            return _no_effect("retry", "ack", self.id)
        entry = {"msgId": self.id, **delay}  # a second retry() replaces the first's options, in its place
        kept = [i for i, m in enumerate(result.retry_messages) if m["msgId"] == self.id]
        if kept:
            result.retry_messages[kept[0]] = entry
        else:
            result.retry_messages.append(entry)


class JsMessageBatch(JsProxy):
    """``MessageBatch`` (``QueueController`` to JavaScript): the queue's name and its messages."""

    _js_name = "QueueController"

    def __init__(self, queue: str, messages: list[QueueMessage], result: QueueResult, *, metadata: Any = None):
        if metadata is not None:  # the broker's backlog, as Miniflare hands it with a delivered batch
            self.metadata = to_js(metadata, dict_converter=object_from_entries)
        self.queue = queue
        self.messages = JsArray([JsMessage(m, result) for m in messages])
        self._result = result

    def ackAll(self) -> None:  # noqa: N802 - JS name
        if self._result.retry_batch["retry"]:
            return _no_effect("ackAll", "retryAll")
        self._result.ack_all = True

    def retryAll(self, options: Any = None) -> None:  # noqa: N802 - JS name
        delay = _delay(options, "retryAll", "QueueController")
        if self._result.ack_all:
            return _no_effect("retryAll", "ackAll")
        self._result.retry_batch = {**self._result.retry_batch, "retry": True, **delay}  # an earlier delay kept


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

    def __getattr__(self, name: str) -> Any:
        """Any other member (``metadata``, from the broker) as the SDK's ``_BindingWrapper`` reads it."""
        if name.startswith("_"):
            raise AttributeError(name)
        return _from_js(getattr(self._batch, name))


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
