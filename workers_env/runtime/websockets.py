"""``js.WebSocketPair`` and the ``WebSocket`` objects workerd gives a Worker (api/web-socket.c++).

A pair's two ends are joined: what one ``send``s (after its ``accept()``) arrives at the other as a
``message`` event, a ``close()`` as a ``close`` event, in order, each dispatched from the event
loop once the receiving end is accepted (events wait in its inbox until then). The end a Worker
returns in ``Response(None, status=101, webSocket=client)`` is coupled to the client:
:func:`couple` hands the caller (``worker.fetch``'s test client, ``workers-env dev``'s socket) a
new end joined to the Worker's other end, as workerd pumps the returned end to the connection.

The misuse errors are workerd's texts in its order; the compatibility flags read are
``websocket_standard_binary_type`` (binary messages as ``Blob``, from 2026-03-17; ``ArrayBuffer``
before), ``web_socket_auto_reply_to_close`` (a received close answered at once, ``readyState``
3 at the close event, from 2026-04-07; 2 and no answer before),
``websocket_close_reason_byte_limit`` (a reason over 123 UTF-8 bytes refused, from 2026-03-03)
and ``pedantic_wpt`` (close codes 1000 and 3000-4999 only).
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import weakref
from typing import Any

from workers_env import _jsvalues
from workers_env._errors import JsException, NotEmulatedError, WorkersEnvError
from workers_env.runtime.current import current_runtime
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.forms import JsBlob
from workers_env.runtime import jsevents
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsbuffers import JsBuffer, JsBufferSource
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jspromise import python_error, run_microtasks
from workers_env.runtime.jsproxy import jsnull
from workers_env.runtime.jspyproxies import is_container_subclass_proxy, is_python_container
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.jstopy import js_null

__all__ = ["ClientWebSocket", "JsCloseEvent", "JsErrorEvent", "JsMessageEvent", "JsWebSocket", "JsWebSocketPair",
           "accept_upgrade", "check_asked", "check_returnable", "check_upgrade", "couple", "web_socket_class"]


CONNECTING, OPEN, CLOSING, CLOSED = 0, 1, 2, 3
_MISSING: Any = object()
#: workerd's texts (api/web-socket.c++, http.c++), as wrangler dev 4.164.0 gives them
NOT_ACCEPTED = ("You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending "
                "messages.")
SEND_AFTER_CLOSE = "Can't call WebSocket send() after close()."
SEND_NO_ARGUMENT = ("Failed to execute 'send' on 'WebSocket': parameter 1 is not of type 'ArrayBuffer or "
                    "ArrayBufferView or string'.")
ACCEPT_RELEASED = "Can't accept() WebSocket that was already used in a response."
RETURN_RELEASED = "Can't return WebSocket that was already used in a response."
RETURN_ACCEPTED = "Can't return WebSocket in a Response after calling accept()."
REASON_WITHOUT_CODE = "If you specify a WebSocket close reason, you must also specify a code."
REASON_TOO_LONG = "WebSocket close reason must not be longer than 123 bytes when UTF-8 encoded."
DISCONNECTED = "WebSocket disconnected without sending Close frame."
NO_UPGRADE = ('Worker tried to return a WebSocket in a response to a request which did not contain the header '
              '"Upgrade: websocket".')


#: workerd's limit on a message a connection delivers (api/web-socket.c++'s ``WEBSOCKET_MAX_MESSAGE_SIZE``;
#: 128 MiB under the experimental ``increase_websocket_message_size``)
MAX_MESSAGE_SIZE, INCREASED_MAX_MESSAGE_SIZE = 32 << 20, 128 << 20


def _flag(name: str, default: bool) -> bool:
    """A workerd flag of the running Worker (outside one, or unknown: ``default``, the newest dates')."""
    flags = getattr(current_runtime(), "compat_flags", None)
    return default if flags is None else bool(flags.get(name, default))


class JsMessageEvent(jsevents.JsMessageEvent):
    """A ``message`` event: ``data`` a ``str``, or an ``ArrayBuffer``/``Blob`` per ``binaryType``."""

    def __init__(self, target: JsWebSocket, data: Any):
        super().__init__("message")
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "data", data)
        object.__setattr__(self, "origin", js_null())  # no URL for it ("" is a constructed one's: wrangler dev 4.164.0)


