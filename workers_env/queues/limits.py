"""What workerd checks of a Queue message before it leaves the Worker, and the texts it throws.

``WorkerQueue::send``/``sendBatch`` (workerd ``src/workerd/api/queue.c++``): the content type
must be one of four, a ``text`` body a string, a ``bytes`` body an ``ArrayBufferView``.
(``Message body cannot be undefined`` and the empty batch are checked where every Queue
binding's calls pass, ``runtime/envwrap.py``, also for one you supply.) A ``delaySeconds`` is
jsg's ``int`` (``ToNumber``, truncated, NaN 0, past int32 refused). The queue service's own
limits (128 KB a message, 100 messages a batch, a delay of at most 12 hours) are not checked:
``wrangler dev`` 4.164.0 checks none of them where no local consumer takes the queue (measured
review50: a 1 MB message, 101 messages, 300 KB a batch, a delay of -1 and of 43201 all resolve),
and drops every message unread, its ``send()`` resolving all the same.
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import JsException

__all__ = ["CONTENT_TYPES", "not_of_type", "null_message", "unsupported_content_type", "wrong_body_type"]

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
    """jsg's refusal of a ``sendBatch`` message that is ``null`` or ``undefined`` (the struct's C++
    name as workerd mangles it; measured under wrangler dev 4.164.0)."""
    return JsException("Cannot initialize N7workerd3api11WorkerQueue18MessageSendRequestE with required members "
                       "from an undefined or null value.", name="TypeError")


def wrong_body_type(content_type: str, type_of: str) -> JsException:
    """``serialize``'s refusal of a body of the wrong kind (``type_of``: JavaScript's ``typeof``)."""
    return JsException(f'Content Type "{content_type}" requires a value of type {BODY_KINDS[content_type]}, '
                       f"but received: {type_of}", name="TypeError")
