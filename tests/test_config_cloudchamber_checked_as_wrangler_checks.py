"""The ``cloudchamber`` table -- of the top level and an ``[env.NAME]`` -- checked as wrangler
4.168.0's ``validateCloudchamberConfig`` checks it: an object, whose ``memory``, ``image`` and
``location`` are strings, ``ipv4`` a boolean and ``vcpu`` a number when present (each wrong one
reported with the whole table), an ``instance_type`` from wrangler's list (``dev`` and ``standard``
pass though its message names six) printed as a JavaScript template prints it, and no ``memory`` or
``vcpu`` beside an ``instance_type``; other fields pass unremarked. Each case's verdict and lines are
what ``unstable_readConfig`` of wrangler 4.168.0 printed for it (exports69); before, workers-env
checked nothing of it (5 of the 24 verdicts and 5 of
wrangler's 58 lines alike)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked, refused_everywhere

CASES = [
    ('cloudchamber-types', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": 5}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" should be an object, but got 5']),
    ('cloudchamber-string', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": "x"}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" should be an object, but got "x"']),
    ('cloudchamber-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": null}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" should be an object, but got null']),
    ('cloudchamber-array', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": []}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" should be an object, but got []']),
    ('cloudchamber-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {}}', None, True,
     []),
    ('cloudchamber-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"memory": "1GB", "image": "x", "location": "l", "ipv4": true, "vcpu": 0.5, "zz": 1}}', None, True,
     []),
    ('cloudchamber-fields', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"vcpu": "1", "memory": 5, "ipv4": "yes", "image": null, "location": []}}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" bindings should, optionally, have a string "memory" field but got {"vcpu":"1","memory":5,"ipv4":"yes","image":null,"location":[]}.', '- "cloudchamber" bindings should, optionally, have a string "image" field but got {"vcpu":"1","memory":5,"ipv4":"yes","image":null,"location":[]}.', '- "cloudchamber" bindings should, optionally, have a string "location" field but got {"vcpu":"1","memory":5,"ipv4":"yes","image":null,"location":[]}.', '- "cloudchamber" bindings should, optionally, have a boolean "ipv4" field but got {"vcpu":"1","memory":5,"ipv4":"yes","image":null,"location":[]}.', '- "cloudchamber" bindings should, optionally, have a number "vcpu" field but got {"vcpu":"1","memory":5,"ipv4":"yes","image":null,"location":[]}.']),
    ('cloudchamber-instance-types', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": "lite"}, "env": {"a": {"cloudchamber": {"instance_type": "dev"}}, "b": {"cloudchamber": {"instance_type": "standard"}}}}', 'a', True,
     []),
    ('cloudchamber-instance-standard', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": "standard"}}', None, True,
     []),
    ('cloudchamber-instance-bad', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": "large"}}', None, False,
     ['Processing wrangler.json configuration:', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got large']),
    ('cloudchamber-instance-number', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": 5, "vcpu": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got 5', '- "cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"']),
    ('cloudchamber-instance-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": null, "memory": null}}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" bindings should, optionally, have a string "memory" field but got {"instance_type":null,"memory":null}.', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got null', '- "cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"']),
    ('cloudchamber-instance-array', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": ["a", 1], "memory": "1GB", "vcpu": 2}}', None, False,
     ['Processing wrangler.json configuration:', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got a,1', '- "cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"']),
    ('cloudchamber-instance-object', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": {"a": 1}, "vcpu": "x"}}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" bindings should, optionally, have a number "vcpu" field but got {"instance_type":{"a":1},"vcpu":"x"}.', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got [object Object]', '- "cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"']),
    ('cloudchamber-instance-float', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": 1.5}}', None, False,
     ['Processing wrangler.json configuration:', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got 1.5']),
    ('cloudchamber-instance-with-memory', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"instance_type": "basic", "memory": "1GB"}}', None, False,
     ['Processing wrangler.json configuration:', '- "cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"']),
    ('cloudchamber-env', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"vcpu": 1}, "env": {"s": {"cloudchamber": "x"}, "t": {}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- "cloudchamber" should be an object, but got "x"']),
    ('cloudchamber-env-left-out', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "cloudchamber": {"vcpu": "1"}, "env": {"s": {}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- "cloudchamber" exists at the top level, but not on "env.s".', 'This is not what you probably want, since "cloudchamber" is not inherited by environments.', 'Please add "cloudchamber" to "env.s".', 'Processing wrangler.json configuration:', '- "cloudchamber" bindings should, optionally, have a number "vcpu" field but got {"vcpu":"1"}.']),
    ('cloudchamber-toml', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[cloudchamber]\nmemory = 1979-05-27\nvcpu = nan\ninstance_type = "lite"\n', None, False,
     ['Processing wrangler.toml configuration:', '- "cloudchamber" bindings should, optionally, have a string "memory" field but got {"memory":"1979-05-27","vcpu":null,"instance_type":"lite"}.', '- "cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"']),
    ('cloudchamber-toml-instance-date', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[cloudchamber]\ninstance_type = 1979-05-27\n', None, False,
     ['Processing wrangler.toml configuration:', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got Sun May 27 1979 00:00:00 GMT+0000 (Coordinated Universal Time)']),
    ('cloudchamber-toml-instance-time', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[cloudchamber]\ninstance_type = 07:32:00\nimage = 07:32:00\n', None, False,
     ['Processing wrangler.toml configuration:', '- "cloudchamber" bindings should, optionally, have a string "image" field but got {"instance_type":"07:32:00.000","image":"07:32:00.000"}.', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got Sat Jan 01 0000 07:32:00 GMT+0000 (Coordinated Universal Time)']),
    ('cloudchamber-toml-instance-dates', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[cloudchamber]\ninstance_type = [1979-05-27T07:32:00Z, 1979-05-27T00:32:00.5-07:00, 07:32:00, 1]\n', None, False,
     ['Processing wrangler.toml configuration:', '- "instance_type" should be one of \'lite\', \'basic\', \'standard-1\', \'standard-2\', \'standard-3\', or \'standard-4\', but got Sun May 27 1979 07:32:00 GMT+0000 (Coordinated Universal Time),Sun May 27 1979 07:32:00 GMT+0000 (Coordinated Universal Time),Sat Jan 01 0000 07:32:00 GMT+0000 (Coordinated Universal Time),1']),
    ('cloudchamber-toml-date', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\ncloudchamber = 1979-05-27\n', None, True,
     []),
    ('cloudchamber-toml-env', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[env.s.cloudchamber]\nipv4 = 1\ninstance_type = "standard-4"\nvcpu = 2\n', 's', False,
     ['Processing wrangler.toml configuration:', '- "env.s" environment configuration', '- "cloudchamber" bindings should, optionally, have a boolean "ipv4" field but got {"ipv4":1,"instance_type":"standard-4","vcpu":2}.', '- "cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"']),

]



@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_cloudchamber_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str,
                                             env: str | None, ok: bool, expected: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, expected)


def test_a_toml_table_as_instance_type_is_named_not_a_crash(tmp_path: Path) -> None:
    """wrangler 4.168.0 stops with ``Cannot convert object to primitive value`` (smol-toml's tables have no
    prototype, so ``${value}`` cannot print one); workers-env prints it as a JSON object's: ``[object Object]``."""
    text = 'name = "w"\n[cloudchamber.instance_type]\na = 1\n'
    assert checked(tmp_path, "wrangler.toml", text, None) == (False, [
        "Processing wrangler.toml configuration:",
        "- \"instance_type\" should be one of 'lite', 'basic', 'standard-1', 'standard-2', 'standard-3', or "
        "'standard-4', but got [object Object]",
    ])


def test_validate_and_load_env_refuse_a_bad_cloudchamber_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = 'name = "w"\nmain = "a.js"\n[cloudchamber]\ninstance_type = "lite"\nvcpu = 2\n'
    refused_everywhere(tmp_path, monkeypatch, capsys, text,
                       '"cloudchamber" configuration should not set either "memory" or "vcpu" with "instance_type"')
