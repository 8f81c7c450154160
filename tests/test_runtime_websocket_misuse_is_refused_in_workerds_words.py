"""``js.WebSocketPair`` and its ``WebSocket`` ends refuse misuse with workerd's texts, in its
order (api/web-socket.c++ and http.c++), each compared with a JavaScript twin under ``wrangler
dev`` 4.164.0 (compatibility date 2026-08-01): ``send``/``close`` before ``accept()``, ``send``
after ``close()``, close codes out of range, a reason without a code or over 123 UTF-8 bytes, a
101 ``Response`` without a ``webSocket`` and a ``webSocket`` with another status, and cloning a
handshake response; and the flags that change them by date."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
from js import WebSocketPair, WebSocket, Response as JsResponse
from workers import Response, WorkerEntrypoint

def err(f):
    try:
        return "ok:" + str(f())
    except Exception as e:
        return f"{e.name}: {e.message}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        c, s = WebSocketPair.new().object_values()
        out["ready0"] = s.readyState
        out["binaryType"] = s.binaryType
        out["sendBefore"] = err(lambda: s.send("x"))
        out["closeBefore"] = err(lambda: s.close(1000, "x"))
        out["close999"] = err(lambda: s.close(999))
        out["close1005"] = err(lambda: s.close(1005))
        out["close5000"] = err(lambda: s.close(5000))
        out["reasonNoCode"] = err(lambda: s.close(None, "r"))
        out["reasonLong"] = err(lambda: s.close(1000, "\\u00e9" * 62))
        out["r101"] = err(lambda: JsResponse.new(None, status=101))
        out["r200ws"] = err(lambda: JsResponse.new(None, status=200, webSocket=c))
        out["r101body"] = err(lambda: JsResponse.new("x", status=101, webSocket=c))
        s.accept()
        out["ready1"] = s.readyState
        out["acceptTwice"] = err(lambda: s.accept())
        s.close(1000, "bye")
        out["ready2"] = s.readyState
        out["sendAfter"] = err(lambda: s.send("x"))
        out["closeAgain"] = err(lambda: s.close(1000))
        r = JsResponse.new(None, status=101, webSocket=c)
        out["cloneWs"] = err(lambda: r.clone())
        out["status"] = [r.status, r.statusText]
        out["consts"] = [WebSocket.READY_STATE_OPEN, WebSocket.CLOSED]
        return Response.json(out)
"""

#: what the JavaScript twin answered under wrangler dev 4.164.0 (compatibility date 2026-08-01)
WORKERD = {
    "ready0": 1,
    "binaryType": "blob",
    "sendBefore": "TypeError: You must call one of accept() or state.acceptWebSocket() on this WebSocket before "
                  "sending messages.",
    "closeBefore": "TypeError: You must call one of accept() or state.acceptWebSocket() on this WebSocket before "
                   "sending messages.",
    "close999": "InvalidAccessError: Invalid WebSocket close code: 999.",
    "close1005": "InvalidAccessError: Invalid WebSocket close code: 1005.",
    "close5000": "InvalidAccessError: Invalid WebSocket close code: 5000.",
    "reasonNoCode": "InvalidAccessError: If you specify a WebSocket close reason, you must also specify a code.",
    "reasonLong": "SyntaxError: WebSocket close reason must not be longer than 123 bytes when UTF-8 encoded.",
    "r101": "RangeError: Responses may only be constructed with status codes in the range 200 to 599, inclusive.",
    "r200ws": "RangeError: Responses with a WebSocket must have status code 101.",
    "r101body": "TypeError: Response with null body status (101, 204, 205, or 304) cannot have a body.",
    "ready1": 1,
    "acceptTwice": "ok:None",
    "ready2": 2,
    "sendAfter": "TypeError: Can't call WebSocket send() after close().",
    "closeAgain": "ok:None",
    "cloneWs": "TypeError: Cannot clone a response to a WebSocket handshake.",
    "status": [101, ""],
    "consts": [1, 3],
}


def test_misuse_is_refused_as_workerd_refuses_it(tmp_path: Path):
    folder = one_file_worker(tmp_path, WORKER, date="2026-08-01")
    assert json_answer(folder, "/") == WORKERD


@pytest.mark.parametrize(("date", "flags", "long_reason", "binary_type"), [
    # before websocket_close_reason_byte_limit the long reason passes to the next check
    ("2026-03-02", (), WORKERD["closeBefore"], "arraybuffer"),
    ("2026-03-17", (), WORKERD["reasonLong"], "blob"),
    ("2026-08-01", ("no_websocket_close_reason_byte_limit", "no_websocket_standard_binary_type"),
     WORKERD["closeBefore"], "arraybuffer"),
])
def test_the_reason_limit_and_binary_type_follow_their_flags(tmp_path: Path, date, flags, long_reason, binary_type):
    folder = one_file_worker(tmp_path, WORKER, date=date, flags=flags)
    answer = json_answer(folder, "/")
    assert (answer["reasonLong"], answer["binaryType"]) == (long_reason, binary_type)


def test_pedantic_wpt_allows_only_1000_and_3000_to_4999(tmp_path: Path):
    folder = one_file_worker(tmp_path, WORKER.replace("s.close(5000)", "s.close(2000)"), date="2026-08-01",
                             flags=("pedantic_wpt",))
    assert json_answer(folder, "/")["close5000"] == "InvalidAccessError: Invalid WebSocket close code: 2000."
