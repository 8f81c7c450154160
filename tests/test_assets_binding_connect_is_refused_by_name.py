"""``env.ASSETS.connect()`` (a Fetcher's TCP socket) is not emulated: refused naming the binding
and the method, workers-env's own words (production's assets binding is a Fetcher with a
``connect``; no local emulation opens a socket through it)."""

from __future__ import annotations

import pytest
from worker_helpers import assets_site

from workers_env import NotEmulatedError, load_env


def test_connect_names_the_binding_and_the_method(tmp_path):
    env = load_env(assets_site(tmp_path, {"site.css": "body{}"}, binding="STATIC"))
    with pytest.raises(NotEmulatedError) as info:
        env.STATIC.connect("example.com:443")
    assert str(info.value) == "STATIC.connect() (TCP sockets) is not emulated by workers-env"
