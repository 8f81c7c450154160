"""``migrations_pattern``: which files under ``migrations_dir`` are migrations, as wrangler finds them.

wrangler (from 4.x, D1 changelog 2026-05-29) reads a ``[[d1_databases]]`` entry's
``migrations_pattern``, a glob relative to the config file that must start with
``<migrations_dir>/`` and defaults to ``<migrations_dir>/*.sql``; a Drizzle layout is
``migrations/*/migration.sql``. Files are found by walking ``migrations_dir`` (symbolic links are
neither followed nor listed, as Node's ``readdirSync`` ``Dirent``s tell them apart) and matching
each path relative to it with minimatch (``dot: false``); a migration's name is that relative
path (``0001_init/migration.sql``), and names sort segment by segment, a leading number first
(``getD1MigrationFiles``/``compareMigrationPaths`` in wrangler's ``d1-migrations.ts``).

Matching is minimatch 5.1.9 with brace-expansion 2.1.7, the versions wrangler 4.164 bundles:
``*``, ``?``, ``[...]`` (``!``/``^`` negates; a range JS rejects matches nothing), ``**`` as a
whole segment, braces (``{a,b}``, ``{01..10}``, ``{a..e}``, ``{1..9..2}``, capped at 100,000
expansions as there), extglobs (``@(a|b)``, ``?()``, ``*()``, ``+()``, ``!()``), a leading ``!``
negating the pattern and a leading ``#`` making it a comment that matches nothing; a name
starting with ``.`` is matched only by a segment written with a leading ``.`` (or a leading
extglob). Directories are entered only when the pattern could still match below them (minimatch's
partial match). ``parse``, ``match`` and the globstar matching are ported line for line, quirks and
all (``tools/wrangler/migration_pattern_differential.py`` compares them with wrangler's bundled copy;
no Python glob library agrees closely enough, README "Where we had to choose"), including the
``TypeError`` 5.1.9 throws on a trailing ``**/**``, raised as a :class:`PatternError` in wrangler's words.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import os
import posixpath
import re
import types
import warnings
from pathlib import Path
from typing import Literal, overload

__all__ = [
    "DEFAULT_PATTERN",
    "PatternError",
    "normalize",
    "resolve",
    "matching_files",
    "matches",
    "leading_number",
    "create_refusal",
    "drizzle_hint",
]

#: The directory-relative pattern of an entry without ``migrations_pattern``.
DEFAULT_PATTERN = "*.sql"


class PatternError(ValueError):
    """A ``migrations_pattern`` wrangler refuses, or one its minimatch throws on while matching
    (:data:`CRASH`); the message is wrangler's, ``hint`` a line of workers-env's to print after it."""

    hint: str | None = None


def normalize(path: str) -> str:
    """wrangler's ``normalizeRelativePath``: ``/`` separators, ``posix.normalize``d, no trailing ``/``."""
    normalized = posixpath.normpath(path.replace("\\", "/")) if path else "."
    if path.replace("\\", "/").startswith("//") and not normalized.startswith("//"):
        normalized = "/" + normalized.lstrip("/")  # (posix.normalize keeps one leading slash only)
    return normalized[:-1] if normalized.endswith("/") and normalized != "/" else normalized


def resolve(migrations_dir: str | None, pattern: str | None, config_file: str) -> str:
    """The directory-relative pattern of an entry (``resolveMigrationsConfig``), or wrangler's refusal."""
    if pattern is not None and migrations_dir is None:
        raise PatternError(
            f'You have set `migrations_pattern: "{pattern}"` in your {config_file} file but have not set '
            "`migrations_dir` for this D1 binding.\n\nWhen `migrations_pattern` is set, `migrations_dir` must "
            "also be set, and `migrations_pattern` must start with `${migrations_dir}/`. Add a `migrations_dir` "
            f'entry to your {config_file} file (for example, `"migrations_dir": "migrations"`).')
    directory = normalize(migrations_dir if migrations_dir is not None else "./migrations")
    if pattern is None:
        return DEFAULT_PATTERN
    full = normalize(pattern)
    # minimatch's length cap applies to what it is given: here the part after the folder (list,
    # apply), the whole pattern only in create's check (create_refusal), as wrangler 4.164 does
    if directory == ".":
        _matcher(full)
        return full
    if not full.startswith(directory + "/"):
        suggested = normalize(f"{directory}/*.sql")
        raise PatternError(
            f'The configured `migrations_pattern: "{pattern}"` in your {config_file} file must start with '
            f'`{directory}/` to match `"migrations_dir": "{directory}"`.\n\nEither change `migrations_pattern` so '
            f'it starts with `{directory}/` (for example, `"{suggested}"`), or change `migrations_dir` to match '
            "the start of your pattern.")
    relative = full[len(directory) + 1:]
    if len(_units(relative)) > _MAX_PATTERN_LENGTH:  # (said of the part minimatch is given)
        raise PatternError(_too_long(len(_units(relative)), after=directory))
    _matcher(relative)  # (a pattern minimatch cannot take is refused here, before anything runs)
    return relative


