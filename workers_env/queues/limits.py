"""What workerd checks of a Queue message before it leaves the Worker, and the texts it throws.

``WorkerQueue::send``/``sendBatch`` (workerd ``src/workerd/api/queue.c++``): the content type
must be one of four, a ``text`` body a string, a ``bytes`` body an ``ArrayBufferView``.
(``Message body cannot be undefined`` and the empty batch are checked where every Queue
binding's calls pass, ``runtime/envwrap.py``, also for one you supply.) The queue service's
own limits (128 KB a message, 100 messages a batch) are not checked: ``wrangler dev`` 4.164.0
checks them only where a local consumer takes the queue, and with none it drops every message
unread, its ``send()`` resolving all the same.
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import JsException

__all__ = ["CONTENT_TYPES", "unsupported_content_type", "wrong_body_type"]

#: ``IncomingQueueMessage::ContentType``: the ``contentType`` values workerd takes.
CONTENT_TYPES = ("text", "bytes", "json", "v8")

#: What a body must be for each content type that asks one thing of it, as workerd names it.
BODY_KINDS = {"text": "string", "bytes": "ArrayBufferView"}


def unsupported_content_type(content_type: Any) -> JsException:
    """``validateContentType``'s refusal."""
    return JsException(f"Unsupported queue message content type: {content_type}", name="TypeError")


def wrong_body_type(content_type: str, type_of: str) -> JsException:
    """``serialize``'s refusal of a body of the wrong kind (``type_of``: JavaScript's ``typeof``)."""
    return JsException(f'Content Type "{content_type}" requires a value of type {BODY_KINDS[content_type]}, '
                       f"but received: {type_of}", name="TypeError")
