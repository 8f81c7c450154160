"""The corpus cases for what ``config_fuzz.py --new-tables`` found (fuzz69), which ``config_corpus.py``
adds to its own: ``alias`` and the module path tables walked in JavaScript's key order (integer-like keys
first, as ``Object.entries`` walks them), and a TOML table where a container's ``image`` or
``image_build_context`` should be a path (Node's ``path.resolve`` describes smol-toml's tables, objects
without a prototype, as ``[Object: null prototype]``, a JSON object as ``an instance of Object``).
"""

from __future__ import annotations

J = "wrangler.json"
T = "wrangler.toml"
TOML_TOP = 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n'
JSON_TOP = '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", '

CASES = [
    ("z69-module-paths-key-order-toml", T, TOML_TOP + "[data_blobs]\nname = [1]\nb = 2\n1 = { a = false }\n0 = true\n", None),
    ("z69-module-paths-key-order-json", J, JSON_TOP + '"wasm_modules": {"b": 1, "10": 2, "2": 3, "-1": 4, "01": 5}}', None),
    ("z69-text-blobs-key-order-env", J, JSON_TOP + '"text_blobs": {"x": 1, "3": 2}, "env": {"e": {"text_blobs": {"y": 1, "7": 0}}}}', "e"),
    ("z69-alias-key-order-toml", T, TOML_TOP + '[alias]\nb = 1\n2 = true\na = "x"\n1 = []\n', None),
    ("z69-alias-key-order-json", J, JSON_TOP + '"alias": {"z": 1, "4294967294": 2, "4294967295": 3, "5": 4}}', None),
    ("z69-container-image-toml-table", T, TOML_TOP + '[[containers]]\nclass_name = "C"\nimage = { a = { b = 1 } }\n', None),
    ("z69-container-image-toml-empty-table", T, TOML_TOP + '[[containers]]\nclass_name = "C"\nimage = {}\n', None),
    ("z69-container-image-toml-array", T, TOML_TOP + '[[containers]]\nclass_name = "C"\nimage = [{}]\n', None),
    ("z69-container-image-json-object", J, JSON_TOP + '"containers": [{"class_name": "C", "image": {"a": 1}}]}', None),
    ("z69-container-image-json-empty-object", J, JSON_TOP + '"containers": [{"class_name": "C", "image": {}}]}', None),
    ("z69-container-configuration-image-toml", T, TOML_TOP + '[[containers]]\nclass_name = "C"\nconfiguration = { image = { x = 1 } }\n', None),
    ("z69-container-image-toml-previews", T, TOML_TOP + '[previews]\ncontainers = [{ class_name = "C", image = { a = 1 } }]\n', None),
    ("z69-container-image-toml-env", T, TOML_TOP + '[env.e]\ncontainers = [{ class_name = "C", image = {} }]\n', "e"),
]
