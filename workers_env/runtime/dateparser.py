"""V8's ``DateParser`` (src/date/dateparser.h, dateparser.cc, dateparser-inl.h), which
``Date.parse`` and ``new Date(string)`` use in workerd: the ES5 ISO form first, then, for what is
left, V8's legacy parser -- any word before the first number ignored, text in parentheses
ignored, numbers with ``:`` a time, other numbers a day, month names by their first three
letters, ``am``/``pm``, the zone names ``UT``/``UTC``/``GMT``/``Z`` and the US ones
(``EST`` ... ``PDT``), ``+hh``/``+hhmm``/``+hh:`` offsets after a time or ``UTC``; missing day
parts are 1, so a lone number is a year when it cannot be a day and a month else (``"2030"`` is
2030-01-01, ``"12"`` 2001-12-01, ``"Oct 21"`` 2001-10-21). :func:`parse_components` gives what
V8's ``Parse`` writes into its output array.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DateComponents", "parse_components"]

_NONE = 0x7FFFFFFF  # V8's kNone
_MAX_SIGNIFICANT_DIGITS = 9
_MAX_SMI = 2**30 - 1  # a total UTC offset beyond V8's Smi range is refused (31-bit Smis: pointer compression)

# token tags: V8's TagType, and the keyword types it stores in the tag
_INVALID, _UNKNOWN, _WHITESPACE, _NUMBER, _SYMBOL, _END = -6, -5, -4, -3, -2, -1
_KW_INVALID, _MONTH_NAME, _TIME_ZONE_NAME, _TIME_SEPARATOR, _AM_PM = 0, 1, 2, 3, 4

#: V8's KeywordTable: (three-letter prefix, type, value); a word longer than its keyword matches
#: only a month name
_KEYWORDS = (
    *((name, _MONTH_NAME, i + 1) for i, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))),
    ("am", _AM_PM, 0), ("pm", _AM_PM, 12),
    ("ut", _TIME_ZONE_NAME, 0), ("utc", _TIME_ZONE_NAME, 0), ("z", _TIME_ZONE_NAME, 0), ("gmt", _TIME_ZONE_NAME, 0),
    ("cdt", _TIME_ZONE_NAME, -5), ("cst", _TIME_ZONE_NAME, -6), ("edt", _TIME_ZONE_NAME, -4),
    ("est", _TIME_ZONE_NAME, -5), ("mdt", _TIME_ZONE_NAME, -6), ("mst", _TIME_ZONE_NAME, -7),
    ("pdt", _TIME_ZONE_NAME, -7), ("pst", _TIME_ZONE_NAME, -8),
    ("t", _TIME_SEPARATOR, 0),
)

#: V8's IsWhiteSpace (WhiteSpace of the spec) and IsLineTerminator
_WHITE_SPACE = frozenset("\t\v\f \u00a0\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                         "\u200a\u202f\u205f\u3000")
_LINE_TERMINATORS = frozenset("\n\r\u2028\u2029")


@dataclass(frozen=True)
class DateComponents:
    """V8's output array: ``month`` 0-based; ``utc_offset`` in seconds, None for local time."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int
    millisecond: int
    utc_offset: int | None


@dataclass(frozen=True)
class _Token:
    tag: int
    length: int
    value: int | str

    def is_symbol(self, symbol: str) -> bool:
        return self.tag == _SYMBOL and self.value == symbol

    def is_sign(self) -> bool:
        return self.tag == _SYMBOL and self.value in ("+", "-")

    def is_keyword(self) -> bool:
        return self.tag >= 0

    def is_number(self, length: int | None = None) -> bool:
        return self.tag == _NUMBER and (length is None or self.length == length)

    def is_keyword_z(self) -> bool:
        return self.tag == _TIME_ZONE_NAME and self.length == 1 and self.value == 0


