"""Serving a Worker's static assets (``[assets] directory``) as Cloudflare does: the asset
worker's answer to a request (workers-sdk ``asset-worker/src/handler.ts``) and the router's
choice between the assets and the Worker (``router-worker/src/worker.ts``).

The answer: a ``_redirects`` rule first (:mod:`workers_env.assets.redirects`: a redirect
status answers at once, a 200 swaps the path looked up); the path is decoded segment by segment
(repeated slashes collapsed); the intent
(:mod:`workers_env.assets.intent`) names an asset, a redirect or nothing; a method other than
GET/HEAD on an asset is 405; a path whose canonical (re-encoded) form differs, or an
``html_handling`` redirect, is a 307 keeping the query; ``If-None-Match`` with the ETag is a
304; otherwise 200 (404 for a ``404-page``) with ``ETag``, ``Content-Type``, ``Cache-Control:
public, max-age=0, must-revalidate`` (unless the request has ``Authorization`` or ``Range``)
and ``CF-Cache-Status: HIT`` (a local read is always fast); HEAD has no body. Every answer then
gets the ``_headers`` rules that match its path (:mod:`workers_env.assets.headers`).

The router: ``run_worker_first = true`` sends everything to the Worker; a list of patterns
(``/api/*``, ``!/api/docs``) sends matches to the Worker and negated matches to the assets;
otherwise a request goes to the assets when they have an answer for it -- ``not_found_handling``
counts only for browser navigations (``Sec-Fetch-Mode: navigate``, from compatibility date
2025-04-01) or with a pattern list -- and to the Worker when they do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from workers_env._errors import ConfigError
from workers_env._jsvalues import HttpResponse
from workers_env.assets.base_path import add_base_path, normalize_base_path, strip_base_path
from workers_env.assets.headers import HeaderRules
from workers_env.assets.intent import Intent, get_intent
from workers_env.assets.manifest import AssetFile, Manifest
from workers_env.assets.redirects import (
    INVALID_TARGET,
    STATUS_TEXT,
    RedirectRules,
    read_redirects,
    remove_dot_segments,
)
from workers_env.config.diagnostics.assets import (
    ASSETS_HTML_HANDLING,
    ASSETS_NOT_FOUND_HANDLING,
)
from workers_env.config.diagnostics.jsvalues import js_json

__all__ = ["AssetServer", "assets_config"]

CACHE_CONTROL = "public, max-age=0, must-revalidate"
#: ``assets_navigation_prefers_asset_serving``: on by default from this compatibility date
_NAVIGATION_FLAG = ("assets_navigation_prefers_asset_serving", "assets_navigation_has_no_effect", "2025-04-01")
_MAX_RULES, _MAX_RULE_LENGTH = 100, 100
_REGEX_SPECIALS = re.compile(r"[-/\\^$+?.()|[\]{}]")


def assets_config(config: Any) -> Mapping[str, Any] | None:
    """The config's ``assets`` table when it names a ``directory`` (else ``None``)."""
    merged = getattr(config, "merged", None) or {}
    table = merged.get("assets")
    if isinstance(table, Mapping) and isinstance(table.get("directory"), str) and table["directory"]:
        return table
    return None


def _decode(path: str) -> str:
    """``decodePath``: each segment percent-decoded (left as it is if that fails), then
    repeated slashes collapsed."""
    segments = []
    for segment in path.split("/"):
        try:
            segments.append(unquote(segment, errors="strict"))
        except UnicodeDecodeError:
            segments.append(segment)
    return re.sub(r"/+", "/", "/".join(segments))


def _encode(path: str) -> str:
    """``encodePath``: each segment as ``encodeURIComponent`` writes it."""
    out = []
    for segment in path.split("/"):
        try:
            out.append(quote(segment, safe="-_.!~*'()", errors="strict"))
        except UnicodeEncodeError:  # a lone surrogate: encodeURIComponent throws, the segment stays
            out.append(segment)
    return "/".join(out)


def _glob(rule: str) -> re.Pattern[str]:
    """``generateGlobOnlyRuleRegExp``: ``*`` matches anything, everything else literally."""
    return re.compile("^" + ".*".join(_REGEX_SPECIALS.sub(lambda m: "\\" + m.group(0), part)
                                      for part in rule.split("*")) + "$")


