"""An absolute ``_redirects`` target's host is written as the asset worker's ``new URL(to,
request.url)`` writes it -- percent-decoded, IDNA-encoded, lowercased, the default port dropped
-- its user and password percent-encoded -- and a host URL parsing refuses (an unclosed ``[``, a port that is no number up to 65535, a
``%`` left after decoding) is a 500, as the asset worker's ``TypeError: Invalid URL string.``
is under ``wrangler dev`` 4.164.0; it was a ``ValueError`` out of the request (an unclosed
``[``) or a ``Location`` wrangler never sends."""

from __future__ import annotations

import pytest
from worker_helpers import assets_site

from workers_env import load_worker

# each target with wrangler dev 4.164.0's answer (status, Location)
TARGETS = {
    "https://[::1/x": (500, None), "https://a]/": (500, None), "//[x/p": (500, None),
    "https://a:b:c/": (500, None), "https://a%/": (500, None), "https://%zz/": (500, None),
    "https://a:99999/x": (500, None), "https://[::1]/x": (301, "https://[::1]/x"),
    "https://ex%41mple.com/": (301, "https://example.com/"), "https://\u4f8b\u3048.jp/x": (301, "https://xn--r8jz45g.jp/x"),
    "//\u4f8b\u3048.jp/p": (301, "http://xn--r8jz45g.jp/p"), "https://EX.com:443/": (301, "https://ex.com/"),
    "https://a:b@c/x": (301, "https://a:b@c/x"), "https://xn--/": (301, "https://xn--/"),
    "https://\u00fc@x.com/": (301, "https://%C3%BC@x.com/"), "https://u@v@x.com/": (301, "https://u%40v@x.com/"),
}


@pytest.mark.asyncio
async def test_hosts_as_url_parsing_writes_or_refuses_them(tmp_path):
    assets_site(tmp_path, {"_redirects": "".join(f"/h{i} {t} 301\n" for i, t in enumerate(TARGETS))})
    worker = load_worker(tmp_path)
    got = {}
    for i, target in enumerate(TARGETS):
        resp = await worker.fetch(f"http://localhost/h{i}")
        got[target] = (resp.status, resp.headers.get("location"))
    assert got == TARGETS
