"""JSON text as workerd's V8 writes and reads it: ``JSON.stringify``'s text of plain values, and
``JSON.parse`` -- JavaScript numbers and key order, and V8's ``SyntaxError`` texts.

Python's ``json`` parses; only when it fails is the text scanned again by V8's rules, to say
where V8 stops and in its words. Kept apart from _jsvalues.py, whose conversions never write or
parse JSON text: the config reader, bindings, their commands and the runtime import this alone.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol, cast

from workers_env._deep import ROOMY_FROM, more_room
from workers_env._errors import JsException, NotEmulatedError
from workers_env._jsvalues import js_key_order, js_length, js_number, js_string

__all__ = ["DEEP_JSON", "compact_json", "json_int", "json_syntax_error", "json_text", "parse_json",
           "surrogate_pairs_joined"]


def compact_json(value: Any) -> str:
    """``JSON.stringify(value)``: no spaces, text kept as is; NaN and Infinity (which JSON
    cannot hold) raise ``ValueError``, non-JSON values ``TypeError``."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogate_pairs_joined(text: str) -> str:
    """``text`` with every high-low pair of surrogate code points joined into the one
    character a JavaScript string holds there (as ``"\\ud83d\\ude00"`` escapes read); a lone
    surrogate stays."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _json_quote(text: str) -> str:
    """A string's JSON as well-formed ``JSON.stringify`` writes the JS string it becomes: two
    surrogate code points that form a pair are one character there, a lone one is escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    if quoted.isascii() or not _LONE_SURROGATE.search(quoted):
        return quoted
    quoted = surrogate_pairs_joined(quoted)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def json_text(tree: Any, indent: str = "", level: str = "", depth: int = 1) -> str:
    """JSON of plain values as ``JSON.stringify(tree, null, indent)`` writes it: numbers as
    JavaScript prints them (``9007199254740992``, ``-9223372036854776000``, ``1e+21``), lone
    surrogates escaped (well-formed ``JSON.stringify``). ``indent`` is the per-level string,
    ``depth`` how deep ``tree`` is (from :data:`ROOMY_FROM` levels deep it is written with
    :func:`more_room`; callers bound the depth)."""
    if depth == ROOMY_FROM and isinstance(tree, (dict, list, tuple)):
        with more_room():
            return json_text(tree, indent, level, depth + 1)
    if tree is None:
        return "null"
    if tree is True or tree is False:
        return "true" if tree else "false"
    if isinstance(tree, str):
        return _json_quote(tree)
    if isinstance(tree, int):
        return str(tree)
    if isinstance(tree, float):  # NaN and Infinity are null in JSON
        return js_string(tree) if tree == tree and tree not in (float("inf"), float("-inf")) else "null"
    inner = level + indent
    if isinstance(tree, dict):
        colon = ": " if indent else ":"
        parts = [f"{_json_quote(str(k))}{colon}{json_text(v, indent, inner, depth + 1)}" for k, v in tree.items()]
        opening, closing = "{", "}"
    else:
        parts = [json_text(v, indent, inner, depth + 1) for v in tree]
        opening, closing = "[", "]"
    if not parts:
        return opening + closing
    if not indent:
        return opening + ",".join(parts) + closing
    return f"{opening}\n{inner}" + f",\n{inner}".join(parts) + f"\n{level}{closing}"


def json_syntax_error(text: str) -> JsException:
    """``JSON.parse(text)``'s ``SyntaxError``, worded as V8 (workerd) words it; ``text`` must be
    JSON that V8 refuses (``ValueError`` otherwise): V8's own rules say where it stops."""
    message = _v8_json_error(text)
    if message is None:
        raise ValueError("V8 parses this JSON: it has no SyntaxError")
    return JsException(message, name="SyntaxError")


#: what JSON.parse of JSON too deep for Python raises (V8 parses any depth)
DEEP_JSON = "JSON.parse of JSON nested deeper than Python's recursion limit (about 1,000 levels) is not emulated by workers-env"


def json_int(digits: str) -> int | float:
    """A JSON integer as ``JSON.parse`` reads it: a double, so one past 2^53 loses precision and
    one past a double's range is Infinity, as ``1e400`` is (``json.loads``'s ``parse_int``;
    ``float`` of the text, which neither overflows nor meets ``int``'s 4,300-digit limit)."""
    return js_number(float(digits)) if len(digits) > 15 else int(digits)