# -- matching (minimatch 5.1.9 with brace-expansion 2.1.7, as bundled in wrangler 4.164) -------
_MAX_EXPANSIONS = 100_000  # brace-expansion's EXPANSION_MAX: later expansions are dropped
_MAX_EXPANDED_LENGTH = 4_000_000  # EXPANSION_MAX_LENGTH (characters of all expansions together)
_MAX_BRACE_DEPTH = 1_000  # EXPANSION_MAX_DEPTH
_MAX_REWRITES = 1_000  # EXPANSION_MAX_REWRITES
_MAX_PATTERN_LENGTH = 64 * 1024  # minimatch's MAX_PATTERN_LENGTH
_ESC = {"\\\\": "\0SLASH\0", "\\{": "\0OPEN\0", "\\}": "\0CLOSE\0", "\\,": "\0COMMA\0", "\\.": "\0PERIOD\0"}


_BRACE_STEP = {0x7B: 1, 0x7D: -1}  # the bytes of "{" and "}"
_NOT_BRACE_BYTES = bytes(b for b in range(256) if b not in _BRACE_STEP)


def _balanced(text: str) -> tuple[str, str, str] | None:
    """balanced-match 1.0.2: the first balanced ``{...}`` as (before, body, after).

    Its walk takes the braces in order from the first ``{``; when that one is closed (the
    count of open ones falls to 0) the pair is the answer. That case is found here without a
    Python step per brace (a pattern nested 1,500 deep is walked at each of its levels): the
    braces of the UTF-8 bytes (no other character's bytes hold one) counted in C. A first ``{``
    never closed takes balanced-match's own walk (:func:`_balanced_walk`)."""
    ai = text.find("{")
    if ai < 0 or text.find("}", ai + 1) <= 0:
        return None
    braces = text[ai:].encode("utf-8", "surrogatepass").translate(None, _NOT_BRACE_BYTES)
    try:
        closing = operator.indexOf(itertools.accumulate(map(_BRACE_STEP.__getitem__, braces)), 0)
    except ValueError:
        return _balanced_walk(text)
    closes = (closing + 1) // 2 + text.count("}", 0, ai)  # the answer's "}" is the text's closes-th
    bi = len(text) - len(text.split("}", closes)[-1]) - 1
    return text[:ai], text[ai + 1:bi], text[bi + 1:]


def _balanced_walk(text: str) -> tuple[str, str, str] | None:
    """balanced-match 1.0.2's walk, line for line (:func:`_balanced` for when it is needed)."""
    ai = text.find("{")
    bi = text.find("}", ai + 1)
    i, result, left, right = ai, None, len(text), -1
    if ai < 0 or bi <= 0:
        return None
    begs: list[int] = []
    while i >= 0 and result is None:
        if i == ai:
            begs.append(i)
            ai = text.find("{", i + 1)
        elif len(begs) == 1:
            result = (begs.pop(), bi)
        else:
            beg = begs.pop()
            if beg < left:
                left, right = beg, bi
            bi = text.find("}", i + 1)
        i = ai if 0 <= ai < bi else bi
    if begs and right >= 0:
        result = (left, right)
    if result is None:
        return None
    return text[:result[0]], text[result[0] + 1:result[1]], text[result[1] + 1:]


def _combine(acc: list[str], pre: str, values: list[str], drop_empties: bool) -> list[str]:
    out: list[str] = []
    length = 0
    for a in acc:
        for v in values:
            if len(out) >= _MAX_EXPANSIONS:
                return out
            expansion = a + pre + v
            if drop_empties and not expansion:
                continue
            if length + len(expansion) > _MAX_EXPANDED_LENGTH:
                return out
            out.append(expansion)
            length += len(expansion)
    return out


def _comma_parts(text: str) -> list[str]:
    parts: list[str] = []
    carry = ""
    while True:
        found = _balanced(text)
        if found is None:
            tail = text.split(",")
            tail[0] = carry + tail[0]
            return parts + tail
        pre, body, post = found
        p = pre.split(",")
        p[0] = carry + p[0]
        p[-1] += "{" + body + "}"
        if not post:
            return parts + p
        carry = p.pop()
        parts += p
        text = post


def _sequence(body: str, alpha: bool) -> list[str]:
    n = body.split("..")
    x, y = (ord(n[0][0]), ord(n[1][0])) if alpha else (int(n[0]), int(n[1]))
    width = max(len(n[0]), len(n[1]))
    step = max(abs(int(n[2])), 1) if len(n) == 3 else 1
    if y < x:
        step = -step
    pad = any(re.match(r"-?0\d", part) for part in n)
    out: list[str] = []
    length = 0
    for i in range(x, y + (1 if step > 0 else -1), step):
        if len(out) >= _MAX_EXPANSIONS:
            break
        if alpha:
            c = chr(i) if chr(i) != "\\" else ""
        else:
            c = str(i)
            if pad and width > len(c):
                zeros = "0" * (width - len(c))
                c = "-" + zeros + c[1:] if i < 0 else zeros + c
        if length + len(c) > _MAX_EXPANDED_LENGTH:
            break
        out.append(c)
        length += len(c)
    return out


