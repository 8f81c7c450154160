"""A service binding's ``fetch(input, init)`` called with a JavaScript init (``on_fetch``'s raw
``env``) builds the callee's Request of that init as it is: a ``null`` body is no body (a POST
Request with ``{"method": "GET", "body": null}`` reaches the callee as a GET; workers-env read the
null as undefined, kept the POST's body and refused the GET) and a ReadableStream body is sent (it
reached the callee as the stream's repr, ``<ByteStream >``). Measured under ``wrangler dev`` 4.164.0
(tools/wrangler/fetcher_init_refusals_probe.py); through the SDK both were right already."""

from __future__ import annotations

from pathlib import Path

import pytest
from fetcher_init_helpers import outcomes


@pytest.mark.parametrize("date", ["2025-06-01", "2026-10-01"])
def test_null_and_stream_members_reach_the_callee(tmp_path: Path, date: str) -> None:
    got = outcomes(tmp_path, date, [["Request POST x", {"method": "GET", "body": None}],
                                    ["url", {"method": "POST", "body": "$stream"}]], sdk=False)
    assert [answers["SVC"] for answers in got] == ["ok 200 GET  (bodyUsed false)", "ok 200 POST s"]