def _js_object(parsed: dict[str, Any]) -> dict[str, Any]:
    """A JSON object as ``JSON.parse`` makes it: a JavaScript object, its array-index keys
    (``"0"`` .. ``"4294967294"``) first and ascending, then the others as written (a key written
    twice keeps its first place and its last value, as a dict does)."""
    if not any(key[:1].isdigit() for key in parsed):
        return parsed
    return {key: parsed[key] for key in js_key_order(parsed)}


def parse_json(text: str) -> Any:
    """``JSON.parse`` as plain data: JS numbers (integers beyond 2^53 lose precision), objects'
    keys in a JavaScript object's order (array indices first), no NaN/Infinity, V8's ``SyntaxError`` texts. Python's ``json`` parses; V8's message is worked
    out only when it fails."""

    def refuse(name: str) -> Any:
        raise json.JSONDecodeError("NaN and Infinity are not JSON", text, text.find(name))

    try:
        return json.loads(text, parse_int=json_int, parse_constant=refuse, object_hook=_js_object)
    except json.JSONDecodeError:
        pass
    except RecursionError:  # V8 parses any depth; Python's json stops where the caller's stack ends
        if _v8_json_error(text) is None:
            try:  # again with room for about 1,000 levels, whatever the caller's stack (json's C
                with more_room(frames_per_level=1):  # scanner counts one per level; C stack bounds it)
                    return json.loads(text, parse_int=json_int, parse_constant=refuse, object_hook=_js_object)
            except RecursionError:
                raise NotEmulatedError(DEEP_JSON) from None
    raise json_syntax_error(text)


# V8's JSON.parse SyntaxError messages. Python's json module parses; only when it fails does
# _v8_json_error scan the text again by the rules of V8's src/json/json-parser.cc
# (ParseJsonValueRecursive, ParseJsonObject/ParseJsonArray, ScanJsonString,
# ParseJsonNumberAsDoubleOrSmi, ScanLiteral) to find where V8 stops and what it says there
# (ReportUnexpectedToken, LookUpErrorMessageForJsonToken, GetErrorMessageWithEllipses,
# CalculateFileLocation; templates from src/common/message-template.h). Positions count UTF-16
# code units, as V8's do; the scanner keeps its own stack, so any nesting depth is checked.


class _Run(Protocol):
    """A pattern of one ``*`` run: it matches, maybe empty, at any position (never ``None``)."""

    def match(self, string: str, pos: int = ...) -> re.Match[str]: ...


_JSON_WHITESPACE = cast(_Run, re.compile(r"[ \t\r\n]*"))
_JSON_STRING_RUN = cast(_Run, re.compile(r'[^"\\\x00-\x1f]*'))  # ScanJsonString: what cannot end or escape a string
_JSON_DIGITS = cast(_Run, re.compile(r"[0-9]*"))
_JSON_HEX = frozenset("0123456789abcdefABCDEF")
_JSON_SIMPLE_ESCAPES = frozenset('"\\/bfnrt')
_JSON_LITERALS = {"t": "true", "f": "false", "n": "null"}
#: IsSpecialString: sources V8 names whole, without an "Unexpected token".
_JSON_SPECIAL = frozenset({"[object Object]", "undefined", "Infinity", "NaN"})
_JSON_MAX_CONTEXT = 10  # kMaxContextCharacters
_JSON_MIN_LENGTH_FOR_CONTEXT = 2 * _JSON_MAX_CONTEXT + 1  # kMinOriginalSourceLengthForContext

