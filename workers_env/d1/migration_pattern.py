"""``migrations_pattern``: which files under ``migrations_dir`` are migrations, as wrangler finds them.

wrangler (from 4.x, D1 changelog 2026-05-29) reads a ``[[d1_databases]]`` entry's
``migrations_pattern``, a glob relative to the config file that must start with
``<migrations_dir>/`` and defaults to ``<migrations_dir>/*.sql``; a Drizzle layout is
``migrations/*/migration.sql``. Files are found by walking ``migrations_dir`` (symbolic links are
neither followed nor listed, as Node's ``readdirSync`` ``Dirent``s tell them apart) and matching
each path relative to it with minimatch (``dot: false``); a migration's name is that relative
path (``0001_init/migration.sql``), and names sort segment by segment, a leading number first
(``getD1MigrationFiles``/``compareMigrationPaths`` in wrangler's ``d1-migrations.ts``).

The glob syntax kept is minimatch's common one: ``*``, ``?``, ``[...]`` (``!``/``^`` negates),
``**`` as a whole segment, ``{a,b}`` and ``{1..3}`` braces, ``\\`` escapes; a name starting with
``.`` is matched only by a segment written with a leading ``.``.
"""

from __future__ import annotations

import functools
import math
import os
import posixpath
import re
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
    if directory == ".":
        return full
    if not full.startswith(directory + "/"):
        suggested = normalize(f"{directory}/*.sql")
        raise PatternError(
            f'The configured `migrations_pattern: "{pattern}"` in your {config_file} file must start with '
            f'`{directory}/` to match `"migrations_dir": "{directory}"`.\n\nEither change `migrations_pattern` so '
            f'it starts with `{directory}/` (for example, `"{suggested}"`), or change `migrations_dir` to match '
            "the start of your pattern.")
    return full[len(directory) + 1:]


# -- matching ---------------------------------------------------------------------------------
def _expand_braces(pattern: str) -> list[str]:
    """minimatch's brace expansion: ``{a,b}`` (nested too) and ``{1..3}``; unbalanced braces stay."""
    depth, start = 0, -1
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            if depth == 0:
                start = i
            depth += 1
        elif c == "}" and depth:
            depth -= 1
            if depth == 0:
                body, head, tail = pattern[start + 1:i], pattern[:start], pattern[i + 1:]
                parts = _split_top(body)
                if len(parts) == 1:
                    numeric = re.fullmatch(r"(-?\d+)\.\.(-?\d+)", body)
                    if not numeric:
                        return [head + "{" + body + "}" + t for t in _expand_braces(tail)]
                    a, b = int(numeric.group(1)), int(numeric.group(2))
                    step = 1 if b >= a else -1
                    parts = [str(n) for n in range(a, b + step, step)]
                return [out for part in parts for out in _expand_braces(head + part + tail)]
        i += 1
    return [pattern]


def _split_top(body: str) -> list[str]:
    parts, depth, current, i = [], 0, "", 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            current += body[i:i + 2]
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += c
        i += 1
    parts.append(current)
    return parts


@functools.lru_cache(maxsize=256)
def _segment_regex(segment: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(segment):
        c = segment[i]
        if c == "\\" and i + 1 < len(segment):
            out.append(re.escape(segment[i + 1]))
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = segment.find("]", i + 2 if segment[i + 1:i + 2] in ("!", "^", "]") else i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = segment[i + 1:end]
                negate = body[:1] in ("!", "^")
                body = body[1:] if negate else body
                escaped = body.replace("\\", "\\\\").replace("[", "\\[")
                out.append(f"[{'^' if negate else ''}{escaped}]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def _segment_matches(pattern: str, name: str) -> bool:
    if name.startswith(".") and not pattern.startswith("."):
        return False  # dot: false
    return _segment_regex(pattern).fullmatch(name) is not None


def _match_parts(pattern: list[str], path: list[str]) -> bool:
    if not pattern:
        return not path
    head = pattern[0]
    if head == "**":
        if _match_parts(pattern[1:], path):
            return True
        return bool(path) and not path[0].startswith(".") and _match_parts(pattern, path[1:])
    return bool(path) and _segment_matches(head, path[0]) and _match_parts(pattern[1:], path[1:])


def matches(pattern: str, relative_path: str) -> bool:
    """Whether ``relative_path`` (``/``-separated) matches the directory-relative ``pattern``."""
    path = relative_path.split("/")
    return any(_match_parts([s for s in expanded.split("/")], path) for expanded in _expand_braces(pattern))


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
    return -1 if a < b else (1 if a > b else 0)


def _compare_paths(a: str, b: str) -> int:
    sa, sb = a.split("/"), b.split("/")
    for x, y in zip(sa, sb):
        cmp = _compare_segments(x, y)
        if cmp:
            return cmp
    return len(sa) - len(sb)


def matching_files(directory: Path, pattern: str) -> list[str]:
    """The files under ``directory`` whose relative path matches ``pattern``, in wrangler's order."""
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
                    stack.append((Path(entry.path), child))
                elif entry.is_file(follow_symlinks=False) and matches(pattern, child):
                    found.append(child)
            except OSError:
                continue
    return sorted(found, key=functools.cmp_to_key(_compare_paths))


def full_pattern(migrations_dir: str, relative: str) -> str:
    """The pattern as the config spells it, normalized (``migrations/*.sql``)."""
    directory = normalize(migrations_dir)
    return relative if directory == "." else f"{directory}/{relative}"


def create_refusal(migrations_dir: str, relative: str, new_name: str, config_file: str) -> str | None:
    """wrangler's refusal of ``migrations create`` whose new top-level file the pattern would not pick up."""
    if matches(relative, new_name):
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