def _expand(text: str, depth: int, is_top: bool) -> list[str]:
    """brace-expansion 2.1.7's ``expand`` (bash's order; the same caps, so no pattern explodes)."""
    if depth > _MAX_BRACE_DEPTH:
        return [text]
    acc, rewrites, drop_empties, first_group = [""], 0, False, True
    while True:
        found = _balanced(text)
        if found is None:
            return _combine(acc, text, [""], drop_empties)
        pre, body, post = found
        if pre.endswith("$"):
            acc = _combine(acc, pre + "{" + body + "}", [""], drop_empties and not post)
            first_group = False
            if not post:
                break
            text = post
            continue
        numeric = re.fullmatch(r"-?\d+\.\.-?\d+(?:\.\.-?\d+)?", body) is not None
        alpha = re.fullmatch(r"[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?", body) is not None
        if not (numeric or alpha) and "," not in body:
            if rewrites < _MAX_REWRITES and re.search(r",(?!,).*\}", post):
                rewrites += 1
                text = pre + "{" + body + _ESC["\\}"] + post
                is_top = True
                continue
            return _combine(acc, pre + "{" + body + "}" + post, [""], drop_empties)
        if first_group:
            drop_empties = is_top and not (numeric or alpha)
            first_group = False
        if numeric or alpha:
            values = _sequence(body, alpha)
        else:
            parts = _comma_parts(body)
            if len(parts) == 1:
                parts = ["{" + e + "}" for e in _expand(parts[0], depth + 1, False)]
                if len(parts) == 1:
                    acc = _combine(acc, pre + parts[0], [""], drop_empties and not post)
                    if not post:
                        break
                    text = post
                    continue
            drops = drop_empties and not post and not pre and not any(acc)
            values, length = [], 0
            for part in parts:
                expanded = _expand(part, depth + 1, False)
                if not _take(values, expanded, drops, length):
                    break
                length = sum(map(len, values))
        acc = _combine(acc, pre, values, drop_empties and not post)
        if not post:
            break
        text = post
    return acc


def _take(values: list[str], expanded: list[str], drops: bool, length: int) -> bool:
    for v in expanded:
        if drops and not v:
            continue
        if len(values) >= _MAX_EXPANSIONS or length + len(v) > _MAX_EXPANDED_LENGTH:
            return False
        values.append(v)
        length += len(v)
    return True


def _expand_braces(pattern: str) -> list[str]:
    """minimatch's ``braceExpand``: brace-expansion's ``expandTop`` when a ``{...}`` is there."""
    if not re.search(f"\\{{(?:(?!\\{{)[^{_LINE_TERMINATORS}])*\\}}", pattern):  # (JavaScript's ".")
        return [pattern]
    if not pattern:
        return []
    if pattern.startswith("{}"):
        pattern = "\\{\\}" + pattern[2:]
    for raw, sentinel in _ESC.items():
        pattern = pattern.replace(raw, sentinel)
    out = _expand(pattern, 0, True)
    for raw, sentinel in _ESC.items():
        out = [e.replace(sentinel, raw[1]) for e in out]
    return out


# -- minimatch 5.1.9's Minimatch (dot: false), line for line where it decides anything ----------
_GLOBSTAR = object()  # minimatch's GLOBSTAR symbol: a whole ``**`` segment
_RE_SPECIALS = frozenset("().*{}+?[]^$\\!")
_EXTGLOB = {"!": ("(?:(?!(?:", "))[^/]*?)"), "?": ("(?:", ")?"), "+": ("(?:", ")+"), "*": ("(?:", ")*"),
            "@": ("(?:", ")")}
_STAR_RE, _QMARK_RE = "[^/]*?", "[^/]"
_NO_DOT = "(?!\\.)"
_LINE_TERMINATORS = "\n\r\u2028\u2029"  # (what JavaScript's ``.`` does not match)
_MAX_GLOBSTAR_RECURSION = 200  # Minimatch's maxGlobstarRecursion default
#: What wrangler 4.164 prints when minimatch 5.1.9 reads past a path's end (``_matchGlobStarBodySections``).
CRASH = "Cannot read properties of undefined (reading 'charAt')"


def _units(text: str) -> str:
    """``text`` as JavaScript sees it: one character per UTF-16 code unit (so ``?`` takes half of
    an emoji, as there)."""
    if text.isascii() or max(text) < "\U00010000":
        return text
    return "".join(chr(0xD800 + ((ord(c) - 0x10000) >> 10)) + chr(0xDC00 + ((ord(c) - 0x10000) & 0x3FF))
                   if c >= "\U00010000" else c for c in text)


