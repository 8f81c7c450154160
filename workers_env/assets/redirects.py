"""The ``_redirects`` file of an assets directory, as wrangler reads it and the asset worker
applies it: workers-sdk ``workers-shared/utils/configuration/parseRedirects.ts`` (the rules and
the invalid lines, ``validateURL.ts``), ``constructConfiguration.ts`` (static rules -- no ``*``,
no ``:placeholder``, above the first dynamic one -- looked up by path; dynamic rules tried in file
order) and ``asset-worker/src/handler.ts`` ``handleRedirects`` + ``utils/rules-engine.ts`` (as
bundled in wrangler 4.164.0's Miniflare: ``normalizeRedirectTarget``).

A rule is ``/from /to [status]`` (302 by default; 200, 301, 302, 303, 307 or 308). Before any
asset lookup, the request's pathname is matched: a redirect status answers at once with
``Location`` (the target's query, else the request's; a same-origin target as a path), a 200
serves the target's asset at the request's URL (a 404 when there is none: the Worker is not
asked). ``*`` captures ``:splat``, ``:name`` one path segment; both are substituted in the target.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from workers_env._lazyre import lazy_pattern
from workers_env._jsvalues import JS_WHITESPACE
from workers_env.assets.headers import _rule_regex, parse_report, read_like_node

__all__ = ["InvalidRedirect", "Redirect", "RedirectRules", "parse_redirects", "read_redirects"]

MAX_STATIC_RULES, MAX_DYNAMIC_RULES, MAX_LINE_LENGTH = 2000, 100, 2000
PERMITTED_STATUS_CODES = frozenset({200, 301, 302, 303, 307, 308})
STATUS_TEXT = {301: "Moved Permanently", 302: "Found", 303: "See Other", 307: "Temporary Redirect",
               308: "Permanent Redirect", 500: "Internal Server Error"}
#: what :meth:`RedirectRules.match` answers for a target whose host URL parsing refuses (the asset
#: worker's ``new URL(to, request.url)`` throws ``TypeError: Invalid URL string.``: a 500)
INVALID_TARGET = 500
_FORBIDDEN_HOST = frozenset("\x00\t\n\r #/:<>?@[\\]^|%\x7f") | frozenset(map(chr, range(0x20)))


_url = lazy_pattern(r"^https://+(?P<host>[^/]+)/?(?P<path>.*)", re.DOTALL)
_dynamic = lazy_pattern(r"\*|:[A-Za-z]\w*", re.ASCII)
_loops_to_index = lazy_pattern(r"/index(.html)?$")
_external = lazy_pattern(r"^(?:\w+://|//[^/\\\s?#])", re.ASCII)
_protocol = lazy_pattern(r"^\w+://", re.ASCII)
# JavaScript's whitespace (String.prototype.trim, \s): with the BOM, without Python's \x1c-\x1f and \x85
_token_gap = lazy_pattern(f"[{JS_WHITESPACE}]+")
_inline_comment = lazy_pattern(f"[{JS_WHITESPACE}]+#[^\n\r\u2028\u2029]*\\Z")


# WHATWG's percent-encode sets, as Node's and workerd's URL parsers apply them: the path's takes
# "^" too; a special URL's query (the target resolved against the request's http(s) URL) "'" too
_PATH_SAFE = "!$%&'()*+,-./:;=@[\\]_|~"
_QUERY_SAFE = "!$%&'()*+,-./:;=?@[\\]^_`{|}~"
_SPECIAL_QUERY_SAFE = _QUERY_SAFE.replace("'", "")
_FRAGMENT_SAFE = "!#$%&'()*+,-./:;=?@[\\]^_{|}~"
_LOOP_MESSAGE = ("Infinite loop detected in this rule and has been ignored. This will cause a redirect to strip "
                 "`.html` or `/index` and end up triggering this rule again. Please fix or remove this rule to "
                 "silence this warning.")


@dataclass(frozen=True)
class InvalidRedirect:
    """A line wrangler skips, with its message (``line``/``line_number`` when it names one)."""

    message: str
    line: str | None = None
    line_number: int | None = None


@dataclass(frozen=True)
class Redirect:
    """One valid rule: ``source`` (a pathname, maybe with ``*``/``:name``), ``target``, ``status``."""

    source: str
    target: str
    status: int
    line_number: int


def remove_dot_segments(path: str) -> str:
    """A URL parser's dot segments: ``.`` dropped, ``..`` the segment before it."""
    segments = path.split("/")[1:]
    out: list[str] = []
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment in (".", "%2e", "%2E"):
            if last:
                out.append("")
        elif segment.lower() in ("..", ".%2e", "%2e.", "%2e%2e"):
            if out:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out)


