"""wrangler's ``previews`` table (``validatePreviewsConfig``, workers-utils; wrangler 4.168.0 adds
``The field "previews.images.url_transformations" is not supported in previews.``), and the
``cache`` table and an ``unsafe`` that is no object, which wrangler checks the same way. Each case's
lines are what ``unstable_readConfig`` of wrangler 4.168.0 printed for it (currency68b,
``tools/wrangler/config_diff.py``'s reader; before, workers-env checked no ``previews`` table: 5 of
the 36 ``previews`` cases alike)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env.config import check_config

BASE = {"name": "w", "main": "src/index.js", "compatibility_date": "2024-09-23"}

CASES = [
    ('prev-img', '{"previews": {"images": {"binding": "I", "url_transformations": {"enabled": true}}}}', None, False,
     ["Processing wrangler.json configuration:", "- Unexpected fields found in previews.images field: \"url_transformations\"", "Processing wrangler.json configuration:", "- The field \"previews.images.url_transformations\" is not supported in previews."]),
    ('prev-img-ok', '{"previews": {"images": {"binding": "I"}}}', None, True,
     []),
    ('prev-num', '{"previews": 5}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"previews\" should be an object but got 5."]),
    ('prev-null', '{"previews": null}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"previews\" should be an object but got null."]),
    ('prev-list', '{"previews": []}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"previews\" should be an object but got []."]),
    ('prev-empty', '{"previews": {}}', None, True,
     []),
    ('prev-unknown', '{"previews": {"name": "x", "routes": [], "main": "a.js"}}', None, True,
     ["Processing wrangler.json configuration:", "- Unexpected fields found in previews field: \"name\",\"routes\",\"main\""]),
    ('prev-vars', '{"previews": {"vars": 5, "define": {"A": 1}}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"previews.vars\" should be an object but got 5.", "- The field \"previews.define.A\" should be a string but got 1."]),
    ('prev-vars-top', '{"vars": {"A": "1", "B": "2"}, "define": {"X": "1"}, "previews": {"vars": {"A": "x"}, "define": {"Y": "2"}}}', None, True,
     []),
    ('prev-kv', '{"previews": {"kv_namespaces": [{"binding": "K"}, {"id": 1}, 5], "r2_buckets": {}, "d1_databases": [{"binding": "D"}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.kv_namespaces[1]\" bindings should have a string \"binding\" field but got {\"id\":1}.", "- \"previews.kv_namespaces[1]\" bindings should have a string \"id\" field but got {\"id\":1}.", "- \"kv_namespaces\" bindings should be objects, but got 5", "- The field \"previews.r2_buckets\" should be an array but got {}."]),
    ('prev-kv-top', '{"kv_namespaces": [{"binding": "K", "id": "a"}], "previews": {"kv_namespaces": []}}', None, True,
     []),
    ('prev-do', '{"previews": {"durable_objects": {"bindings": [{"name": "D"}], "code_update_strategy": {"mode": "immediate"}}}}', None, False,
     ["Processing wrangler.json configuration:", "- Unexpected fields found in previews.durable_objects field: \"code_update_strategy\"", "Processing wrangler.json configuration:", "- \"previews.durable_objects.bindings[0]\": {\"name\":\"D\"}", "- binding should have a string \"class_name\" field."]),
    ('prev-do-bad', '{"previews": {"durable_objects": []}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"previews.durable_objects\" should be an object but got []."]),
    ('prev-queues', '{"previews": {"queues": {"producers": [{"binding": 1}], "consumers": [{}]}}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.queues.consumers[0]\" should have a string \"queue\" field but got {}.", "- \"previews.queues.producers[0]\" bindings should have a string \"binding\" field but got {\"binding\":1}."]),
    ('prev-services', '{"previews": {"services": [{"binding": "S"}], "vectorize": [{"binding": "V"}], "hyperdrive": [{"binding": "H"}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.vectorize[0]\" bindings must have an \"index_name\" field but got {\"binding\":\"V\"}.", "- \"previews.hyperdrive[0]\" bindings must have a \"id\" field but got {\"binding\":\"H\"}.", "- \"previews.services[0]\" bindings should have a string \"service\" field but got {\"binding\":\"S\"}."]),
    ('prev-simple', '{"previews": {"browser": 5, "ai": {"binding": 1}, "images": {}, "stream": {"binding": "S", "x": 1}, "media": [], "analytics": {}}}', None, False,
     ["Processing wrangler.json configuration:", "- Unexpected fields found in previews.stream field: \"x\"", "Processing wrangler.json configuration:", "- The field \"previews.browser\" should be an object but got 5.", "- binding should have a string \"binding\" field.", "- binding should have a string \"binding\" field.", "- binding should have a string \"binding\" field.", "- The field \"previews.media\" should be an object but got []."]),
    ('prev-version', '{"previews": {"version_metadata": {}}}', None, False,
     ["Processing wrangler.json configuration:", "- binding should have a string \"binding\" field."]),
    ('prev-tail', '{"previews": {"tail_consumers": [{}], "streaming_tail_consumers": 5}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.tail_consumers[0].service\" is a required field.", "- Expected \"previews.streaming_tail_consumers\" to be an array but got 5."]),
    ('prev-logpush', '{"previews": {"logpush": "yes", "observability": {"enabled": "x"}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"previews.logpush\" to be of type boolean but got \"yes\".", "- Expected \"previews.observability.enabled\" to be of type boolean but got \"x\".", "- Expected \"previews.observability.logs.enabled\" to be of type boolean but got undefined.", "- Expected \"previews.observability.traces.enabled\" to be of type boolean but got undefined.", "- Expected \"previews.observability.issues.enabled\" to be of type boolean but got undefined."]),
    ('prev-limits', '{"previews": {"limits": {"cpu_ms": "5", "subrequests": "x"}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"previews.limits.cpu_ms\" to be of type number but got \"5\".", "- Expected \"previews.limits.subrequests\" to be of type number but got \"x\"."]),
    ('prev-placement', '{"previews": {"placement": {"mode": "bogus"}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"previews.placement.mode\" field to be one of [\"off\",\"smart\",\"targeted\"] but got \"bogus\"."]),
    ('prev-placement-num', '{"previews": {"placement": 5}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"previews.placement\" should be an object but got 5."]),
    ('prev-placement-hint', '{"previews": {"placement": {"mode": "off", "hint": "x", "region": "r"}}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.placement\" cannot have both \"hint\" (smart format) and \"region\"/\"host\"/\"hostname\" (targeted format) fields"]),
    ('prev-cache', '{"previews": {"cache": {"x": 1}}}', None, False,
     ["Processing wrangler.json configuration:", "- Unexpected fields found in previews.cache field: \"x\"", "Processing wrangler.json configuration:", "- \"previews.cache.enabled\" is a required field."]),
    ('prev-cache-num', '{"previews": {"cache": 5}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.cache\" should be an object but got 5."]),
    ('prev-cache-bad', '{"previews": {"cache": {"enabled": "y", "cross_version_cache": 1}}}', None, False,
     ["Processing wrangler.json configuration:", "- Expected \"previews.cache.enabled\" to be of type boolean but got \"y\".", "- Expected \"previews.cache.cross_version_cache\" to be of type boolean but got 1."]),
    ('prev-containers-name', '{"previews": {"containers": [{"class_name": "A", "name": "n", "image": "x"}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.containers[0].name\" cannot be set. A preview container's application name is generated from the worker name, preview slug, and Durable Object class name, so that separate previews of the same Worker do not collide. Remove it and identify the container with \"class_name\"."]),
    ('prev-containers-policy', '{"previews": {"containers": [{"class_name": "A", "scheduling_policy": "durable_object"}, {"class_name": "B", "name": "x"}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.containers[0].scheduling_policy\" cannot be \"durable_object\". Durable Object-managed Containers are configured only in the top-level \"containers\" array."]),
    ('prev-containers-dup', '{"previews": {"containers": [{"class_name": "A", "image": "x"}, {"class_name": "A", "image": "y"}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.containers\" declares more than one container for the Durable Object class \"A\"; each Durable Object class may appear at most once."]),
    ('prev-workflows', '{"previews": {"workflows": [{"binding": "W", "name": "w", "class_name": "C"}, {"binding": "X", "name": "w", "class_name": "C"}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.workflows\" bindings must have unique \"name\" values; duplicate(s) found: \"w\""]),
    ('prev-unsafe', '{"previews": {"unsafe": 5}}', None, False,
     ["Processing wrangler.json configuration:", "- The field \"previews.unsafe\" should be an object but got 5."]),
    ('prev-env', '{"env": {"s": {"previews": {"kv_namespaces": 5, "x": 1}}}}', 's', False,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- Unexpected fields found in previews field: \"x\"", "Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- The field \"previews.kv_namespaces\" should be an array but got 5."]),
    ('prev-env-inherit', '{"previews": {"kv_namespaces": 5}, "env": {"s": {}}}', 's', False,
     ["Processing wrangler.json configuration:", "- The field \"previews.kv_namespaces\" should be an array but got 5."]),
    ('prev-env-top', '{"vars": {"A": "1"}, "env": {"s": {"vars": {"A": "1"}, "previews": {"vars": {}}}}}', 's', True,
     []),
    ('prev-misc', '{"previews": {"ratelimits": [{}], "secrets_store_secrets": [{}], "pipelines": [{}], "mtls_certificates": [{}], "dispatch_namespaces": [{}], "analytics_engine_datasets": [{}], "send_email": [{}], "worker_loaders": [{}], "vpc_services": [{}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.send_email[0]\" bindings should have a string \"name\" field but got {}.", "- \"previews.analytics_engine_datasets[0]\" bindings should have a string \"binding\" field but got {}.", "- \"previews.dispatch_namespaces[0]\" should have a string \"binding\" field but got {}.", "- \"previews.mtls_certificates[0]\" bindings should have a string \"binding\" field but got {}.", "- \"previews.mtls_certificates[0]\" bindings should have a string \"certificate_id\" field but got {}.", "- \"previews.pipelines[0]\" bindings must have a string \"binding\" field but got {}.", "- \"previews.pipelines[0]\" bindings must have a string \"stream\" field but got {}.", "- \"previews.secrets_store_secrets[0]\" bindings must have a string \"binding\" field but got {}.", "- \"previews.secrets_store_secrets[0]\" bindings must have a string \"store_id\" field but got {}.", "- \"previews.secrets_store_secrets[0]\" bindings must have a string \"secret_name\" field but got {}.", "- \"previews.worker_loaders[0]\" bindings must have a string \"binding\" field but got {}.", "- \"previews.ratelimits[0]\" bindings must have a string \"name\" field but got {}.", "- \"previews.ratelimits[0]\" bindings must have a string \"namespace_id\" field but got {}.", "- \"previews.ratelimits[0]\" bindings must have a \"simple\" configuration object but got {}.", "- \"previews.vpc_services[0]\" bindings should have a string \"binding\" field but got {}.", "- \"previews.vpc_services[0]\" bindings must have a \"service_id\" field but got {}."]),
    ('cache-top', '{"cache": {"enabled": "y", "z": 1}}', None, False,
     ["Processing wrangler.json configuration:", "- Unexpected fields found in cache field: \"z\"", "Processing wrangler.json configuration:", "- Expected \"cache.enabled\" to be of type boolean but got \"y\"."]),
    ('cache-top-num', '{"cache": 5}', None, False,
     ["Processing wrangler.json configuration:", "- \"cache\" should be an object but got 5."]),
    ('cache-env', '{"env": {"s": {"cache": []}}}', 's', False,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- \"cache.enabled\" is a required field."]),
    ('unsafe-top', '{"unsafe": 5}', None, False,
     ["Processing wrangler.json configuration:", "- \"unsafe\" fields are experimental and may change or break at any time.", "Processing wrangler.json configuration:", "- The field \"unsafe\" should be an object but got 5."]),
    ('unsafe-env', '{"env": {"s": {"unsafe": []}}}', 's', False,
     ["Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- \"unsafe\" fields are experimental and may change or break at any time.", "Processing wrangler.json configuration:", "- \"env.s\" environment configuration", "- The field \"env.s.unsafe\" should be an object but got []."]),
    ('prev-obs-inv', '{"previews": {"observability": {"logs": {"enabled": false, "invocation_logs": true, "q": 1}}}}', None, True,
     ["Processing wrangler.json configuration:", "- \"previews.observability.logs.invocation_logs\" has no effect when \"previews.observability.logs.enabled\" is false. Set \"previews.observability.logs.enabled\" to true to enable invocation logs.", "- Unexpected fields found in previews.observability field: \"q\""]),
    ('prev-misc2', '{"previews": {"ai_search": [{}], "ai_search_namespaces": [{}], "k2": [{}], "artifacts": [{}], "unsafe_hello_world": [{}], "flagship": [{}]}}', None, False,
     ["Processing wrangler.json configuration:", "- \"previews.ai_search_namespaces[0]\" bindings should have a string \"binding\" field but got {}.", "- \"previews.ai_search_namespaces[0]\" bindings must have a \"namespace\" field but got {}.", "- \"previews.ai_search[0]\" bindings should have a string \"binding\" field but got {}.", "- \"previews.ai_search[0]\" bindings must have an \"instance_name\" field but got {}.", "- \"previews.k2[0]\" must have a string \"binding\" field.", "- \"previews.k2[0]\" must have a string \"stream\" field.", "- \"previews.artifacts[0]\" bindings must have a string \"binding\" field but got {}.", "- \"previews.artifacts[0]\" bindings must have a string \"namespace\" field but got {}.", "- \"previews.unsafe_hello_world[0]\" bindings must have a string \"binding\" field but got {}.", "- \"previews.flagship[0]\" bindings must have a string \"binding\" field but got {}."]),
]


@pytest.mark.parametrize(("name", "extra", "env", "ok", "expected"), [
    pytest.param(name, extra, env, ok, expected, id=name) for name, extra, env, ok, expected in CASES
])
def test_previews_read_as_wrangler_4_168(tmp_path: Path, name: str, extra: str, env: str | None, ok: bool,
                                         expected: list[str]) -> None:
    (tmp_path / "wrangler.json").write_text(json.dumps({**BASE, **json.loads(extra)}), encoding="utf-8")
    report = check_config(tmp_path / "wrangler.json", environment=env)
    lines = [line.strip() for line in report.render(cwd=tmp_path).splitlines() if line.strip()]
    assert (report.ok, lines) == (ok, expected)


def test_validate_refuses_previews_url_transformations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Through the CLI: ``workers-env validate`` exits 1 with wrangler's words."""
    from workers_env.cli import main

    (tmp_path / "wrangler.json").write_text(json.dumps({**BASE, "previews": {"images": {
        "binding": "I", "url_transformations": {"enabled": True}}}}), encoding="utf-8")
    code = main(["validate", "--config", str(tmp_path / "wrangler.json")])
    out = capsys.readouterr()
    assert code == 1
    assert 'The field "previews.images.url_transformations" is not supported in previews.' in out.out + out.err