class _JsSyntaxError(ValueError):
    """A regular expression JavaScript's ``RegExp`` refuses: a signal, caught where minimatch
    catches V8's ``SyntaxError`` (the pattern, or its class, then matches nothing), never shown."""


def _js_class(body: str) -> str:
    """A JavaScript character class body (without its brackets) as a Python one: JavaScript's
    rules (``[]`` matches nothing, ``[^]`` anything, a range out of order is a SyntaxError)."""
    negate = body.startswith("^")
    body = body[1:] if negate else body
    atoms: list[tuple[str, bool]] = []  # (a character or a class escape's source, whether it is "-" unescaped)
    i = 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            atoms.append(("\\" + body[i + 1] if body[i + 1] in "dDwWsS" else body[i + 1], False))
            i += 2
        else:
            atoms.append((body[i], body[i] == "-"))
            i += 1
    out: list[str] = []
    k = 0
    while k < len(atoms):
        (a, _), nxt = atoms[k], atoms[k + 1:k + 3]
        if len(nxt) == 2 and nxt[0][1]:
            b = nxt[1][0]
            if len(a) == 1 and len(b) == 1:
                if a > b:
                    raise _JsSyntaxError  # V8: "Range out of order in character class"
                out.append(f"{re.escape(a)}-{re.escape(b)}")
            else:  # (a class escape at either end: no range, Annex B)
                out.append(f"{_class_atom(a)}\\-{_class_atom(b)}")
            k += 3
            continue
        out.append(_class_atom(a))
        k += 1
    if not out:
        return "(?s:.)" if negate else "(?!)"
    return f"[{'^' if negate else ''}{''.join(out)}]"


def _class_atom(atom: str) -> str:
    return atom if len(atom) == 2 else re.escape(atom)


def _python_regex(source: str) -> str:
    """The regular expression minimatch builds (JavaScript, no flags) as Python's ``re`` reads it
    the same way: ``.`` without line terminators, ``$`` only at the end, JavaScript's classes."""
    out: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            if i + 1 == len(source):
                raise _JsSyntaxError  # V8: "\\ at end of pattern"
            out.append("\\" + source[i + 1] if source[i + 1].isalnum() else re.escape(source[i + 1]))
            i += 2
            continue
        if c == "[":
            j = i + 1
            while j < len(source) and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            if j >= len(source):
                raise _JsSyntaxError  # V8: "Unterminated character class"
            out.append(_js_class(source[i + 1:j]))
            i = j + 1
            continue
        out.append({".": f"[^{_LINE_TERMINATORS}]", "$": r"\Z"}.get(c, c))
        i += 1
    return "".join(out)


_ANY = types.SimpleNamespace(token="?")  # any one character (``[^/]``)
_STAR = types.SimpleNamespace(token="*")  # any run of characters (``[^/]*?``)


class _Segment:
    """A pattern segment with magic: minimatch's ``^...$`` regular expression, matched as a
    two-pointer wildcard when it is only literals, ``?``, ``*`` and classes (the regular
    expression of many ``*`` takes exponential time in Python's backtracking engine)."""

    def __init__(self, source: str, tokens: list[object] | None, no_dot: bool) -> None:
        self.source = source
        self.no_dot = no_dot
        self.tokens: tuple[object, ...] | None = None
        self.regex: re.Pattern[str] | None = None
        if tokens is not None:
            self.tokens = tuple(tokens)
            return
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.regex = re.compile(_python_regex("^" + source + "$"))
        except (re.error, _JsSyntaxError, RecursionError):
            self.regex = re.compile("(?!)")  # (minimatch: new RegExp("$."), which never matches)

    def match(self, name: str) -> bool:
        if self.regex is not None:
            return self.regex.search(name) is not None  # (String.prototype.match: anywhere)
        if not name or name[0] in _LINE_TERMINATORS or (self.no_dot and name[0] == "."):
            return False  # "(?=.)" and "(?!\.)"
        return _wildcard(self.tokens or (), name)


def _wildcard(tokens: tuple[object, ...], name: str) -> bool:
    """Whether ``name`` matches: the two-pointer wildcard match, O(len(tokens) * len(name))."""
    ti = si = 0
    star_t, star_s = -1, 0
    while si < len(name):
        token = tokens[ti] if ti < len(tokens) else None
        if token is _STAR:
            star_t, star_s = ti, si
            ti += 1
        elif token is not None and (token is _ANY or (
                token == name[si] if isinstance(token, str) else token.match(name[si]) is not None)):  # type: ignore
            ti += 1
            si += 1
        elif star_t >= 0:
            ti, star_s = star_t + 1, star_s + 1
            si = star_s
        else:
            return False
    while ti < len(tokens) and tokens[ti] is _STAR:
        ti += 1
    return ti == len(tokens)


