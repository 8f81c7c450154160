"""The ``_headers`` file of an assets directory, as wrangler reads it and the asset worker applies
it: workers-sdk ``workers-shared/utils/configuration/parseHeaders.ts`` (the rules and the
invalid lines), ``constructConfiguration.ts`` (a path's rule: headers to set, names to unset; a
later rule for the same path replaces the earlier one in its place) and
``asset-worker/src/utils/headers.ts`` + ``rules-engine.ts`` (matching and applying).

A rule is a path line (``/assets/*``, ``/blog/:slug``, ``https://:sub.example.com/*``) followed by
``Name: value`` lines (a repeated name joins its values with ``", "``) and ``! Name`` lines (the
header removed). Every asset-worker response whose URL pathname matches gets, rule by rule in file
order, its ``unset`` names deleted and its headers set -- the first time a name is set it
replaces the response's own, later rules append -- with ``:placeholder`` and ``:splat`` (a
``*``'s match) replaced by what the path matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from workers_env._jsvalues import JS_WHITESPACE
from workers_env._lazyre import lazy_pattern

__all__ = ["HeaderRules", "InvalidRule", "parse_headers", "parse_report", "read_like_node"]

MAX_RULES, MAX_LINE_LENGTH = 100, 2000
_UNSET = "! "


_probably_a_path = lazy_pattern(r"^([^\s]+://|^/)")
_url = lazy_pattern(r"^https://+(?P<host>[^/]+)/?(?P<path>.*)")
_host_with_port = lazy_pattern(r".*:\d+$")
_escaped = lazy_pattern(r"[-/\\^$*+?.()|[\]{}]")
_placeholder = lazy_pattern(r":([A-Za-z]\w*)", re.ASCII)


_PATH_SAFE = "/%:@!$&'()*+,;=-._~[]|"  # WHATWG's path set encodes "^" (the request's URL does too)
# (lines are trimmed with JS_WHITESPACE, JavaScript's String.prototype.trim, not Python's str.strip,
# which keeps a leading BOM and strips \x1c-\x1f and \x85)


def read_like_node(path: Path) -> str | None:
    """A file as wrangler's ``readFileSync(path, "utf8")`` reads it (bad bytes become U+FFFD, a
    BOM is kept, a lone ``\r`` is no line end); ``None`` when it is not there or cannot be read
    (a folder, a symlink loop, no permission)."""
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None


@dataclass(frozen=True)
class InvalidRule:
    """A line wrangler skips, with its message (``line``/``line_number`` when it names one)."""

    message: str
    line: str | None = None
    line_number: int | None = None


@dataclass
class _Rule:
    path: str
    line: str
    headers: dict[str, str] = field(default_factory=dict)
    unset: list[str] = field(default_factory=list)


def parse_report(kind: str, valid: int, invalid: Sequence[Any], where: str) -> list[str]:
    """What wrangler dev logs as it reads a ``_headers`` or ``_redirects`` file (``kind``:
    ``header`` or ``redirect``): ``✨ Parsed N valid <kind> rules.`` (0 too), then the skipped
    lines (an :class:`InvalidRule` or ``redirects.InvalidRedirect``: ``message``, ``line``,
    ``line_number``), each with its message and, where it names one, ``at <where>:<n> | <line>``."""
    lines = [f"[wrangler:info] ✨ Parsed {valid} valid {kind} rule{'' if valid == 1 else 's'}."]
    if invalid:
        listed = ""
        for bad in invalid:
            listed += f"▶︎ {bad.message}\n"
            if bad.line:
                listed += f"    at {where}{f':{bad.line_number}' if bad.line_number else ''} | {bad.line}\n\n"
        count = len(invalid)
        lines.append(f"[wrangler:warn] Found {count} invalid {kind} rule{'' if count == 1 else 's'}:\n{listed}")
    return lines


def _pathname(path: str) -> str:
    """``extractPathname``: the path as URL parsing writes it (percent-encoded)."""
    if not path.startswith("/"):
        path = "/" + path
    return quote(urlsplit("relative://" + path).path or "/", safe=_PATH_SAFE)


def _validate_path(token: str) -> tuple[str | None, str | None]:
    """``validateUrl(token, false, true)``: (the rule's path, or the error)."""
    host = _url().match(token)
    if host and host.group("host"):
        if _host_with_port().match(host.group("host")):
            return None, f"Specifying ports is not supported. Skipping absolute URL {token}."
        return f"https://{host.group('host')}{_pathname(host.group('path'))}", None
    if token.startswith("/"):
        return _pathname(token), None
    return None, 'URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with "https://").'


def _wildcard_error(path: str) -> str | None:
    wildcards = path.count("*")
    if wildcards > 1:
        return ("Only one wildcard is allowed per rule. Use a named placeholder (e.g. :project) instead. "
                f"Skipping {path}.")
    if wildcards and re.search(r":splat(?!\w)", path, re.ASCII):
        return ("Cannot combine a wildcard * with a :splat placeholder because wildcards are converted to "
                f":splat at runtime. Skipping {path}.")
    return None


def parse_headers(text: str) -> tuple[list[_Rule], list[InvalidRule]]:
    """``parseHeaders``: the rules (in file order) and the lines skipped, with wrangler's messages."""
    lines = text.split("\n")
    rules: list[_Rule] = []
    invalid: list[InvalidRule] = []
    rule: _Rule | None = None
    skip_until_next_path = False
    for i, raw in enumerate(lines):
        line = raw.strip(JS_WHITESPACE)
        if not line or line.startswith("#"):
            continue
        if len(line.encode("utf-16-le")) // 2 > MAX_LINE_LENGTH:  # JavaScript's length: UTF-16 units
            invalid.append(InvalidRule(f"Ignoring line {i + 1} as it exceeds the maximum allowed length of "
                                       f"{MAX_LINE_LENGTH}."))
            continue
        if _probably_a_path().match(line):
            skip_until_next_path = False
            if len(rules) >= MAX_RULES:
                invalid.append(InvalidRule(f"Maximum number of rules supported is {MAX_RULES}. Skipping "
                                           f"remaining {len(lines) - i} lines of file."))
                break
            if rule is not None:
                if rule.headers or rule.unset:
                    rules.append(rule)
                else:
                    invalid.append(InvalidRule("No headers specified", rule.line, i + 1))
            path, error = _validate_path(line)
            error = error or _wildcard_error(path or "")
            if error is not None:
                invalid.append(InvalidRule(error, line, i + 1))
                rule, skip_until_next_path = None, True
                continue
            rule = _Rule(path or "", line)
            continue
        if skip_until_next_path:
            continue
        if ":" not in line:
            if rule is None:
                invalid.append(InvalidRule("Expected a path beginning with at least one forward-slash", line, i + 1))
            elif line.startswith(_UNSET):
                rule.unset.append(line.replace(_UNSET, "", 1))
            else:
                invalid.append(InvalidRule("Expected a colon-separated header pair (e.g. name: value)", line, i + 1))
            continue
        raw_name, _, raw_value = line.partition(":")
        name, value = raw_name.strip(JS_WHITESPACE).lower(), raw_value.strip(JS_WHITESPACE)
        if " " in name:
            invalid.append(InvalidRule("Header name cannot include spaces", line, i + 1))
        elif not name:
            invalid.append(InvalidRule("No header name specified", line, i + 1))
        elif not value:
            invalid.append(InvalidRule("No header value specified", line, i + 1))
        elif rule is None:
            invalid.append(InvalidRule(f"Path should come before header ({name}: {value})", line, i + 1))
        else:
            rule.headers[name] = f"{rule.headers[name]}, {value}" if name in rule.headers else value
    if rule is not None:
        if rule.headers or rule.unset:
            rules.append(rule)
        else:
            invalid.append(InvalidRule("No headers specified", rule.line))
    return rules, invalid


def _js_replace_all(text: str, search: str, template: str) -> str:
    """JavaScript's ``text.replaceAll(search, template)`` with a string ``search``: the template's
    ``$$``, ``$&``, ``$```, ``$'`` are substitutions (GetSubstitution; no captures, so ``$1`` and
    ``$<`` stay as written) -- ``replacer`` hands it what the path matched, so a ``$`` in a URL counts."""
    positions, at = [], text.find(search)
    while at != -1:
        positions.append(at)
        at = text.find(search, at + max(1, len(search)))
    out, end = [], 0
    for at in positions:
        out.append(text[end:at])
        i = 0
        while i < len(template):
            pair = template[i:i + 2]
            if pair in ("$$", "$&", "$`", "$'"):
                out.append({"$$": "$", "$&": search, "$`": text[:at], "$'": text[at + len(search):]}[pair])
                i += 2
            else:
                out.append(template[i])
                i += 1
        end = at + len(search)
    out.append(text[end:])
    return "".join(out)


def _rule_regex(path: str) -> re.Pattern[str]:
    """``generateRuleRegExp``: ``*`` captures ``splat``; a ``:name`` in the host captures up to a
    ``/`` or ``.``, in the path up to a ``/``. Raises ``re.error`` where JavaScript's RegExp
    would throw (a name used twice): the rule is then dropped, as there."""
    rule = "(?P<splat>.*)".join(_escaped().sub(lambda m: "\\" + m.group(0), part) for part in path.split("*"))
    prefix = "^https:\\/\\/"
    if ("^" + rule).startswith(prefix):  # the host: from after https:// to the first "/"
        host_end = rule.find("/", len(prefix) - 1)
        host = rule if host_end < 0 else rule[:host_end]
        for match in list(_placeholder().finditer(host)):
            if host[match.end():match.end() + 1] == "\\":
                rule = rule.replace(match.group(0), f"(?P<{match.group(1)}>[^/.]+)")
    for match in list(_placeholder().finditer(rule)):
        rule = rule.replace(match.group(0), f"(?P<{match.group(1)}>[^/]+)")
    return re.compile("^" + rule + "$")


@dataclass(frozen=True)
class _Compiled:
    cross_host: bool
    regex: re.Pattern[str]
    headers: tuple[tuple[str, str], ...]
    unset: tuple[str, ...]


class HeaderRules:
    """The rules of one ``_headers`` file, compiled; :meth:`apply` adds them to a response."""

    def __init__(self, text: str):
        rules, self.invalid = parse_headers(text)
        self.valid = len(rules)  # wrangler's "Parsed N valid header rules" counts them before merging paths
        by_path: dict[str, _Rule] = {}
        for rule in rules:  # constructHeaders: rules[path] = ..., a later one in the earlier one's place
            by_path[rule.path] = rule
        self._compiled: list[_Compiled] = []
        for path, rule in by_path.items():
            try:
                regex = _rule_regex(path)
            except re.error:
                continue
            self._compiled.append(_Compiled(path.startswith("https://"), regex, tuple(rule.headers.items()),
                                            tuple(rule.unset)))

    @classmethod
    def read(cls, directory: Path) -> HeaderRules | None:
        """The directory's ``_headers`` rules (``None`` without the file)."""
        text = read_like_node(directory / "_headers")
        return None if text is None else cls(text)

    def report(self, where: str) -> list[str]:
        """What wrangler dev logs as it reads the file (``where``: the file's path from the working
        folder): ``✨ Parsed N valid header rules.`` (0 too) and the skipped lines."""
        return parse_report("header", self.valid, self.invalid, where)

    def apply(self, url: str, pathname: str, headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """``attachCustomHeaders``: ``headers`` with every matching rule's unsets and sets applied."""
        test_host = f"https://{(urlsplit(url).hostname or '')}{pathname}"
        out = list(headers)
        seen: set[str] = set()
        for rule in self._compiled:
            found = rule.regex.match(test_host if rule.cross_host else pathname)
            if found is None:
                continue
            groups = found.groupdict()
            for name in rule.unset:
                out = [(k, v) for k, v in out if k.lower() != name.lower()]
            for name, value in rule.headers:
                for key, replacement in groups.items():
                    value = _js_replace_all(value, f":{key}", replacement)
                value = value.strip(" \t\r\n")  # Headers.set/append normalize (an empty :splat leaves a space)
                if name.lower() not in seen:
                    out = [(k, v) for k, v in out if k.lower() != name.lower()]
                    seen.add(name.lower())
                out.append((name, value))
        return out
