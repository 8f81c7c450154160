"""From Pyodide 0.27 (the 0.28.2 era: compatibility dates from 2025-09-29 to 2026-09-07)
``to_js(dict)`` is a ``LiteralMap``, a ``Map`` whose string keys are also its properties, so a Web
API reading an options dictionary reads them: ``new Blob(parts, to_js({"type": ...}))`` has that
type, ``new TextDecoder("utf-8", to_js({"fatal": True}))`` is fatal -- real Pyodide 0.28.2's
answers, case for case -- while a plain ``Map`` (a ``dict_converter``'s) still gives the defaults."""

from __future__ import annotations

from worker_helpers import snippet_answers

#: snippet -> what npm pyodide 0.28.2 answers (tools/pyodide's runner under Node)
ANSWERS = {
    "js.Blob.new(to_js(['ab']), to_js({'type': 'text/plain'})).type": "'text/plain' (str)",
    "js.File.new(to_js(['ab']), 'f.txt', to_js({'type': 'text/x', 'lastModified': 5})).type": "'text/x' (str)",
    "js.File.new(to_js(['ab']), 'f.txt', to_js({'type': 'text/x', 'lastModified': 5})).lastModified": "5 (int)",
    "js.TextDecoder.new('utf-8', to_js({'fatal': True})).fatal": "True (bool)",
    "js.TextDecoder.new('utf-8', to_js({'ignoreBOM': True})).ignoreBOM": "True (bool)",
    "js.Blob.new(to_js(['ab']), to_js({'type': 'text/plain'}, dict_converter=js.Map.new)).type": "'' (str)",
}


def test_a_literal_maps_keys_are_the_options_a_web_api_reads(tmp_path):
    assert snippet_answers(tmp_path, list(ANSWERS), "2026-09-07") == list(ANSWERS.values())


def test_a_fatal_decoder_made_with_a_literal_map_refuses_invalid_bytes(tmp_path):
    [answer] = snippet_answers(
        tmp_path, ["js.TextDecoder.new('utf-8', to_js({'fatal': True})).decode(js.Uint8Array.new([255]))"], "2026-09-07")
    assert answer.startswith("JsException: TypeError")
