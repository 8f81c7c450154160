"""The ``unsafe`` table -- of the top level, an ``[env.NAME]`` and a ``previews`` table -- checked
as wrangler 4.168.0's ``validateUnsafeSettings`` checks it: each ``unsafe.bindings`` entry under its
own heading (a string ``name`` and ``type``; a type wrangler has a section for, and the old
``metadata`` type, warned of), the top level's binding names an environment leaves out,
``metadata`` an object, ``capnp`` a ``compiled_schema`` or a ``base_path`` with ``source_schemas``,
and its unknown fields. Each case's verdict and lines are what ``unstable_readConfig`` of wrangler
4.168.0 printed for it (config69, ``tools/wrangler/config_diff.py``'s reader); before, workers-env
checked only that ``unsafe`` is an object (3 of the 18 verdicts and 35 of wrangler's 110 lines alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.config import check_config

CASES = [
    ('unsafe-ok', 'wrangler.toml', 'name = "w"\n[unsafe]\nmetadata = { a = 1 }\n[[unsafe.bindings]]\nname = "R"\ntype = "ratelimit"\nnamespace_id = "1"\nsimple = { limit = 1, period = 60 }\n', None, True,
     ['Processing wrangler.toml configuration:', '- "unsafe" fields are experimental and may change or break at any time.']),
    ('unsafe-bindings-bad', 'wrangler.json', '{"name": "w", "unsafe": {"bindings": [5, null, {"name": 1}, {"name": "M", "type": "metadata"}, {"type": "metadata"}, {"name": "A", "type": "ai"}], "metadata": 5, "zz": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', '- "unsafe.bindings[3]": {"name":"M","type":"metadata"}', '- The deployment object in the metadata binding is now deprecated. Please switch using the version_metadata binding for access to version specific fields: https://developers.cloudflare.com/workers/runtime-apis/bindings/version-metadata', '- "unsafe.bindings[5]": {"name":"A","type":"ai"}', '- The binding type "ai" is directly supported by wrangler.', "Consider migrating this unsafe binding to a format for 'ai' bindings that is supported by wrangler for optimal support.", 'For more details, see https://developers.cloudflare.com/workers/cli-wrangler/configuration', 'Processing wrangler.json configuration:', '- "unsafe.bindings[0]": 5', '- Expected unsafe.bindings[0] to be an object but got 5.', '- "unsafe.bindings[1]": null', '- Expected unsafe.bindings[1] to be an object but got null.', '- "unsafe.bindings[2]": {"name":1}', '- binding should have a string "name" field.', '- binding should have a string "type" field.', '- "unsafe.bindings[4]": {"type":"metadata"}', '- binding should have a string "name" field.']),
    ('unsafe-bindings-array-entry', 'wrangler.json', '{"name": "w", "unsafe": {"bindings": [[1]]}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- "unsafe.bindings[0]": [1]', '- binding should have a string "name" field.', '- binding should have a string "type" field.']),
    ('unsafe-metadata-and-capnp', 'wrangler.json', '{"name": "w", "unsafe": {"bindings": [], "metadata": [1], "capnp": 5, "zz": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe.metadata" should be an object but got [1].']),
    ('unsafe-capnp-both', 'wrangler.json', '{"name": "w", "unsafe": {"capnp": {"compiled_schema": "x", "base_path": "y"}, "zz": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe.capnp" cannot contain both "compiled_schema" and one of "base_path" or "source_schemas".']),
    ('unsafe-capnp-compiled-number', 'wrangler.json', '{"name": "w", "unsafe": {"capnp": {"compiled_schema": 5}}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe.capnp.compiled_schema", when present, should be a string but got 5.']),
    ('unsafe-capnp-empty', 'wrangler.json', '{"name": "w", "unsafe": {"capnp": {}, "zz": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe.capnp.base_path", when present, should be a string but got undefined', '- Expected "unsafe.capnp.source_schemas" to be an array of strings but got undefined']),
    ('unsafe-capnp-sources', 'wrangler.json', '{"name": "w", "unsafe": {"capnp": {"base_path": 5, "source_schemas": ["a", 1]}, "zz": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe.capnp.base_path", when present, should be a string but got 5', '- Expected "unsafe.capnp.source_schemas.[1]" to be of type string but got 1.']),
    ('unsafe-capnp-ok', 'wrangler.json', '{"name": "w", "unsafe": {"capnp": {"base_path": "b", "source_schemas": ["a"]}, "zz": 1, "metadata": null}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe.metadata" should be an object but got null.']),
    ('unsafe-array', 'wrangler.json', '{"name": "w", "unsafe": [1]}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe" should be an object but got [1].']),
    ('unsafe-env', 'wrangler.json', '{"name": "w", "unsafe": {"bindings": [{"name": "A", "type": "x"}, {"name": "B", "type": "y"}]}, "env": {"s": {"unsafe": {"bindings": [{"name": "A", "type": "x"}], "zz": 1, "metadata": "m"}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', '- "env.s" environment configuration', '- The following bindings are at the top level, but not on "env.s".', 'This is not what you probably want, since "unsafe" configuration is not inherited by environments.', 'Please add a binding for each to "env.s.unsafe.bindings":', '- B', 'Processing wrangler.json configuration:', '- "env.s" environment configuration', '- The field "env.s.unsafe.metadata" should be an object but got "m".']),
    ('unsafe-env-bindings-object', 'wrangler.json', '{"name": "w", "unsafe": {"metadata": {}}, "env": {"s": {"unsafe": {"bindings": {"a": 1}}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- "env.s" environment configuration', '- The field "env.s.unsafe.bindings" should be an array but got {"a":1}.']),
    ('unsafe-env-top-metadata', 'wrangler.json', '{"name": "w", "unsafe": {"metadata": {}}, "env": {"s": {"unsafe": {"bindings": [{"name": "A", "type": "x"}]}}}}', 's', True,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', '- "env.s" environment configuration', '- The following bindings are at the top level, but not on "env.s".', 'This is not what you probably want, since "unsafe" configuration is not inherited by environments.', 'Please add a binding for each to "env.s.unsafe.bindings":', '- metadata']),
    ('unsafe-env-top-too', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "unsafe": {"bindings": [{"name": "A", "type": "x"}]}, "env": {"s": {"unsafe": {"bindings": [], "capnp": {"base_path": "x"}}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', '- "env.s" environment configuration', '- The following bindings are at the top level, but not on "env.s".', 'This is not what you probably want, since "unsafe" configuration is not inherited by environments.', 'Please add a binding for each to "env.s.unsafe.bindings":', '- A', 'Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Expected "env.s.unsafe.capnp.source_schemas" to be an array of strings but got undefined']),
    ('unsafe-env-toml', 'wrangler.toml', 'name = "w"\n[[unsafe.bindings]]\nname = "X"\ntype = "y"\n[env.s.unsafe]\nmetadata = 1\n', 's', False,
     ['Processing wrangler.toml configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.toml configuration:', '- "env.s" environment configuration', '- The field "env.s.unsafe.metadata" should be an object but got 1.']),
    ('unsafe-env-only', 'wrangler.json', '{"name": "w", "env": {"s": {"unsafe": {"bindings": null, "metadata": {}}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- "env.s" environment configuration', '- The field "env.s.unsafe.bindings" should be an array but got null.']),
    ('unsafe-previews', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"unsafe": {"bindings": [{"name": "X", "type": "kv_namespace"}, {"type": 5}], "q": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- "previews.unsafe.bindings[0]": {"name":"X","type":"kv_namespace"}', '- The binding type "kv_namespace" is directly supported by wrangler.', "Consider migrating this unsafe binding to a format for 'kv_namespace' bindings that is supported by wrangler for optimal support.", 'For more details, see https://developers.cloudflare.com/workers/cli-wrangler/configuration', 'Processing wrangler.json configuration:', '- "previews.unsafe.bindings[1]": {"type":5}', '- binding should have a string "name" field.', '- binding should have a string "type" field.']),
    ('unsafe-previews-metadata', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"unsafe": {"metadata": [], "bindings": []}}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "previews.unsafe.metadata" should be an object but got [].']),
    # pin69: cases hand mutations of the checks survived (wrangler 4.168.0's verdict and lines, measured)
    ('unsafe-env-bad-binding-and-left-behind', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "unsafe": {"bindings": [{"name": "A", "type": "x"}]}, "env": {"s": {"unsafe": {"bindings": [{"name": 5, "type": "y"}]}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- "env.s" environment configuration', '- "env.s.unsafe.bindings[0]": {"name":5,"type":"y"}', '- binding should have a string "name" field.']),
    ('unsafe-env-good-binding-and-left-behind', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "unsafe": {"bindings": [{"name": "A", "type": "x"}]}, "env": {"s": {"unsafe": {"bindings": [{"name": "B", "type": "y"}]}}}}', 's', True,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', '- "env.s" environment configuration', '- The following bindings are at the top level, but not on "env.s".', 'This is not what you probably want, since "unsafe" configuration is not inherited by environments.', 'Please add a binding for each to "env.s.unsafe.bindings":', '- A']),
    ('unsafe-capnp-compiled-and-sources', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "unsafe": {"capnp": {"compiled_schema": "x", "source_schemas": ["a"]}}}', None, False,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', 'Processing wrangler.json configuration:', '- The field "unsafe.capnp" cannot contain both "compiled_schema" and one of "base_path" or "source_schemas".']),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_unsafe_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str, env: str | None,
                                       ok: bool, expected: list[str]) -> None:
    (tmp_path / file_name).write_text(text, encoding="utf-8")
    report = check_config(tmp_path / file_name, environment=env)
    lines = [line.strip() for line in report.render(cwd=tmp_path).splitlines() if line.strip()]
    assert (report.ok, lines) == (ok, expected)


def test_an_unsafe_binding_is_listed_under_its_own_heading_in_json(tmp_path: Path) -> None:
    """``validate --json``'s diagnostics: the entry's path and wrangler's message."""
    (tmp_path / "wrangler.json").write_text('{"name": "w", "unsafe": {"bindings": [{"name": "A"}]}}', encoding="utf-8")
    report = check_config(tmp_path / "wrangler.json")
    assert [(d.path, d.message, d.group) for d in report.errors] == [
        ("unsafe.bindings[0]", 'binding should have a string "type" field.', '"unsafe.bindings[0]": {"name":"A"}'),
    ]
