"""What ``tools/wrangler/config_fuzz.py --new-tables`` found (fuzz69): ``alias`` and the module path
tables (``wasm_modules``, ``text_blobs``, ``data_blobs``) reported in JavaScript's key order, integer-like
keys first, as wrangler 4.168.0's ``Object.entries`` walks them; and a TOML table where a container's
``image`` (or ``configuration.image``) should be a path, which Node's ``path.resolve`` describes as
``[Object: null prototype]`` (smol-toml's tables have no prototype; ``{}`` when empty), a JSON object
as ``an instance of Object``. Each case's verdict and lines are what ``unstable_readConfig`` of wrangler
4.168.0 printed for it (``tools/wrangler/config_corpus_fuzz69.py`` through ``config_diff.py``'s reader)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked

CASES = [
    ('z69-module-paths-key-order-toml', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[data_blobs]\nname = [1]\nb = 2\n1 = { a = false }\n0 = true\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected "data_blobs[\'0\']" to be of type string but got true.', '- Expected "data_blobs[\'1\']" to be of type string but got {"a":false}.', '- Expected "data_blobs[\'name\']" to be of type string but got [1].', '- Expected "data_blobs[\'b\']" to be of type string but got 2.']),
    ('z69-module-paths-key-order-json', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "wasm_modules": {"b": 1, "10": 2, "2": 3, "-1": 4, "01": 5}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "wasm_modules[\'2\']" to be of type string but got 3.', '- Expected "wasm_modules[\'10\']" to be of type string but got 2.', '- Expected "wasm_modules[\'b\']" to be of type string but got 1.', '- Expected "wasm_modules[\'-1\']" to be of type string but got 4.', '- Expected "wasm_modules[\'01\']" to be of type string but got 5.']),
    ('z69-text-blobs-key-order-env', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "text_blobs": {"x": 1, "3": 2}, "env": {"e": {"text_blobs": {"y": 1, "7": 0}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- Unexpected fields found in env.e field: "text_blobs"', 'Processing wrangler.json configuration:', '- Expected "text_blobs[\'3\']" to be of type string but got 2.', '- Expected "text_blobs[\'x\']" to be of type string but got 1.']),
    ('z69-alias-key-order-toml', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[alias]\nb = 1\n2 = true\na = "x"\n1 = []\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected alias["1"] to be a string, but got object', '- Expected alias["2"] to be a string, but got boolean', '- Expected alias["b"] to be a string, but got number']),
    ('z69-alias-key-order-json', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": {"z": 1, "4294967294": 2, "4294967295": 3, "5": 4}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected alias["5"] to be a string, but got number', '- Expected alias["4294967294"] to be a string, but got number', '- Expected alias["z"] to be a string, but got number', '- Expected alias["4294967295"] to be a string, but got number']),
    ('z69-container-image-toml-table', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = { a = { b = 1 } }\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype]']),
    ('z69-container-image-toml-empty-table', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = {}\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype] {}']),
    ('z69-container-image-toml-array', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = [{}]\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received an instance of Array']),
    ('z69-container-image-json-object', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "containers": [{"class_name": "C", "image": {"a": 1}}]}', None, False,
     ['Processing wrangler.json configuration:', '- The "paths[1]" argument must be of type string. Received an instance of Object']),
    ('z69-container-image-json-empty-object', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "containers": [{"class_name": "C", "image": {}}]}', None, False,
     ['Processing wrangler.json configuration:', '- The "paths[1]" argument must be of type string. Received an instance of Object']),
    ('z69-container-configuration-image-toml', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nconfiguration = { image = { x = 1 } }\n', None, False,
     ['Processing wrangler.toml configuration:', '- "containers.configuration" is deprecated. Use top level "containers" fields instead. "configuration.image" should be "image", limits should be set via "instance_type".', 'Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype]']),
    ('z69-container-image-toml-previews', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[previews]\ncontainers = [{ class_name = "C", image = { a = 1 } }]\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype]']),
    ('z69-container-image-toml-env', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[env.e]\ncontainers = [{ class_name = "C", image = {} }]\n', 'e', False,
     ['Processing wrangler.toml configuration:', '- "env.e" environment configuration', '- The "paths[1]" argument must be of type string. Received [Object: null prototype] {}']),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "lines"), CASES, ids=[c[0] for c in CASES])
def test_verdict_and_lines_as_wrangler(tmp_path: Path, name: str, file_name: str, text: str, env: str | None,
                                       ok: bool, lines: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, lines)


def test_validate_prints_the_null_prototype_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workers_env.cli import main

    config = tmp_path / "wrangler.toml"
    config.write_text('name = "w"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = {}\n', encoding="utf-8")
    assert main(["validate", "--config", str(config)]) == 1
    out = capsys.readouterr()
    assert 'The "paths[1]" argument must be of type string. Received [Object: null prototype] {}' in out.out + out.err
