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
starting with ``.`` is matched only by a segment written with a leading ``.``. Directories are
entered only when the pattern could still match below them (minimatch's partial match).
"""

from __future__ import annotations

import functools
import math
import os
import posixpath
import re
import warnings
from pathlib import Path

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
    """A ``migrations_pattern`` wrangler refuses; the message is wrangler's."""


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
    if len(full) > _MAX_PATTERN_LENGTH:  # (wrangler's create check matches the whole pattern)
        raise PatternError(_too_long(len(full)))
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
    _matcher(relative)  # (a pattern minimatch cannot take is refused here, before anything runs)
    return relative


# -- matching (minimatch 5.1.9 with brace-expansion 2.1.7, as bundled in wrangler 4.164) -------
_MAX_EXPANSIONS = 100_000  # brace-expansion's EXPANSION_MAX: later expansions are dropped
_MAX_EXPANDED_LENGTH = 4_000_000  # EXPANSION_MAX_LENGTH (characters of all expansions together)
_MAX_BRACE_DEPTH = 1_000  # EXPANSION_MAX_DEPTH
_MAX_REWRITES = 1_000  # EXPANSION_MAX_REWRITES
_MAX_PATTERN_LENGTH = 64 * 1024  # minimatch's MAX_PATTERN_LENGTH
_ESC = {"\\\\": "\0SLASH\0", "\\{": "\0OPEN\0", "\\}": "\0CLOSE\0", "\\,": "\0COMMA\0", "\\.": "\0PERIOD\0"}


def _balanced(text: str) -> tuple[str, str, str] | None:
    """balanced-match 1.0.2: the first balanced ``{...}`` as (before, body, after)."""
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
    if not re.search(r"\{(?:(?!\{).)*\}", pattern):
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


def _class(body: str) -> str:
    """A ``[...]`` body as a regular expression; one that never matches when JS would reject it
    (minimatch: "out of order ranges ... just a range that matches nothing")."""
    negate = body[:1] in ("!", "^")
    body = body[1:] if negate else body
    escaped = "".join("\\" + c if c in "\\[&|~" else c for c in body)
    regex = f"[{'^' if negate else ''}{escaped}]"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(regex)
    except re.error:
        return "(?!)"
    return regex


def _closing_paren(segment: str, start: int) -> int:
    depth = 0
    for j in range(start, len(segment)):
        if segment[j] == "(":
            depth += 1
        elif segment[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _split_bars(body: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for c in body:
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += c
    return parts + [current]


def _regex(segment: str) -> str:
    out, i = [], 0
    while i < len(segment):
        c = segment[i]
        if c in "!?+*@" and segment[i + 1:i + 2] == "(":  # extglob: !(a|b) ?(a) +(a) *(a) @(a|b)
            end = _closing_paren(segment, i + 1)
            if end > 0:
                alternatives = "|".join(_regex(alt) for alt in _split_bars(segment[i + 2:end]))
                if c == "!":
                    rest = _regex(segment[end + 1:])
                    out.append(f"(?:(?!(?:{alternatives}){rest}{'' if rest else chr(92) + 'Z'})[^/]*?)")
                else:
                    out.append(f"(?:{alternatives})" + {"?": "?", "+": "+", "*": "*", "@": ""}[c])
                i = end + 1
                continue
        if c == "\\" and i + 1 < len(segment):
            out.append(re.escape(segment[i + 1]))
            i += 2
            continue
        if c == "*":
            out.append("[^/]*?")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = segment.find("]", i + 2 if segment[i + 1:i + 2] in ("!", "^", "]") else i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                out.append(_class(segment[i + 1:end]))
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _segment_regex(segment: str) -> re.Pattern[str]:
    return re.compile(_regex(segment), re.DOTALL)


_MAGIC = re.compile(r"[*?\[\\]|[!?+*@]\(")


def _segment_matches(pattern: str, name: str) -> bool:
    if _MAGIC.search(pattern) is None:
        return pattern == name  # (minimatch compares a segment without magic as a string)
    if name.startswith(".") and not pattern.startswith("."):
        return False  # dot: false
    tokens = _tokens(pattern)
    if tokens is None:  # (an extglob: a regular expression, as minimatch builds one)
        return _segment_regex(pattern).fullmatch(name) is not None
    return _wildcard(tokens, name)


_STAR: object = object()


@functools.lru_cache(maxsize=2 * _MAX_EXPANSIONS)  # (every segment of a fully expanded pattern)
def _tokens(segment: str) -> tuple[object, ...] | None:
    """A segment without extglobs as single-character matchers (a literal, or a compiled
    ``?``/``[...]``) and stars; ``None`` for one with an extglob."""
    if re.search(r"[!?+*@]\(", segment):
        return None
    out: list[object] = []
    i = 0
    while i < len(segment):
        c = segment[i]
        if c == "\\" and i + 1 < len(segment):
            out.append(segment[i + 1])
            i += 2
            continue
        if c == "*":
            if not out or out[-1] is not _STAR:
                out.append(_STAR)
        elif c == "?":
            out.append(re.compile("[^/]", re.DOTALL))
        elif c == "[":
            end = segment.find("]", i + 2 if segment[i + 1:i + 2] in ("!", "^", "]") else i + 1)
            if end < 0:
                out.append(c)
            else:
                out.append(re.compile(_class(segment[i + 1:end]), re.DOTALL))
                i = end
        else:
            out.append(c)
        i += 1
    return tuple(out)


def _wildcard(tokens: tuple[object, ...], name: str) -> bool:
    """Whether ``name`` matches: the two-pointer wildcard match, O(len(tokens) * len(name)), where
    a backtracking regular expression of many ``*`` can take exponential time."""
    ti = si = 0
    star_t, star_s = -1, 0
    while si < len(name):
        token = tokens[ti] if ti < len(tokens) else None
        if token is _STAR:
            star_t, star_s = ti, si
            ti += 1
        elif token is not None and (token == name[si] if isinstance(token, str)
                                    else token.fullmatch(name[si]) is not None):  # type: ignore[attr-defined]
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


_GLOBSTAR = "**"


def _is_dot(name: str) -> bool:
    return name.startswith(".")  # (".", ".." and, with dot: false, every dot name)


def _match_one(file: list[str], pattern: list[str], partial: bool) -> bool:
    """minimatch's ``matchOne`` (memoized, so a row of ``**`` cannot take exponential time)."""
    fl, pl = len(file), len(pattern)
    if _GLOBSTAR not in pattern:  # (no backtracking: segment by segment)
        if fl > pl or (fl < pl and not partial):
            return fl == pl + 1 and file[-1] == "" and all(map(_segment_matches, pattern, file))
        return all(map(_segment_matches, pattern, file))

    @functools.lru_cache(maxsize=None)
    def step(fi: int, pi: int) -> bool:
        if fi == fl or pi == pl:
            if fi == fl and pi == pl:
                return True
            if fi == fl:
                return partial
            return fi == fl - 1 and file[fi] == ""
        if pattern[pi] == _GLOBSTAR:
            if pi + 1 == pl:
                return not any(_is_dot(f) for f in file[fi:])
            fr = fi
            while fr < fl:
                if step(fr, pi + 1):
                    return True
                if _is_dot(file[fr]):
                    break
                fr += 1
            return partial and fr == fl
        return _segment_matches(pattern[pi], file[fi]) and step(fi + 1, pi + 1)

    return step(0, 0)


def _too_long(length: int) -> str:
    return (f"The `migrations_pattern` is {length} characters long: minimatch (which wrangler uses) refuses "
            f"patterns over {_MAX_PATTERN_LENGTH}; shorten it.")


class _Matcher:
    """A compiled ``Minimatch(pattern, {dot: false})``: negation, comments, braces, globstars."""

    def __init__(self, pattern: str) -> None:
        if len(pattern) > _MAX_PATTERN_LENGTH:
            raise PatternError(_too_long(len(pattern)))
        self.comment = pattern.startswith("#")
        self.empty = not pattern
        bangs = len(pattern) - len(pattern.lstrip("!"))
        self.negate = bangs % 2 == 1
        try:
            expanded = _expand_braces(pattern[bangs:]) if pattern[bangs:] else [""]
        except RecursionError:
            raise PatternError("The `migrations_pattern` nests its braces too deep to expand: brace-expansion (which "
                               "wrangler uses) stops at 1000 levels; use fewer `{`.") from None
        self.sets = [e.split("/") for e in dict.fromkeys(expanded)]

    def match(self, path: str, partial: bool = False) -> bool:
        if self.comment:
            return False
        if self.empty:
            return path == ""
        file = path.split("/")
        for parts in self.sets:
            if _match_one(file, parts, partial):
                return not self.negate
        return self.negate


@functools.lru_cache(maxsize=64)
def _matcher(pattern: str) -> _Matcher:
    return _Matcher(pattern)


def matches(pattern: str, relative_path: str) -> bool:
    """Whether ``relative_path`` (``/``-separated) matches ``pattern`` (minimatch, ``dot: false``)."""
    return _matcher(pattern).match(relative_path)


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
                    if matcher.match(child, partial=True):
                        stack.append((Path(entry.path), child))
                elif entry.is_file(follow_symlinks=False) and matcher.match(child):
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
