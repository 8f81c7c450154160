"""How ``fetch`` reads a URL before ``fetch_standard_url`` (compatibility dates before 2024-06-03).

workerd then keeps ``new Request(url)``'s string as given and parses it only when sending, with
kj's own URL parser (``kj::Url::tryParse`` in the ``REMOTE_HREF`` context, without percent-decoding,
empty path parts allowed: http.c++ ``Fetcher::parseUrl``): a scheme (letters first, lower-cased),
``//``, an authority whose host holds only letters, digits and ``.-:[]_`` (lower-cased; user info
before an ``@`` allowed), path parts with ``.`` and ``..`` collapsed (``%2e%2e`` is not), a query,
a fragment (dropped). Anything else is ``TypeError: Fetch API cannot load: <url>``, as is a scheme
other than ``http``/``https``.

What goes into the request line is kj's text, which ``wrangler dev`` 4.164.0's local workerd then
sends with a space or control character percent-encoded (``%20``, ``%09``), other non-ASCII as
its UTF-8 bytes, and ``"``, ``<``, ``>`` or DEL refused as ``Error: internal error; reference =
...`` (measured by ``tools/wrangler/fetch_url_differential.py``; kj's source does not say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LegacyUrl", "fetch_cannot_load", "is_legacy_http_url", "parse_legacy_url"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*\Z")
_HOST = re.compile(r"[A-Za-z0-9.:\[\]_-]*\Z")
#: what the request line cannot carry as it is: refused (wrangler dev's local workerd)
_REFUSED = frozenset('"<>\x7f')


@dataclass(frozen=True)
class LegacyUrl:
    """A URL as kj parsed it: what a fetch sends."""

    scheme: str
    host: str
    path: tuple[str, ...]
    trailing_slash: bool
    query: str | None  # after the "?", as given (kj's parts joined again are the same text)
    userinfo: str | None = None  # before the "@", as given (not sent; kept in the response's URL)
    fragment: str | None = None  # after the "#", as given (never sent; named in "Too many redirects.")

    def target(self) -> str:
        """The request target kj writes (``/`` for an empty path)."""
        path = "".join("/" + part for part in self.path)
        if self.trailing_slash or not self.path:
            path += "/"
        return path + ("" if self.query is None else "?" + self.query)

    def href(self) -> str:
        """kj's ``toString(REMOTE_HREF)`` without the fragment, the ``url`` of the response: user
        info kept, no ``/`` for an empty path without one, characters as given."""
        path = "".join("/" + part for part in self.path) + ("/" if self.trailing_slash else "")
        userinfo = "" if self.userinfo is None else self.userinfo + "@"
        return f"{self.scheme}://{userinfo}{self.host}{path}" + ("" if self.query is None else "?" + self.query)

    def full_href(self) -> str:
        """kj's ``toString(REMOTE_HREF)``, fragment and all."""
        return self.href() + ("" if self.fragment is None else "#" + self.fragment)

    def resolve(self, location: str) -> LegacyUrl | None:
        """``kj::Url::tryParseRelative(location)``: a redirect's ``Location`` as workerd reads it
        before ``fetch_standard_url``, or None where kj cannot (a host of other characters). Unlike
        :func:`parse_legacy_url` it takes any scheme as written (``HTTP``, ``mailto``, even an
        empty one) and no ``//``; a missing part comes from this URL -- the scheme, the
        authority with its user info, the path (a relative one from this path's last ``/``),
        the query when there is neither authority nor path --; empty path parts are collapsed
        and empty query parameters dropped (``?a&&b`` is ``?a&b``, ``?`` no query)."""
        text, scheme = location, self.scheme
        for i, c in enumerate(text):
            if c == ":":
                scheme, text = text[:i], text[i + 1:]
                break
            if not (c.isascii() and (c.isalnum() or c in "+-.")):
                break
        host, userinfo = self.host, self.userinfo
        new_authority = text.startswith("//")
        if new_authority:
            split = _authority(text[2:])
            if split is None:
                return None
            userinfo, host, text = split
            host = host.lower()
        path: list[str] = []
        trailing = False
        new_path = bool(text) and text[0] not in "?#"
        if new_path:
            if text[0] == "/":
                text = text[1:]
                trailing = True
            elif self.path:
                path = list(self.path if self.trailing_slash else self.path[:-1])
                trailing = True
            while True:
                end = _first_of(text, "/?#")
                part, text = text[:end], text[end:]
                if part == "..":
                    if path:
                        path.pop()
                    trailing = True
                elif part in ("", "."):
                    trailing = True
                else:
                    path.append(part)
                    trailing = False
                if not text.startswith("/"):
                    break
                text = text[1:]
        elif not new_authority:
            path, trailing = list(self.path), self.trailing_slash
        query = None
        if text.startswith("?"):
            end = _first_of(text, "#")
            query = "&".join(part for part in text[1:end].split("&") if part) or None
            text = text[end:]
        elif not new_authority and not new_path:
            query = self.query
        fragment = text[1:] if text.startswith("#") else None
        return LegacyUrl(scheme, host, tuple(path), trailing, query, userinfo, fragment)

    def sendable(self) -> str:
        """The URL to send: ``scheme://host`` and the target, a space or control character
        percent-encoded (non-ASCII stays as its characters, sent as UTF-8)."""
        return f"{self.scheme}://{self.host}" + "".join(
            f"%{ord(c):02X}" if ord(c) <= 0x20 else c for c in self.target())

    def refused(self) -> bool:
        """Whether the request line would hold a character workerd does not send."""
        return any(c in _REFUSED for c in self.target())


