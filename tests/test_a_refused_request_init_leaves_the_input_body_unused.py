"""A Request with a body given to ``new Request(input, init)``, ``fetch``, ``env.ASSETS.fetch`` or
a service binding's ``fetch`` (raw or through the SDK) with an init the Request constructor refuses
-- a non-empty ``integrity``, a method it does not know, a bad header name, a GET naming no body,
a ``redirect`` or ``encodeResponseBody`` it does not take -- keeps its body: ``bodyUsed`` is still
false after the ``TypeError``. workerd 1.20261123.1 (wrangler 4.168.0's) and 1.20261201.1 read the
whole init before they take the input's body (wd70: ``tools/wrangler/fetcher_init_refusals_probe.py``
under wrangler dev 4.168.0 with either binary, and a ``workerd test`` twin of these cases);
1.20261117.1 (wrangler 4.164.0's) had taken it first, leaving it used but for
``encodeResponseBody``, and so did workers-env. An init it takes still takes the body."""

from __future__ import annotations

from pathlib import Path

import pytest
from fetcher_init_helpers import PATHS, both

from workers_env import js, to_js

REFUSALS = [{"integrity": "sha256-x"}, {"method": "BAD METHOD"}, {"headers": {"bad name": "x"}}, {"method": "GET"},
            {"method": "get"}, {"redirect": "bogus"}, {"encodeResponseBody": "bogus"}]


def test_fetch_on_every_path_leaves_the_refused_requests_body_unused(tmp_path: Path) -> None:
    got = both(tmp_path, "2026-10-01", [["Request POST x", init] for init in REFUSALS]
               + [["Request POST x", {"headers": {"a": "b"}}]])
    for init, outcome in zip(REFUSALS, got):
        for path in PATHS:
            assert outcome[path].startswith("TypeError: ") and outcome[path].endswith(" (bodyUsed false)"), (init, path)
    assert all(outcome.endswith(" (bodyUsed true)") for outcome in got[-1].values())


@pytest.mark.parametrize("init", REFUSALS, ids=lambda init: ",".join(init))
def test_new_request_leaves_it_unused_and_readable(init: dict) -> None:
    given = js.Request.new("http://x/", to_js({"method": "POST", "body": "x"}, dict_converter=js.Object.fromEntries))
    with pytest.raises(Exception, match="^TypeError: ") as refused:
        js.Request.new(given, to_js(init, dict_converter=js.Object.fromEntries))
    assert getattr(refused.value, "name", None) == "TypeError"
    assert given.bodyUsed is False
    made = js.Request.new(given, to_js({"method": "PUT"}, dict_converter=js.Object.fromEntries))
    assert given.bodyUsed is True and made.method == "PUT"
