"""``.assetsignore`` as wrangler and Miniflare match it: the ``ignore`` package, 5.3.1, which both
bundle (wrangler 4.164.0), ported rule for rule.

wrangler splits the file's text at each ``\\n`` alone and hands the lines, after its own
``/.assetsignore``, ``/_redirects`` and ``/_headers``, to ``ignore()`` -- which is not git: it
compares **case-insensitively** (its default), passes over a line ending in one unescaped
backslash or holding an out-of-order range rather than failing, reads ``[!a]`` as the
characters ``!`` and ``a`` and ``\\*`` as a star, and turns each line into a JavaScript regular
expression by a chain of replacements. The chain is kept here as it is (each replacement with
JavaScript's ``String.prototype.replace`` semantics: the first match, or every match of a ``/g``
one), and the expression it builds is read as JavaScript reads it (``$`` only at the end, ``.``
short of line terminators, ``\\d``/``\\w``/``\\s`` as JavaScript's, an unknown escape the character
itself). A path is tested as ``ignore``'s ``test`` tests it: a folder's rules first, from the top.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workers_env._jsvalues import JS_WHITESPACE
from workers_env.assets.limits import METAFILES

__all__ = ["IgnoreRules", "OutOfOrderRange"]

#: what wrangler puts before the file's lines (``createAssetsIgnoreFunction``)
_METAFILE_PATTERNS = tuple(f"/{name}" for name in METAFILES)

_WS = f"[{re.escape(JS_WHITESPACE)}]"
_NOT_LINE_END = "[^\\n\\r\\u2028\\u2029]"  # JavaScript's ``.`` (no ``s`` flag)
_BLANK = re.compile(f"{_WS}+")
_INVALID_TRAILING_BACKSLASH = re.compile(r"(?:[^\\]|^)\\\Z")
_RANGE = re.compile(r"([0-z])-([0-z])")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")

#: (the match, the text the replacement runs on -- JavaScript's ``input`` --, the line ``this`` is
#: bound to in ignore's ``makeRegex``) -> the replacement
_Replace = Callable[[re.Match[str], str, str], str]


def _sanitize_range(text: str) -> str:
    """An out-of-order range between ``0`` and ``z`` dropped (git passes over it; JavaScript fails)."""
    return _RANGE.sub(lambda m: m.group() if m.group(1) <= m.group(2) else "", text)


def _starting(m: re.Match[str], text: str, line: str) -> str:
    """``^`` where the line has a slash other than a trailing one, else any folder level."""
    return "^" if re.search(r"/(?!\Z)", line) else "(?:^|\\/)"


def _globstars(m: re.Match[str], text: str, line: str) -> str:
    return "(?:\\/[^\\/]+)*" if m.start() + 6 < len(text) else f"\\/{_NOT_LINE_END}+"


def _bracket(m: re.Match[str], text: str, line: str) -> str:
    lead, body, end, close = m.group(1), m.group(2), m.group(3), m.group(4)
    if lead == "\\":
        return f"\\[{body}{end[: len(end) - len(end) % 2]}{close}"
    if close == "]" and len(end) % 2 == 0:
        return f"[{_sanitize_range(body)}{end}]"
    return "[]"


def _ending(m: re.Match[str], text: str, line: str) -> str:
    return m.group() + ("$" if m.group().endswith("/") else "(?=$|\\/$)")


def _trailing_star(m: re.Match[str], text: str, line: str) -> str:
    return f"{m.group(1)}[^/]+(?=$|\\/$)" if m.group(1) else "[^/]*(?=$|\\/$)"


#: ignore 5.3.1's REPLACERS: (regular expression, every match or the first, replacement)
_REPLACERS: tuple[tuple[re.Pattern[str], bool, _Replace], ...] = (
    (re.compile("^\ufeff"), False, lambda m, text, line: ""),
    (re.compile(rf"\\?{_WS}+\Z"), False, lambda m, text, line: " " if m.group().startswith("\\") else ""),
    (re.compile(rf"\\{_WS}"), True, lambda m, text, line: " "),
    (re.compile(r"[\\$.|*+(){^]"), True, lambda m, text, line: "\\" + m.group()),
    (re.compile(r"(?!\\)\?"), True, lambda m, text, line: "[^/]"),
    (re.compile(r"^/"), False, lambda m, text, line: "^"),
    (re.compile(r"/"), True, lambda m, text, line: "\\/"),
    (re.compile(r"^\^*\\\*\\\*\\/"), False, lambda m, text, line: f"^(?:{_NOT_LINE_END}*\\/)?"),
    (re.compile(r"^(?=[^^])"), False, _starting),
    (re.compile(r"\\/\\\*\\\*(?=\\/|\Z)"), True, _globstars),
    (re.compile(rf"(^|[^\\]+)(\\\*)+(?={_NOT_LINE_END}+)"), True,
     lambda m, text, line: m.group(1) + m.group(2).replace("\\*", "[^\\/]*")),
    (re.compile(r"\\\\\\(?=[$.|*+(){^])"), True, lambda m, text, line: "\\"),
    (re.compile(r"\\\\"), True, lambda m, text, line: "\\"),
    (re.compile(r"(\\)?\[([^\]/]*?)(\\*)(\Z|\])"), True, _bracket),
    (re.compile(r"(?:[^*])\Z"), False, _ending),
    (re.compile(r"(\^|\\/)?\\\*\Z"), False, _trailing_star),
)

#: JavaScript escapes outside a class, as Python reads them (the rest: the character itself)
_ESCAPES = {"d": "[0-9]", "D": "[^0-9]", "w": "[A-Za-z0-9_]", "W": "[^A-Za-z0-9_]", "s": _WS,
            "S": f"[^{re.escape(JS_WHITESPACE)}]", "n": "\\n", "r": "\\r", "t": "\\t", "v": "\\v", "f": "\\f",
            "b": "(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))",
            "B": "(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))"}
_CLASS_ESCAPES = {"d": "0-9", "w": "A-Za-z0-9_", "s": re.escape(JS_WHITESPACE), "n": "\\n", "r": "\\r", "t": "\\t",
                  "v": "\\v", "f": "\\f", "b": "\\x08"}
#: a class's negated escapes, which a Python class cannot hold with JavaScript's meaning: each an
#: alternative beside the class
_NEGATED = {"D": _ESCAPES["D"], "W": _ESCAPES["W"], "S": _ESCAPES["S"]}


def _escape(source: str, i: int, in_class: bool) -> tuple[str, int]:
    """The escape at ``source[i]`` (after its backslash) as Python reads it, and where it ends."""
    if i >= len(source):
        raise ValueError("\\ at end of pattern")
    c = source[i]
    hex_digits = "0123456789abcdefABCDEF"
    if c == "x" and all(ch in hex_digits for ch in source[i + 1 : i + 3]) and len(source) >= i + 3:
        return re.escape(chr(int(source[i + 1 : i + 3], 16))), i + 3
    if c == "u" and all(ch in hex_digits for ch in source[i + 1 : i + 5]) and len(source) >= i + 5:
        return re.escape(chr(int(source[i + 1 : i + 5], 16))), i + 5
    if c == "c":  # a control letter, else (Annex B) the backslash itself and the c
        if i + 1 < len(source) and source[i + 1].isascii() and source[i + 1].isalpha():
            return re.escape(chr(ord(source[i + 1]) % 32)), i + 2
        return "\\\\c", i + 1
    if c in "01234567":  # no group is ever captured: a legacy octal escape (\0 the NUL)
        end = i + 1
        while end < len(source) and end < i + 3 and source[end] in "01234567" and int(source[i : end + 1], 8) <= 0o377:
            end += 1
        return re.escape(chr(int(source[i:end], 8))), end
    table = _CLASS_ESCAPES if in_class else _ESCAPES
    return table.get(c, re.escape(c)), i + 1


def _python(source: str) -> str:
    """The JavaScript expression ``source`` (no flags but ``i``) as a Python one."""
    out: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            text, i = _escape(source, i + 1, False)
            out.append(text)
            continue
        if c == "[":
            negated = source.startswith("^", i + 1)
            j = i + 1 + negated
            members: list[str] = []
            others: list[str] = []
            while j < len(source) and source[j] != "]":
                if source[j] == "\\" and source[j + 1 : j + 2] in _NEGATED:
                    others.append(_NEGATED[source[j + 1]])
                    j += 2
                elif source[j] == "\\":
                    text, j = _escape(source, j + 1, True)
                    members.append(text)
                else:
                    members.append(source[j] if source[j] == "-" else re.escape(source[j]))
                    j += 1
            if j >= len(source):
                raise ValueError("unterminated character class")
            body = "".join(members)
            any_of = "|".join(([f"[{body}]"] if body else []) + others) or "(?!)"  # ([] matches nothing)
            out.append(f"(?:(?!{any_of})[\\s\\S])" if negated else f"(?:{any_of})")
            i = j + 1
            continue
        out.append({"$": "\\Z", ".": _NOT_LINE_END}.get(c, c))
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class _Rule:
    negative: bool
    regex: re.Pattern[str]


class OutOfOrderRange(ValueError):
    """A line's expression has a character range JavaScript refuses: ``args`` (line, source)."""


