"""``JSON.parse``'s ``SyntaxError`` messages, word for word as workerd's V8 words them.

"workerd" cases are outputs of wrangler 4.164's workerd; "V8" cases follow V8's
src/json/json-parser.cc (the function named beside each) and src/common/message-template.h.
"""

from __future__ import annotations

import pytest

from workers_env import JsException, NotEmulatedError, js
from workers_env.runtime.jsproxy import jsnull

EMOJI = "\U0001f600"  # two UTF-16 code units in V8
HIGH = "\ud83d"  # its first code unit: what V8 shows as the unexpected token

CASES = [
    # workerd's actual outputs
    ('{"a":1,}', "Expected double-quoted property name in JSON at position 7 (line 1 column 8)"),
    ("{'a':1}", "Expected property name or '}' in JSON at position 1 (line 1 column 2)"),
    ("NaN", '"NaN" is not valid JSON'),
    ('"abc', "Unterminated string in JSON at position 4 (line 1 column 5)"),
    ('{"a":1} x', "Unexpected non-whitespace character after JSON at position 8 (line 1 column 9)"),
    ("[1,2", "Expected ',' or ']' after array element in JSON at position 4 (line 1 column 5)"),
    ("tru", "Unexpected end of JSON input"),
    ('{"a" 1}', "Expected ':' after property name in JSON at position 5 (line 1 column 6)"),
    ("01", "Unexpected number in JSON at position 1 (line 1 column 2)"),
    ('"\\x"', "Bad escaped character in JSON at position 2 (line 1 column 3)"),
    ("1e", "Exponent part is missing a number in JSON at position 2 (line 1 column 3)"),
    ("{a:1}", "Expected property name or '}' in JSON at position 1 (line 1 column 2)"),
    ('"a\tb"', "Bad control character in string literal in JSON at position 2 (line 1 column 3)"),
    ("", "Unexpected end of JSON input"),
    ("[1,]", "Unexpected token ']', \"[1,]\" is not valid JSON"),
    ("undefined", '"undefined" is not valid JSON'),
    # V8: IsSpecialString
    ("Infinity", '"Infinity" is not valid JSON'),
    ("[object Object]", '"[object Object]" is not valid JSON'),
    # V8: ParseJsonNumberAsDoubleOrSmi
    ("-Infinity", "No number after minus sign in JSON at position 1 (line 1 column 2)"),
    ("-", "No number after minus sign in JSON at position 1 (line 1 column 2)"),
    ("-01", "Unexpected number in JSON at position 2 (line 1 column 3)"),
    ("1.", "Unterminated fractional number in JSON at position 2 (line 1 column 3)"),
    ("[1.x]", "Unterminated fractional number in JSON at position 3 (line 1 column 4)"),
    ("1e+", "Exponent part is missing a number in JSON at position 3 (line 1 column 4)"),
    ("[1 2]", "Expected ',' or ']' after array element in JSON at position 3 (line 1 column 4)"),
    # V8: ScanJsonString / ScanUnicodeCharacter
    ('"\\u12G4"', "Bad Unicode escape in JSON at position 5 (line 1 column 6)"),
    ('"\\u12', "Bad Unicode escape in JSON at position 5 (line 1 column 6)"),
    ('"\\', "Unexpected end of JSON input"),
    ('"\\\u00e9"', "Bad escaped character in JSON at position 2 (line 1 column 3)"),  # Latin-1: illegal escape
    ('"\\\u03c0"', "Unexpected token '\u03c0', \"\"\\\u03c0\"\" is not valid JSON"),  # past Latin-1: a token
    ('"\x00"', "Bad control character in string literal in JSON at position 1 (line 1 column 2)"),
    ('{"a\\x":1}', "Bad escaped character in JSON at position 4 (line 1 column 5)"),  # keys scan alike
    # V8: ParseJsonObject / ParseJsonArray / ParseJsonValueRecursive / ParseJson
    ("{", "Expected property name or '}' in JSON at position 1 (line 1 column 2)"),
    ('{"a":1', "Expected ',' or '}' after property value in JSON at position 6 (line 1 column 7)"),
    ('{"a":1 "b":2}', "Expected ',' or '}' after property value in JSON at position 7 (line 1 column 8)"),
    ('{"a":1,"b" 2}', "Expected ':' after property name in JSON at position 11 (line 1 column 12)"),
    ('["a" "b"]', "Expected ',' or ']' after array element in JSON at position 5 (line 1 column 6)"),
    ("[", "Unexpected end of JSON input"),
    (" \t\r\n", "Unexpected end of JSON input"),
    ('{"a":}', "Unexpected token '}', \"{\"a\":}\" is not valid JSON"),
    ('"a" "b"', "Unexpected non-whitespace character after JSON at position 4 (line 1 column 5)"),
    ("[1,2] ]", "Unexpected non-whitespace character after JSON at position 6 (line 1 column 7)"),
    ("hello", "Unexpected token 'h', \"hello\" is not valid JSON"),
    # V8: ScanLiteral
    ("trux", "Unexpected token 'x', \"trux\" is not valid JSON"),
    ("nul1", "Unexpected number in JSON at position 3 (line 1 column 4)"),
    ('tr"', "Unexpected string in JSON at position 2 (line 1 column 3)"),
    # V8: GetErrorMessageWithEllipses -- the whole source below 21 code units, else 10 either side
    ("[" + "1," * 9 + "x", "Unexpected token 'x', \"[1,1,1,1,1,1,1,1,1,x\" is not valid JSON"),
    ("[" + "1," * 9 + "x]", "Unexpected token 'x', ...\"1,1,1,1,1,x]\" is not valid JSON"),
    ("x" + " " * 20, "Unexpected token 'x', \"x         \"... is not valid JSON"),
    (" " * 10 + "x" + " " * 10, "Unexpected token 'x', ...\"          x         \"... is not valid JSON"),
    ('{"key": "value", "other": tru, "more": 1}',
     "Unexpected token ',', ...\"ther\": tru, \"more\": \"... is not valid JSON"),
    ('[[[{"a":[1,2,{"b":[}]}]]]', "Unexpected token '}', ...\"1,2,{\"b\":[}]}]]]\" is not valid JSON"),
    # V8 counts UTF-16 code units: positions, columns, the token and the context's cut
    (f'["{EMOJI}" 1]', "Expected ',' or ']' after array element in JSON at position 6 (line 1 column 7)"),
    (f"[{EMOJI}]", f"Unexpected token '{HIGH}', \"[{EMOJI}]\" is not valid JSON"),
    (EMOJI * 11, f"Unexpected token '{HIGH}', \"{EMOJI * 5}\"... is not valid JSON"),
    ("[" + "1," * 10 + f" {EMOJI}]", f"Unexpected token '{HIGH}', ...\",1,1,1,1, {EMOJI}]\" is not valid JSON"),
    (f'["aaa", y, "x{EMOJI * 10}"]', f"Unexpected token 'y', \"[\"aaa\", y, \"x{EMOJI * 2}{HIGH}\"... is not valid JSON"),
    # V8: CalculateFileLocation -- \n, \r and \r\n each end a line
    ('{\n  "a": 1,\n  "b": 2,\n}', "Expected double-quoted property name in JSON at position 22 (line 4 column 1)"),
    ("[1,\r\n2\r\n3]", "Expected ',' or ']' after array element in JSON at position 8 (line 3 column 1)"),
    ("[1,\r2\r3]", "Expected ',' or ']' after array element in JSON at position 6 (line 3 column 1)"),
    (f'["{EMOJI}",\n "{EMOJI}" x]', "Expected ',' or ']' after array element in JSON at position 13 (line 2 column 7)"),
    # nested past Python's recursion limit: still V8's message
    ("[" * 5000 + "]" * 4999, "Expected ',' or ']' after array element in JSON at position 9999 (line 1 column 10000)"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_syntax_error_message_is_v8s(text: str, expected: str) -> None:
    with pytest.raises(JsException) as err:
        js.JSON.parse(text)
    assert err.value.name == "SyntaxError"
    assert err.value.message == expected


def test_argument_is_converted_to_a_string_first() -> None:
    assert js.JSON.parse(jsnull) is js.JSON.parse("null")  # JSON.parse(null) parses "null"
    for call in (lambda: js.JSON.parse(), lambda: js.JSON.parse(None)):  # undefined is "undefined"
        with pytest.raises(JsException) as err:
            call()
        assert (err.value.name, err.value.message) == ("SyntaxError", '"undefined" is not valid JSON')
    with pytest.raises(JsException, match=r'^SyntaxError: "\[object Object\]" is not valid JSON$'):
        js.JSON.parse(js.JSON.parse("{}"))  # an object is "[object Object]"


def test_valid_json_nested_past_pythons_limit_is_not_emulated() -> None:
    # 100,000: past every supported Python's json (3.13's C scanner reads 5,000 levels)
    with pytest.raises(NotEmulatedError, match="nested deeper"):
        js.JSON.parse("[" * 100_000 + "]" * 100_000)
