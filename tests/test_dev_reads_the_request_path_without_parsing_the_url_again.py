"""The dev server reads the client's pathname off the URL it already parsed (``cdncgi.url_rewritten``:
the text from the first ``/`` after the authority to the query), parsing again only to rewrite a
legacy ``/cdn-cgi/`` path -- held here to the parser's own reading (``new URL(href).pathname``,
the pathname setter for a rewrite) for URLs as the server makes them: percent-encoding kept,
``//`` kept, dot segments (``..``, ``%2e%2E``) resolved, backslashes read as slashes, an IPv6
host, userinfo dropped, a query holding ``/`` and ``?``. It parsed every request's URL twice
(about 20 us a request: BENCHMARKS.md)."""

from __future__ import annotations

import itertools

import pytest

from workers_env.runtime.cdncgi import LEGACY_PATH_REWRITES, _parsed_rewrite, url_rewritten
from workers_env.runtime.jsglobals import JsURL
from workers_env.runtime.workerapp import _href

HOSTS = ["localhost:8787", "127.0.0.1", "[::1]:8787", "user:pw@localhost", "xn--bcher-kva.example", "b\u00fccher.example"]
PATHS = ["/", "/a", "/a%20b//c", "/a/../b", "/a/%2e%2E/b", "/a/./b/.", "//x//", "/%7e%7E~", "/\u00e9t\u00e9 /x",
         "/a\\b\\..\\c", "/a%2Fb", "/a?b=/c?d", "/?", "/x?", "/cdn-cgi/handler", "/cdn-cgi/handler/", "/cdn-cgi/handlerX",
         "/cdn-cgi/handler/scheduled?cron=*+*", "/cdn-cgi/mf/stream/a%20b//c", "/cdn-cgi/mf/scheduled/../x",
         "/CDN-CGI/handler", "/cdn-cgi/explorer/api?x", "/cdn-cgi/mf/imagedelivery/%2e%2e/y", "/a\tb\nc", "/%ZZ/%"]


@pytest.mark.parametrize(("scheme", "host", "path"), list(itertools.product(["http", "https"], HOSTS, PATHS)))
def test_the_path_read_off_the_url_is_the_parsers(scheme: str, host: str, path: str) -> None:
    href = _href(f"{scheme}://{host}{path}")
    assert href is not None
    assert url_rewritten(href) == _parsed_rewrite(href)  # (the parser's reading: the code before)


def test_every_legacy_prefix_is_still_rewritten() -> None:
    for old, new in LEGACY_PATH_REWRITES:
        href = _href(f"http://localhost:8787{old}/a%20b?q=1")
        assert href is not None
        assert url_rewritten(href) == (f"{old}/a%20b", f"http://localhost:8787{new}/a%20b?q=1", f"{new}/a%20b")


def test_the_url_is_parsed_again_only_for_a_legacy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    import workers_env.runtime.cdncgi as cdncgi

    parsed: list[str] = []

    def counting(url: str) -> JsURL:
        parsed.append(url)
        return JsURL(url)

    monkeypatch.setattr(cdncgi, "JsURL", counting)
    url_rewritten("http://localhost:8787/api/items?x=1")
    url_rewritten("http://localhost:8787/cdn-cgi/local/scheduled")
    assert parsed == []
    url_rewritten("http://localhost:8787/cdn-cgi/handler/scheduled")
    assert parsed == ["http://localhost:8787/cdn-cgi/handler/scheduled"]