def _js_unescape(text: str, keep: str = "") -> str:
    """``s.replace(/\\(.)/g, "$1")`` (``globUnescape``) or, with ``keep``, charUnescape's
    ``/\\([^-\\]])/g``."""
    if keep:
        return re.sub(r"\\([^\-\]])", r"\1", text, flags=re.DOTALL)
    return re.sub(f"\\\\([^{_LINE_TERMINATORS}])", r"\1", text)


#: a segment none of whose characters :func:`_parse_segment` treats other than as a literal
_PLAIN_SEGMENT = re.compile(r"[^\\?*+@!()|\[\]/]*")


@functools.lru_cache(maxsize=2 * _MAX_EXPANSIONS)  # (every segment of a fully expanded pattern)
def _parse(pattern: str) -> object:
    """``Minimatch.prototype.parse``: ``_GLOBSTAR``, a string compared as it is, or a :class:`_Segment`."""
    return _parse_segment(pattern)


@overload
def _parse_segment(pattern: str, sub: Literal[False] = False) -> object: ...
@overload
def _parse_segment(pattern: str, sub: Literal[True]) -> tuple[str, bool]: ...
def _parse_segment(pattern: str, sub: bool = False) -> object:
    """:func:`_parse`, or (``sub``, for an unclosed ``[``) the regular expression's source and
    whether it has magic."""
    if len(pattern) > _MAX_PATTERN_LENGTH:
        raise PatternError(_too_long(len(pattern)))
    if pattern == "**":
        return ("undefined", False) if sub else _GLOBSTAR  # (JavaScript: Symbol()[0])
    if pattern == "":
        return ("undefined", False) if sub else ""  # (""[0])
    if not sub and _PLAIN_SEGMENT.fullmatch(pattern):  # every character a literal one: no magic, so
        return pattern  # the walk below ends there, globUnescape finding no "\\" (one test reads 100,000 expansions)
    s = types.SimpleNamespace(re="", magic=False, state="", dot_trav=pattern[0] == ".", tokens=[], simple=True)
    escaping = in_class = False
    stack: list[dict[str, object]] = []
    negatives: list[dict[str, object]] = []
    class_start = re_class_start = -1

    def clear_state_char() -> None:
        if s.state:
            if s.state in "*?":
                s.re += _STAR_RE if s.state == "*" else _QMARK_RE
                s.tokens.append(_STAR if s.state == "*" else _ANY)
                s.magic = True
            else:
                s.re += "\\" + s.state
                s.tokens.append(s.state)
            s.state = ""

    def literal(c: str, escaped: str) -> None:
        s.re += escaped
        if not in_class:
            s.tokens.append(c)

    def sub_pattern_start(rest: str) -> str:
        return "" if rest[:1] == "." else _NO_DOT

    for i, c in enumerate(pattern):
        if escaping:
            if c == "/":
                return False
            literal(c, ("\\" if c in _RE_SPECIALS else "") + c)
            s.simple = s.simple and c != "|"  # (an escaped "|" is left bare: an alternation of the regex)
            escaping = False
            continue
        if c == "/":
            return False
        if c == "\\":
            if in_class and pattern[i + 1:i + 2] == "-":
                s.re += c
                continue
            clear_state_char()
            escaping = True
        elif c in "?*+@!":
            if in_class:
                s.re += "^" if c == "!" and i == class_start + 1 else c
            elif not (c == "*" and s.state == "*"):
                clear_state_char()
                s.state = c
        elif c == "(":
            if in_class:
                s.re += "("
            elif not s.state:
                literal("(", "\\(")
            else:
                opening, closing = _EXTGLOB[s.state]
                entry = {"type": s.state, "start": i - 1, "re_start": len(s.re), "open": opening, "close": closing}
                stack.append(entry)
                s.re += opening
                s.simple = False
                if entry["start"] == 0 and entry["type"] != "!":
                    s.dot_trav = True
                    s.re += sub_pattern_start(pattern[i + 1:])
                s.state = ""
        elif c == ")":
            if in_class or not stack:
                literal(")", "\\)")
                continue
            entry = stack.pop()
            clear_state_char()
            s.magic = True
            s.re += str(entry["close"])
            if entry["type"] == "!":
                entry["re_end"] = len(s.re)
                negatives.append(entry)
        elif c == "|":
            if in_class or not stack:
                literal("|", "\\|")
                continue
            clear_state_char()
            s.re += "|"
            if stack[-1]["start"] == 0 and stack[-1]["type"] != "!":
                s.dot_trav = True
                s.re += sub_pattern_start(pattern[i + 1:])
        elif c == "[":
            clear_state_char()
            if in_class:
                s.re += "\\["
                continue
            in_class, class_start, re_class_start = True, i, len(s.re)
            s.re += c
        elif c == "]":
            if i == class_start + 1 or not in_class:
                literal("]", "\\]")
                continue
            body = pattern[class_start + 1:i]
            try:  # (RegExp("[" + braExpEscape(charUnescape(cs)) + "]"))
                _js_class(re.sub(r"[\[\]\\]", r"\\\g<0>", _js_unescape(body, keep="-]")))
                s.re += c
                try:
                    s.tokens.append(re.compile(_js_class(s.re[re_class_start + 1:-1])))
                except _JsSyntaxError:  # (then RegExp of the whole segment fails: it matches nothing)
                    s.simple = False
            except _JsSyntaxError:
                s.re = s.re[:re_class_start] + "(?:$.)"
                s.tokens.append(re.compile("(?!)"))
            s.magic = True
            in_class = False
        else:
            clear_state_char()
            literal(c, ("\\" if c in _RE_SPECIALS and not (c == "^" and in_class) else "") + c)
    if in_class:
        body_re, body_magic = _parse_segment(pattern[class_start + 1:], True)
        s.re = s.re[:re_class_start] + "\\[" + body_re
        s.magic = s.magic or body_magic
        s.simple = False
    while stack:
        entry = stack.pop()
        tail = s.re[int(entry["re_start"]) + len(str(entry["open"])):]  # type: ignore[call-overload]
        tail = re.sub(r"((?:\\{2}){0,64})(\\?)\|", lambda m: m[1] + m[1] + (m[2] or "\\") + "|", tail)
        kind = entry["type"]
        s.magic = True
        s.re = s.re[:int(entry["re_start"])] + (  # type: ignore[call-overload]
            _STAR_RE if kind == "*" else _QMARK_RE if kind == "?" else "\\" + str(kind)) + "\\(" + tail
    clear_state_char()
    if escaping:
        literal("\\", "\\\\")
    add_pattern_start = s.re[:1] in ("[", ".", "(")
    for entry in reversed(negatives):
        start, end = int(entry["re_start"]), int(entry["re_end"])  # type: ignore[call-overload]
        before, first, after = s.re[:start], s.re[start:end - 8], s.re[end:]
        last = s.re[end - 8:end] + after
        open_before = len(before.split("(")) - len(before.split(")"))
        for _ in range(open_before):
            after = re.sub(r"\)[+*?]?", "", after, count=1)
        s.re = before + first + after + ("(?:$|\\/)" if after == "" and not sub else "") + last
    if s.re != "" and s.magic:
        s.re = "(?=.)" + s.re
    no_dot = add_pattern_start and not s.dot_trav
    if no_dot:
        s.re = _NO_DOT + s.re
    if sub:
        return s.re, s.magic
    if not s.magic:
        return _js_unescape(pattern)
    return _Segment(s.re, s.tokens if s.simple else None, no_dot)


