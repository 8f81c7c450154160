"""``env.ASSETS.fetch``, a service binding's ``fetch`` and ``fetch`` itself refuse a GET or HEAD
with a body -- a string, an empty one, a ReadableStream; none named is a GET -- with the Request
constructor's ``TypeError: Request with a GET or HEAD method cannot have a body.``, raw and through
the SDK, in every era: workerd's ``Fetcher.fetch`` builds a Request of (input, init) first
(http.c++ ``fetchImplNoOutputLock``). ``null`` and ``undefined`` are no body. A Request with a body
and an init naming GET is refused too, its body left unused (workerd 1.20261123.1 on reads the init
before it takes the body; 1.20261117.1 had left it used: wd70); with ``body: null`` it is a GET. ``env.ASSETS`` answered 200 to all of these before (audit33); measured
under ``wrangler dev`` 4.164.0 (tools/wrangler/fetcher_init_refusals_probe.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fetcher_init_helpers import ERAS, PATHS, both

REFUSED = "TypeError: Request with a GET or HEAD method cannot have a body."

CASES = [
    (["url", {"method": "GET", "body": "x"}], REFUSED),
    (["url", {"method": "GET", "body": ""}], REFUSED),
    (["url", {"method": "HEAD", "body": "x"}], REFUSED),
    (["url", {"method": "HEAD", "body": ""}], REFUSED),
    (["url", {"body": "x"}], REFUSED),
    (["url", {"method": "GET", "body": "$stream"}], REFUSED),
    (["url", {"method": "GET", "body": None}], {"js.fetch": "ok 200 d", "ASSETS": "ok 200 a", "SVC": "ok 200 GET "}),
    (["url", {"method": "GET", "body": "$undefined"}], {"js.fetch": "ok 200 d", "ASSETS": "ok 200 a",
                                                        "SVC": "ok 200 GET "}),
    (["Request POST x", {"method": "GET"}], REFUSED + " (bodyUsed false)"),
    (["Request POST x", {"method": "get"}], REFUSED + " (bodyUsed false)"),
    (["Request GET", {"body": "x"}], REFUSED + " (bodyUsed false)"),
    (["Request POST x", {"method": "GET", "body": None}], {"js.fetch": "ok 200 d (bodyUsed false)",
                                                          "ASSETS": "ok 200 a (bodyUsed false)",
                                                          "SVC": "ok 200 GET  (bodyUsed false)"}),
]


@pytest.mark.parametrize("date", ERAS[1:])
def test_every_path_refuses_a_body_with_get_or_head(tmp_path: Path, date: str) -> None:
    got = both(tmp_path, date, [case for case, _ in CASES])
    for (case, expected), answers in zip(CASES, got, strict=True):
        assert answers == (expected if isinstance(expected, dict) else dict.fromkeys(PATHS, expected)), case
