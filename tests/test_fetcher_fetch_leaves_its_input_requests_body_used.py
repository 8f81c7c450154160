"""A Request handed to ``env.ASSETS.fetch`` or a service binding's ``fetch`` (raw or through the
SDK) without an init body has its body taken, as ``fetch`` takes it: ``bodyUsed`` is true once the
binding has answered; an init the Request constructor refuses leaves it unused (workerd
1.20261123.1 on reads the init first; 1.20261117.1 had taken the body: wd70,
tests/test_a_refused_request_init_leaves_the_input_body_unused.py). An init body (or ``body: null``)
leaves the input's alone. Measured under ``wrangler dev`` 4.164.0 (tools/wrangler/fetcher_init_refusals_probe.py);
workers-env left it unused on both bindings."""

from __future__ import annotations

from pathlib import Path

from fetcher_init_helpers import both

REDIRECT = ('TypeError: Invalid redirect value. Use "follow" or "manual". To use "error", enable the '
            "fetch_redirect_error compatibility flag.")


def test_the_input_requests_body_is_taken(tmp_path: Path) -> None:
    got = both(tmp_path, "2026-10-01", [["Request POST x", None], ["Request POST x", {"headers": {"a": "b"}}],
                                        ["Request POST x", {"redirect": "bogus"}],
                                        ["Request POST x", {"method": "PUT", "body": "y"}]])
    assert got == [
        {"js.fetch": "ok 200  (bodyUsed true)", "ASSETS": "ok 405  (bodyUsed true)", "SVC": "ok 200 POST x (bodyUsed true)"},
        {"js.fetch": "ok 200  (bodyUsed true)", "ASSETS": "ok 405  (bodyUsed true)", "SVC": "ok 200 POST x (bodyUsed true)"},
        dict.fromkeys(["js.fetch", "ASSETS", "SVC"], REDIRECT + " (bodyUsed false)"),
        {"js.fetch": "ok 200  (bodyUsed false)", "ASSETS": "ok 405  (bodyUsed false)", "SVC": "ok 200 PUT y (bodyUsed false)"},
    ]