class _Tokenizer:
    """V8's InputReader and DateStringTokenizer: one token of lookahead."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.next_token = self._scan()

    def _char(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def next(self) -> _Token:
        token, self.next_token = self.next_token, self._scan()
        return token

    def peek(self) -> _Token:
        return self.next_token

    def skip_symbol(self, symbol: str) -> bool:
        if self.next_token.is_symbol(symbol):
            self.next_token = self._scan()
            return True
        return False

    def _scan(self) -> _Token:
        start, c = self.pos, self._char()
        if not c or c == "\0":  # V8 reads a NUL as the end
            return _Token(_END, 0, -1)
        if "0" <= c <= "9":
            while self._char() == "0":
                self.pos += 1
            value = digits = 0
            while "0" <= self._char() <= "9":
                if digits < _MAX_SIGNIFICANT_DIGITS:
                    value = value * 10 + ord(self._char()) - 48
                digits += 1
                self.pos += 1
            return _Token(_NUMBER, self.pos - start, value)
        if c in ":-+.)":
            self.pos += 1
            return _Token(_SYMBOL, 1, c)
        if c >= "A" and c not in _WHITE_SPACE:
            prefix: list[str] = []
            while self._char() >= "A" and self._char() not in _WHITE_SPACE:
                if len(prefix) < 3:
                    prefix.append(chr(ord(self._char()) | 0x20))  # AsciiAlphaToLower, as V8 applies it to any char
                self.pos += 1
            word, length = "".join(prefix), self.pos - start
            for name, kind, value in _KEYWORDS:
                if name == word and (length <= 3 or kind == _MONTH_NAME):
                    return _Token(kind, length, value)
            return _Token(_KW_INVALID, length, 0)
        if c in _WHITE_SPACE or c in _LINE_TERMINATORS:
            self.pos += 1
            return _Token(_WHITESPACE, 1, -1)
        if c == "(":
            balance = 0
            while True:
                ch = self._char()
                if ch == ")":
                    balance -= 1
                elif ch == "(":
                    balance += 1
                self.pos += 1
                if not (balance > 0 and self._char() and self._char() != "\0"):
                    break
            return _Token(_UNKNOWN, 1, -1)
        self.pos += 1
        return _Token(_UNKNOWN, 1, -1)


def _milliseconds(token: _Token) -> int:
    """V8's ReadMilliseconds: the first three significant digits of the numeral."""
    number, length = int(token.value), token.length
    if length == 1:
        return number * 100
    if length == 2:
        return number * 10
    if length > 3:
        number //= 10 ** (min(length, _MAX_SIGNIFICANT_DIGITS) - 3)
    return number


class _Day:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.named_month = _NONE
        self.iso = False

    def add(self, n: int) -> bool:
        if len(self.comp) < 3:
            self.comp.append(n)
            return True
        return False

    def write(self) -> tuple[int, int, int] | None:
        if not self.comp:
            return None
        comp = self.comp + [1] * (3 - len(self.comp))  # V8 pads to three before it looks: "12" is 2001-12-01
        if self.named_month == _NONE:
            if self.iso or not 1 <= comp[0] <= 31:
                year, month, day = comp
            else:
                month, day, year = comp
        else:
            month = self.named_month
            if not 1 <= comp[0] <= 31:
                year, day = comp[0], comp[1]
            else:
                day, year = comp[0], comp[1]
        if not self.iso:
            if 0 <= year <= 49:
                year += 2000
            elif 50 <= year <= 99:
                year += 1900
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return year, month - 1, day