def _match_one(file: list[str], pattern: list[object], partial: bool, fi: int, pi: int) -> bool:
    """``_matchOne``: segment by segment from ``fi``/``pi``, no globstar."""
    fl, pl = len(file), len(pattern)
    while fi < fl and pi < pl:
        p = pattern[pi]
        if p is False or p is _GLOBSTAR:
            return False
        if not (file[fi] == p if isinstance(p, str) else p.match(file[fi])):  # type: ignore[attr-defined]
            return False
        fi += 1
        pi += 1
    if fi == fl and pi == pl:
        return True
    if fi == fl:
        return partial
    return fi == fl - 1 and file[fi] == ""


def _match_globstar(file: list[str], pattern: list[object], partial: bool) -> bool:
    """``_matchGlobstar``: the segments before the first ``**`` (head), after the last (tail,
    unless partial) and the globstar-separated sections between, matched left to right."""
    first = next(i for i, p in enumerate(pattern) if p is _GLOBSTAR)
    last = max(i for i, p in enumerate(pattern) if p is _GLOBSTAR)
    head = pattern[:first]
    body = pattern[first + 1:] if partial else pattern[first + 1:last]
    tail = [] if partial else pattern[last + 1:]
    fi = 0
    if head:
        if not _match_one(file[:len(head)], head, partial, 0, 0):
            return False
        fi = len(head)
    tail_match = 0
    if tail:
        if len(tail) + fi > len(file):
            return False
        tail_start = len(file) - len(tail)
        if _match_one(file, tail, partial, tail_start, 0):
            tail_match = len(tail)
        else:
            if file[-1] != "" or fi + len(tail) == len(file):
                return False
            if not _match_one(file, tail, partial, tail_start - 1, 0):
                return False
            tail_match = len(tail) + 1
    if not body:
        saw_some = bool(tail_match)
        for f in file[fi:len(file) - tail_match]:
            saw_some = True
            if f.startswith("."):
                return False
        return partial or saw_some
    sections: list[list[object]] = [[[], 0]]
    non_globstar, sums = 0, [0]
    for p in body:
        if p is _GLOBSTAR:
            sums.append(non_globstar)
            sections.append([[], 0])
        else:
            sections[-1][0].append(p)  # type: ignore[attr-defined]
            non_globstar += 1
    length = len(file) - tail_match
    for section, total in zip(sections, reversed(sums)):
        section[1] = length - (total + len(section[0]))  # type: ignore[arg-type]
    return bool(_match_sections(file, sections, fi, 0, partial, 0, bool(tail_match)))


