"""The corpus cases for what ``config_fuzz.py --new-tables`` found (fuzz69), which ``config_corpus.py``
adds to its own: ``alias`` and the module path tables walked in JavaScript's key order (integer-like keys
first, as ``Object.entries`` walks them); a TOML table where a container's ``image`` or
``image_build_context`` should be a path (Node's ``path.resolve`` describes smol-toml's tables, objects
without a prototype, as ``[Object: null prototype]``, a JSON object as ``an instance of Object``); the
binding names ``validateBindingsHaveUniqueNames`` and the left-behind warnings take (``getBindingNames``:
``durable_objects`` as normalised, ``{...value, bindings: value.bindings ?? []}``, ``images`` only with a
``binding``, a null ``binding`` a name, the other keys in ``Object.keys`` order, a name of another type as ``String()`` makes it a key); the top level's ``define``
or ``vars`` of another type, whose ``Object.keys`` an environment is compared with.
"""

from __future__ import annotations

J = "wrangler.json"
T = "wrangler.toml"
TOML_TOP = 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n'
JSON_TOP = '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", '
PY_TOP = '{"name": "w", "compatibility_date": "2024-09-23", "main": "src/entry.py", "compatibility_flags": ["python_workers"], '
SECRETS = '"secrets": {"required": ["b", "bindings", "name", "null", "2"]}, '

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
    ("z69-unique-do-without-bindings", J, JSON_TOP + SECRETS + '"durable_objects": {"name": [1], "b": false}}', None),
    ("z69-unique-do-and-workflows", J, JSON_TOP + '"durable_objects": {"name": [1], "b": false}, "workflows": {"b": 0}}', None),
    ("z69-unique-do-bindings-not-array", J, JSON_TOP + SECRETS + '"durable_objects": {"b": 1, "bindings": 5}}', None),
    ("z69-unique-do-array", J, JSON_TOP + SECRETS + '"durable_objects": ["b"]}', None),
    ("z69-unique-do-bad-entry", J, JSON_TOP + SECRETS + '"durable_objects": {"bindings": [{"name": 1}]}}', None),
    ("z69-unique-images-without-binding", J, JSON_TOP + '"images": {"a": 1, "1": 2}, "version_metadata": {"1": null}}', None),
    ("z69-unique-images-array", J, JSON_TOP + SECRETS + '"images": ["x", "y", "z"], "version_metadata": {"2": 1}}', None),
    ("z69-unique-null-binding", J, JSON_TOP + SECRETS + '"ai": {"binding": null}, "browser": {"binding": null}}', None),
    ("z69-unique-key-order", J, JSON_TOP + '"ai": {"b": 1, "2": 1}, "browser": {"2": 1, "b": 1}}', None),
    ("z69-unique-toml-key-order", T, TOML_TOP + '[media]\nb = 1\n2 = 1\n[stream]\n2 = 1\nb = 1\n', None),
    ("z69-unsafe-left-behind-key-order", J, JSON_TOP + '"unsafe": {"name": 0, "1": false, "a": "x"}, "env": {"s": {"unsafe": {"bindings": []}}}}', "s"),
    ("z69-define-top-string", J, JSON_TOP + '"define": "xy", "env": {"s": {"define": {"X": "1", "1": "2"}}}}', "s"),
    ("z69-define-top-array", T, TOML_TOP + 'define = ["a", "b"]\n[env.s.define]\n1 = "x"\n', "s"),
    ("z69-define-top-number", J, JSON_TOP + '"define": 5, "env": {"s": {"define": {"X": "1"}}}}', "s"),
    ("z69-vars-top-string", J, JSON_TOP + '"vars": "ab", "env": {"s": {"vars": {"1": 2}}}}', "s"),
    ("z69-vars-top-array", T, TOML_TOP + 'vars = [1]\n[env.s.vars]\nA = 1\n', "s"),
    ("z69-unique-object-binding", J, JSON_TOP + '"version_metadata": {"binding": {}}, "vars": {"binding": {"b": 0}}}', None),
    ("z69-unique-object-bindings-three", J, JSON_TOP + '"version_metadata": {"binding": {"b": 1}}, "ai": {"binding": {"a": 0}}, "vars": {"[object Object]": 1}}', None),
    ("z69-unique-array-binding", J, JSON_TOP + '"browser": {"binding": ["a", "b"]}, "vars": {"a,b": 1}}', None),
    ("z69-unique-number-binding", J, JSON_TOP + '"media": {"binding": 1.5}, "vars": {"1.5": 1}, "secrets": {"required": [1.5, {"x": 1}, [2, null], 1e21]}}', None),
    ("z69-unique-secret-values", J, JSON_TOP + '"vars": {"[object Object]": 1, "2,": 2, "1e+21": 3}, "secrets": {"required": [{"x": 1}, [2, null], 1e21]}}', None),
    ("z69-python-rules-zero", J, PY_TOP + '"rules": 0}', None),
    ("z69-python-rules-false", J, PY_TOP + '"rules": false}', None),
    ("z69-python-rules-empty-string", J, PY_TOP + '"rules": ""}', None),
    ("z69-python-rules-null", J, PY_TOP + '"rules": null}', None),
    ("z69-python-rules-env-zero", J, PY_TOP + '"rules": [], "env": {"e": {"rules": 0}}}', "e"),
    ("z69-python-rules-zero-no-flag", J, '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.py", "rules": 0}', None),
    ("z69-python-rules-toml-false", T, 'name = "w"\nmain = "a.py"\ncompatibility_flags = ["python_workers"]\nrules = false\n', None),
    ("z69-js-rules-zero", J, JSON_TOP + '"rules": 0}', None),
]
