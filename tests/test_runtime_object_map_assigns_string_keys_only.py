"""``obj.as_object_map()[key] = value`` with a key that is not a ``str`` is Pyodide's
``TypeError: Can only assign keys of type string to JavaScript object map`` (0.26.0a4 and 0.28.2
under Node, tools/pyodide group ``revjsleft2-review``), the object left as it was; before, the
key was written as its JavaScript text (``"0"``)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    "m = JSON.parse('{}').as_object_map()\nm[0] = 2": "TypeError: Can only assign keys of type string to JavaScript object map",
    "o = JSON.parse('{}')\ntry:\n    o.as_object_map()[1.5] = 2\nexcept TypeError:\n    pass\nObject.keys(o).to_py()":
        "[] (list)",
    "o = JSON.parse('{}')\no.as_object_map()['0'] = 2\nObject.keys(o).to_py()": "['0'] (list)",
}


def test_an_object_map_assigns_string_keys_only(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2026-05-01") == list(SNIPPETS.values())