def _match_sections(file: list[str], sections: list[list[object]], fi: int, index: int, partial: bool,
                    depth: int, saw_tail: bool) -> bool | None:
    """``_matchGlobStarBodySections``: False "no match", None "no match, stop trying"; reading
    past the path's end is wrangler's ``TypeError`` (:data:`CRASH`), raised as a :class:`PatternError`."""
    if index == len(sections):
        for f in file[fi:]:
            saw_tail = True
            if f.startswith("."):
                return False
        return saw_tail
    body, after = sections[index]
    while fi <= after:  # type: ignore[operator]
        hit = _match_one(file[:fi + len(body)], body, partial, fi, 0)  # type: ignore[arg-type]
        if hit and depth < _MAX_GLOBSTAR_RECURSION:
            found = _match_sections(file, sections, fi + len(body), index + 1, partial,  # type: ignore[arg-type]
                                    depth + 1, saw_tail)
            if found is not False:
                return found
        if fi >= len(file):
            raise PatternError(CRASH)
        if file[fi].startswith("."):
            return False
        fi += 1
    return True if partial else None


def _too_long(length: int, after: str | None = None) -> str:
    what = "The `migrations_pattern`" if after is None else f"The part of `migrations_pattern` after `{after}/`"
    return (f"{what} is {length} characters long: minimatch (which wrangler uses) refuses "
            f"patterns over {_MAX_PATTERN_LENGTH}; shorten it.")


class _Matcher:
    """A compiled ``Minimatch(pattern, {dot: false})``: negation, comments, braces, globstars."""

    def __init__(self, pattern: str) -> None:
        pattern = _units(pattern)
        if len(pattern) > _MAX_PATTERN_LENGTH:
            raise PatternError(_too_long(len(pattern)))
        self.comment = pattern.startswith("#")
        self.empty = not pattern
        bangs = len(pattern) - len(pattern.lstrip("!"))
        self.negate = bangs % 2 == 1
        self.sets: list[list[object]] = []
        if self.comment or self.empty:
            return
        try:
            expanded = _expand_braces(pattern[bangs:])
        except RecursionError:
            raise PatternError("The `migrations_pattern` nests its braces too deep to expand: brace-expansion (which "
                               "wrangler uses) stops at 1000 levels; use fewer `{`.") from None
        for expansion in expanded:
            parts = [_parse(part) for part in re.split("/+", expansion)]
            if not any(part is False for part in parts):
                self.sets.append(parts)
        # Sets of plain segments only (a brace range's up to 100,000 expansions) are looked up, not
        # walked one by one for each path: what _match_one answers for one is the path's segments
        # being its segments (or those and a trailing "", or a part of them from the start when
        # partial). Only without a globstar: a globstar's set may throw, so then the order counts.
        self._literal: set[tuple[str, ...]] | None = None
        self._prefixes: set[tuple[str, ...]] | None = None
        self._others = self.sets
        if not any(p is _GLOBSTAR for parts in self.sets for p in parts):
            self._literal = {tuple(parts) for parts in self.sets  # type: ignore[arg-type]
                             if all(isinstance(p, str) for p in parts)}
            self._others = [parts for parts in self.sets if not all(isinstance(p, str) for p in parts)]

    def _literal_prefixes(self) -> set[tuple[str, ...]]:
        """The proper starts of the plain sets (a folder a partial match goes into), once."""
        if self._prefixes is None:
            self._prefixes = {parts[:end] for parts in self._literal or () for end in range(1, len(parts))}
        return self._prefixes

    def match(self, path: str, partial: bool = False) -> bool:
        """``Minimatch.prototype.match``; :class:`PatternError` (:data:`CRASH`) where wrangler's throws."""
        if self.comment:
            return False
        if self.empty:
            return path == ""
        if path == "/" and partial:
            return True
        file = re.split("/+", _units(path))
        if self._literal is not None:
            key = tuple(file)
            if key in self._literal or (key[-1] == "" and key[:-1] in self._literal) or (
                    partial and key in self._literal_prefixes()):
                return not self.negate
            for parts in self._others:
                if _match_one(file, parts, partial, 0, 0):
                    return not self.negate
            return self.negate
        for parts in self.sets:
            if (_match_globstar(file, parts, partial) if any(p is _GLOBSTAR for p in parts)
                    else _match_one(file, parts, partial, 0, 0)):
                return not self.negate
        return self.negate


