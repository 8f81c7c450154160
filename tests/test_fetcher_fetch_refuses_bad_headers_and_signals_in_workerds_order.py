"""``env.ASSETS.fetch``, a service binding's ``fetch`` and ``fetch`` itself refuse an init's bad
headers as the Request constructor does, before the binding is asked (``env.ASSETS`` raised
Python's ``ValueError`` for ``[["a"]]``), and several refusals in one init come in workerd's order:
a ``signal`` that is no AbortSignal (read with the init), then ``cache``, ``integrity``, ``method``,
``headers``, a GET's body, ``redirect`` (a GET with a body and a bad header name is the header's refusal; with a
bad ``redirect``, the body's), then ``encodeResponseBody`` (which ``env.ASSETS`` did not check). Raw and through the SDK (``signal`` raw only: pyfetch reads its own
``signal=`` keyword). Measured under ``wrangler dev`` 4.164.0
(tools/wrangler/fetcher_init_refusals_probe.py)."""

from __future__ import annotations

from pathlib import Path

from fetcher_init_helpers import PATHS, both, outcomes

GET_BODY = "TypeError: Request with a GET or HEAD method cannot have a body."
SIGNAL = ("TypeError: Incorrect type for the 'signal' field on 'RequestInitializerDict': the provided value is not "
          "of type 'AbortSignal'.")

CASES = [
    (["url", {"headers": {"a b": "x"}}], "TypeError: Invalid header name."),
    (["url", {"headers": {"x": "a\nb"}}], "TypeError: Invalid header value."),
    (["url", {"headers": {"x": "a\rb"}}], "TypeError: Invalid header value."),
    (["url", {"headers": [["a"]]}], "TypeError: To initialize a Headers object from a sequence, each inner sequence "
                                    "must have exactly two elements."),
    (["url", {"method": "GET", "body": "x", "headers": {"a b": "x"}}], "TypeError: Invalid header name."),
    (["url", {"method": "GET", "body": "x", "redirect": "bogus"}], GET_BODY),
    (["url", {"method": "BOGUS", "body": "x"}], "TypeError: Invalid HTTP method string: BOGUS"),
    (["url", {"method": "GET", "body": "x", "cache": "bogus"}], "TypeError: Unsupported cache mode: bogus"),
    (["url", {"integrity": "sha256-x", "method": "BOGUS"}], "TypeError: Subrequest integrity checking is not "
                                                            "implemented. The integrity option must be either "
                                                            "undefined or an empty string."),
    (["url", {"encodeResponseBody": "bogus"}], "TypeError: encodeResponseBody: unexpected value: bogus"),
    (["url", {"encodeResponseBody": "bogus", "method": "BOGUS"}], "TypeError: Invalid HTTP method string: BOGUS"),
]


def test_bad_headers_and_the_order_of_refusals(tmp_path: Path) -> None:
    got = both(tmp_path, "2025-11-01", [case for case, _ in CASES])
    assert got == [dict.fromkeys(PATHS, expected) for _, expected in CASES]


def test_a_signal_that_is_no_abort_signal_comes_first(tmp_path: Path) -> None:
    cases = [["url", {"signal": "x"}], ["url", {"method": "GET", "body": "x", "signal": "x"}],
             ["url", {"signal": None}]]
    assert outcomes(tmp_path, "2025-11-01", cases, sdk=False) == [
        dict.fromkeys(PATHS, SIGNAL), dict.fromkeys(PATHS, SIGNAL),
        {"js.fetch": "ok 200 d", "ASSETS": "ok 200 a", "SVC": "ok 200 GET "}]
