"""Edges of ``js.Symbol`` and ``js.String`` as Pyodide 0.26.0a4, 0.26.2 and 0.28.2 give them under
Node (tools/pyodide/pyodide_cases.py ``conversion-functions``): the well-known symbols
(``Symbol.iterator`` -- ``Symbol(Symbol.iterator)`` -- and the rest, not in the ``for``
registry); ``len()`` of a ``new String`` (its ``length``, in UTF-16 code units); ``String()``'s
answer as JavaScript hands a string back, a surrogate pair sent as two Python characters coming
back as one (a lone surrogate as itself). Before, ``js.Symbol.iterator`` was an AttributeError,
``len(js.String.new("ab"))`` a TypeError and ``String("\\ud83d\\ude00")`` two characters."""

from __future__ import annotations

from workers_env import js


def test_the_well_known_symbols():
    assert js.Symbol.iterator.toString() == "Symbol(Symbol.iterator)"
    assert js.Symbol.asyncIterator.description == "Symbol.asyncIterator"
    assert js.Symbol.iterator == js.Symbol.iterator and js.Symbol.keyFor(js.Symbol.iterator) is None
    assert js.Symbol.for_("Symbol.iterator") != js.Symbol.iterator


def test_len_of_a_string_wrapper_is_its_length():
    assert len(js.String.new("ab")) == 2 and len(js.String.new("\U0001F600")) == 2


def test_string_joins_a_surrogate_pair_as_javascript_hands_it_back():
    code_points = [hex(ord(c)) for c in js.String("\ud83d\ude00")]  # hex: a failure report cannot hold a surrogate
    assert code_points == ["0x1f600"]
    assert [hex(ord(c)) for c in js.String("\ud800x")] == ["0xd800", "0x78"]
