"""Which asset a path names, as Cloudflare's asset worker decides it (workers-sdk,
``workers-shared/asset-worker/src/handler.ts``: ``getIntent`` and its four ``html_handling``
modes, ``notFound``, ``safeRedirect``), ported branch for branch.

An intent is an asset to serve (its ETag, 200 or 404) or a redirect to another path; none
means "no asset here" (the request then goes to the Worker). ``exists(path)`` is the
manifest lookup: the ETag of the file at that (decoded) path, or ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Intent", "get_intent"]

Exists = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Intent:
    """An asset to serve (``etag``, ``status``) or a ``redirect`` target; ``resolver`` says
    which rule chose it (``html-handling`` or ``not-found``)."""

    etag: str | None = None
    status: int = 200
    redirect: str | None = None
    resolver: str = "html-handling"


def _asset(etag: str) -> Intent:
    return Intent(etag=etag)


class _Resolver:
    def __init__(self, exists: Exists, html_handling: str, not_found_handling: str):
        self.exists = exists
        self.html_handling = html_handling
        self.not_found_handling = not_found_handling

    def intent(self, path: str, skip_redirects: bool = False) -> Intent | None:
        handler = {
            "auto-trailing-slash": self._auto,
            "force-trailing-slash": self._force,
            "drop-trailing-slash": self._drop,
        }.get(self.html_handling)
        if handler is None:  # "none"
            etag = self.exists(path)
            return _asset(etag) if etag else self._not_found(path)
        return handler(path, skip_redirects)

    def _redirect(self, file: str, destination: str, skip: bool) -> Intent | None:
        """``safeRedirect``: to ``destination`` when nothing sits there itself and it resolves
        to ``file``'s very asset."""
        if skip or self.exists(destination):
            return None
        intent = self.intent(destination, skip_redirects=True)
        if intent is not None and intent.etag is not None and intent.etag == self.exists(file):
            return Intent(redirect=destination)
        return None

    def _auto(self, p: str, skip: bool) -> Intent | None:
        exact = self.exists(p)
        if p.endswith("/index"):
            if exact:
                return _asset(exact)
            found = (self._redirect(f"{p}.html", p[: -len("index")], skip)
                     or self._redirect(f"{p[: -len('/index')]}.html", p[: -len("/index")], skip))
            if found:
                return found
        elif p.endswith("/index.html"):
            found = (self._redirect(p, p[: -len("index.html")], skip)
                     or self._redirect(f"{p[: -len('/index.html')]}.html", p[: -len("/index.html")], skip))
            if found:
                return found
        elif p.endswith("/"):
            etag = self.exists(f"{p}index.html")
            if etag:
                return _asset(etag)
            found = self._redirect(f"{p[:-1]}.html", p[:-1], skip)
            if found:
                return found
        elif p.endswith(".html"):
            stem = p[: -len(".html")]
            found = self._redirect(p, stem, skip) or self._redirect(f"{stem}/index.html", f"{stem}/", skip)
            if found:
                return found
        if exact:
            return _asset(exact)
        etag = self.exists(f"{p}.html")
        if etag:
            return _asset(etag)
        return self._redirect(f"{p}/index.html", f"{p}/", skip) or self._not_found(p)

    def _force(self, p: str, skip: bool) -> Intent | None:
        exact = self.exists(p)
        if p.endswith("/index"):
            if exact:
                return _asset(exact)
            found = (self._redirect(f"{p}.html", p[: -len("index")], skip)
                     or self._redirect(f"{p[: -len('/index')]}.html", p[: -len("index")], skip))
            if found:
                return found
        elif p.endswith("/index.html"):
            found = (self._redirect(p, p[: -len("index.html")], skip)
                     or self._redirect(f"{p[: -len('/index.html')]}.html", p[: -len("index.html")], skip))
            if found:
                return found
        elif p.endswith("/"):
            etag = self.exists(f"{p}index.html") or self.exists(f"{p[:-1]}.html")
            if etag:
                return _asset(etag)
        elif p.endswith(".html"):
            stem = p[: -len(".html")]
            found = self._redirect(p, f"{stem}/", skip)
            if found:
                return found
            if exact:  # both /foo.html and /foo/index.html: /foo.html is served at /foo.html only
                return _asset(exact)
            found = self._redirect(f"{stem}/index.html", f"{stem}/", skip)
            if found:
                return found
        if exact:
            return _asset(exact)
        return (self._redirect(f"{p}.html", f"{p}/", skip) or self._redirect(f"{p}/index.html", f"{p}/", skip)
                or self._not_found(p))

    def _drop(self, p: str, skip: bool) -> Intent | None:
        exact = self.exists(p)
        if p.endswith("/index"):
            if exact:
                return _asset(exact)
            if p == "/index":
                found = self._redirect("/index.html", "/", skip)
            else:
                found = (self._redirect(f"{p[: -len('/index')]}.html", p[: -len("/index")], skip)
                         or self._redirect(f"{p}.html", p[: -len("/index")], skip))
            if found:
                return found
        elif p.endswith("/index.html"):
            if p == "/index.html":  # so that / is not dropped
                found = self._redirect("/index.html", "/", skip)
                if found:
                    return found
            else:
                found = self._redirect(p, p[: -len("/index.html")], skip)
                if found:
                    return found
                if exact:  # both /foo.html and /foo/index.html: the latter only at its own path
                    return _asset(exact)
                found = self._redirect(f"{p[: -len('/index.html')]}.html", p[: -len("/index.html")], skip)
                if found:
                    return found
        elif p.endswith("/"):
            if p == "/":
                etag = self.exists("/index.html")
                if etag:
                    return _asset(etag)
            else:
                found = (self._redirect(f"{p[:-1]}.html", p[:-1], skip)
                         or self._redirect(f"{p[:-1]}/index.html", p[:-1], skip))
                if found:
                    return found
        elif p.endswith(".html"):
            stem = p[: -len(".html")]
            found = self._redirect(p, stem, skip) or self._redirect(f"{stem}/index.html", stem, skip)
            if found:
                return found
        if exact:
            return _asset(exact)
        etag = self.exists(f"{p}.html") or self.exists(f"{p}/index.html")
        return _asset(etag) if etag else self._not_found(p)

    def _not_found(self, p: str) -> Intent | None:
        if self.not_found_handling == "single-page-application":
            etag = self.exists("/index.html")
            return Intent(etag=etag, resolver="not-found") if etag else None
        if self.not_found_handling == "404-page":
            cwd = p
            while cwd:  # the nearest 404.html, from the path's folder up to the root
                cwd = cwd[: cwd.rfind("/")] if "/" in cwd else ""
                etag = self.exists(f"{cwd}/404.html")
                if etag:
                    return Intent(etag=etag, status=404, resolver="not-found")
            return None
        return None


def get_intent(path: str, exists: Exists, *, html_handling: str, not_found_handling: str) -> Intent | None:
    """The intent for the decoded ``path`` under the two handling options."""
    return _Resolver(exists, html_handling, not_found_handling).intent(path)