class _Time:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.hour_offset = _NONE

    def empty(self) -> bool:
        return not self.comp

    def expecting(self, n: int) -> bool:
        index = len(self.comp)
        return (index == 1 and 0 <= n <= 59) or (index == 2 and 0 <= n <= 59) or (index == 3 and 0 <= n <= 999)

    def add(self, n: int) -> bool:
        if len(self.comp) < 4:
            self.comp.append(n)
            return True
        return False

    def add_final(self, n: int) -> bool:
        if not self.add(n):
            return False
        self.comp += [0] * (4 - len(self.comp))
        return True

    def write(self) -> tuple[int, int, int, int] | None:
        hour, minute, second, ms = self.comp + [0] * (4 - len(self.comp))
        if self.hour_offset != _NONE:
            if not 0 <= hour <= 12:
                return None
            hour = hour % 12 + self.hour_offset
        if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59 and 0 <= ms <= 999):
            if hour != 24 or minute or second or ms:
                return None
        return hour, minute, second, ms


class _Zone:
    def __init__(self) -> None:
        self.sign = self.hour = self.minute = _NONE

    def set(self, offset_hours: int) -> None:
        self.sign = -1 if offset_hours < 0 else 1
        self.hour, self.minute = offset_hours * self.sign, 0

    def expecting(self, n: int) -> bool:
        return self.hour != _NONE and self.minute == _NONE and 0 <= n <= 59

    def is_utc(self) -> bool:
        return self.hour == 0 and self.minute == 0

    def write(self) -> tuple[bool, int | None]:
        if self.sign == _NONE:
            return True, None
        hour = 0 if self.hour == _NONE else self.hour
        minute = 0 if self.minute == _NONE else self.minute
        total = hour * 3600 + minute * 60
        if total > _MAX_SMI:
            return False, None
        return True, -total if self.sign < 0 else total


def _es5(scanner: _Tokenizer, day: _Day, time: _Time, tz: _Zone) -> _Token:
    """V8's ParseES5DateTime: the next token for the legacy parser, END when it read it all,
    INVALID when the string cannot be a date."""
    if scanner.peek().is_sign():
        sign_token = scanner.next()
        if not scanner.peek().is_number(6):
            return sign_token
        sign = 1 if sign_token.value == "+" else -1
        year = int(scanner.next().value)
        if sign < 0 and year == 0:
            return sign_token
        day.add(sign * year)
    elif scanner.peek().is_number(4):
        day.add(int(scanner.next().value))
    else:
        return scanner.next()
    if scanner.skip_symbol("-"):
        if not scanner.peek().is_number(2) or not 1 <= int(scanner.peek().value) <= 12:
            return scanner.next()
        day.add(int(scanner.next().value))
        if scanner.skip_symbol("-"):
            if not scanner.peek().is_number(2) or not 1 <= int(scanner.peek().value) <= 31:
                return scanner.next()
            day.add(int(scanner.next().value))
    if scanner.peek().tag != _TIME_SEPARATOR:
        if scanner.peek().tag != _END:
            return scanner.next()
    else:
        scanner.next()
        if not scanner.peek().is_number(2) or not 0 <= int(scanner.peek().value) <= 24:
            return _Token(_INVALID, 0, -1)
        hour_is_24 = scanner.peek().value == 24
        time.add(int(scanner.next().value))
        if not scanner.skip_symbol(":"):
            return _Token(_INVALID, 0, -1)
        if not scanner.peek().is_number(2) or not 0 <= int(scanner.peek().value) <= 59 or (
                hour_is_24 and int(scanner.peek().value) > 0):
            return _Token(_INVALID, 0, -1)
        time.add(int(scanner.next().value))
        if scanner.skip_symbol(":"):
            if not scanner.peek().is_number(2) or not 0 <= int(scanner.peek().value) <= 59 or (
                    hour_is_24 and int(scanner.peek().value) > 0):
                return _Token(_INVALID, 0, -1)
            time.add(int(scanner.next().value))
            if scanner.skip_symbol("."):
                if not scanner.peek().is_number() or (hour_is_24 and int(scanner.peek().value) > 0):
                    return _Token(_INVALID, 0, -1)
                time.add(_milliseconds(scanner.next()))
        if scanner.peek().is_keyword_z():
            scanner.next()
            tz.set(0)
        elif scanner.peek().is_sign():
            tz.sign = 1 if scanner.next().value == "+" else -1
            if scanner.peek().is_number(4):
                hour, minute = divmod(int(scanner.next().value), 100)
                if not (0 <= hour <= 23 and 0 <= minute <= 59):
                    return _Token(_INVALID, 0, -1)
                tz.hour, tz.minute = hour, minute
            else:
                if not scanner.peek().is_number(2) or not 0 <= int(scanner.peek().value) <= 23:
                    return _Token(_INVALID, 0, -1)
                tz.hour = int(scanner.next().value)
                if not scanner.skip_symbol(":"):
                    return _Token(_INVALID, 0, -1)
                if not scanner.peek().is_number(2) or not 0 <= int(scanner.peek().value) <= 59:
                    return _Token(_INVALID, 0, -1)
                tz.minute = int(scanner.next().value)
        if scanner.peek().tag != _END:
            return _Token(_INVALID, 0, -1)
    if tz.hour == _NONE and time.empty():  # a date-only form is UTC
        tz.set(0)
    day.iso = True
    return _Token(_END, 0, -1)


