"""wrangler's TOML reader: smol-toml 1.9.0's ``parse`` (the one wrangler 4.168.0 bundles), ported.

wrangler reads ``wrangler.toml`` with smol-toml, which is not TOML 1.0 as Python's ``tomllib``
reads it: it takes TOML 1.1's forms (``\\e`` and ``\\xHH`` escapes, inline tables over several
lines with a trailing comma, times without seconds), refuses integers past 2**53 - 1, reads a
date such as ``2024-02-30`` as JavaScript's ``Date`` does (March 1) and words each refusal its own
way. So a config is read here step for step as smol-toml reads it, and a refusal is a
:class:`TomlError` with smol-toml's message and the offset it points at. Values are Python's:
``int``/``float``/``bool``/``str``, ``dict``/``list``, and ``datetime.date``/``datetime``/``time``
for smol-toml's ``TomlDate`` (milliseconds, as a JavaScript ``Date`` keeps; an offset of
``+00:00`` or ``-00:00`` keeps its spelling as its ``tzname``). The source is cited by function
(``parseString``, ``extractValue``, ``peekTable`` ...); positions count characters.
"""

# This module is a Python port, with changes, of smol-toml 1.9.0's parser
# (https://github.com/squirrelchat/smol-toml), whose licence asks that this notice be kept:
#
# Copyright (c) Squirrel Chat et al., All rights reserved.
#
# Redistribution and use in source and binary forms, with or without
# modification, are permitted provided that the following conditions are met:
#
# 1. Redistributions of source code must retain the above copyright notice, this
#    list of conditions and the following disclaimer.
# 2. Redistributions in binary form must reproduce the above copyright notice,
#    this list of conditions and the following disclaimer in the
#    documentation and/or other materials provided with the distribution.
# 3. Neither the name of the copyright holder nor the names of its contributors
#    may be used to endorse or promote products derived from this software without
#    specific prior written permission.
#
# THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
# ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
# WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
# DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
# FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
# DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
# SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
# CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
# OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
# OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

from workers_env._jscoercions import js_to_number
from workers_env._jsontext import surrogate_pairs_joined

__all__ = ["MAX_DEPTH", "TomlError", "parse"]

#: smol-toml's default ``maxDepth``: arrays and inline tables nested in one value
MAX_DEPTH = 1000
_NAN = math.nan  # what charCodeAt answers past the end: every comparison with it is false


class TomlError(ValueError):
    """smol-toml's refusal: its message (without ``Invalid TOML document:``) at offset ``at``."""

    def __init__(self, message: str, at: int):
        super().__init__(message)
        self.message = message
        self.at = at


class _Ctx:
    __slots__ = ("s", "p", "d", "n")

    def __init__(self, text: str):
        self.s, self.p, self.d, self.n = text, 0, MAX_DEPTH, len(text)

    def c(self, at: int) -> float:
        """``charCodeAt(at)``: NaN outside the text."""
        return ord(self.s[at]) if 0 <= at < self.n else _NAN


def _fail(message: str, ctx: _Ctx, at: int | None = None) -> Any:
    raise TomlError(message, ctx.p if at is None else at)


def _digit(c: float, base: int = 10) -> bool:
    if base == 16:
        return 47 < c < 58 or 64 < c < 71 or 96 < c < 103
    return 47 < c < 48 + base


def _end_of_value(c: float, delim: int | None) -> bool:
    return c in (32, 9, 10, 13, 35) or (delim is not None and (c == delim or c == 44))


# -- primitive.js ----------------------------------------------------------------------------------
_ESCAPES = {98: "\b", 116: "\t", 110: "\n", 102: "\f", 114: "\r", 101: "\x1b", 34: '"', 92: "\\"}


