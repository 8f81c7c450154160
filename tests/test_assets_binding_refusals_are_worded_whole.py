"""What ``env.ASSETS`` refuses, in words pinned whole: ``connect()`` (a Fetcher's TCP socket) is
not emulated -- refused naming the binding and the method, workers-env's own words (production's
assets binding is a Fetcher with a ``connect``; no local emulation opens a socket through it) --
and the raw binding's ``fetch`` (``env.unwrapped(NAME)``, which has no compatibility era) of a URL
that is not absolute is workerd's ``TypeError: Fetch API cannot load: <url>`` of the era before
``fetch_standard_url`` (a Worker's own call is refused first, per era: ``Invalid URL: /site.css``
at 2026-09-01 under ``wrangler dev`` 4.164.0, measured again 2026-12-04, and so in workers-env;
tests/test_runtime_fetcher_binding_refuses_what_fetch_cannot_load.py)."""

from __future__ import annotations

import pytest
from worker_helpers import assets_site

from workers_env import JsException, NotEmulatedError, load_env


def test_connect_names_the_binding_and_the_method(tmp_path):
    env = load_env(assets_site(tmp_path, {"site.css": "body{}"}, binding="STATIC"))
    with pytest.raises(NotEmulatedError) as info:
        env.STATIC.connect("example.com:443")
    assert str(info.value) == "STATIC.connect() (TCP sockets) is not emulated by workers-env"


def test_fetch_of_a_relative_url_is_workerds_type_error(tmp_path):
    env = load_env(assets_site(tmp_path, {"site.css": "body{}"}, binding="STATIC"))
    with pytest.raises(JsException) as info:
        env.unwrapped("STATIC").fetch_sync("/site.css")
    assert str(info.value) == "TypeError: Fetch API cannot load: /site.css"
