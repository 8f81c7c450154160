"""What ``wrangler dev`` 4.164.0 does with a ``/cdn-cgi/`` path before (or instead of) the Worker.

- Miniflare's entry worker refuses a request whose path starts with ``/cdn-cgi/`` when its
  ``Host`` or ``Origin`` names a host other than ``localhost``, ``127.0.0.1``, ``[::1]`` or (wrangler
  4.168.0's Miniflare 5.20261123.1-beta) a subdomain of ``localhost``
  (``validateCdnCgiRequest``; wrangler dev hands it no routes and no upstream, so a route's or
  ``--local-upstream``'s host is refused too): 403 ``Invalid Host header`` / ``Invalid Origin
  header``, a header the URL parser refuses (``Origin: null``) included.
- wrangler's ProxyWorker rewrites older prefixes in the URL the Worker gets
  (``LEGACY_PATH_REWRITES``: ``/cdn-cgi/handler/x`` is ``/cdn-cgi/local/x``,
  ``/cdn-cgi/mf/stream/x`` ``/__cf_local/stream/x``, ...); the trigger paths are read after it.
- ``/cdn-cgi/local/platform-proxy`` is ``getPlatformProxy``'s (400 ``Invalid proxy request``
  without its ``MF-Op`` header, 401 with one but without wrangler's secret), and
  ``/cdn-cgi/local/explorer`` the local explorer's UI, which workers-env does not serve (README:
  "Where we had to choose").
- wrangler dev prints no request line for a ``/cdn-cgi/`` path below ``--log-level debug`` (its
  logger drops lines naming ``/cdn-cgi/``; one rewritten away from it is not printed either).

Measured with a JavaScript twin: ``tools/wrangler/dev_cdn_cgi_differential.py``.
"""

from __future__ import annotations

from workers_env.runtime.jsglobals import JsURL

__all__ = ["EXPLORER_ANSWER", "logged", "own_answer", "rewritten", "url_rewritten"]

#: the ProxyWorker's ``LEGACY_PATH_REWRITES``, in its order (a prefix matches whole path segments)
LEGACY_PATH_REWRITES = (
    ("/cdn-cgi/handler", "/cdn-cgi/local"),
    ("/cdn-cgi/mf/scheduled", "/cdn-cgi/local/scheduled"),
    ("/cdn-cgi/mf/stream", "/__cf_local/stream"),
    ("/cdn-cgi/mf/imagedelivery", "/__cf_local/imagedelivery"),
    ("/cdn-cgi/explorer", "/cdn-cgi/local/explorer"),
)
_LOCAL_HOSTNAMES = ("localhost", "127.0.0.1", "[::1]")
_PLATFORM_PROXY = "/cdn-cgi/local/platform-proxy"
_EXPLORER = "/cdn-cgi/local/explorer"
_PLAIN = b"text/plain;charset=UTF-8"
#: workers-env's answer where wrangler dev serves its local explorer (a choice: README)
EXPLORER_ANSWER = (b"workers-env dev does not serve wrangler dev's local explorer (/cdn-cgi/explorer, its UI for "
                   b"the local KV and D1 data): read them with `workers-env kv` and `workers-env d1`")


def rewritten(pathname: str) -> str:
    """The ProxyWorker's ``rewriteLegacyMiniflarePath`` of a URL's ``pathname``."""
    for old, new in LEGACY_PATH_REWRITES:
        if pathname == old or pathname.startswith(old + "/"):
            return new + pathname[len(old):]
    return pathname


def url_rewritten(url: str) -> tuple[str, str, str]:
    """``(the client's pathname, the URL with its path rewritten, that path)`` for ``url``, an
    http(s) URL as the URL parser serialises it (the dev server's ``href``). Its pathname is read
    off the text -- from the first ``/`` after the authority, which a serialised host never holds,
    to the query, whose ``?`` a serialised path never holds -- as ``new URL(url).pathname`` gives
    it (percent-encoding, ``//`` kept; dot segments already resolved); the URL is parsed again
    only to rewrite a legacy ``/cdn-cgi/`` path (about 20 us a request saved: BENCHMARKS.md)."""
    authority = url.find("://")
    start = url.find("/", authority + 3) if authority > 0 else -1
    if start < 0:  # (not a serialised http(s) URL: the parser reads it)
        return _parsed_rewrite(url)
    end = url.find("?", start)
    client = url[start:end] if end >= 0 else url[start:]
    path = rewritten(client)
    if path == client:
        return client, url, path
    return _parsed_rewrite(url)


def _parsed_rewrite(url: str) -> tuple[str, str, str]:
    """:func:`url_rewritten` by the URL parser: its pathname, rewritten through its setter."""
    parsed = JsURL(url)
    client = str(parsed.pathname)
    path = rewritten(client)
    if path == client:
        return client, url, path
    parsed.pathname = path
    return client, str(parsed.href), path


def _hostname(text: str) -> str | None:
    try:
        return str(JsURL(text).hostname)
    except Exception:  # noqa: BLE001 - the URL parser's TypeError: Miniflare's 403 then
        return None


def _allowed(hostname: str | None) -> bool:
    """Miniflare's ``isHostnameAllowed`` without routes or an upstream (wrangler dev hands it none):
    ``localhost``, ``127.0.0.1``, ``[::1]`` and, from Miniflare 5.20261123.1-beta (wrangler 4.168.0),
    any ``*.localhost``."""
    return hostname is not None and (hostname in _LOCAL_HOSTNAMES or hostname.endswith(".localhost"))


def own_answer(client_path: str, path: str, host: str, origin: str | None,
               proxy_op: bool) -> tuple[int, bytes | None, bytes] | None:
    """``(status, Content-Type, body)`` wrangler dev answers itself for a request to
    ``client_path`` (``path`` after the rewrite) with that ``Host`` and ``Origin`` (and an
    ``MF-Op`` header: ``proxy_op``), else None: the Worker's to answer."""
    if client_path.startswith("/cdn-cgi/") or path.startswith("/cdn-cgi/"):
        if not _allowed(_hostname(f"http://{host}")):
            return 403, _PLAIN, b"Invalid Host header"
        if origin and not _allowed(_hostname(origin)):
            return 403, _PLAIN, b"Invalid Origin header"
    if path == _PLATFORM_PROXY:
        return (401, None, b"") if proxy_op else (400, _PLAIN, b"Invalid proxy request")
    if path == _EXPLORER or path.startswith(_EXPLORER + "/"):
        return 501, _PLAIN, EXPLORER_ANSWER
    return None


def logged(client_path: str, path: str, debug: bool) -> bool:
    """Whether wrangler dev prints the request line of ``client_path`` (``path`` after the
    rewrites; at ``--log-level debug``: ``debug``): not when either names ``/cdn-cgi/`` (so
    ``/cdn-cgi/mf/stream/x`` is not, though ``/__cf_local/stream/x`` asked for itself is: measured)."""
    return debug or "/cdn-cgi/" not in client_path + " " + path