@functools.lru_cache(maxsize=64)
def _matcher(pattern: str) -> _Matcher:
    return _Matcher(pattern)


def matches(pattern: str, relative_path: str) -> bool:
    """Whether ``relative_path`` (``/``-separated) matches ``pattern`` (minimatch, ``dot: false``)."""
    return _match(_matcher(pattern), pattern, relative_path)


def _match(matcher: _Matcher, pattern: str, path: str, partial: bool = False) -> bool:
    try:
        return matcher.match(path, partial)
    except PatternError as error:
        error.hint = (f"minimatch 5.1.9, which wrangler 4.164 reads migrations_pattern with, throws this matching "
                      f"{pattern!r} to {path!r}: it reads past the path's end where the pattern ends in `**/**` after "
                      "other segments, so wrangler stops here too; end the pattern with a single `**`")
        raise


# -- finding and ordering -------------------------------------------------------------------
def leading_number(relative_path: str) -> float:
    """``parseInt`` of the first segment's part before ``_``: its leading digits, else NaN."""
    digits = re.match(r"\s*([+-]?\d+)", relative_path.split("/")[0].split("_")[0])
    return int(digits.group(1)) if digits else math.nan


def _compare_segments(a: str, b: str) -> int:
    an, bn = leading_number(a), leading_number(b)
    if an != bn and not (math.isnan(an) and math.isnan(bn)):
        if not math.isnan(an) and not math.isnan(bn):
            return -1 if an < bn else 1
        return -1 if not math.isnan(an) else 1
    a16, b16 = _utf16(a), _utf16(b)  # JS compares strings by UTF-16 code unit
    return -1 if a16 < b16 else (1 if a16 > b16 else 0)


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")


def _compare_paths(a: str, b: str) -> int:
    sa, sb = a.split("/"), b.split("/")
    for x, y in zip(sa, sb):
        cmp = _compare_segments(x, y)
        if cmp:
            return cmp
    return len(sa) - len(sb)


def matching_files(directory: Path, pattern: str) -> list[str]:
    """The files under ``directory`` whose relative path matches ``pattern``, in wrangler's order."""
    matcher = _matcher(pattern)
    found: list[str] = []
    stack = [(directory, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            child = entry.name if rel == "" else f"{rel}/{entry.name}"
            try:
                if entry.is_dir(follow_symlinks=False):
                    if _match(matcher, pattern, child, partial=True):
                        stack.append((Path(entry.path), child))
                elif entry.is_file(follow_symlinks=False) and _match(matcher, pattern, child):
                    found.append(child)
            except OSError:
                continue
    return sorted(found, key=functools.cmp_to_key(_compare_paths))


def full_pattern(migrations_dir: str, relative: str) -> str:
    """The pattern as the config spells it, normalized (``migrations/*.sql``)."""
    directory = normalize(migrations_dir)
    return relative if directory == "." else f"{directory}/{relative}"


def create_refusal(migrations_dir: str, relative: str, new_name: str, config_file: str) -> str | None:
    """wrangler's refusal of ``migrations create`` whose new top-level file the pattern would not pick up
    (the configured pattern matched against ``<migrations_dir>/<new file>``, as wrangler does)."""
    if matches(full_pattern(migrations_dir, relative), normalize(f"{normalize(migrations_dir)}/{new_name}")):
        return None
    directory = normalize(migrations_dir)
    proposed = normalize(f"{directory}/{new_name}")
    pattern = full_pattern(migrations_dir, relative)
    return (
        f"Wrangler would like to make a new migration called `{proposed}` but it does not match the configured "
        f'`migrations_pattern: "{pattern}"` in your {config_file} file, so `wrangler d1 migrations apply` would not '
        "pick it up. `wrangler d1 migrations create` only writes top-level files inside `migrations_dir`.\n\n"
        "If you are using an ORM like drizzle to manage migrations, use the ORM's command (e.g. `drizzle-kit "
        "generate`) instead of `wrangler d1 migrations create` \u2014 it will create files in the nested layout "
        "your `migrations_pattern` expects.\n\n"
        f"Otherwise, change `migrations_pattern` in your {config_file} file to match top-level `.sql` files (for "
        f"example, `{directory}/*.sql`).")


def drizzle_hint(directory: Path, migrations_dir: str, relative: str, config_file: str) -> str | None:
    """wrangler's warning when no file matches but Drizzle's layout (``*/migration.sql``) is there."""
    if not matching_files(directory, "*/migration.sql"):
        return None
    drizzle = full_pattern(migrations_dir, "*/migration.sql")
    return (f"Could not find any migration files matching `{full_pattern(migrations_dir, relative)}`. It looks like "
            f"there are migration files matching `{drizzle}` though. If you are using drizzle to manage your "
            f"migrations, please set `migrations_pattern` to `{drizzle}` in {config_file}.")