class JsCloseEvent(jsevents.JsCloseEvent):
    """A ``close`` event: ``code``, ``reason``, ``wasClean``."""

    def __init__(self, target: JsWebSocket, code: int, reason: str, was_clean: bool, raw: bytes | None = None):
        super().__init__("close")
        object.__setattr__(self, "_target", target)
        for name, value in (("code", code), ("reason", reason), ("wasClean", was_clean),
                            # the reason's bytes as the client's close frame held them (KJ's ``kj::String``),
                            # which the automatic reply sends back as they came; ``None``: the reason's UTF-8
                            ("_raw_reason", raw)):
            object.__setattr__(self, name, value)


class JsErrorEvent(jsevents.JsErrorEvent):
    """An ``error`` event: ``message`` (``"Uncaught Error: ..."``, as V8 words it) and ``error``."""

    def __init__(self, target: JsWebSocket, error: Any):
        super().__init__("error")
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "error", error)
        object.__setattr__(self, "message", f"Uncaught {error}")  # str(): "Error: <message>"


class JsWebSocket(jsevents.JsEventTarget):
    """One end of a ``WebSocketPair`` (workerd's ``WebSocket``, an EventTarget): ``accept()``,
    ``send()``, ``close()``, ``addEventListener``/``removeEventListener``/``dispatchEvent`` and
    ``on<type>`` properties, ``readyState``, ``binaryType``."""

    _js_name = "WebSocket"
    READY_STATE_CONNECTING = CONNECTING = CONNECTING
    READY_STATE_OPEN = OPEN = OPEN
    READY_STATE_CLOSING = CLOSING = CLOSING
    READY_STATE_CLOSED = CLOSED = CLOSED
    url = None
    protocol = None
    extensions = None

    def __init__(self) -> None:
        super().__init__()
        self._peer: JsWebSocket | None = None
        self._state = "pending"  # "accepted", "released" (returned in a Response)
        self._closed_outgoing = False
        self._closed_incoming = False
        self._aborted = False  # the other end went away without a close
        self._errored = False  # the connection failed (readyState 3, sends and closes ignored)
        self._inbox: list[tuple[Any, ...]] = []
        self._pumping = False
        self._binary_blob = _flag("websocket_standard_binary_type", True)
        self._auto_reply = _flag("web_socket_auto_reply_to_close", True)
        self._reason_limit = _flag("websocket_close_reason_byte_limit", True)
        self._pedantic = _flag("pedantic_wpt", False)
        self._report_errors = _flag("spec_compliant_dispatch_exceptions", True)
        #: the largest message this end takes from a connection (workerd's ``startReadLoop``)
        self._max_message = INCREASED_MAX_MESSAGE_SIZE if _flag("increase_websocket_message_size", False) \
            else MAX_MESSAGE_SIZE

    # -- the JS API -------------------------------------------------------------------------
    @property
    def readyState(self) -> int:  # noqa: N802 - JS name
        if self._errored or self._closed_incoming and self._closed_outgoing:
            return CLOSED
        if self._closed_incoming or self._closed_outgoing:
            return CLOSING
        return OPEN

    @property
    def binaryType(self) -> str:  # noqa: N802 - JS name
        return "blob" if self._binary_blob else "arraybuffer"

    @binaryType.setter
    def binaryType(self, value: Any) -> None:  # noqa: N802 - JS name
        text = js_text(value)
        if text in ("blob", "arraybuffer"):  # any other value is ignored, as the spec says
            self._binary_blob = text == "blob"

    def accept(self, options: Any = None) -> None:
        if self._state == "released":
            raise js_type_error(ACCEPT_RELEASED)
        if self._state == "accepted":
            return
        self._state = "accepted"
        self._schedule()

    def send(self, message: Any = _MISSING) -> None:
        data = _message(message)  # jsg converts the argument before the method runs
        if self._closed_outgoing:
            raise js_type_error(SEND_AFTER_CLOSE)
        if self._aborted or self._state == "released":
            return  # the spec: a send after the connection is gone is ignored
        if self._state != "accepted":
            raise js_type_error(NOT_ACCEPTED)
        if self._peer is not None:
            self._peer._arrive(("message", data))

    def close(self, code: Any = None, reason: Any = None) -> None:
        number = None if code is None else _close_code(code)
        if number is not None:
            allowed = (number == 1000 or 3000 <= number <= 4999) if self._pedantic else (
                1000 <= number < 5000 and number not in (1004, 1005, 1006, 1015))
            if not allowed:
                raise dom_exception(f"Invalid WebSocket close code: {number}.", "InvalidAccessError")
        text = None if reason is None else js_text(reason)
        if text is not None and self._reason_limit and len(text.encode("utf-8", "surrogatepass")) > 123:
            raise dom_exception(REASON_TOO_LONG, "SyntaxError")
        if text is not None and number is None:
            raise dom_exception(REASON_WITHOUT_CODE, "InvalidAccessError")
        if self._closed_outgoing or self._aborted or self._state == "released":
            return  # a second close() is ignored, as the spec says
        if self._state != "accepted":
            raise js_type_error(NOT_ACCEPTED)
        self._closed_outgoing = True
        if self._peer is not None:
            self._peer._arrive(("close", 1005 if number is None else number, text or ""))

    def serializeAttachment(self, *_args: Any) -> None:  # noqa: N802 - JS name
        raise NotEmulatedError("WebSocket.serializeAttachment() belongs to the Durable Object hibernation API, "
                               "which workers-env does not emulate (Durable Objects are not emulated)")

    deserializeAttachment = serializeAttachment

    # -- between the ends -------------------------------------------------------------------
    def _arrive(self, event: tuple[Any, ...]) -> None:
        """An event from the other end (or its going away), dispatched in order once accepted."""
        self._inbox.append(event)
        self._schedule()

    def _schedule(self) -> None:
        if self._pumping or not self._inbox or self._state != "accepted":
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop: dispatched when one runs and something schedules again
        self._pumping = True
        ready = _READY.get(loop)
        if ready is None:
            ready = _READY[loop] = collections.deque()
            loop.call_soon(_deliver, loop)
        ready.append((self, contextvars.copy_context()))  # its listeners run in the scheduler's request

    def _pump(self) -> None:
        self._pumping = False
        if not self._inbox or self._state != "accepted":
            return
        kind, *rest = self._inbox.pop(0)
        if kind == "message":
            data = rest[0]
            if isinstance(data, bytes):
                data = JsBlob([JsBuffer(data)]) if self._binary_blob else JsBuffer(data)
            self._dispatch(JsMessageEvent(self, data))
        elif kind == "close":
            code, reason, *raw = rest
            self._closed_incoming = True
            if self._auto_reply and not self._closed_outgoing and not self._aborted:
                self._closed_outgoing = True  # the reciprocal close frame, as workerd sends it: the
                if self._peer is not None:  # reason's bytes as received (kj::str(close.reason))
                    self._peer._arrive(("close", code, reason, *raw))
            self._dispatch(JsCloseEvent(self, code, reason, True, *raw))
            self._inbox.clear()
        elif kind == "error":  # the connection failed (a client's protocol error): no close event follows
            self._aborted = self._errored = True
            self._dispatch(JsErrorEvent(self, JsException(rest[0], name="Error")))
            self._inbox.clear()
        elif kind == "gone":
            self._aborted = True
            if not self._closed_incoming:
                self._dispatch(JsCloseEvent(self, 1006, DISCONNECTED, False))
                self._closed_incoming = True
            self._inbox.clear()
        self._schedule()

    def _dispatch(self, event: Any) -> None:
        """The ``on<type>`` property first, then the listeners, as workerd's EventTarget calls them.
        A listener's exception is logged (``Uncaught ...``). From ``spec_compliant_dispatch_exceptions``
        (2026-09-15) it is reported and the listeners after it run; one of a ``message`` then
        fails the connection (:meth:`_fail`, logged once more), one of a ``close`` does not.
        Before it the listeners after it do not run, and one of a ``message`` or a clean
        ``close`` fails the connection. One of a 1006 ``close`` or an ``error`` is only logged
        (each measured with a JavaScript twin under ``wrangler dev`` 4.164.0)."""
        errors: list[Exception] = []

        def failed(error: Exception) -> bool:  # the Worker's own error, as workerd reports it
            jsevents.log_uncaught(error)
            errors.append(error)
            return self._report_errors  # before the flag the listeners after it do not run

        self._fire(event, failed)
        first = errors[0] if errors else None
        if first is None:
            return
        if event.type == "message":  # the read loop fails (from the flag, after every listener ran)
            if self._report_errors:  # reported above, and logged again as the read loop's failure
                jsevents.log_uncaught(first)
            self._fail(first)
        elif event.type == "close" and event.wasClean and not self._report_errors:
            self._fail(first)  # before the flag the clean close's exception fails the read loop too

    def _fail(self, error: Exception) -> None:
        """The read loop failed with ``error`` (workerd's ``reportError``): the connection dropped
        without a close frame (the other end hears 1006) and an ``error`` event at this end
        (``readyState`` 3, sends and closes ignored from then; a Python exception as Pyodide
        throws it to JavaScript, a ``PythonError``)."""
        if not self._aborted and self._peer is not None:
            self._peer._arrive(("gone",))
        self._aborted = self._errored = True
        self._inbox.clear()  # the read loop has ended: nothing more is delivered
        self._dispatch(JsErrorEvent(self, error if isinstance(error, JsException) else python_error(error)))

    def _drop(self) -> None:
        """The connection ends without a close frame (the other end hears 1006)."""
        if self._aborted:
            return
        self._aborted = True
        self._closed_outgoing = self._closed_incoming = True
        if self._peer is not None:
            self._peer._arrive(("gone",))

    def __repr__(self) -> str:
        return "[object WebSocket]"


