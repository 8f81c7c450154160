"""``js.Date`` as Worker code sees it in UTC: V8's parsing (ISO, then the legacy forms),
``Date.UTC``, the getters, ``toUTCString``/``toString``, extended years and the ±8.64e15 ms
range (cases checked against ``wrangler dev`` 4.164.0 by ``tools/wrangler/jsapi_differential.py``)."""

from __future__ import annotations

import math

import pytest

from workers_env import JsException, js
from workers_env.runtime.jsproxy import jsnull


@pytest.mark.parametrize(("text", "ms"), [
    ("2026-01-02T03:04:05.678Z", 1767323045678), ("2026-01-02", 1767312000000), ("2026", 1767225600000),
    ("2026-01-02T03:04", 1767323040000), ("2026-01-02T03:04:05+02:00", 1767315845000),
    ("Tue, 01 Dec 2026 10:00:00 GMT", 1796119200000), ("Jan 2 2026", 1767312000000),
    ("Jan 2, 2026 3:04 PM", 1767366240000), ("2 Jan 2026 10:00 +0200", 1767340800000),
    ("01/02/2026", 1767312000000), ("2026/01/02 10:00:00", 1767348000000),
    ("Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)", 0), ("2026-01-02T24:00:00Z", 1767398400000),
])
def test_strings_parse_as_v8_parses_them(text, ms):
    assert js.Date.parse(text) == ms
    assert js.Date.new(text).getTime() == ms


@pytest.mark.parametrize("text", ["nonsense", "", "2026-13-01", "2026-02-30x", "2026-01-02T24:00:01Z"])
def test_what_v8_cannot_read_is_an_invalid_date(text):
    date = js.Date.new(text)
    assert math.isnan(js.Date.parse(text)) and math.isnan(date.getTime())
    assert (date.toUTCString(), date.toString(), date.toJSON()) == ("Invalid Date", "Invalid Date", jsnull)
    with pytest.raises(JsException, match="^RangeError: Invalid time value$"):
        date.toISOString()


def test_components_range_and_formats():
    date = js.Date.new(1767323045678)
    assert [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCDay(), date.getUTCHours(),
            date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds(), date.getTimezoneOffset()] == [
        2026, 0, 2, 5, 3, 4, 5, 678, 0]
    assert (date.getHours(), date.getFullYear()) == (3, 2026)  # local time is UTC in Workers
    assert date.toUTCString() == "Fri, 02 Jan 2026 03:04:05 GMT"
    assert date.toString() == "Fri Jan 02 2026 03:04:05 GMT+0000 (Coordinated Universal Time)"
    assert js.Date.new(8.64e15).toISOString() == "+275760-09-13T00:00:00.000Z"
    assert math.isnan(js.Date.new(8.64e15 + 1).getTime())
    assert js.Date.new(-62198755200000).toISOString() == "-000001-01-01T00:00:00.000Z"
    assert js.Date.new(2026, 0, 2, 3, 4, 5, 6).getTime() == js.Date.UTC(2026, 0, 2, 3, 4, 5, 6) == 1767323045006
    assert js.Date.new(99, 11, 31).toISOString() == "1999-12-31T00:00:00.000Z"  # two-digit years are 19xx
    assert js.Date.new(2026, 13, 35, 25, 61).toISOString() == "2027-03-08T02:01:00.000Z"  # overflow carries
    assert js.Date.new(1767323045678.9).getTime() == 1767323045678