def _parse_string(ctx: _Ctx) -> str:
    start = ctx.p
    c = ctx.c(ctx.p)
    ctx.p += 1
    first = c
    literal = c == 39
    multiline = c == ctx.c(ctx.p) and c == ctx.c(ctx.p + 1)
    if multiline:
        ctx.p += 2
        if ctx.c(ctx.p) == 10:
            ctx.p += 1
        elif ctx.c(ctx.p) == 13 and ctx.c(ctx.p + 1) == 10:
            ctx.p += 2
    parsed = ""
    slice_start = ctx.p
    state = 0
    while ctx.p < ctx.n:
        c = ctx.c(ctx.p)
        if multiline and (c == 10 or (c == 13 and ctx.c(ctx.p + 1) == 10)):
            state = state and 3
        elif (c < 32 and c != 9) or c == 127:
            _fail("control characters are not allowed in strings", ctx)
        elif state in (0, 3) and c == first and (not multiline or (ctx.c(ctx.p + 1) == first and ctx.c(ctx.p + 2) == first)):
            if multiline:
                if ctx.c(ctx.p + 3) == first:
                    ctx.p += 1
                if ctx.c(ctx.p + 3) == first:
                    ctx.p += 1
            if not state:
                parsed += ctx.s[slice_start:ctx.p]
            ctx.p += 3 if multiline else 1
            return parsed
        elif not state:
            if not literal and c == 92:
                parsed += ctx.s[slice_start:ctx.p]
                slice_start = ctx.p
                state = 1
        elif state == 1:
            if c in (120, 117, 85):
                at = ctx.p - 1
                ctx.p += 1
                value = 0
                for _ in range(2 if c == 120 else 4 if c == 117 else 8):
                    h = ctx.c(ctx.p)
                    digit = h - 48 if 48 <= h <= 57 else h - 55 if 65 <= h <= 70 else h - 87 if 97 <= h <= 102 else -1
                    if digit < 0:
                        _fail("invalid non-hex character in unicode escape", ctx)
                    value = value << 4 | int(digit)
                    ctx.p += 1
                if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:  # (past 2**31 JavaScript's value is negative)
                    _fail("invalid unicode escape", ctx, at)
                parsed += chr(value)
                slice_start = ctx.p
                ctx.p -= 1
                state = 0
            elif multiline and c in (32, 9):
                state = 2
            else:
                if c not in _ESCAPES:
                    _fail("unrecognised escape sequence", ctx)
                parsed += _ESCAPES[int(c)]
                slice_start = ctx.p + 1
                state = 0
        elif c not in (32, 9):
            if state == 2:
                _fail("invalid escape: only line-ending whitespace may be escaped", ctx, slice_start)
            state = 1 if not literal and c == 92 else 0
            slice_start = ctx.p
        ctx.p += 1
    return _fail("unfinished string", ctx, start)


# -- util.js ---------------------------------------------------------------------------------------
def _skip_comment(ctx: _Ctx) -> None:
    while ctx.p < ctx.n:
        c = ctx.c(ctx.p)
        if c == 10:
            break
        if c == 13 and ctx.c(ctx.p + 1) == 10:
            ctx.p += 1
            break
        if (c < 32 and c != 9) or c == 127:
            _fail("control characters are not allowed in comments", ctx)
        ctx.p += 1


def _skip_void(ctx: _Ctx, ban_newlines: bool = False, ban_comments: bool = False) -> None:
    c = _NAN
    while ctx.p < ctx.n:
        while ctx.p < ctx.n and ((c := ctx.c(ctx.p)) in (32, 9) or (not ban_newlines and (c == 10 or (c == 13 and ctx.c(ctx.p + 1) == 10)))):
            ctx.p += 1
        if ban_comments or c != 35:
            break
        _skip_comment(ctx)


# -- extract.js ------------------------------------------------------------------------------------
def _extract_value(ctx: _Ctx, end: int | None) -> Any:
    at = ctx.p
    c = ctx.c(ctx.p)
    if c in (91, 123):
        if ctx.d == 0:
            _fail("document contains excessively nested structures. aborting.", ctx)
        ctx.d -= 1
        value = _parse_array(ctx) if c == 91 else _parse_inline_table(ctx)
        ctx.d += 1
        return value
    if c in (34, 39):
        return _parse_string(ctx)
    if c == 116:
        _word(ctx, "rue", at)
        return True
    if c == 102:
        _word(ctx, "alse", at)
        return False
    if c in (43, 45):
        ctx.p += 1
        return _parse_number(ctx, at, ctx.c(ctx.p), 44 - int(c), end)
    if ctx.c(ctx.p + 4) == 45 and ctx.c(ctx.p + 7) == 45:
        return _parse_date(ctx, c, end)
    if ctx.c(ctx.p + 2) == 58:
        return _parse_time(ctx, c, end)
    return _parse_number(ctx, ctx.p, c, 0, end)


def _word(ctx: _Ctx, rest: str, start: int) -> None:
    for letter in rest:
        ctx.p += 1
        if ctx.c(ctx.p) != ord(letter):
            _fail("invalid value", ctx, start)
    ctx.p += 1