def parse_components(text: str) -> DateComponents | None:
    """V8's ``DateParser::Parse``; None where it fails (``Date.parse`` is then NaN)."""
    scanner = _Tokenizer(text)
    tz, time, day = _Zone(), _Time(), _Day()
    token = _es5(scanner, day, time, tz)
    if token.tag == _INVALID:
        return None
    has_read_number = bool(day.comp)
    while token.tag != _END:
        if token.tag == _NUMBER:
            has_read_number = True
            n = int(token.value)
            if scanner.skip_symbol(":"):
                if scanner.skip_symbol(":"):  # n + "::"
                    if not time.empty():
                        return None
                    time.add(n)
                    time.add(0)
                else:  # n + ":"
                    if not time.add(n):
                        return None
                    if scanner.peek().is_symbol("."):
                        scanner.next()
            elif scanner.skip_symbol(".") and time.expecting(n):
                time.add(n)
                if not scanner.peek().is_number():
                    return None
                time.add_final(_milliseconds(scanner.next()))
            elif tz.expecting(n):
                tz.minute = n
            elif time.expecting(n):
                time.add_final(n)
                peek = scanner.peek()
                if peek.tag not in (_END, _WHITESPACE) and not peek.is_keyword_z() and not peek.is_sign():
                    return None
            else:
                if not day.add(n):
                    return None
                scanner.skip_symbol("-")
        elif token.is_keyword():
            if token.tag == _AM_PM and not time.empty():
                time.hour_offset = int(token.value)
            elif token.tag == _MONTH_NAME:
                day.named_month = int(token.value)
                scanner.skip_symbol("-")
            elif token.tag == _TIME_ZONE_NAME and has_read_number:
                tz.set(int(token.value))
            else:
                if has_read_number:  # a garbage word after a number
                    return None
                if scanner.peek().is_number():  # a garbage word must be separated from the first number
                    return None
        elif token.is_sign() and (tz.is_utc() or not time.empty()):
            tz.sign = 1 if token.value == "+" else -1
            n = length = 0
            if scanner.peek().is_number():
                following = scanner.next()
                n, length = int(following.value), following.length
            has_read_number = True
            if scanner.peek().is_symbol(":"):
                tz.hour, tz.minute = n, _NONE
            elif length in (1, 2):
                tz.hour, tz.minute = n, 0
            elif length in (3, 4):
                tz.hour, tz.minute = divmod(n, 100)
            else:
                return None
        elif (token.is_sign() or token.is_symbol(")")) and has_read_number:
            return None
        token = scanner.next()
    written_day, written_time = day.write(), time.write() if day.comp else None
    if written_day is None or written_time is None:
        return None
    ok, offset = tz.write()
    if not ok:
        return None
    return DateComponents(*written_day, *written_time, offset)
