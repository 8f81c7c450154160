"""``js.URL`` parses, serializes and changes URLs as workerd's parser (ada) does: IDNA hosts,
IPv4/IPv6 forms, ports, userinfo and ``file:`` URLs, setters that ignore what they cannot
parse, and ``searchParams`` kept in step with ``search`` (cases checked against ``wrangler
dev`` by ``tools/wrangler/jsapi_differential.py``)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js
from workers_env.runtime.jsproxy import jsnull


@pytest.mark.parametrize(("given", "href", "host"), [
    ("http://bücher.de/", "http://xn--bcher-kva.de/", "xn--bcher-kva.de"),
    ("https://ÉXAMPLE.com", "https://xn--xample-9ua.com/", "xn--xample-9ua.com"),
    ("http://[::1]:8080/", "http://[::1]:8080/", "[::1]:8080"),
    ("http://0x7f.1/", "http://127.0.0.1/", "127.0.0.1"),
    ("https://exa%41mple.com/", "https://exaample.com/", "exaample.com"),
    ("https:example.com/x", "https://example.com/x", "example.com"),
    ("HTTP://user:pa ss@Host.COM/ä?ä=ö#ä", "http://user:pa%20ss@host.com/%C3%A4?%C3%A4=%C3%B6#%C3%A4", "host.com"),
    ("file:///C:/x/../y", "file:///C:/y", ""),
    ("https://example.com:443/", "https://example.com/", "example.com"),
    ("https://e.com/\ud800", "https://e.com/%EF%BF%BD", "e.com"),  # a lone surrogate is U+FFFD
])
def test_urls_parse_as_workerd_parses_them(given, href, host):
    url = js.URL.new(given)
    assert (url.href, url.host, str(url), url.toJSON()) == (href, host, href, href)


@pytest.mark.parametrize("bad", ["https://example.com:65536/", "https://example.com:12ab/", "http://[::1/",
                                 "http://a b/", "/relative", "not a url", ""])
def test_what_is_not_a_url_is_a_type_error(bad):
    with pytest.raises(JsException) as caught:
        js.URL.new(bad)
    assert (caught.value.name, caught.value.message) == ("TypeError", "Invalid URL string.")
    assert js.URL.canParse(bad) is False
    assert js.URL.parse(bad) in (None, jsnull)  # URL.parse answers null instead of throwing


def test_a_base_resolves_and_undefined_is_no_base():
    assert js.URL.new("../../../x", "https://example.com/a/b/c").href == "https://example.com/x"
    assert js.URL.new("https://e.com", None).href == "https://e.com/"  # undefined: no base
    with pytest.raises(JsException, match="Invalid URL string"):
        js.URL.new("https://e.com", jsnull)  # null is the base "null"
    assert js.URL.parse("/x", "https://e.com/a/b").href == "https://e.com/x"
    assert js.URL.new(js.URL.new("https://e.com/p")).href == "https://e.com/p"


def test_setters_change_what_they_can_parse_and_ignore_the_rest():
    url = js.URL.new("https://e.com:8080/p?a=1#h")
    url.port = "99999"  # out of range: ignored, silently, as in JavaScript
    url.port = "12ab"  # WHATWG keeps the leading digits
    assert url.href == "https://e.com:12/p?a=1#h"
    url.port = ""
    url.host = "a b"  # not a host: ignored
    url.host = "other.org:81"
    assert url.href == "https://other.org:81/p?a=1#h"
    url.protocol = "mailto"  # a special URL cannot become a non-special one: ignored
    url.protocol = "http"
    url.username, url.password = "u s", "p@"
    assert url.href == "http://u%20s:p%40@other.org:81/p?a=1#h"
    url.pathname, url.hash = "/new path/ü", "x y"
    assert url.href == "http://u%20s:p%40@other.org:81/new%20path/%C3%BC?a=1#x%20y"
    with pytest.raises(JsException) as caught:
        url.href = "nope"
    assert caught.value.message == ("Failed to set the 'href' property on 'URL': the provided value is not of type "
                                    "'valid URL string'.")
    assert url.pathname == "/new%20path/%C3%BC"  # a refused href changes nothing


def test_search_params_and_search_stay_in_step():
    url = js.URL.new("https://e.com/p?a=1")
    params = url.searchParams
    url.search = "x=1&y=2"
    assert (url.searchParams is params, [list(p) for p in params.entries()]) == (True, [["x", "1"], ["y", "2"]])
    params.delete("x")
    params.append("z", "a b")
    assert url.href == "https://e.com/p?y=2&z=a+b"
    params.delete("y")
    params.delete("z")
    assert (url.href, url.search) == ("https://e.com/p", "")  # no pairs: no "?"
    url.href = "https://other.org/?b=2"
    assert params.get("b") == "2"