class ClientWebSocket(JsWebSocket):
    """The test's end of a WebSocket the Worker accepted (``(await worker.fetch(url,
    headers={"Upgrade": "websocket"})).webSocket``), as Miniflare's ``dispatchFetch`` gives it:
    ``accept()`` it, then ``send``/``close``/``addEventListener`` as in JavaScript; and, in
    Python, ``await ws.receive()`` (the next message's data: a ``str`` or ``bytes``) and
    ``await ws.closed`` (the close event: ``code``, ``reason``, ``wasClean``)."""

    def __init__(self) -> None:
        super().__init__()
        self._binary_blob = False  # bytes for a test, not a Blob
        self._received: asyncio.Queue[Any] = asyncio.Queue()
        self._closed: asyncio.Future[JsCloseEvent] | None = None
        self._over: asyncio.Future[None] | None = None  # (see _until_closed)
        self._add("message", lambda event: self._received.put_nowait(event.data))  # workers-env's own:
        self._add("close", self._on_close)  # no borrowed proxies

    def _on_close(self, event: JsCloseEvent) -> None:
        self._received.put_nowait(event)
        if not self.closed.done():
            self.closed.set_result(event)
        over = self._until_closed()
        if not over.done():
            over.set_result(None)

    def _until_closed(self) -> asyncio.Future[None]:
        """A future done at the close, for the request that accepted the socket (it lives until
        then): not :attr:`closed`, which the test awaits -- a wait it gives up
        (``asyncio.wait_for`` timing out, its task cancelled) cancels that future, and a
        client that stops waiting closes nothing."""
        if self._over is None:
            self._over = asyncio.get_running_loop().create_future()
        return self._over

    @property
    def closed(self) -> asyncio.Future[JsCloseEvent]:
        """A future of the close event (the Worker's close, or its end going away: 1006); one a
        given-up wait cancelled (``asyncio.wait_for`` timing out) is made again, so a later
        ``await ws.closed`` still gets the close."""
        if self._closed is None or self._closed.cancelled():
            self._closed = asyncio.get_running_loop().create_future()
        return self._closed

    async def receive(self) -> str | bytes:
        """The next message from the Worker: ``str`` for text, ``bytes`` for binary. A close
        instead is :class:`WebSocketClosed` (its ``code``, ``reason`` and ``wasClean``)."""
        if self._state != "accepted":
            raise WorkersEnvError("call ws.accept() before ws.receive(): as with Miniflare's dispatchFetch, "
                                  "the test's end of the WebSocket delivers nothing until it is accepted")
        data = await self._received.get()
        if isinstance(data, JsCloseEvent):
            self._received.put_nowait(data)  # every later receive() meets the close too
            raise WebSocketClosed(data)
        return data.to_bytes() if isinstance(data, JsBufferSource) else data