def _extract(path: str, search: bool, fragment: bool) -> str:
    """``extractPathname``: the path (and query, fragment) as URL parsing writes them."""
    if not path.startswith("/"):
        path = "/" + path
    parts = urlsplit("relative://" + path)
    out = quote(remove_dot_segments(parts.path or "/"), safe=_PATH_SAFE)
    if search and parts.query:
        out += "?" + quote(parts.query, safe=_QUERY_SAFE)
    if fragment and parts.fragment:
        out += "#" + quote(parts.fragment, safe=_FRAGMENT_SAFE)
    return out


def _validate(token: str, *, only_relative: bool) -> tuple[str | None, str]:
    """``validateUrl``: a source (relative only, no ports) or a target (query and fragment kept)."""
    host = _url().match(token)
    if host and host.group("host"):
        if only_relative:
            return None, f"Only relative URLs are allowed. Skipping absolute URL {token}."
        return f"https://{host.group('host')}{_extract(host.group('path'), True, True)}", ""
    if only_relative and not token.startswith("/"):
        token = "/" + token
    if token.startswith("/"):
        return _extract(token, not only_relative, not only_relative), ""
    # (validateUrl's "URLs should begin with a forward-slash." for a source is never reached: a
    # source without one is given one just above, as in workers-sdk)
    return None, 'URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with "https://").'


def _has_host(token: str) -> bool:
    host = _url().match(token)
    return bool(host and host.group("host"))