# message-template.h; each is followed by " in JSON at position % (line % column %)"
_JSON_PROPERTY_NAME_OR_RBRACE = "Expected property name or '}'"
_JSON_DOUBLE_QUOTED_NAME = "Expected double-quoted property name"
_JSON_COLON = "Expected ':' after property name"
_JSON_COMMA_OR_RBRACE = "Expected ',' or '}' after property value"
_JSON_COMMA_OR_RBRACK = "Expected ',' or ']' after array element"
_JSON_UNTERMINATED_STRING = "Unterminated string"
_JSON_BAD_ESCAPE = "Bad escaped character"
_JSON_BAD_UNICODE_ESCAPE = "Bad Unicode escape"
_JSON_BAD_CONTROL = "Bad control character in string literal"
_JSON_NO_NUMBER_AFTER_MINUS = "No number after minus sign"
_JSON_UNTERMINATED_FRACTION = "Unterminated fractional number"
_JSON_EXPONENT_MISSING = "Exponent part is missing a number"
_JSON_UNEXPECTED_NUMBER = "Unexpected number"
_JSON_UNEXPECTED_STRING = "Unexpected string"
_JSON_TRAILING = "Unexpected non-whitespace character after JSON"  # "after JSON", not "in JSON"
_JSON_UNEXPECTED = None  # marker: LookUpErrorMessageForJsonToken decides from the character


class _JsonStop(Exception):
    """Where V8's parser stops: ``pos`` (a code-point index) and its template, or ``_JSON_UNEXPECTED``."""

    def __init__(self, pos: int, template: str | None = _JSON_UNEXPECTED):
        super().__init__(pos, template)
        self.pos, self.template = pos, template


def _v8_json_error(text: str) -> str | None:
    """The message of V8's ``SyntaxError`` for ``JSON.parse(text)``; ``None`` if V8 parses it."""
    try:
        _json_scan(text)
    except _JsonStop as stop:
        return _json_message(text, stop.pos, stop.template)
    return None


def _json_scan(text: str) -> None:
    """Walk ``text`` as V8's parser does, raising :class:`_JsonStop` where V8 reports an error."""
    n, i = len(text), 0
    open_containers: list[str] = []
    while True:
        i = _JSON_WHITESPACE.match(text, i).end()
        c = text[i] if i < n else ""
        if c == "{" or c == "[":
            close = "}" if c == "{" else "]"
            i = _JSON_WHITESPACE.match(text, i + 1).end()
            if text.startswith(close, i):
                i += 1
            else:
                open_containers.append(c)
                if c == "{":
                    i = _json_property_name(text, i, first=True)
                continue  # the first member's value
        elif c == '"':
            i = _json_string(text, i + 1)
        elif c == "-" or "0" <= c <= "9":
            i = _json_number(text, i)
        elif c in _JSON_LITERALS:
            i = _json_literal(text, i, _JSON_LITERALS[c])
        else:
            raise _JsonStop(i)
        while True:  # a value is complete: close the containers it completes
            i = _JSON_WHITESPACE.match(text, i).end()
            if not open_containers:
                if i < n:
                    raise _JsonStop(i, _JSON_TRAILING)
                return
            in_object = open_containers[-1] == "{"
            if text.startswith(",", i):
                i = _json_property_name(text, i + 1, first=False) if in_object else i + 1
                break
            if text.startswith("}" if in_object else "]", i):
                open_containers.pop()
                i += 1
                continue
            raise _JsonStop(i, _JSON_COMMA_OR_RBRACE if in_object else _JSON_COMMA_OR_RBRACK)


def _json_property_name(text: str, i: int, first: bool) -> int:
    """ParseJsonObject's ``"key":`` -- the index just after the colon."""
    i = _JSON_WHITESPACE.match(text, i).end()
    if not text.startswith('"', i):
        raise _JsonStop(i, _JSON_PROPERTY_NAME_OR_RBRACE if first else _JSON_DOUBLE_QUOTED_NAME)
    i = _JSON_WHITESPACE.match(text, _json_string(text, i + 1)).end()
    if not text.startswith(":", i):
        raise _JsonStop(i, _JSON_COLON)
    return i + 1


def _json_string(text: str, i: int) -> int:
    """ScanJsonString from just after the opening quote: the index after the closing one."""
    n = len(text)
    while True:
        i = _JSON_STRING_RUN.match(text, i).end()
        if i == n:
            raise _JsonStop(i, _JSON_UNTERMINATED_STRING)
        c = text[i]
        if c == '"':
            return i + 1
        if c != "\\":
            raise _JsonStop(i, _JSON_BAD_CONTROL)
        i += 1
        if i == n or ord(text[i]) > 0xFF:  # end of input, or a character past Latin-1
            raise _JsonStop(i)
        if text[i] == "u":
            for j in range(i + 1, i + 5):
                if j == n or text[j] not in _JSON_HEX:
                    raise _JsonStop(j, _JSON_BAD_UNICODE_ESCAPE)
            i += 5
        elif text[i] in _JSON_SIMPLE_ESCAPES:
            i += 1
        else:
            raise _JsonStop(i, _JSON_BAD_ESCAPE)