_JS_FLOAT_PREFIX = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _parse_number(ctx: _Ctx, start: int, first: float, sign: int, end: int | None) -> Any:
    c = first
    state = 0
    underscores = False
    if c == 105:
        _word(ctx, "nf", start)
        return math.inf if sign >= 0 else -math.inf
    if c == 110:
        _word(ctx, "an", start)
        return math.nan
    if c == 48:
        ctx.p += 1
        if ctx.p >= ctx.n or _end_of_value(c := ctx.c(ctx.p), end):
            return 0
        if not sign:
            if c in (120, 98, 111):
                return _parse_integer_base(ctx, start, 16 if c == 120 else 2 if c == 98 else 8, end)
        if c == 46:
            state = 2
        elif c in (101, 69):
            state = 4
        else:
            _fail("illegal leading zero", ctx, start)
    elif not _digit(c):
        _fail("invalid value", ctx, start)
    while True:
        ctx.p += 1
        if ctx.p >= ctx.n or _end_of_value(c := ctx.c(ctx.p), end):
            break
        if not state:
            state = 1
        if c == 95:
            if not state & 1:
                _fail("illegal underscore", ctx)
            state += 11
            underscores = True
        elif state == 1 and c == 46:
            state = 2
        elif state in (1, 3) and c in (101, 69):
            state = 4
        elif state == 4 and c in (43, 45):
            pass
        elif not _digit(c):
            _fail("illegal character in numeric literal", ctx)
        elif state > 9:
            state -= 11
        elif not state & 1:
            state += 1
    if not state:
        return (int(first) - 48) * (sign or 1)
    if not state & 1:
        _fail("unfinished numeric value", ctx, start)
    text = ctx.s[start:ctx.p]
    if underscores:
        text = text.replace("_", "")
    if state > 1:  # parseFloat: the longest prefix that is a number
        return float(_JS_FLOAT_PREFIX.match(text).group(0))  # type: ignore[union-attr]
    return _parse_integer(ctx, text, 10, start)


def _parse_integer_base(ctx: _Ctx, start: int, base: int, end: int | None) -> int:
    underscore = 1
    while True:
        ctx.p += 1
        if ctx.p >= ctx.n or _end_of_value(c := ctx.c(ctx.p), end):
            break
        if c == 95:
            if underscore & 1:
                _fail("illegal underscore", ctx)
            underscore = 3
        elif not _digit(c, base):
            _fail("illegal character in numeric literal", ctx)
        elif underscore & 1:
            underscore -= 1
    if underscore & 1:
        _fail("unfinished numeric value", ctx)
    return _parse_integer(ctx, ctx.s[start + 2:ctx.p].replace("_", ""), base, start)


def _parse_integer(ctx: _Ctx, text: str, base: int, start: int) -> int:
    value = int(text, base)
    if abs(value) > 2**53 - 1:  # Number.isSafeInteger(parseInt(text, base))
        _fail("integer value cannot be represented losslessly", ctx, start)
    return value


def _parse_date(ctx: _Ctx, c: float, end: int | None) -> Any:
    start = ctx.p
    ctx.p += 1
    if not _digit(c) or not all(_digit(ctx.c(ctx.p + i)) for i in range(3)):
        # (JavaScript's || stops at the first that fails; the position is reset either way)
        ctx.p = start
        return _parse_number(ctx, start, c, 0, end)
    ctx.p += 3 + 5
    ctx.p += 1
    if not _digit(ctx.c(ctx.p - 1)):
        _fail("invalid date-time: date part is malformed", ctx, start)
    unsafe = False
    if ctx.p >= ctx.n:
        return _read_date(ctx, ctx.s[start:ctx.p], 3, False, start)
    c = ctx.c(ctx.p)
    if c == 32:
        unsafe = True
        local_date = not _digit(ctx.c(ctx.p + 1))
    else:
        local_date = c not in (84, 116)
    if local_date:
        return _read_date(ctx, ctx.s[start:ctx.p], 3, False, start)
    ctx.p += 3
    if ctx.c(ctx.p) != 58:
        _fail("invalid date-time: time part is malformed", ctx, start)
    ctx.p += 3
    if ctx.c(ctx.p) == 58:
        ctx.p += 3
    _skip_fraction(ctx)
    c = ctx.c(ctx.p)
    if c == c and c != 0:  # (NaN and "\0" are falsy)
        if c in (90, 122):
            ctx.p += 1
            return _read_date(ctx, ctx.s[start:ctx.p], 1, unsafe, start)
        if c in (43, 45):
            ctx.p += 6
            return _read_date(ctx, ctx.s[start:ctx.p], 1, unsafe, start)
    return _read_date(ctx, ctx.s[start:ctx.p], 2, unsafe, start)