def fetch_cannot_load(url: str) -> str:
    return f"Fetch API cannot load: {url}"


#: what :func:`parse_legacy_url` reads as an ``http``/``https`` URL, in one match: the scheme,
#: ``//``, user info up to the first ``@``, a host of the characters kj takes, then the path,
#: query or fragment (anything) or the end
_HTTP = re.compile(r"(?i:https?)://(?:[^/?#@]*@)?[A-Za-z0-9.:\[\]_-]*(?:[/?#]|\Z)")


def is_legacy_http_url(text: str) -> bool:
    """Whether kj's parser reads ``text`` as an ``http``/``https`` URL (what
    ``parse_legacy_url(text).scheme`` would say, without building it)."""
    return _HTTP.match(text) is not None


def parse_legacy_url(text: str) -> LegacyUrl | None:
    """``kj::Url::tryParse(text, REMOTE_HREF, {percentDecode: false, allowEmpty: true})``, or None."""
    scheme, colon, rest = text.partition(":")
    if not colon or not _SCHEME.match(scheme) or not rest.startswith("//"):
        return None
    split = _authority(rest[2:])
    if split is None:
        return None
    userinfo, host, rest = split
    path: list[str] = []
    trailing = False
    while rest.startswith("/"):
        rest = rest[1:]
        end = _first_of(rest, "/?#")
        part, rest = rest[:end], rest[end:]
        if part == "..":
            if path:
                path.pop()
            trailing = True
        elif (part == "" and not rest) or part == ".":  # the last empty part, "/./"
            trailing = True
        else:
            path.append(part)
            trailing = False
    query = None
    if rest.startswith("?"):
        end = _first_of(rest, "#")
        query, rest = rest[1:end], rest[end:]
    fragment = rest[1:] if rest.startswith("#") else None
    return LegacyUrl(scheme.lower(), host.lower(), tuple(path), trailing, query, userinfo, fragment)


def _authority(text: str) -> tuple[str | None, str, str] | None:
    """The user info (None: no ``@``), host and rest of ``text``, the URL after its ``//``, as
    both of kj's parses split it; None for a host of characters kj does not take."""
    end = _first_of(text, "/?#")
    authority, rest = text[:end], text[end:]
    before, at, host = authority.partition("@")
    if not at:
        return (None, authority, rest) if _HOST.match(authority) else None
    return (before, host, rest) if _HOST.match(host) else None


def _first_of(text: str, chars: str) -> int:
    return next((i for i, c in enumerate(text) if c in chars), len(text))
