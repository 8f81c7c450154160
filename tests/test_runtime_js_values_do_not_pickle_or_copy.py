"""A JS value held from Python cannot be pickled or copied, as Pyodide's JsProxy cannot: real
Pyodide 0.28.2 and 0.26.0a4 under Node (tools/pyodide, group ``type-names``) raise
``TypeError: cannot pickle 'pyodide.ffi.JsProxy' object`` for ``pickle.dumps`` and
``copy.deepcopy`` of a JS object, so Worker code that caches a JS value by pickling or
deep-copying it fails here as deployed (``to_py()`` first is the fix there too)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

NOT_PICKLED = "TypeError: cannot pickle 'pyodide.ffi.JsProxy' object"

SNIPPETS = {
    "import pickle\npickle.dumps(JSON.parse('{\"a\": 1}'))": NOT_PICKLED,
    "import pickle\npickle.dumps(arr())": NOT_PICKLED,
    "import copy\ncopy.deepcopy(JSON.parse('{\"a\": 1}'))": NOT_PICKLED,
    "import copy\ncopy.deepcopy({'k': [arr()]})": NOT_PICKLED,
    "import copy\ncopy.copy(Object.new())": NOT_PICKLED,
    "import pickle\npickle.dumps(js.Set.new())": NOT_PICKLED,
    "import copy\ncopy.deepcopy(JSON.parse('{\"a\": [1]}').to_py())": "{'a': [1]} (dict)",
}


def test_js_values_do_not_pickle_or_copy(tmp_path: Path) -> None:
    for date in ("2025-08-14", "2025-10-01"):
        assert snippet_answers(tmp_path, list(SNIPPETS), date) == list(SNIPPETS.values())