def _static_routing(rules: list[Any]) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """``parseStaticRouting``: (patterns for the assets, patterns for the Worker), or wrangler's error."""
    if not rules:
        raise ConfigError("No `run_worker_first` rules were provided; must provide at least 1 rule.")
    if len(rules) > _MAX_RULES:
        raise ConfigError(f"Too many `run_worker_first` rules were provided; {len(rules)} rules provided "
                          f"exceeds max of {_MAX_RULES}.")
    raw_assets: list[str] = []
    to_worker: list[str] = []
    invalid: list[str] = []
    for rule in rules:
        rule = str(rule)
        if rule.startswith("!/"):
            raw_assets.append(rule)
        elif rule.startswith("/"):
            to_worker.append(rule)
        elif rule.startswith("!"):
            invalid.append(f"'{rule}': negative rules must start with '!/'")
        else:
            invalid.append(f"'{rule}': rules must start with '/' or '!/'")
    if raw_assets and not to_worker:
        raise ConfigError("Only negative `run_worker_first` rules were provided; must provide at least 1 "
                          "non-negative rule")
    for group in (to_worker, raw_assets):
        seen: set[str] = set()
        for rule in group:
            if len(rule) > _MAX_RULE_LENGTH:
                invalid.append(f"'{rule}': all rules must be less than {_MAX_RULE_LENGTH} characters in length")
            if rule in seen:
                invalid.append(f"'{rule}': rule is a duplicate; rules must be unique")
            if rule.endswith("*"):
                invalid += [f"'{other}': rule '{rule}' makes it redundant" for other in group
                            if other != rule and other.startswith(rule[:-1])]
            seen.add(rule)
    if invalid:
        raise ConfigError("Invalid routes in `run_worker_first`:\n" + "\n".join(invalid))
    return [_glob(r[1:]) for r in raw_assets], [_glob(r) for r in to_worker]


