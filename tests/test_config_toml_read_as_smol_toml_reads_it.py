"""A ``wrangler.toml`` is read as wrangler 4.168.0's smol-toml 1.9.0 reads it, not as Python's
tomllib: the same texts accepted (TOML 1.1's forms, a day past the month's end read as
JavaScript's ``Date`` reads it), the same refused, each refusal in smol-toml's words at its place
(``Invalid TOML document: ...`` and ``file:line:column``). Every expectation here is wrangler's,
measured with ``tools/wrangler/toml_parse_differential.py`` (toml69)."""

from __future__ import annotations

import datetime as dt

import pytest

from workers_env import ConfigError
from workers_env.config import load_config, read_config_file
from workers_env.config.diagnostics.jsvalues import toml_date_text


def _read(tmp_path, text: str):
    path = tmp_path / "wrangler.toml"
    path.write_text(text, encoding="utf-8")
    return read_config_file(path)


@pytest.mark.parametrize("text, value", [
    # TOML 1.1: an inline table over lines with a trailing comma, \e and \xHH escapes, no seconds
    ("a = { b = 1,\n c = 2, }\n", {"a": {"b": 1, "c": 2}}),
    ('a = "\\e\\x41"\n', {"a": "\x1bA"}),
    ("a = 07:32\n", {"a": dt.time(7, 32)}),
    ("a = 1979-05-27 07:32\n", {"a": dt.datetime(1979, 5, 27, 7, 32)}),
    # JavaScript's Date: a day up to 31 in any month runs on; milliseconds, cut
    ("a = 2024-02-30\n", {"a": dt.date(2024, 3, 1)}),
    ("a = 2023-02-29T10:00:00\n", {"a": dt.datetime(2023, 3, 1, 10)}),
    ("a = 00:32:00.999999\n", {"a": dt.time(0, 32, 0, 999000)}),
    # parseFloat: "1e+-5" passes smol-toml's scan and is read as its longest number, 1
    ("a = 1e+-5\n", {"a": 1.0}),
    # (pin69: each of these read otherwise under a hand mutation of the port, and the same by wrangler)
    ('a = "\\U0010FFFF"\n', {"a": "\U0010ffff"}),  # the last code point, past the surrogates
    ('a = """\nx"""\n', {"a": "x"}),  # a multi-line string's first line end is not its own
    ('a = """\r\nx"""\n', {"a": "x"}),
    ('a = """x""""\n', {"a": 'x"'}),  # one or two quotes before the closing three are the string's
    ('a = """x"""""\n', {"a": 'x""'}),
    ("a = 0e5\n", {"a": 0.0}),
    ("a = -inf\n", {"a": float("-inf")}),
    ("a = 0x1_2\n", {"a": 18}),
    ("a = 2000-02-29\n", {"a": dt.date(2000, 2, 29)}),  # 2000 is a leap year, 1900 is not
    ("a = 1900-02-29\n", {"a": dt.date(1900, 3, 1)}),
    ("a = 07:32:00.5\n", {"a": dt.time(7, 32, 0, 500000)}),
    ("a = { b.c = 1, b.d = 2 }\n", {"a": {"b": {"c": 1, "d": 2}}}),
    ("[[a.b]]\n[a]\nx = 1\n", {"a": {"b": [{}], "x": 1}}),  # a table made by [[a.b]]'s header is defined by [a]
    ("\ufeff\ufeffa = 1\n", {"a": 1}),  # the file's BOM, then one smol-toml skips
    ("a = 2000-03-01\n", {"a": dt.date(2000, 3, 1)}),
])
def test_accepted_as_smol_toml_reads_it(tmp_path, text, value):
    assert _read(tmp_path, text) == value


