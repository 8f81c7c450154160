"""wrangler 4.168.0's config reader (workers-utils 0.57.0): ``images.url_transformations`` (the Images
URL-transformations setting ``deploy`` applies; no binding) and ``observability.logs.invocation_logs``
with logs turned off. Each case's lines are what ``unstable_readConfig`` of wrangler 4.168.0 printed
for it (currency68, ``tools/wrangler/config_diff.py``'s reader; 4.164.0 warned of ``url_transformations``
as an unexpected field and asked for a ``binding``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env.config import check_config

BASE = {"name": "w", "main": "src/index.js", "compatibility_date": "2024-09-23"}

CASES = [
    ('inv-off', '{"observability": {"enabled": true, "logs": {"enabled": false, "invocation_logs": true}}}', None, True,
     ["Processing wrangler.json configuration:", "- \"observability.logs.invocation_logs\" has no effect when \"observability.logs.enabled\" is false. Set \"observability.logs.enabled\" to true to enable invocation logs."]),
    ('inv-off-env', '{"env": {"s": {"observability": {"logs": {"enabled": false, "invocation_logs": true}}}}}', 's', True,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- \"observability.logs.invocation_logs\" has no effect when \"observability.logs.enabled\" is false. Set \"observability.logs.enabled\" to true to enable invocation logs."]),
    ('inv-str', '{"observability": {"logs": {"enabled": false, "invocation_logs": "true"}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"observability.logs.invocation_logs\" to be of type boolean but got \"true\"."]),
    ('img-urlt', '{"images": {"url_transformations": {"enabled": true}}}', None, True,
     []),
    ('img-both', '{"images": {"binding": "IMG", "url_transformations": {"enabled": false, "allowed_origins": ["*"]}}}', None, True,
     []),
    ('img-star-mix', '{"images": {"url_transformations": {"enabled": true, "allowed_origins": ["a.com", "*"]}}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"images.url_transformations.allowed_origins\" cannot contain \"*\" alongside other origins. Use [\"*\"] on its own to allow any origin."]),
    ('img-empty-list', '{"images": {"url_transformations": {"allowed_origins": []}}}', None, False,
     ["Processing wrangler.json configuration:", "- \"images.url_transformations.enabled\" is a required field.", "- The field \"images.url_transformations.allowed_origins\" should not be empty. Omit it to only allow images from the Worker's own zone."]),
    ('img-11', '{"images": {"url_transformations": {"enabled": true, "allowed_origins": ["h0.com", "h1.com", "h2.com", "h3.com", "h4.com", "h5.com", "h6.com", "h7.com", "h8.com", "h9.com", "h10.com"]}}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"images.url_transformations.allowed_origins\" can contain at most 10 origins, but got 11."]),
    ('img-bad-items', '{"images": {"url_transformations": {"enabled": "yes", "allowed_origins": ["", "https://x.com", "HTTP://y.com/p", "a,b", "ok.com"]}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"images.url_transformations.enabled\" to be of type boolean but got \"yes\".", "- \"images.url_transformations.allowed_origins[0]\" should not be empty.", "- \"images.url_transformations.allowed_origins[1]\" should be a hostname without a protocol, e.g. \"x.com\" rather than \"https://x.com\".", "- \"images.url_transformations.allowed_origins[2]\" should be a hostname without a protocol, e.g. \"y.com/p\" rather than \"HTTP://y.com/p\".", "- \"images.url_transformations.allowed_origins[3]\" should not contain a comma, but got \"a,b\"."]),
    ('img-nonstr', '{"images": {"url_transformations": {"enabled": true, "allowed_origins": [1, "a"]}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"images.url_transformations.allowed_origins.[0]\" to be of type string but got 1."]),
    ('img-notarray', '{"images": {"url_transformations": {"enabled": true, "allowed_origins": "a.com"}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"images.url_transformations.allowed_origins\" to be an array of strings but got \"a.com\""]),
    ('img-extra', '{"images": {"url_transformations": {"enabled": true, "x": 1}, "y": 2}}', None, True,
     ["Processing wrangler.json configuration:", "- Unexpected fields found in images.url_transformations field: \"x\"", "- Unexpected fields found in images field: \"y\""]),
    ('img-junk', '{"images": {"url_transformations": 5}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"images.url_transformations\" should be an object but got 5."]),
    ('img-null', '{"images": {"url_transformations": null}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"images.url_transformations\" should be an object but got null."]),
    ('img-list', '{"images": {"url_transformations": []}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"images.url_transformations\" should be an object but got []."]),
    ('img-nothing', '{"images": {}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"images\" should have a \"binding\" or \"url_transformations\" field."]),
    ('img-binding-num', '{"images": {"binding": 5}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"images.binding\" to be of type string but got 5."]),
    ('img-remote', '{"images": {"binding": "I", "remote": "x"}}', None, False,
     ["Processing wrangler.json configuration:", "- \"images\" should, optionally, have a boolean \"remote\" field but got {\"binding\":\"I\",\"remote\":\"x\"}."]),
    ('img-top-not-env', '{"images": {"url_transformations": {"enabled": true}}, "env": {"s": {}}}', 's', True,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- \"images\" exists at the top level, but not on \"env.s\".", "This is not what you probably want, since \"images\" is not inherited by environments.", "Please add \"images\" to \"env.s\"."]),
    ('img-top-env-binding', '{"images": {"url_transformations": {"enabled": true}}, "env": {"s": {"images": {"binding": "I"}}}}', 's', True,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- \"images.url_transformations\" exists at the top level, but not on \"env.s\".", "This is not what you probably want, since \"images.url_transformations\" is not inherited by environments.", "Please add \"images.url_transformations\" to \"env.s\"."]),
    ('img-env-urlt-bad', '{"env": {"s": {"images": {"url_transformations": {"enabled": 1}, "z": 1}}}}', 's', False,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- Unexpected fields found in env.s.images field: \"z\"", "Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- Expected \"env.s.images.url_transformations.enabled\" to be of type boolean but got 1."]),
    ('img-env-empty', '{"env": {"s": {"images": {}}}}', 's', False,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- The field \"env.s.images\" should have a \"binding\" or \"url_transformations\" field."]),
    ('img-env-remote', '{"env": {"s": {"images": {"binding": "I", "remote": 1}}}}', 's', False,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- \"env.s.images\" should, optionally, have a boolean \"remote\" field but got {\"binding\":\"I\",\"remote\":1}."]),
    ('img-array', '{"images": []}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"images\" should be an object but got []."]),
]


@pytest.mark.parametrize(("name", "extra", "env", "ok", "expected"), [
    pytest.param(name, extra, env, ok, expected, id=name) for name, extra, env, ok, expected in CASES
])
def test_config_reads_as_wrangler_4_168(tmp_path: Path, name: str, extra: str, env: str | None, ok: bool,
                                        expected: list[str]) -> None:
    (tmp_path / "wrangler.json").write_text(json.dumps({**BASE, **json.loads(extra)}), encoding="utf-8")
    report = check_config(tmp_path / "wrangler.json", environment=env)
    lines = [line.strip() for line in report.render(cwd=tmp_path).splitlines() if line.strip()]
    assert (report.ok, lines) == (ok, expected)
