"""``AbortController``/``AbortSignal`` as workerd has them, and ``fetch`` honouring a
``signal`` before and during a request (texts checked against ``wrangler dev`` 4.164.0 by
``tools/wrangler/jsapi_differential.py``)."""

from __future__ import annotations

import asyncio
import http.server
import threading

import pytest

from workers_env import JsException, js


def test_a_controller_aborts_once_with_its_reason_and_tells_its_listeners():
    controller = js.AbortController.new()
    signal = controller.signal
    seen = []
    signal.addEventListener("abort", lambda event: seen.append(event.target is signal))
    signal.onabort = lambda event: seen.append("onabort")
    assert (signal.aborted, signal.reason) == (False, None)
    signal.throwIfAborted()  # not aborted: nothing happens
    controller.abort()
    controller.abort("again")  # a second abort changes nothing
    assert signal.aborted and (signal.reason.name, signal.reason.message) == ("AbortError", "The operation was aborted")
    assert seen == [True, "onabort"]  # in the order they were added (wrangler dev 4.164.0)
    with pytest.raises(JsException, match="^AbortError: The operation was aborted$"):
        signal.throwIfAborted()
    assert js.AbortSignal.abort("r").reason == "r"


def test_timeouts_and_any():
    async def made_on_a_loop() -> tuple[bool, object]:  # (outside one, a read past 1 ms aborts it: flake56)
        quick = js.AbortSignal.timeout(0)
        seen = quick.aborted
        await asyncio.sleep(0.01)
        return seen, quick

    seen, quick = asyncio.run(made_on_a_loop())
    assert not seen  # a timer fires on a later turn, never in the code that set it
    assert (quick.aborted, quick.reason.name, quick.reason.message) == (
        True, "TimeoutError", "The operation was aborted due to timeout")
    slow = js.AbortSignal.timeout(60_000)
    either = js.AbortSignal.any([slow, js.AbortSignal.abort("first"), js.AbortSignal.abort("2nd")])
    assert (either.aborted, either.reason, slow.aborted) == (True, "first", False)
    controller = js.AbortController.new()
    follower = js.AbortSignal.any([slow, controller.signal])
    controller.abort("later")
    assert (follower.aborted, follower.reason) == (True, "later")
    assert not js.AbortSignal.any([]).aborted
    with pytest.raises(JsException, match=r"^TypeError: Failed to execute 'timeout' on 'AbortSignal': parameter 1 is "
                                          r"not of type 'number'\.$"):
        js.AbortSignal.timeout()
    with pytest.raises(JsException, match=r"^TypeError: Failed to execute 'any' on 'AbortSignal': parameter 1 is not "
                                          r"of type 'Array'\.$"):
        js.AbortSignal.any(5)
    with pytest.raises(JsException, match=r"^TypeError: Incorrect type for array element 1: the provided value is not "
                                          r"of type 'AbortSignal'\.$"):
        js.AbortSignal.any([slow, 5])
    with pytest.raises(JsException, match="^TypeError: Illegal constructor$"):
        js.AbortSignal.new()


class _Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.server.answer.wait(60)  # type: ignore[attr-defined] - answers once the test says so
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"late")

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_server():
    """``(url, answer)``: a server that answers once ``answer`` (an event) is set."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    server.answer = threading.Event()  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/", server.answer
    server.answer.set()  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


@pytest.mark.asyncio
async def test_fetch_fails_with_the_signals_reason_before_and_during_the_request(slow_server):
    slow_server, answer = slow_server
    with pytest.raises(JsException, match="^AbortError: The operation was aborted$"):
        await js.fetch(slow_server, signal=js.AbortSignal.abort())  # before: no request is made
    with pytest.raises(JsException, match="^TimeoutError: The operation was aborted due to timeout$"):
        await js.fetch(slow_server, signal=js.AbortSignal.timeout(50))
    controller = js.AbortController.new()
    pending = asyncio.ensure_future(js.fetch(js.Request.new(slow_server, signal=controller.signal)))
    await asyncio.sleep(0.05)
    controller.abort()
    with pytest.raises(JsException, match="^AbortError"):
        await pending  # while the server has not answered: it did not wait for the answer
    answer.set()
    done = await js.fetch(slow_server, signal=js.AbortSignal.timeout(5000))
    assert await done.text() == "late"


def test_every_request_has_a_signal_and_keeps_the_one_given():
    assert js.Request.new("https://e.com").signal.aborted is False
    controller = js.AbortController.new()
    request = js.Request.new("https://e.com", signal=controller.signal)
    assert request.signal is controller.signal and request.clone().signal is controller.signal
    with pytest.raises(JsException) as caught:
        js.Request.new("https://e.com", signal="soon")
    assert str(caught.value) == ("TypeError: Incorrect type for the 'signal' field on 'RequestInitializerDict': the "
                                 "provided value is not of type 'AbortSignal'.")  # wrangler dev 4.164.0


def test_an_aborted_signal_lets_go_of_its_listeners():
    """workerd's triggerAbort removes every handler once it has dispatched ("to prevent memory
    leaks"): a listener, and whatever it holds, is not kept alive by an aborted signal."""
    import gc
    import weakref

    class Listener:
        def __init__(self, seen):
            self.seen = seen

        def handleEvent(self, event):  # noqa: N802 - JS name
            self.seen.append(event.type)

    controller = js.AbortController.new()
    seen: list = []
    listener = Listener(seen)
    controller.signal.addEventListener("abort", listener)
    kept = weakref.ref(listener)
    del listener
    gc.collect()
    assert kept() is not None  # held while the signal may still abort
    controller.abort()
    gc.collect()
    assert seen == ["abort"] and kept() is None
