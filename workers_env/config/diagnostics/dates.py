"""``compatibility_date``: whether JavaScript's ``new Date(text)`` would accept it.

wrangler judges the date with V8's parser, whose lenient legacy forms are approximated
here; it is long enough to live on its own.
"""

from __future__ import annotations

import re
from typing import Any

from workers_env.config.diagnostics.jsvalues import MISSING, js_json
from workers_env.config.diagnostics.sink import _Sink

_ISO_DATE = re.compile(
    r"(?P<y>[+-]\d{6}|\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?"
    r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?Z?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _is_date_string(text: str) -> bool:
    """Whether JavaScript's ``new Date(text)`` is a valid date (V8): the ISO forms exactly,
    then an approximation of V8's lenient legacy parser (``2024-1-5``, ``2024/05/01``,
    ``05/01/2024``, ``May 1 2024``, ``2024-05-01 10:00``; words before the first number are
    ignored). Day numbers are checked against 31, not the month (``2024-02-30`` is valid)."""
    text = text.strip()
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        m, d, hh, mm, ss = (iso.group(k) for k in ("m", "d", "H", "M", "S"))
        if iso.group("y") in ("-000000",):
            return False
        return (
            (m is None or 1 <= int(m) <= 12) and (d is None or 1 <= int(d) <= 31)
            and (hh is None or int(hh) <= 24) and (mm is None or int(mm) <= 59) and (ss is None or int(ss) <= 59)
        )
    tokens = re.findall(r"\d+|[A-Za-z]+|:|[^\sA-Za-z\d]", text)
    numbers: list[str] = []
    month_word = None
    time_seen = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.isdigit():
            if i + 2 < len(tokens) and tokens[i + 1] == ":" and tokens[i + 2].isdigit():  # a time
                if int(tok) > 24 or int(tokens[i + 2]) > 59:
                    return False
                i += 3
                while i + 1 < len(tokens) and tokens[i] == ":" and tokens[i + 1].isdigit():
                    i += 2
                time_seen = True
                continue
            numbers.append(tok)
        elif tok.isalpha():
            low = tok.lower()
            if low[:3] in _MONTHS and len(low) >= 3:
                month_word = _MONTHS.index(low[:3]) + 1
            elif low in ("am", "pm", "z", "utc", "gmt", "t"):
                pass
            elif numbers or month_word or time_seen:
                return False  # V8 ignores unknown words only before the first number
        elif tok in "-/,.":
            pass
        else:
            return False
        i += 1
    if not numbers:
        return False
    if any(len(n) > 6 for n in numbers):
        return False
    values = [int(n) for n in numbers]
    if month_word is not None:
        if len(values) == 1:
            return True
        day, year = (values[0], values[1]) if values[0] <= 31 else (values[1], values[0])
        return 1 <= day <= 31 and len(values) == 2
    if len(values) == 1:
        return len(numbers[0]) <= 4
    if len(values) == 2:
        year, month = values
        return len(numbers[0]) >= 3 and 1 <= month <= 12
    if len(values) == 3:
        if len(numbers[0]) >= 3:
            year, month, day = values
        else:
            month, day, year = values
            if len(numbers[2]) < 3 and year < 32:
                return False
        return 1 <= month <= 12 and 1 <= day <= 31
    return False


def _compatibility_date(sink: _Sink, name: str, value: Any) -> None:
    if value is MISSING:
        return
    if not isinstance(value, str):
        sink.error(name, f'Expected "{name}" to be of type string but got {js_json(value)}.')
        return
    if "\u2013" in value or "\u2014" in value:
        sink.error(
            name,
            f'"{name}" field should use ISO-8601 accepted hyphens (-) rather than en-dashes (\u2013) '
            "or em-dashes (\u2014).",
        )
    if not _is_date_string(re.sub("[\u2013\u2014]", "-", value)):
        sink.error(name, f'"{name}" field should be a valid ISO-8601 date (YYYY-MM-DD), but got {js_json(value)}.')
