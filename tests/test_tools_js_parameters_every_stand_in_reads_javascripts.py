"""No JS stand-in reads fewer parameters than JavaScript's method (but those that read fewer on
purpose, each with its reason): since hunt39 the arguments past those a stand-in reads are
dropped, so one reading fewer would drop a real argument silently. JavaScript's parameters are
TypeScript 5.9.3's lib.es*.d.ts and @cloudflare/workers-types 5.20261117.1's, extracted into
tools/audit/js_parameters.json (tools/audit/js_parameters.py --extract). At d219bc23 (hunt39's
merge) 30 of 408 read fewer."""

from __future__ import annotations

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent / "tools" / "audit" / "js_parameters.py"


def _tool():
    spec = importlib.util.spec_from_file_location("js_parameters", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_stand_in_reads_every_parameter_javascript_reads():
    rows = _tool().compare()
    assert len(rows) >= 400  # the table covers the classes and globals (a table emptied would pass otherwise)
    assert [(key, ours, theirs) for key, ours, theirs, status in rows if status == "fewer"] == []
    keys = {row[0] for row in rows}
    assert {"Headers#forEach", "Array#lastIndexOf", "Number#toString", "Set#forEach", "Array.from", "JSON.stringify",
            "Response.json", "SubtleCrypto#importKey", "TextDecoder#decode", "setTimeout"} <= keys


def test_a_stand_in_reading_fewer_is_found():
    tool = _tool()
    row = {"Headers#forEach": ["callback", "*_ignored"], "Array#slice": ["start"], "fetch": ["resource", "init"]}
    tool.stand_ins = lambda: row
    assert {key: status for key, _ours, _theirs, status in tool.compare()} == {
        "Headers#forEach": "fewer", "Array#slice": "fewer", "fetch": "ok"}
