"""The origin a Worker sees under ``workers-env dev``, as wrangler dev 4.164.0 gives it.

wrangler's ProxyWorker sends each request on with the URL's scheme set to ``upstream_protocol``
and, when there is a dev host (``--host``, ``--local-upstream``, ``[dev] host``, else the first
route's host), its hostname and port set to that host's (``getUserWorkerInnerUrlOverrides``);
every request header naming the server's own origin (``Origin``, ``Referer``, ...) names that
one instead (``rewriteUrlRelatedHeaders``). Miniflare's entry worker then makes the URL
``<upstream_protocol>://<host>/<path and query>``, sets ``Host`` to its host and
``MF-Original-Hostname`` to the rewritten URL's (``getUserRequest``). On the way back, every
response header naming the Worker's origin names the client's again, and a ``Set-Cookie``'s
``Domain=`` the client's hostname. Measured with a JavaScript twin
(``tools/wrangler/dev_host_differential.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workers_env.runtime.jsglobals import JsURL

__all__ = ["Origin", "rewrite_headers"]

#: the ProxyWorker's pattern for a URL in a header value (JavaScript's, flags ``gi``)
_URL_IN_VALUE = re.compile(r"""(https?://[^/?#\s,;"']+)([^\s,;"']*)""", re.IGNORECASE)


def _parsed(text: str, base: str | None = None) -> JsURL | None:
    try:
        return JsURL(text, base) if base is not None else JsURL(text)
    except Exception:  # noqa: BLE001 - the URL parser's TypeError
        return None


def _rewritten(value: str, source: JsURL, target: JsURL) -> str:
    """``rewriteUrlInHeaderValue``: each URL of ``source``'s host in ``value`` put on ``target``'s origin."""
    def one(match: re.Match[str]) -> str:
        url = _parsed(match.group(1))
        if url is None or url.host != source.host:
            return match.group(0)
        return str(target.origin) + match.group(2)
    return _URL_IN_VALUE.sub(one, value)


def rewrite_headers(pairs: Iterable[tuple[str, str]], source: JsURL, target: JsURL) -> list[tuple[str, str]]:
    """The ProxyWorker's ``rewriteUrlRelatedHeaders(headers, source, target)`` over header lines:
    a header whose values (joined as ``Headers`` joins them) hold ``source``'s host becomes one
    line of the rewritten value (``headers.set``), where its first line was; each ``Set-Cookie``
    gets its first ``Domain=<source hostname>`` (the hostname read as a pattern, as there) as
    ``target``'s."""
    pairs = list(pairs)
    joined: dict[str, list[str]] = {}
    for name, value in pairs:
        if name.lower() != "set-cookie":
            joined.setdefault(name.lower(), []).append(value)
    changed = {name: _rewritten(", ".join(values), source, target) for name, values in joined.items()
               if source.host in ", ".join(values)}
    cookie = re.compile(f"Domain={source.hostname}($|;|,)")
    out: list[tuple[str, str]] = []
    written: set[str] = set()
    for name, value in pairs:
        lower = name.lower()
        if lower == "set-cookie":
            out.append((name, cookie.sub(lambda m: f"Domain={target.hostname}{m.group(1)}", value, count=1)))
        elif lower not in changed:
            out.append((name, value))
        elif lower not in written:  # (its later lines are in this one)
            out.append((name, changed[lower]))
            written.add(lower)
    return out


@dataclass(frozen=True)
class Origin:
    """``scheme``: ``upstream_protocol``; ``host``: the dev host (None: the request's own)."""

    scheme: str = "http"
    host: str | None = None

    def problem(self) -> str | None:
        """Why ``<scheme>://<host>`` is no URL (Miniflare's ``upstream`` then), else None."""
        if self.host is None or _parsed(f"{self.scheme}://{self.host}") is not None:
            return None
        return f"{self.scheme}://{self.host} is not a valid URL: check [dev] host, --host or --local-upstream"

    def inner(self, outer: JsURL) -> JsURL:
        """The ProxyWorker's URL for the client's ``outer`` one (its ``innerUrl``)."""
        inner = JsURL(outer.href)
        inner.protocol = f"{self.scheme}:"
        if self.host is not None:
            parsed = _parsed(f"http://{self.host}")
            inner.hostname = parsed.hostname if parsed is not None else self.host
            if parsed is not None:
                inner.port = parsed.port
        return inner

    def worker_url(self, inner: JsURL) -> JsURL:
        """The URL the Worker gets: ``inner``, or with a host its path and query on the upstream."""
        if self.host is None:
            return inner
        path = inner.pathname + inner.search
        if path.startswith("/"):
            path = "./" + path[1:]
        url = _parsed(path, f"{self.scheme}://{self.host}")
        return url if url is not None else inner