_js_number = lazy_pattern(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+")


def _status(text: str) -> int | None:
    """JavaScript's ``Number(text)``, where it is a permitted status code (else ``None``)."""
    text = text.strip()
    if not _js_number().fullmatch(text):
        return None
    value = float(int(text, 0)) if text[:2].lower() in ("0x", "0o", "0b") else float(text)
    return int(value) if value in PERMITTED_STATUS_CODES else None


def parse_redirects(text: str, html_handling: str = "auto-trailing-slash") -> tuple[list[Redirect], list[InvalidRedirect]]:
    """``parseRedirects``: the rules in file order and the lines skipped, with wrangler's messages."""
    lines = text.split("\n")
    rules: list[Redirect] = []
    invalid: list[InvalidRedirect] = []
    seen: set[str] = set()
    static = dynamic = 0
    can_be_static = True
    for i, raw in enumerate(lines):
        line = raw.strip(JS_WHITESPACE)  # a BOM too: Node's readFileSync keeps it, String.trim() drops it
        number = i + 1
        if not line or line.startswith("#"):
            continue
        if len(line.encode("utf-16-le")) // 2 > MAX_LINE_LENGTH:  # JavaScript's length: UTF-16 units
            invalid.append(InvalidRedirect(f"Ignoring line {number} as it exceeds the maximum allowed length of "
                                           f"{MAX_LINE_LENGTH}."))
            continue
        tokens = _token_gap().split(_inline_comment().sub("", line))
        if not 2 <= len(tokens) <= 3:
            invalid.append(InvalidRedirect(f"Expected exactly 2 or 3 whitespace-separated tokens. Got {len(tokens)}.",
                                           line, number))
            continue
        raw_from, raw_to, raw_status = tokens[0], tokens[1], tokens[2] if len(tokens) == 3 else "302"
        source, error = _validate(raw_from, only_relative=True)
        if source is None:
            invalid.append(InvalidRedirect(error, line, number))
            continue
        if can_be_static and not _dynamic().search(source):
            static += 1
            if static > MAX_STATIC_RULES:
                invalid.append(InvalidRedirect(f"Maximum number of static rules supported is {MAX_STATIC_RULES}. "
                                               "Skipping line."))
                continue
        else:
            dynamic += 1
            can_be_static = False
            if dynamic > MAX_DYNAMIC_RULES:
                invalid.append(InvalidRedirect(f"Maximum number of dynamic rules supported is {MAX_DYNAMIC_RULES}. "
                                               f"Skipping remaining {len(lines) - i} lines of file."))
                break
        target, error = _validate(raw_to, only_relative=False)
        if target is None:
            invalid.append(InvalidRedirect(error, line, number))
            continue
        status = _status(raw_status)
        if status is None:
            invalid.append(InvalidRedirect("Valid status codes are 200, 301, 302 (default), 303, 307, or 308. "
                                           f"Got {raw_status}.", line, number))
            continue
        to_index = _loops_to_index().search(target) is not None
        if not _has_host(target) and ((source.endswith("/*") and to_index) or
                                      (source.endswith("/") and to_index and html_handling != "none")):
            invalid.append(InvalidRedirect(_LOOP_MESSAGE, line, number))
            continue
        if source in seen:
            invalid.append(InvalidRedirect(f"Ignoring duplicate rule for path {source}.", line, number))
            continue
        seen.add(source)
        if status == 200 and _has_host(target):
            invalid.append(InvalidRedirect(f"Proxy (200) redirects can only point to relative paths. Got {target}",
                                           line, number))
            continue
        rules.append(Redirect(source, target, status, number))
    return rules, invalid


def read_redirects(directory: Path) -> str | None:
    """The directory's ``_redirects`` as wrangler's ``readFileSync(path, "utf8")`` reads it
    (:func:`read_like_node`); ``None`` when there is no file or it cannot be read (a folder of
    that name, no permission): its rules are then not applied."""
    return read_like_node(directory / "_redirects")


def _normalize_target(target: str, groups: dict[str, str]) -> str:
    """``normalizeRedirectTarget``: captures substituted; a relative target's repeated slashes
    (before any ``?``/``#``) collapsed."""
    external = _external().match(target.strip()) is not None
    for name, value in groups.items():
        target = target.replace(f":{name}", value)
    target = target.strip()
    if external:
        return target
    cut = re.search(r"[?#]", target)
    path, suffix = (target, "") if cut is None else (target[:cut.start()], target[cut.start():])
    return re.sub(r"[/\\]+", "/", path) + suffix


def _netloc(netloc: str, scheme: str) -> str | None:
    """A special URL's ``user@host:port`` as WHATWG URL parsing writes it (the host
    percent-decoded, IDNA-encoded, lowercased; a default or empty port dropped), or ``None``
    where it throws (a forbidden host code point, a bad IPv6 literal, a port not a number up to
    65535)."""
    userinfo, at, hostport = netloc.rpartition("@")
    if hostport.startswith("["):
        end = hostport.find("]")
        host, port = hostport[:end + 1], hostport[end + 1:]
        if end < 0 or (port and not port.startswith(":")):
            return None
        try:
            host = f"[{ipaddress.IPv6Address(host[1:-1]).compressed}]"
        except ValueError:
            return None
        port = port[1:]
    else:
        host, _, port = hostport.partition(":")
        host = unquote(host)
        if not host or any(c in _FORBIDDEN_HOST for c in host):
            return None
        try:
            host = host.lower() if host.isascii() else host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if port and (not port.isascii() or not port.isdigit() or int(port) > 65535):
        return None
    if port and int(port) == {"http": 80, "https": 443}.get(scheme):
        port = ""
    if userinfo:  # user and password percent-encoded with WHATWG's userinfo set
        userinfo = ":".join(quote(part, safe="!$%&'()*+,-._~") for part in userinfo.split(":", 1))
    return f"{userinfo}{at}{host}{f':{int(port)}' if port else ''}"


def _resolve(target: str, base: str) -> tuple[str, str, str, str] | None:
    """``new URL(target, base)``: (origin, pathname, search, hash) -- for the targets a rule can
    hold (``https://host/...``, ``//host/...``, ``/path``); ``None`` where it throws."""
    here = urlsplit(base)
    try:
        if _protocol().match(target):
            parts = urlsplit(target)
        elif target.startswith("//"):
            parts = urlsplit(f"{here.scheme}:{target}")
        else:
            parts = urlsplit(f"{here.scheme}://{here.netloc}{target}")
    except ValueError:  # an unclosed "[" in the host
        return None
    scheme = parts.scheme.lower()
    netloc = _netloc(parts.netloc, scheme)
    if netloc is None:
        return None
    pathname = quote(remove_dot_segments(parts.path or "/"), safe=_PATH_SAFE + "\\")
    search = "?" + quote(parts.query, safe=_SPECIAL_QUERY_SAFE) if parts.query else ""
    fragment = "#" + quote(parts.fragment, safe=_FRAGMENT_SAFE) if parts.fragment else ""
    return f"{scheme}://{netloc}", pathname, search, fragment


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RedirectRules:
    """The rules of one ``_redirects`` file; :meth:`match` finds a request's."""

    def __init__(self, text: str, html_handling: str = "auto-trailing-slash"):
        rules, self.invalid = parse_redirects(text, html_handling)
        self.valid = len(rules)
        self.static: dict[str, Redirect] = {}
        self.dynamic: list[tuple[re.Pattern[str], Redirect]] = []
        #: constructRedirects' info lines: a static rule below a dynamic one is tried as a dynamic one
        self.notes: list[str] = []
        can_be_static = True
        for rule in rules:
            if not _dynamic().search(rule.source):
                if can_be_static:
                    self.static[rule.source] = rule
                    continue
                self.notes.append(f"The redirect rule {rule.source} \u2192 {rule.status} {rule.target} could be made "
                                  "more performant by bringing it above any lines with splats or placeholders.")
            can_be_static = False
            try:
                self.dynamic.append((_rule_regex(rule.source), rule))
            except re.error:  # JavaScript's RegExp throws too (a name used twice): the rule is dropped
                continue

    @classmethod
    def read(cls, directory: Path, html_handling: str = "auto-trailing-slash") -> RedirectRules | None:
        """The directory's ``_redirects`` rules (``None`` without a file it can read)."""
        text = read_redirects(directory)
        return None if text is None else cls(text, html_handling)

    def report(self, where: str) -> list[str]:
        """What wrangler dev logs as it reads the file (``where``: the file's path from the working
        folder): ``✨ Parsed N valid redirect rules.``, the skipped lines, the performance notes."""
        return parse_report("redirect", self.valid, self.invalid, where) + [
            f"[wrangler:info] {note}" for note in self.notes]

    def match(self, url: str, pathname: str) -> tuple[int, str] | None:
        """(status, location) of the redirect for ``url`` (``pathname`` its encoded path): the
        ``Location`` for a redirect status, the pathname to serve instead for a 200;
        (``INVALID_TARGET``, "") for a target URL parsing refuses; ``None`` when no rule matches."""
        found: tuple[int, str] | None = None
        rule = self.static.get(pathname)
        if rule is not None:
            found = (rule.status, rule.target)
        else:
            for regex, rule in self.dynamic:
                hit = regex.match(pathname)
                if hit is not None:
                    found = (rule.status, _normalize_target(rule.target, hit.groupdict()))
                    break
        if found is None:
            return None
        status, target = found
        resolved = _resolve(target, url)
        if resolved is None:
            return INVALID_TARGET, ""
        origin, path, search, fragment = resolved
        if status == 200:
            return 200, path
        query = urlsplit(url).query
        search = search or (f"?{query}" if query else "")
        if origin == _origin(url):
            return status, f"{path}{search}{fragment}"
        return status, f"{origin}{path}{search}{fragment}"
