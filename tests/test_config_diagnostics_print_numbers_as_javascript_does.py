"""A number in a config diagnostic is printed as wrangler prints it -- JavaScript's ``String(n)``
and ``JSON.stringify`` (ECMAScript's Number::toString) -- not as Python's ``repr``: ``1e-7`` (not
``1e-07``), ``0.000001`` (not ``1e-06``), ``123456789012345680000`` (not ``1.2345678901234568e+20``),
``0`` for -0. Expectations measured with wrangler 4.168.0 (``config_corpus_numbers.py`` in
``tools/wrangler/config_diff.py``, toml69). ``js_string`` itself is held to the standard's rules,
written here from the shortest round-trip digits Python's ``repr`` finds."""

from __future__ import annotations

import math
import struct
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from workers_env._jsvalues import js_string
from workers_env.config import check_config

TOP = '"name": "w", "main": "a.js", "compatibility_date": "2024-09-23"'


def _lines(tmp_path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text)
    report = check_config(tmp_path / name)
    return [line.strip() for line in report.render(cwd=tmp_path).splitlines() if line.strip()]


def test_a_string_field_holding_a_small_number(tmp_path):
    lines = _lines(tmp_path, "wrangler.json", "{" + TOP + ', "account_id": 1e-7}')
    assert '- Expected "account_id" to be of type string but got 1e-7.' in lines


def test_a_toml_number_below_1e_minus_6_and_at_it(tmp_path):
    lines = _lines(tmp_path, "wrangler.toml", 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n'
                                              "account_id = 0.000001\nworkers_dev = -1.5e-7\n")
    assert '- Expected "account_id" to be of type string but got 0.000001.' in lines
    assert '- Expected "workers_dev" to be of type boolean but got -1.5e-7.' in lines


def test_a_binding_entry_printed_as_json(tmp_path):
    lines = _lines(tmp_path, "wrangler.json", "{" + TOP + ', "kv_namespaces": [{"binding": 2.5e-7, "id": "a"}]}')
    assert '- "kv_namespaces[0]" bindings should have a string "binding" field but got {"binding":2.5e-7,"id":"a"}.' in lines


def test_routes_printed_as_indented_json(tmp_path):
    lines = _lines(tmp_path, "wrangler.json", "{" + TOP + ', "routes": [1e-7, 123456789012345680000, -0.0]}')
    opening = next(i for i, line in enumerate(lines) if line.endswith("but these weren't valid: ["))
    assert lines[opening + 1:opening + 5] == ["1e-7,", "123456789012345680000,", "0", "]."]


def _standard(x: float) -> str:
    """Number::toString(x) (ECMA-262 6.1.6.1.20) from the shortest round-trip digits."""
    if math.isnan(x):
        return "NaN"
    if x == 0:
        return "0"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x < 0:
        return "-" + _standard(-x)
    _, digits_tuple, exponent = Decimal(repr(x)).normalize().as_tuple()
    digits = "".join(map(str, digits_tuple))
    k, n = len(digits), int(exponent) + len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    e = n - 1
    return (digits[0] + ("." + digits[1:] if k > 1 else "")) + "e" + ("+" if e > 0 else "-") + str(abs(e))


@settings(max_examples=3000, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_js_string_is_number_to_string(x):
    assert js_string(x) == _standard(x)


@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1))
def test_js_string_of_any_bit_pattern(bits):
    x = struct.unpack("<d", struct.pack("<Q", bits))[0]
    assert js_string(x) == _standard(x)


def test_the_boundaries_of_the_positional_form():
    assert [js_string(x) for x in (1e-6, 1e-7, 1.5e-7, 1e20, 1e21, 123456789012345680000.0, -0.0, 5e-324)] == [
        "0.000001", "1e-7", "1.5e-7", "100000000000000000000", "1e+21", "123456789012345680000", "0", "5e-324"]