def _skip_fraction(ctx: _Ctx) -> None:
    if ctx.c(ctx.p) == 46:
        ctx.p += 1
        while _digit(ctx.c(ctx.p)):
            ctx.p += 1


def _parse_time(ctx: _Ctx, c: float, end: int | None) -> Any:
    start = ctx.p
    if not _digit(c):
        ctx.p -= 1  # (smol-toml's --ctx.p without the ++ it meant to undo)
        return _parse_number(ctx, ctx.p, c, 0, end)
    ctx.p += 1
    if not _digit(ctx.c(ctx.p)):
        ctx.p -= 1
        return _parse_number(ctx, ctx.p, c, 0, end)
    ctx.p += 4
    if ctx.c(ctx.p) == 58:
        ctx.p += 3
    _skip_fraction(ctx)
    return _read_date(ctx, ctx.s[start:ctx.p], 4, False, start)


# -- date.js: TomlDate's constructor and V8's ISO date parse ---------------------------------------
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?([Zz]|[+-]\d{2}:\d{2})?",
                  re.ASCII)


_MONTH_STARTS = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_ORDINAL_1970 = 719_163  # date(1970, 1, 1).toordinal()
_DAYS_400_YEARS = 146_097


def _v8_moment(text: str) -> tuple[int, int | None] | None:
    """What ``new Date(text)`` holds for the strings TomlDate builds: (milliseconds from 1970 in
    UTC, the offset in minutes it was written with, or None for ``Z``); None: an invalid date.
    V8 takes a day up to 31 in any month (``2024-02-30`` is March 1), a second up to 59, the
    first three digits of a fraction."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year, month, day, h, mi, s = (int(part or 0) for part in match.groups()[:6])
    fraction, zone = match.group(7), match.group(8)
    if not (1 <= month <= 12 and 1 <= day <= 31 and h <= 24 and mi <= 59 and s <= 59):
        return None
    if h == 24 and (mi or s or int(fraction or 0)):
        return None
    offset = None
    if zone and zone not in "Zz":
        if int(zone[1:3]) > 23 or int(zone[4:6]) > 59:
            return None
        offset = (int(zone[1:3]) * 60 + int(zone[4:6])) * (-1 if zone[0] == "-" else 1)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    first = _dt.date(year, 1, 1).toordinal() if year else 1 - 366  # (the year 0 is a leap year)
    days = first - _ORDINAL_1970 + _MONTH_STARTS[month - 1] + (leap and month > 2) + day - 1
    ms = ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + int((fraction or "0")[:3].ljust(3, "0"))
    return ms - (offset or 0) * 60_000, offset


def _wall(ms: int) -> tuple[int, int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second, millisecond) of ``ms`` from 1970 in UTC, the year 0 too."""
    days, rest = divmod(ms, 86_400_000)
    ordinal = days + _ORDINAL_1970
    shift = 0 if ordinal >= 1 else 400  # the year 0: 400 years on, and back
    date = _dt.date.fromordinal(ordinal + (_DAYS_400_YEARS if shift else 0))
    return date.year - shift, date.month, date.day, rest // 3_600_000, rest // 60_000 % 60, rest // 1000 % 60, rest % 1000


def _read_date(ctx: _Ctx, text: str, kind: int, unsafe: bool, at: int) -> Any:
    """readDate with ``useLegacyDate`` (smol-toml's default): a TomlDate, refused when invalid.
    ``kind``: 1 offset date-time, 2 local date-time, 3 local date, 4 local time."""
    offset_text: str | None = "Z"
    if kind < 3:
        if js_to_number(text[11:13]) > 23:
            text = ""
        else:
            if kind == 2:
                offset_text = None
                text += "Z"
            elif text[-1:] not in ("Z", "z"):
                offset_text = text[-6:]
            if unsafe:
                text = text[:10] + "T" + text[11:]
    elif kind == 4:
        text = "" if js_to_number(text[:2]) > 23 else f"0000-01-01T{text}Z"
    moment = _v8_moment(text) if text else None
    if moment is None:
        return _fail("invalid date", ctx, at)
    ms, offset = moment
    wall = _wall(ms + (offset or 0) * 60_000)
    if kind == 4:
        return _dt.time(*wall[3:6], wall[6] * 1000)
    if wall[0] < 1:  # Python's dates start at the year 1 (README: "Where we had to choose")
        return _fail("workers-env cannot hold a date before the year 1 (Python's dates start there)", ctx, at)
    if kind == 3:
        return _dt.date(*wall[:3])
    moment_dt = _dt.datetime(*wall[:6], wall[6] * 1000)
    if kind == 2:
        return moment_dt
    assert offset_text is not None
    if offset_text in ("Z", "z"):
        return moment_dt.replace(tzinfo=_dt.timezone.utc)
    name = offset_text if offset is not None and offset == 0 else None  # "+00:00", "-00:00" kept as written
    zone = _dt.timezone(_dt.timedelta(minutes=offset or 0), name) if name else _dt.timezone(_dt.timedelta(minutes=offset or 0))
    return moment_dt.replace(tzinfo=zone)