class WebSocketClosed(WorkersEnvError):
    """``ClientWebSocket.receive()`` met the close: ``code``, ``reason``, ``wasClean``."""

    def __init__(self, event: JsCloseEvent):
        self.code, self.reason, self.wasClean = event.code, event.reason, event.wasClean
        super().__init__(f"the WebSocket closed: code {event.code}, reason {event.reason!r}")


#: each running loop's ends with an event to deliver, in the order they became ready, each with the
#: context it was scheduled in (see :func:`_deliver`)
_READY: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop,
                                  collections.deque[tuple[JsWebSocket, contextvars.Context]]] = (
    weakref.WeakKeyDictionary())


def _deliver(loop: asyncio.AbstractEventLoop) -> None:
    """Deliver the ready ends' events one at a time, each end's next one after the others' (an
    end with more goes to the back), the microtasks its listeners queued run before the next
    (:func:`run_microtasks`), until none is left -- as workerd's KJ event loop delivers the
    messages of ends in one isolate: all of them before a timer fires, even a ping-pong between
    two ends (measured with a JavaScript twin under ``wrangler dev`` 4.164.0). Each end's
    listeners run in the context its event was scheduled in, its request's (as ``call_soon`` runs
    a callback), and so do the microtasks they queue: another request's ``clearTimeout`` of its own
    timer was ignored when one delivery ran every end in the first scheduler's request (review47)."""
    ready = _READY[loop]
    try:
        while ready:
            end, context = ready.popleft()
            context.run(_pump_and_checkpoint, end)
    finally:
        _READY.pop(loop, None)
        for end, context in ready:  # an error of ours stopped the delivery: the rest go on next turn
            end._pumping = False
            context.run(end._schedule)


