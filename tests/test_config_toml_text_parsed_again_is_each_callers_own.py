"""A TOML text parsed before (``wrangler.toml``, ``pyproject.toml``: each load reads them, a suite's
projects hold the same few texts) is not parsed again, yet each caller gets a parse of its own: one
that changes what it got (a default filled in, a list appended to) changes nothing another load of
the same text reads (``_tomlparses.parsed_toml``; pin68: no test read a parse twice after a change,
so handing out the kept parse itself, or keeping the first caller's, passed)."""

from __future__ import annotations

import tomllib

from workers_env._tomlparses import parsed_toml

TEXT = """# pin68's own text: parsed here first
name = "kept"
compatibility_flags = ["python_workers"]

[vars]
GREETING = "hello"

[[d1_databases]]
binding = "DB"
"""


def _changed(parse: dict) -> None:
    parse["name"] = "changed"
    parse["compatibility_flags"].append("another")
    parse["vars"]["GREETING"] = "changed"
    parse["d1_databases"][0]["database_name"] = "filled in"


def test_a_parse_its_caller_changed_leaves_the_next_parse_of_the_text_as_it_was():
    expected = tomllib.loads(TEXT)
    first = parsed_toml(TEXT)  # parsed, and kept
    _changed(first)
    second = parsed_toml(TEXT)  # the kept parse
    assert second == expected
    _changed(second)
    assert parsed_toml(TEXT) == expected