@pytest.mark.parametrize("text, message, where", [
    ("a = 012\n", "illegal leading zero", "1:4"),
    ("a = [1, 12_]\n", "unfinished numeric value", "1:8"),
    ("a = 1__2\n", "illegal underscore", "1:6"),
    ("a = 0xG\n", "illegal character in numeric literal", "1:6"),
    ("a = 2024-13-01\n", "invalid date", "1:4"),
    ("a = 2024-02-32\n", "invalid date", "1:4"),
    ("a = 2024-01-01T24:00:00\n", "invalid date", "1:4"),
    ("a = 2024-01-01T23:59:60Z\n", "invalid date", "1:4"),
    ("a = 1979-05-27T07:32:00+24:00\n", "invalid date", "1:4"),
    ("a = 1979-05-27T\n", "invalid date-time: time part is malformed", "1:4"),
    ('a = "\\uD800"\n', "invalid unicode escape", "1:5"),
    ('a = "\\U00110000"\n', "invalid unicode escape", "1:5"),
    ('a = "x\\q"\n', "unrecognised escape sequence", "1:7"),
    ("a = { b = 1, b = 2 }\n", "trying to redefine an already defined value", "1:13"),
    ("a = { b = 1 }\na.c = 2\n", "trying to redefine an already defined table or value", "2:0"),
    ("[a]\nb = 1\n[[a]]\n", "trying to redefine an already defined table or value", "3:2"),
    ("# x\x01y\na = 1\n", "control characters are not allowed in comments", "1:3"),
    ('a = "x\x7fy"\n', "control characters are not allowed in strings", "1:6"),
    ("a = 1 b = 2\n", "each key-value declaration must be followed by an end-of-line", "1:6"),
    ("a = [1, 2\n", "expected comma or end of structure", "2:0"),
    # smol-toml steps in UTF-16 units: the emoji is two, so the date's scan finds no digit where
    # it looks (counting characters, it would find one and go on to the time)
    ("a = [1979-05-\U0001f6007T7:32:00]\n", "invalid date-time: date part is malformed", "1:5"),
    # (pin69: each of these read otherwise under a hand mutation of the port, and the same by wrangler)
    ("a = 9007199254740992\n", "integer value cannot be represented losslessly", "1:4"),  # 2**53
    ("a = -9007199254740992\n", "integer value cannot be represented losslessly", "1:4"),
    ('a = "\\uDFFF"\n', "invalid unicode escape", "1:5"),
    ('a = """x\\  y"""\n', "invalid escape: only line-ending whitespace may be escaped", "1:8"),
    ("a = +0x1\n", "illegal leading zero", "1:4"),
    ("a = 0x_1\n", "illegal underscore", "1:6"),
    ("a = 0x1__2\n", "illegal underscore", "1:8"),
    ("a = 0.\n", "unfinished numeric value", "1:4"),
    ("a = 1979-05-27T07:32:00+00:60\n", "invalid date", "1:4"),
    ("a = { b = { c = 1 }, b.d = 2 }\n", "trying to redefine an already defined value", "1:21"),
    ("a = { b.c = 1, b = 2 }\n", "trying to redefine an already defined value", "1:15"),
    ("[a.b]\nx = 1\n[a]\nb.y = 2\n", "trying to redefine an already defined table or value", "4:0"),
    ("a = 1\rb = 2\n", "each key-value declaration must be followed by an end-of-line", "1:5"),
    ("a = 1 # x\ry\n", "control characters are not allowed in comments", "1:9"),
    ('"""a""" = 1\n', "illegal quoted key: multiline strings are not allowed", "1:0"),
    ("a = [1 2]\n", "expected comma or end of structure", "1:7"),
    # after a character past U+FFFF: the column counts UTF-16 units, as wrangler's
    ('k = "\U0001f600\U0001f600" x\n', "each key-value declaration must be followed by an end-of-line", "1:11"),
    ("a = 1\nb = 2 # \U0001f600\x01\n", "control characters are not allowed in comments", "2:10"),
])
def test_refused_in_smol_tomls_words_at_its_place(tmp_path, text, message, where):
    with pytest.raises(ConfigError) as caught:
        _read(tmp_path, text)
    report = str(caught.value)
    assert report.startswith(f"Invalid TOML document: {message}\n")
    assert f"wrangler.toml:{where}:" in report


def test_a_refused_file_changes_nothing(tmp_path):
    path = tmp_path / "wrangler.toml"
    path.write_text("a = 012\n")
    with pytest.raises(ConfigError):
        read_config_file(path)
    assert path.read_text() == "a = 012\n"


def test_an_offset_of_zero_keeps_its_spelling(tmp_path):
    read = _read(tmp_path, "a = 1979-05-27T07:32:00+00:00\nb = 1979-05-27T07:32:00-00:00\nc = 1979-05-27T07:32:00Z\n")
    assert [toml_date_text(read[k]) for k in "abc"] == [
        "1979-05-27T07:32:00.000+00:00", "1979-05-27T07:32:00.000-00:00", "1979-05-27T07:32:00.000Z"]


def test_a_date_in_the_year_0_is_refused_by_name(tmp_path):
    """wrangler reads 0000-01-01; Python's dates start at the year 1 (README's choice)."""
    with pytest.raises(ConfigError) as caught:
        _read(tmp_path, 'name = "w"\nd = 0000-01-01\n')
    assert "before the year 1" in str(caught.value).splitlines()[0]
    assert "wrangler.toml:2:4:" in str(caught.value)


def test_a_config_using_toml_1_1_loads(tmp_path):
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\ncompatibility_date = "2024-05-01"\n'
        'kv_namespaces = [\n  { binding = "KV",\n    id = "abc", },\n]\n')
    assert [e["binding"] for e in load_config(tmp_path / "wrangler.toml").entries("kv_namespaces")] == ["KV"]


def test_a_value_nested_1000_deep_is_read_and_1001_refused_at_the_bracket(tmp_path):
    """smol-toml reads 1000 levels of arrays and inline tables (tomllib stopped near 500)."""
    read = _read(tmp_path, "a = " + "[" * 1000 + "]" * 1000 + "\n")
    depth, value = 0, read["a"]
    while value:
        depth, value = depth + 1, value[0]
    assert depth == 999  # the innermost array is empty
    with pytest.raises(ConfigError) as caught:
        _read(tmp_path, "a = " + "[" * 1001 + "]" * 1001 + "\n")
    assert str(caught.value).startswith("Invalid TOML document: document contains excessively nested structures. aborting.")
    assert "wrangler.toml:1:1004:" in str(caught.value)
