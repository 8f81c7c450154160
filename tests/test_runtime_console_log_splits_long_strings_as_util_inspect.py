"""``console.log`` of a value holding a long string writes it as workerd's ``util.inspect``
(``formatPrimitive``) does: a string longer than 16 UTF-16 code units and than the line's room
(80 less its indentation less 4) is split after each newline, each piece quoted, joined by
`` +`` and a new line indented two more -- so the value spreads over lines; past 10,000 code units
it is cut there with ``... N more characters`` after it. The expected lines are ``wrangler dev``
4.164.0's for a JavaScript Worker logging the same values (workers-env wrote each string on one
line, whole, before)."""

from __future__ import annotations

import json

from workers_env import js

LONG = "line one of a long text\nline two of a long text\nline three of a long text that runs on\n"
CASES = [  # (label, JSON of the value)
    ("L1", [LONG]),
    ("L2", {"text": LONG, "n": 1}),
    ("L3", {"outer": {"inner": LONG}}),
    ("L4", ["a\nb\nc", "x" * 70 + "\nend"]),
    ("L6", {"a": [LONG, {"b": LONG}]}),
    ("L7", ["y" * 100]),
    ("L9", {"k": "no newline but quite a long string that is longer than the break length of eighty"}),
    ("L10", {"t": "ends with newline and is long enough to be split by inspect\n"}),
    ("L11", ["\n" * 3 + "q" * 80]),
    ("L12", [["deep " + LONG]]),
    ("L15", [LONG, 1, 2, 3, 4, 5, 6, 7]),
    ("M3", ["\U0001F600" * 30 + "\n" + "d" * 10]),  # 71 code units: one line
    ("M4", ["\U0001F600" * 40 + "\n" + "d" * 10]),  # 91 code units (51 code points): split
]
WRANGLER = r"""L1 [
  'line one of a long text\n' +
    'line two of a long text\n' +
    'line three of a long text that runs on\n'
]
L2 {
  text: 'line one of a long text\n' +
    'line two of a long text\n' +
    'line three of a long text that runs on\n',
  n: 1
}
L3 {
  outer: {
    inner: 'line one of a long text\n' +
      'line two of a long text\n' +
      'line three of a long text that runs on\n'
  }
}
L4 [
  'a\nb\nc',
  'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nend'
]
L6 {
  a: [
    'line one of a long text\n' +
      'line two of a long text\n' +
      'line three of a long text that runs on\n',
    {
      b: 'line one of a long text\n' +
        'line two of a long text\n' +
        'line three of a long text that runs on\n'
    }
  ]
}
L7 [
  'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'
]
L9 {
  k: 'no newline but quite a long string that is longer than the break length of eighty'
}
L10 { t: 'ends with newline and is long enough to be split by inspect\n' }
L11 [
  '\n' +
    '\n' +
    '\n' +
    'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq'
]
L12 [
  [
    'deep line one of a long text\n' +
      'line two of a long text\n' +
      'line three of a long text that runs on\n'
  ]
]
L15 [
  'line one of a long text\n' +
    'line two of a long text\n' +
    'line three of a long text that runs on\n',
  1,
  2,
  3,
  4,
  5,
  6,
  7
]
M3 [
  '\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\ndddddddddd'
]
M4 [
  '""" + "\U0001F600" * 40 + r"""\n' +
    'dddddddddd'
]
"""


def test_long_strings_with_newlines_are_split_as_wrangler_dev_prints_them(capsys):
    for label, value in CASES:
        js.console.log(label, js.JSON.parse(json.dumps(value)))
    expected = WRANGLER.replace("\\U0001F600", "\U0001F600")
    assert capsys.readouterr().out == expected


def test_map_keys_and_values_and_set_items_are_split_too(capsys):
    js.console.log("L5", js.Map.new([[LONG, LONG]]))
    js.console.log("L14", js.Set.new([LONG]))
    assert capsys.readouterr().out == r"""L5 Map(1) {
  'line one of a long text\n' +
    'line two of a long text\n' +
    'line three of a long text that runs on\n' => 'line one of a long text\n' +
    'line two of a long text\n' +
    'line three of a long text that runs on\n'
}
L14 Set(1) {
  'line one of a long text\n' +
    'line two of a long text\n' +
    'line three of a long text that runs on\n'
}
"""


def test_past_ten_thousand_code_units_a_string_is_cut(capsys):
    js.console.log("M1", js.JSON.parse(json.dumps(["a" * 10005])))
    js.console.log("M2", js.JSON.parse(json.dumps({"k": "b" * 10001 + "\n" + "c" * 20})))
    js.console.log("top", "t" * 10005)  # printed as it is: no cut
    assert capsys.readouterr().out.splitlines() == [
        "M1 [", f"  '{'a' * 10000}'... 5 more characters", "]",
        "M2 {", f"  k: '{'b' * 10000}'... 22 more characters", "}",
        "top " + "t" * 10005]