class AssetServer:
    """The assets of one config: their answers, and the router's choice."""

    def __init__(self, table: Mapping[str, Any], *, root: Any, compatibility_date: str = "",
                 compatibility_flags: tuple[str, ...] = ()):
        self.html_handling = table.get("html_handling", "auto-trailing-slash")
        self.not_found_handling = table.get("not_found_handling", "none")
        for key, value, allowed in (("html_handling", self.html_handling, ASSETS_HTML_HANDLING),
                                    ("not_found_handling", self.not_found_handling, ASSETS_NOT_FOUND_HANDLING)):
            if value not in allowed:  # (a config load refuses these first; wrangler's text either way)
                raise ConfigError(f'Expected "assets.{key}" field to be one of {js_json(list(allowed))} '
                                  f"but got {js_json(value)}.")
        #: ``base_path`` normalised (``/`` or ``/a/b/``), or the asset worker's error for every request
        base, error = normalize_base_path(table.get("base_path", "/"))
        self.base_path: str = base or "/"
        self.base_path_error = None if error is None else f"Invalid assets base_path: {error}"
        self.manifest = Manifest(root / table["directory"])
        #: each routing file's stat stamp and its rules (:meth:`_rules_of`)
        self._rule_files: dict[str, tuple[tuple[int, ...], Any]] = {}
        first = table.get("run_worker_first", False)
        self.worker_first = first is True
        self.static_routing = _static_routing(first) if isinstance(first, list) else None
        enable, disable, since = _NAVIGATION_FLAG
        flags = set(compatibility_flags)
        self.navigation_prefers_assets = enable in flags or (disable not in flags and compatibility_date >= since)

    # -- the router ------------------------------------------------------------------------
    def to_assets(self, method: str, url: str, headers: Mapping[str, str]) -> bool:
        """Whether the router sends this request to the assets (else to the Worker)."""
        path = _pathname(url)  # as new URL() gives it: /blog/%2E/post is /blog/post (measured)
        if self.static_routing is not None:
            to_assets, to_worker = self.static_routing
            if any(p.match(path) for p in to_assets):
                return True
            if any(p.match(path) for p in to_worker):
                return False
        if self.worker_first:
            return False
        if self.base_path_error is not None:  # the router's unstable_canFetch throws: its 500
            return True
        if self._outside_base(path):
            return False
        keep = self.static_routing is not None or (
            self.navigation_prefers_assets and _header(headers, "sec-fetch-mode") == "navigate")
        # canFetch: any answer but "no intent" (a 405 or a redirect too) goes to the assets
        redirected, pathname, proxied = self._redirect(url)
        if redirected is not None:
            return True
        intent = self._intent(pathname, not_found="none" if not keep else self.not_found_handling,
                              proxied=proxied)[1]
        return intent is not None or proxied  # a 200 rewrite's missing asset is the asset worker's 404

    def _outside_base(self, path: str) -> bool:
        """Whether a request's path lies outside ``base_path`` (``stripBasePath``'s test of the
        decoded path; never outside the default ``/``, which needs no decoding)."""
        return self.base_path != "/" and not strip_base_path(_decode(path), self.base_path)[0]

    # -- the asset worker ------------------------------------------------------------------
    def respond(self, method: str, url: str, headers: Mapping[str, str], *, router: bool = False) -> HttpResponse:
        """The asset worker's response (a 404 with no body where it has no answer, outside
        ``base_path`` too). With an invalid ``base_path`` a 500: with no body from the asset
        worker (``env.ASSETS``), with the error's text from the ``router`` (its uncaught error)."""
        if self.base_path_error is not None:
            if not router:
                return HttpResponse(500, "Internal Server Error", (), None)
            text = None if method.upper() == "HEAD" else f"Error: {self.base_path_error}\n".encode()
            return HttpResponse(500, "Internal Server Error", (("Content-Type", "text/plain;charset=UTF-8"),), text)
        if self._outside_base(_pathname(url)):
            return HttpResponse(404, "Not Found", (), None)  # before _redirects and _headers
        response, pathname, proxied = self._redirect(url)
        if response is None:
            decoded, intent, looked = self._intent(pathname, not_found=self.not_found_handling, proxied=proxied)
            if intent is None:
                response = HttpResponse(404, "Not Found", (), None)
            else:
                response = self._answer(method, url, headers, pathname, decoded, intent, looked)
        pathname = _pathname(url)  # _headers rules match the request's own path, a 200 rewrite's too
        rules = self.header_rules()
        if rules is None:
            return response
        return HttpResponse(response.status, response.status_text, tuple(rules.apply(url, pathname, list(response.headers))),
                            response.body)

    def _redirect(self, url: str) -> tuple[HttpResponse | None, str, bool]:
        """``handleRedirects``: the ``_redirects`` rule's answer (a redirect status), or the
        pathname to look up (a 200 rule's target, else the URL's own) and whether it is a 200's."""
        pathname = _pathname(url)
        rules = self.redirect_rules()
        if rules is None:
            return None, pathname, False
        found = rules.match(url, pathname)
        if found is None:
            return None, pathname, False
        status, location = found
        if status == 200:
            return None, location, True
        if status == INVALID_TARGET:  # the asset worker's TypeError: Invalid URL string.
            return HttpResponse(status, STATUS_TEXT[status], (), None), pathname, False
        return HttpResponse(status, STATUS_TEXT[status], (("Location", location),), None), pathname, False

    def redirect_rules(self) -> RedirectRules | None:
        """The ``_redirects`` rules (``None`` without a file that can be read)."""
        directory = self.manifest.directory
        return self._rules_of("_redirects", lambda: None if (text := read_redirects(directory)) is None
                              else RedirectRules(text, self.html_handling))

    def header_rules(self) -> HeaderRules | None:
        """The ``_headers`` rules (``None`` without a file that can be read)."""
        return self._rules_of("_headers", lambda: HeaderRules.read(self.manifest.directory))

    def _rules_of(self, name: str, parse: Callable[[], Any]) -> Any:
        """A routing file's rules, read and parsed again only when its stat changes: an edit
        applies at the next request, as the assets do, without reading the file at each; the
        loader's startup lines come from the same parse as the first request's rules."""
        try:
            info = (self.manifest.directory / name).stat()
        except OSError:  # none, or a symlink loop: no rules
            return None
        stamp = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
        cached = self._rule_files.get(name)
        if cached is None or cached[0] != stamp:
            cached = self._rule_files[name] = (stamp, parse())
        return cached[1]

    def _intent(self, pathname: str, *, not_found: str,
                proxied: bool = False) -> tuple[str, Intent | None, dict[str, AssetFile]]:
        """(the encoded ``pathname``'s decoded form, the intent, the files looked at by ETag --
        as the asset worker reads an asset back by its ETag). The intent is of the path inside
        ``base_path`` (none outside it), the base root's own redirect first (not for a 200
        rewrite's path), and a redirect's target has the base put back."""
        decoded = _decode(pathname)
        looked: dict[str, AssetFile] = {}

        def exists(path: str) -> str | None:
            found = self.manifest.get(path)
            if found is None:
                return None
            looked[found.etag] = found
            return found.etag

        inside, asset_path = strip_base_path(decoded, self.base_path)
        if not inside:
            return decoded, None, looked
        intent = None if proxied else self._base_root_intent(decoded, exists)
        if intent is None:
            intent = get_intent(asset_path, exists, html_handling=self.html_handling, not_found_handling=not_found)
        if intent is not None and intent.redirect is not None:
            intent = Intent(redirect=add_base_path(intent.redirect, self.base_path), resolver=intent.resolver)
        return decoded, intent, looked

    def _base_root_intent(self, decoded: str, exists: Callable[[str], str | None]) -> Intent | None:
        """``getBaseRootIntent``: the base without its slash (``/blog``) redirects to ``/blog/``,
        or ``/blog/`` to ``/blog`` under ``drop-trailing-slash``, when there is an ``/index.html``."""
        base = self.base_path
        if base == "/" or self.html_handling == "none":
            return None
        if self.html_handling == "drop-trailing-slash":
            target = "" if decoded == base else None
        else:
            target = "/" if decoded == base[:-1] else None
        if target is None or not exists("/index.html"):
            return None
        return Intent(redirect=target)

    def _answer(self, method: str, url: str, headers: Mapping[str, str], pathname: str, decoded: str,
                intent: Intent, looked: dict[str, AssetFile]) -> HttpResponse:
        query = urlsplit(url).query
        search = f"?{query}" if query else ""
        if method.upper() not in ("GET", "HEAD"):
            return HttpResponse(405, "Method Not Allowed", (), None)
        destination = _encode(intent.redirect if intent.redirect is not None else decoded)
        if intent.redirect is not None or (destination != pathname and intent.etag is not None):
            return HttpResponse(307, "Temporary Redirect", (("Location", destination + search),), None)
        asset = looked[intent.etag]  # type: ignore[index]  # an intent's ETag came from exists()
        out = [("ETag", f'"{asset.etag}"')]
        if asset.content_type is not None:
            out.append(("Content-Type", asset.content_type))
        if _header(headers, "authorization") is None and _header(headers, "range") is None:
            out.append(("Cache-Control", CACHE_CONTROL))
        out.append(("CF-Cache-Status", "HIT"))
        if _header(headers, "if-none-match") in (f'"{asset.etag}"', f'W/"{asset.etag}"'):
            return HttpResponse(304, "Not Modified", tuple(out), None)
        body = None if method.upper() == "HEAD" else asset.read()
        if intent.status == 404:
            return HttpResponse(404, "Not Found", tuple(out), body)
        return HttpResponse(200, "OK", tuple(out), body)


def _pathname(url: str) -> str:
    """The URL's pathname as URL parsing gives it: of an http(s) URL a backslash is a slash, dot
    segments (``.``, ``%2e%2e``, ...) resolved, then percent-encoded -- what the asset worker reads
    from ``new URL(request.url)`` when a Worker's ``env.ASSETS.fetch`` names a path such as
    ``/./app.css`` (measured: wrangler dev 4.164.0 serves the file)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.scheme.lower() in ("http", "https"):
        path = path.replace("\\", "/")
    return quote(remove_dot_segments(path), safe="/%:@!$&'()*+,;=-._~[]|^")


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None