# -- struct.js -------------------------------------------------------------------------------------
def _parse_key(ctx: _Ctx, end: int = 61) -> list[str]:
    start = ctx.p
    state = 0
    parsed: list[str] = []
    slice_start = 0
    c = ctx.c(ctx.p)
    while True:
        if c == end:
            if not state:
                _fail("unexpected end of key", ctx)
            if state == 1:
                parsed.append(ctx.s[slice_start:ctx.p])
            ctx.p += 1
            return parsed
        if c == 46:
            if not state:
                _fail("illegal empty bare key", ctx)
            if state == 1:
                parsed.append(ctx.s[slice_start:ctx.p])
            state = 0
        elif not state and c in (34, 39):
            if c == ctx.c(ctx.p + 1) and c == ctx.c(ctx.p + 2):
                _fail("illegal quoted key: multiline strings are not allowed", ctx)
            parsed.append(_parse_string(ctx))
            state = 2
            ctx.p -= 1
        elif c in (32, 9):
            if state == 1:
                parsed.append(ctx.s[slice_start:ctx.p])
                state = 2
        elif state == 2 or (c < 48 and c != 45) or 57 < c < 65 or (90 < c < 97 and c != 95) or c > 122:
            _fail("illegal character in key", ctx)
        elif not state:
            state = 1
            slice_start = ctx.p
        ctx.p += 1
        c = ctx.c(ctx.p)
        if c != c or c == 0:  # (NaN and "\0" end smol-toml's do-while)
            break
    return _fail("incomplete key-value: cannot find end of key", ctx, start)


def _parse_inline_table(ctx: _Ctx) -> dict[str, Any]:
    start = ctx.p
    ctx.p += 1
    result: dict[str, Any] = {}
    seen: set[int] = set()  # the ids of values written as values (objects to JavaScript), not dotted keys' tables
    while ctx.p < ctx.n:
        _skip_void(ctx)
        if ctx.c(ctx.p) == 125:
            ctx.p += 1
            return result
        table = result
        key_at = ctx.p
        key = _parse_key(ctx)
        own = False
        for i, k in enumerate(key):
            if i:
                if not own:
                    table[key[i - 1]] = {}
                table = table[key[i - 1]]
            own = k in table
            if own and (not _js_object(table[k]) or id(table[k]) in seen):
                _fail("trying to redefine an already defined value", ctx, key_at)
        if own:
            _fail("trying to redefine an already defined value", ctx, key_at)
        _skip_void(ctx, True, True)
        value = _extract_value(ctx, 125)
        table[key[-1]] = value
        if _js_object(value):
            seen.add(id(value))
        if _closed_after_item(ctx, 125):
            return result
    return _fail("unfinished table", ctx, start)


def _closed_after_item(ctx: _Ctx, close: int) -> bool:
    """After an item of an array or inline table: whether ``close`` ends it (else a comma must)."""
    _skip_void(ctx)
    c = ctx.c(ctx.p)
    ctx.p += 1
    if c != close and c != 44:
        _fail("expected comma or end of structure", ctx, ctx.p - 1)
    return c == close


def _js_object(value: Any) -> bool:
    """``typeof value === "object"``: a table, an array or a date."""
    return isinstance(value, (dict, list, _dt.date, _dt.time))


def _parse_array(ctx: _Ctx) -> list[Any]:
    start = ctx.p
    ctx.p += 1
    result: list[Any] = []
    while ctx.p < ctx.n:
        _skip_void(ctx)
        if ctx.c(ctx.p) == 93:
            ctx.p += 1
            return result
        result.append(_extract_value(ctx, 93))
        if _closed_after_item(ctx, 93):
            return result
    return _fail("unfinished array", ctx, start)


