"""``durable_objects.code_update_strategy`` -- of the top level and an ``[env.NAME]`` -- checked as wrangler
4.168.0's ``validateDurableObjectsProperty`` checks it: an object (a TOML date is one, without fields) whose
``mode`` is required and ``"immediate"`` or ``"deferred"``, whose optional ``max_delay`` is a number of seconds
from 0 to 86400 to the millisecond (``0.0004`` is too fine, ``1.0005`` too), other fields warned of. In a
``previews`` table ``code_update_strategy`` is an unknown field and ``bindings`` is required. Each case's
verdict and lines are what ``unstable_readConfig`` of wrangler 4.168.0 printed for it (cfga69); before,
workers-env checked nothing of it (4 of the 19 verdicts alike)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked, refused_everywhere

CASES = [
    ('b69-do-strategy-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"bindings": [], "code_update_strategy": {"mode": "deferred", "max_delay": 0.001}}}', None, True,
     []),
    ('b69-do-strategy-kinds', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": 5}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "durable_objects.code_update_strategy" should be an object but got 5.']),
    ('b69-do-strategy-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": null}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "durable_objects.code_update_strategy" should be an object but got null.']),
    ('b69-do-strategy-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"x": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in durable_objects.code_update_strategy field: "x"', 'Processing wrangler.json configuration:', '- "durable_objects.code_update_strategy.mode" is a required field.']),
    ('b69-do-strategy-mode', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "later", "max_delay": "1"}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "durable_objects.code_update_strategy.mode" field to be one of ["immediate","deferred"] but got "later".', '- Expected "durable_objects.code_update_strategy.max_delay" to be of type number but got "1".']),
    ('b69-do-strategy-mode-number', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": 1, "max_delay": -1}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "durable_objects.code_update_strategy.mode" to be of type string but got 1.', '- Expected "durable_objects.code_update_strategy.max_delay" to be between 0 and 86400 seconds but got -1.']),
    ('b69-do-strategy-too-long', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "immediate", "max_delay": 86400.5}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "durable_objects.code_update_strategy.max_delay" to be between 0 and 86400 seconds but got 86400.5.']),
    ('b69-do-strategy-limit', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "immediate", "max_delay": 86400}}}', None, True,
     []),
    ('b69-do-strategy-precision', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "deferred", "max_delay": 0.0001}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "durable_objects.code_update_strategy.max_delay" to use millisecond precision but got 0.0001.']),
    ('b69-do-strategy-precision-2', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "deferred", "max_delay": 1.0005}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "durable_objects.code_update_strategy.max_delay" to use millisecond precision but got 1.0005.']),
    ('b69-do-strategy-max-delay-kinds', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "deferred", "max_delay": null}}, "env": {"e": {"durable_objects": {"code_update_strategy": {"max_delay": true}}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- Expected "durable_objects.code_update_strategy.max_delay" to be of type number but got null.', '- "env.e" environment configuration', '- "env.e.durable_objects.code_update_strategy.mode" is a required field.', '- Expected "env.e.durable_objects.code_update_strategy.max_delay" to be of type number but got true.']),
    ('b69-do-strategy-toml', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[durable_objects]\ncode_update_strategy = 1979-05-27\n', None, False,
     ['Processing wrangler.toml configuration:', '- "durable_objects.code_update_strategy.mode" is a required field.']),
    ('b69-do-strategy-toml-inf', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[durable_objects.code_update_strategy]\nmode = "deferred"\nmax_delay = inf\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected "durable_objects.code_update_strategy.max_delay" to be between 0 and 86400 seconds but got null.']),
    ('b69-do-strategy-toml-nan', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[durable_objects.code_update_strategy]\nmode = "immediate"\nmax_delay = nan\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected "durable_objects.code_update_strategy.max_delay" to be between 0 and 86400 seconds but got null.']),
    ('b69-do-strategy-zero', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "immediate", "max_delay": 0}}}', None, True,
     []),
    ('b69-do-strategy-tiny', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "durable_objects": {"code_update_strategy": {"mode": "immediate", "max_delay": 0.0004}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "durable_objects.code_update_strategy.max_delay" to use millisecond precision but got 0.0004.']),
    ('b69-do-strategy-env', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "env": {"e": {"durable_objects": {"bindings": [], "code_update_strategy": []}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- The field "env.e.durable_objects.code_update_strategy" should be an object but got [].']),
    ('b69-do-strategy-previews', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"durable_objects": {"bindings": [], "code_update_strategy": {"mode": "x"}}}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in previews.durable_objects field: "code_update_strategy"']),
    ('b69-do-previews-no-bindings', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"durable_objects": {}}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "previews.durable_objects" is missing the required "bindings" property.']),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_code_update_strategy_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str,
                                                     env: str | None, ok: bool, expected: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, expected)


def test_validate_and_load_env_refuse_a_finer_than_millisecond_max_delay_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = 'name = "w"\nmain = "a.js"\n[durable_objects.code_update_strategy]\nmode = "deferred"\nmax_delay = 0.0001\n'
    refused_everywhere(tmp_path, monkeypatch, capsys, text,
                       'Expected "durable_objects.code_update_strategy.max_delay" to use millisecond precision but got 0.0001.')