def _json_number(text: str, i: int) -> int:
    """ParseJsonNumberAsDoubleOrSmi: the index after the number starting at ``i``."""
    if text.startswith("-", i):
        i += 1
    if text.startswith("0", i):
        i += 1
        if i < len(text) and "0" <= text[i] <= "9":
            raise _JsonStop(i, _JSON_UNEXPECTED_NUMBER)  # no leading zeros
    else:
        end = _JSON_DIGITS.match(text, i).end()
        if end == i:
            raise _JsonStop(i, _JSON_NO_NUMBER_AFTER_MINUS)
        i = end
    if text.startswith(".", i):
        end = _JSON_DIGITS.match(text, i + 1).end()
        if end == i + 1:
            raise _JsonStop(end, _JSON_UNTERMINATED_FRACTION)
        i = end
    if text.startswith(("e", "E"), i):
        i += 2 if text.startswith(("+", "-"), i + 1) else 1
        end = _JSON_DIGITS.match(text, i).end()
        if end == i:
            raise _JsonStop(i, _JSON_EXPONENT_MISSING)
        i = end
    return i


def _json_literal(text: str, i: int, word: str) -> int:
    """ScanLiteral: past ``word``, else stop at the first character that differs (or the end)."""
    for k in range(1, len(word)):
        if not text.startswith(word[k], i + k):
            raise _JsonStop(i + k)
    return i + len(word)


def _json_message(text: str, pos: int, template: str | None) -> str:
    """ReportUnexpectedToken's message for a stop at code-point index ``pos``."""
    if template is _JSON_UNEXPECTED:  # LookUpErrorMessageForJsonToken, by the character's JsonToken
        c = text[pos : pos + 1]
        if not c:
            return "Unexpected end of JSON input"
        if c != '"' and c != "-" and not "0" <= c <= "9":
            return _json_unexpected_token(text, pos)
        template = _JSON_UNEXPECTED_STRING if c == '"' else _JSON_UNEXPECTED_NUMBER
    line, column = _json_line_and_column(text, pos)
    where = "" if template is _JSON_TRAILING else " in JSON"
    return f"{template}{where} at position {_utf16_index(text, pos)} (line {line} column {column})"


def _json_unexpected_token(text: str, pos: int) -> str:
    """IsSpecialString's or GetErrorMessageWithEllipses's message: the character (one UTF-16
    unit) and the source, cut to 10 units either side of it once it has 21 or more."""
    if text in _JSON_SPECIAL:
        return f'"{text}" is not valid JSON'
    units = text.encode("utf-16-le", "surrogatepass")
    length, at = len(units) // 2, _utf16_index(text, pos)
    token = units[2 * at : 2 * at + 2].decode("utf-16-le", "surrogatepass")
    if length < _JSON_MIN_LENGTH_FOR_CONTEXT:
        return f"Unexpected token '{token}', \"{text}\" is not valid JSON"
    start, end = max(at - _JSON_MAX_CONTEXT, 0), min(at + _JSON_MAX_CONTEXT, length)
    context = units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")
    before = "..." if at >= _JSON_MAX_CONTEXT else ""
    after = "..." if at < length - _JSON_MAX_CONTEXT else ""
    return f"Unexpected token '{token}', {before}\"{context}\"{after} is not valid JSON"


def _json_line_and_column(text: str, pos: int) -> tuple[int, int]:
    """CalculateFileLocation: 1-based line and column (in UTF-16 units) of ``pos``; ``\\r\\n``,
    ``\\r`` and ``\\n`` each end a line."""
    before = text[:pos]
    line = 1 + before.count("\n") + before.count("\r") - before.count("\r\n")
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, 1 + _utf16_index(before, pos) - _utf16_index(before, line_start)


def _utf16_index(text: str, pos: int) -> int:
    """The UTF-16 offset of code-point index ``pos``: characters past U+FFFF count twice."""
    return js_length(text[:pos])