def _rule(line: str) -> _Rule:
    """ignore's ``createRule`` of one kept line."""
    negative = line.startswith("!")
    pattern = line[1:] if negative else line
    if pattern.startswith("\\!"):
        pattern = "!" + pattern[2:]
    elif pattern.startswith("\\#"):
        pattern = "#" + pattern[2:]
    text = pattern
    for regex, every, replace in _REPLACERS:
        text = regex.sub(lambda m, text=text: replace(m, text, pattern), text, count=0 if every else 1)
    try:
        return _Rule(negative, re.compile(_python(text), re.IGNORECASE))
    except re.error as exc:
        if "bad character range" in str(exc):
            raise OutOfOrderRange(line, text) from None
        raise ValueError(f"{line!r}: {exc}") from None  # (no line ignore keeps reaches this)


def _any_of(patterns: list[str]) -> re.Pattern[str] | None:
    """One expression that a path matches where any of ``patterns`` (each compiled with
    ``re.IGNORECASE`` alone) matches it, or ``None`` where they cannot be joined: a group
    referred to by its number or name would be another group in the joined one."""
    if any(_BACKREFERENCE.search(pattern) for pattern in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)
    except re.error:
        return None


class IgnoreRules:
    """The rules of an ``.assetsignore`` text after wrangler's own three."""

    def __init__(self, text: str | None):
        lines = list(_METAFILE_PATTERNS) + ([] if text is None else text.split("\n"))
        self._rules = [_rule(line) for line in lines if self._kept(line)]
        self._any = _any_of([rule.regex.pattern for rule in self._rules])

    @staticmethod
    def _kept(line: str) -> bool:
        """ignore's ``checkPattern``: not empty, not blank, no lone trailing backslash, no comment."""
        return bool(line) and not _BLANK.fullmatch(line) and not _INVALID_TRAILING_BACKSLASH.search(line) \
            and not line.startswith("#")

    def _test_one(self, path: str) -> tuple[bool, bool]:
        if self._any is not None and not self._any.search(path):
            return False, False  # no rule matches (most paths): one search, not one a rule
        ignored = unignored = False
        for rule in self._rules:
            if unignored == rule.negative and ignored != unignored:
                continue  # (what a later rule could not change)
            if rule.regex.search(path):
                ignored, unignored = not rule.negative, rule.negative
        return ignored, unignored

    def _test(self, path: str, slices: list[str], cache: dict[str, tuple[bool, bool]]) -> tuple[bool, bool]:
        """ignore's ``_t``: an ignored folder's verdict is its files'."""
        found = cache.get(path)
        if found is None:
            slices.pop()
            if not slices:
                found = self._test_one(path)
            else:
                parent = self._test("/".join(slices) + "/", slices, cache)
                found = parent if parent[0] else self._test_one(path)
            cache[path] = found
        return found

    def ignores(self, relative: str) -> bool:
        """Whether wrangler leaves the file at ``relative`` (``a/b.txt``) out: ``test(path).ignored``
        (no verdict kept: a dev server's look-ups are whatever paths its clients ask for)."""
        return self._test(relative, relative.split("/"), {})[0]

    def walker(self) -> Callable[[str], bool]:
        """:meth:`ignores` for one walk of a folder: each folder's verdict is worked out once."""
        cache: dict[str, tuple[bool, bool]] = {}
        test, test_one = self._test, self._test_one

        def ignores(relative: str) -> bool:
            # _test's steps for a file, its folder's verdict looked up by the folder's path (a
            # walk meets each file once: its own verdict is not kept, nor its path split again)
            slash = relative.rfind("/")
            if slash < 0:
                return test_one(relative)[0]
            folder = relative[:slash + 1]
            parent = cache.get(folder)
            if parent is None:
                parent = test(folder, relative[:slash].split("/"), cache)
            return parent[0] or test_one(relative)[0]

        return ignores