def _pump_and_checkpoint(end: JsWebSocket) -> None:
    """``end``'s next event, then the microtasks its listeners queued, in the same request."""
    end._pump()
    run_microtasks()


def _message(message: Any) -> str | bytes:
    """``send()``'s argument as jsg converts it (``ArrayBuffer``/view or ``String``): a buffer's
    bytes, anything else ``String(value)`` (a ``Blob`` is ``[object Blob]``, as workerd sends it).
    A Python value Pyodide does not convert is its PyProxy, whose ``String()`` is Python's
    ``str()`` (``b'ab'``, ``[1, 2]``, ``{'a': 1}``); ``None`` crosses as ``undefined``."""
    if message is _MISSING:
        raise js_type_error(SEND_NO_ARGUMENT)
    if isinstance(message, JsBufferSource):
        return message.to_bytes()
    if message is None:
        return "undefined"
    if message is jsnull:
        return "null"
    if is_python_container(message) or is_container_subclass_proxy(message):
        return str(message)
    return _jsvalues.js_string(message)


def _close_code(code: Any) -> int:
    """jsg's ``int`` of a close code (a JS number truncated; ``NaN`` and non-numbers 0)."""
    try:
        return int(float(code))
    except (TypeError, ValueError, OverflowError):
        return 0


class JsWebSocketPair(JsgObject, JsProxy):
    """``new WebSocketPair()``: two joined ``WebSocket`` ends, ``[0]`` the client's, ``[1]`` the
    server's (``Object.values(pair)`` / ``pair.object_values()``, iteration)."""

    _js_name = "WebSocketPair"

    def __init__(self) -> None:
        first, second = JsWebSocket(), JsWebSocket()
        first._peer, second._peer = second, first
        self._ends = (first, second)

    @classmethod
    def new(cls) -> JsWebSocketPair:
        return cls()

    def __getitem__(self, index: Any) -> JsWebSocket:
        if index in (0, 1, "0", "1"):
            return self._ends[int(index)]
        raise KeyError(index)

    def __iter__(self) -> Any:
        return iter(self._ends)

    def __len__(self) -> int:
        return 2

    def object_values(self) -> Any:
        from workers_env.runtime.jsproxy import JsArray
        return JsArray(list(self._ends))

    def object_keys(self) -> Any:
        from workers_env.runtime.jsproxy import JsArray
        return JsArray(["0", "1"])

    def object_entries(self) -> Any:
        from workers_env.runtime.jsproxy import JsArray
        return JsArray([JsArray([str(i), end]) for i, end in enumerate(self._ends)])