# -- parse.js --------------------------------------------------------------------------------------
class _Meta:
    """peekTable's record of a key: ``t`` 0 value, 1 table, 2 array of tables, 3 table made by a
    dotted table header; ``d`` defined; ``i`` the tables of an array; ``c`` the children."""

    __slots__ = ("t", "d", "i", "c")

    def __init__(self, kind: int):
        self.t, self.d, self.i = kind, False, 0
        self.c: dict[Any, _Meta] = {}


def _peek_table(key: list[str], table: dict[str, Any], meta: dict[Any, _Meta], kind: int) -> tuple[str, Any, dict[Any, _Meta]] | None:
    t: Any = table
    m = meta
    own = False
    k = ""
    for i, name in enumerate(key):
        if i:
            if not own:
                t[k] = {}
            t = t[k]
            state = m[k]
            m = state.c
            if kind == 0 and state.t in (1, 2):
                return None
            if state.t == 2:
                last = len(t) - 1
                t = t[last]
                m = m[last].c
        k = name
        own = k in t
        if own and k in m and m[k].t == 0 and m[k].d:
            return None
        if not own:
            m[k] = _Meta(3 if i < len(key) - 1 and kind == 2 else kind)
    state = m[k]
    if state.t != kind and not (kind == 1 and state.t == 3):
        return None
    if kind == 2:
        if not state.d:
            state.d = True
            t[k] = []
        t[k].append(t := {})
        state.c[state.i] = state = _Meta(1)  # (keyed by the table's index in the array)
        m[k].i += 1
    if state.d:
        return None
    state.d = True
    if kind == 1:
        if not own:
            t[k] = {}
        t = t[k]
    elif kind == 0 and own:
        return None
    return k, t, state.c


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def parse(text: str) -> dict[str, Any]:
    """smol-toml's ``parse(text)`` (its default options); a refusal is a :class:`TomlError`.

    smol-toml walks JavaScript's UTF-16 units, so a text holding a character past U+FFFF is read
    as its surrogate pairs (where it steps and points as smol-toml does) and its strings joined
    back; the offset of a refusal then counts characters again."""
    if not _ASTRAL.search(text):
        return _parse(text)
    units = _ASTRAL.sub(lambda m: _pair(m.group(0)), text)
    try:
        return _joined(_parse(units))
    except TomlError as exc:
        raise TomlError(exc.message, len(surrogate_pairs_joined(units[:exc.at]))) from None


def _pair(char: str) -> str:
    """The two surrogate code points of a character past U+FFFF."""
    code = ord(char) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def _joined(value: Any) -> Any:
    """A parse with the surrogate pairs of its strings and keys joined (no recursion: any depth)."""
    root = [value]
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        if isinstance(node, dict):
            node.clear()
        for key, item in items:
            if isinstance(item, str):
                item = surrogate_pairs_joined(item)
            elif isinstance(item, (dict, list)):
                stack.append(item)
            node[surrogate_pairs_joined(key) if isinstance(key, str) else key] = item
    return root[0]


def _parse(text: str) -> dict[str, Any]:
    ctx = _Ctx(text)
    result: dict[str, Any] = {}
    meta: dict[Any, _Meta] = {}
    table: Any = result
    m = meta
    if ctx.c(0) == 0xFEFF:
        ctx.p += 1
    _skip_void(ctx)
    while ctx.p < ctx.n:
        if ctx.c(ctx.p) == 91:
            ctx.p += 1
            array = ctx.c(ctx.p) == 91
            ctx.p += array
            at = ctx.p
            key = _parse_key(ctx, 93)
            if array:
                if ctx.c(ctx.p) != 93:
                    _fail("expected end of table array declaration", ctx)
                ctx.p += 1
            peek = _peek_table(key, result, meta, 2 if array else 1)
            if peek is None:
                _fail("trying to redefine an already defined table or value", ctx, at)
            assert peek is not None
            _, table, m = peek
        else:
            at = ctx.p
            peek = _peek_table(_parse_key(ctx), table, m, 0)
            if peek is None:
                _fail("trying to redefine an already defined table or value", ctx, at)
            assert peek is not None
            _skip_void(ctx, True, True)
            value = _extract_value(ctx, None)
            peek[1][peek[0]] = value
        _skip_void(ctx, True)
        if ctx.p < ctx.n and (c := ctx.c(ctx.p)) != 10 and (c != 13 or ctx.c(ctx.p + 1) != 10):
            _fail("each key-value declaration must be followed by an end-of-line", ctx)
        _skip_void(ctx)
    return result
