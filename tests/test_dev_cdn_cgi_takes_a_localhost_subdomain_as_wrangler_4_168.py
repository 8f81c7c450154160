"""wrangler 4.168.0's Miniflare (5.20261123.1-beta, ``validateCdnCgiRequest``'s ``isHostnameAllowed``)
takes a ``/cdn-cgi/`` request whose ``Host`` or ``Origin`` is a subdomain of ``localhost``
(``app.localhost``, ``a.b.localhost:8787``; the URL parser lowercases ``APP.LOCALHOST``) as it takes
``localhost`` itself: the Worker answers. A host that only starts or ends like it is refused as before
(measured with a JavaScript Worker under wrangler dev 4.168.0, currency68; 4.164.0 refused them all
with 403 ``Invalid Host header`` / ``Invalid Origin header``)."""

from __future__ import annotations

import pytest

from workers_env.runtime.cdncgi import own_answer

REFUSED_HOST = (403, b"text/plain;charset=UTF-8", b"Invalid Host header")
REFUSED_ORIGIN = (403, b"text/plain;charset=UTF-8", b"Invalid Origin header")


@pytest.mark.parametrize(("host", "origin", "answer"), [
    ("app.localhost", None, None),
    ("a.b.localhost:8787", None, None),
    ("APP.LOCALHOST", None, None),
    ("127.0.0.1:8787", "http://app.localhost:5173", None),
    ("localhost.evil.com", None, REFUSED_HOST),
    ("xlocalhost", None, REFUSED_HOST),
    ("127.0.0.1:8787", "http://evil.com", REFUSED_ORIGIN),
    ("127.0.0.1:8787", "http://localhost.evil.com", REFUSED_ORIGIN),
])
def test_a_localhost_subdomain_reaches_the_worker(host: str, origin: str | None, answer: tuple | None) -> None:
    assert own_answer("/cdn-cgi/x", "/cdn-cgi/x", host, origin, proxy_op=False) == answer