def check_returnable(ws: Any) -> None:
    """workerd's refusals when a Response's ``webSocket`` is sent (``couple``): an end already
    returned, or accepted by the Worker itself."""
    if not isinstance(ws, JsWebSocket) or isinstance(ws, ClientWebSocket):
        return
    if ws._state == "released":
        raise js_type_error(RETURN_RELEASED)
    if ws._state == "accepted":
        raise js_type_error(RETURN_ACCEPTED)


def couple(ws: JsWebSocket, outer: JsWebSocket | None = None) -> JsWebSocket:
    """Join the end a Worker returned in its 101 response to the connection: the Worker's other
    end now talks to ``outer`` (a new :class:`ClientWebSocket` unless given), which takes what was
    already sent; ``ws`` is used up."""
    check_returnable(ws)
    far = outer if outer is not None else ClientWebSocket()
    peer = ws._peer
    ws._state = "released"
    ws._peer = None
    far._inbox[:0] = ws._inbox
    ws._inbox = []
    far._peer = peer
    if peer is not None:
        peer._peer = far
    far._schedule()
    return far


def check_asked(request: Any) -> None:
    """workerd's refusal of a ``webSocket`` in the answer to a request that asked for no upgrade."""
    if (request.headers.get("upgrade") or "").lower() != "websocket":
        raise js_type_error(NO_UPGRADE)


def check_upgrade(request: Any, response: Any) -> None:
    """workerd's refusals of a ``webSocket`` in the answer to ``request``: a request that asked for
    no upgrade, then an end already returned or accepted by the Worker itself."""
    check_asked(request)
    check_returnable(response._web_socket)


def accept_upgrade(request: Any, response: Any, outer: JsWebSocket | None = None) -> Any:
    """The caller's end of the WebSocket a Worker answered ``request`` with (``response.webSocket``,
    which becomes it; a :class:`ClientWebSocket` unless ``outer`` is given): workerd's refusal
    when the request asked for no upgrade, then :func:`couple`."""
    check_upgrade(request, response)
    far = couple(response._web_socket, outer)
    response._web_socket = far
    return far


def web_socket_class() -> Any:
    """``js.WebSocket``: the class (its ``READY_STATE_*`` constants, ``instanceof``); ``new
    WebSocket(url)``, an outgoing connection, is not emulated."""

    class WebSocket(JsWebSocket):
        @classmethod
        def new(cls, *_args: Any) -> Any:
            raise NotEmulatedError("new WebSocket(url), an outgoing WebSocket, is not emulated by workers-env; "
                                   "only WebSocketPair and the WebSocket a Worker accepts are")

    return WebSocket
