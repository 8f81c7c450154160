"""What workerd checks of a Queue message before it leaves the Worker, and the texts it throws.

``WorkerQueue::send``/``sendBatch`` (workerd ``src/workerd/api/queue.c++``): the content type
must be one of four, a ``text`` body a string, a ``bytes`` body an ``ArrayBufferView``.
(``Message body cannot be undefined`` and the empty batch are checked where every Queue
binding's calls pass, ``runtime/jsbindings.py``, also for one you supply.) A ``delaySeconds`` is
jsg's ``int`` (``ToNumber``, truncated, NaN 0, past int32 refused).

The queue's own limits are Miniflare's broker's (``broker.worker.ts``), and it checks them only
when a local consumer takes the queue: a message of more than 128,000 bytes as serialised, a
batch of more than 100 messages or 288,000 bytes, a delay that is no whole number from 0 to
86,400. Where no local consumer takes the queue ``wrangler dev`` 4.164.0 checks none of them
(measured review50 and queues43: a 1 MB message, 101 messages, 300 KB a batch, a delay of -1
and of 86,401 all resolve) and drops every message unread, its ``send()`` resolving all the
same. The broker's refusal reaches the Worker as workerd words a status that is not 200: from
2026-03-12 (``queue_expose_error_codes``) ``Unknown Internal Error (15000)`` (Miniflare sends no
cause or code), before it ``Queue send failed: <status text>`` (``sendBatch failed`` for a
batch), the status text Miniflare's message, or ``Internal Server Error`` for a delay it cannot
put in a status text (its zod error spans lines) and for a JSON body that is no JSON (measured
queues43, ``tools/wrangler/queue_probe.py``).
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import JsException
from workers_env._jscoercions import js_to_number, jsg_int_of_number
from workers_env._jsvalues import UNDEFINED

__all__ = [
    "CONTENT_TYPES",
    "INTERNAL_SERVER_ERROR",
    "MAX_BATCH_BYTES",
    "MAX_BATCH_MESSAGES",
    "MAX_DELAY_SECONDS",
    "MAX_MESSAGE_BYTES",
    "batch_problem",
    "broker_refusal",
    "message_problem",
    "delay_seconds",
    "delay_taken",
    "not_of_type",
    "null_message",
    "options_struct",
    "unsupported_content_type",
    "wrong_body_type",
]

#: Miniflare's broker's limits (``MAX_MESSAGE_SIZE_BYTES``, ``MAX_MESSAGE_BATCH_COUNT``,
#: ``MAX_MESSAGE_BATCH_SIZE``; the docs say 128 KB, 100 and 256 KB) and its delay schema's maximum.
MAX_MESSAGE_BYTES = 128 * 1000
MAX_BATCH_MESSAGES = 100
MAX_BATCH_BYTES = 288 * 1000
MAX_DELAY_SECONDS = 86_400

#: The status text of a refusal Miniflare cannot word (its own ``TypeError: Invalid statusText``
#: or a ``ZodError`` or ``SyntaxError`` it does not catch): a 500.
INTERNAL_SERVER_ERROR = "Internal Server Error"

#: ``IncomingQueueMessage::ContentType``: the ``contentType`` values workerd takes.
CONTENT_TYPES = ("text", "bytes", "json", "v8")

#: What a body must be for each content type that asks one thing of it, as workerd names it.
BODY_KINDS = {"text": "string", "bytes": "ArrayBufferView"}


def unsupported_content_type(content_type: Any) -> JsException:
    """``validateContentType``'s refusal."""
    return JsException(f"Unsupported queue message content type: {content_type}", name="TypeError")


def not_of_type(method: str, position: int, expected: str) -> JsException:
    """jsg's refusal of an argument it cannot read as its type: ``send(body, "text")``
    (``SendOptions``), ``sendBatch("abc")`` or ``sendBatch({})`` (``Sequence``); measured under
    wrangler dev 4.164.0."""
    return JsException(f"Failed to execute '{method}' on 'WorkerQueue': parameter {position} is not of type "
                       f"'{expected}'.", name="TypeError")


def null_message() -> JsException:
    """jsg's refusal of a ``sendBatch`` message that is ``null`` or ``undefined``, the struct named as
    workerd 1.20261123.1 and later name it (1.20261117.1, wrangler 4.164.0's, mangled the C++ name:
    ``N7workerd3api11WorkerQueue18MessageSendRequestE``; measured to 1.20261201.1)."""
    return JsException("Cannot initialize MessageSendRequest with required members from an undefined or null value.",
                       name="TypeError")


def wrong_body_type(content_type: str, type_of: str) -> JsException:
    """``serialize``'s refusal of a body of the wrong kind (``type_of``: JavaScript's ``typeof``)."""
    return JsException(f'Content Type "{content_type}" requires a value of type {BODY_KINDS[content_type]}, '
                       f"but received: {type_of}", name="TypeError")


def options_struct(options: Any, method: str, position: int, expected: str) -> Any:
    """An options argument (a dict, a JS object; ``None`` for none) as jsg reads a struct: a
    string, number or boolean is not one."""
    if isinstance(options, (str, int, float)):
        raise not_of_type(method, position, expected)
    return options


def delay_seconds(value: Any) -> int | None:
    """A ``delaySeconds`` as jsg reads ``jsg::Optional<int>``: absent (``None``, ``undefined``)
    is none; else ``ToNumber``, truncated, NaN and the infinities 0, past int32 jsg's
    ``TypeError`` (``1.5`` is 1, ``"5"`` 5, ``True`` 1: what the broker is sent)."""
    if value is None or value is UNDEFINED:
        return None
    return jsg_int_of_number(js_to_number(value))


def delay_taken(delay: Any) -> bool:
    """Whether Miniflare's ``QueueMessageDelaySchema`` takes a delay: a whole number from 0 to 86,400."""
    return delay is None or (isinstance(delay, (int, float)) and float(delay).is_integer()
                             and 0 <= delay <= MAX_DELAY_SECONDS)


def batch_problem(sizes: list[int]) -> str | None:
    """Miniflare's ``validateBatchSize``, in its order: the count, the largest message, the total."""
    if len(sizes) > MAX_BATCH_MESSAGES:
        return f"batch message count of {len(sizes)} exceeds limit of {MAX_BATCH_MESSAGES}"
    if max(sizes) > MAX_MESSAGE_BYTES:
        return (f"message in batch has length {max(sizes)} bytes which exceeds single message size limit of "
                f"{MAX_MESSAGE_BYTES}")
    if sum(sizes) > MAX_BATCH_BYTES:
        return f"batch size of {sum(sizes)} bytes exceeds limit of {MAX_BATCH_BYTES}"
    return None


def message_problem(size: int) -> str | None:
    """Miniflare's ``validateMessageSize`` of one ``send()``."""
    return f"message length of {size} bytes exceeds limit of {MAX_MESSAGE_BYTES}" if size > MAX_MESSAGE_BYTES else None


def broker_refusal(method: str, status_text: str, *, error_codes: bool) -> JsException:
    """What ``send()``/``sendBatch()`` throws when the broker answers with an error status:
    workerd's ``buildQueueErrorMessage`` with ``queue_expose_error_codes`` (the service's cause
    and code headers, which Miniflare never sends), else the status text after the method."""
    if error_codes:
        return JsException("Unknown Internal Error (15000)", name="Error")
    return JsException(f"Queue {method} failed: {status_text}", name="Error")
