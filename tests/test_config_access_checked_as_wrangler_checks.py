"""The ``access`` table -- of the top level and an ``[env.NAME]`` -- checked as wrangler 4.168.0's
``validateAccess`` checks it: an object (an array or a TOML date is one to JavaScript) whose optional
``dev`` is an object (``null`` passes the type test) needing a string ``aud`` and taking an optional
``identity`` object, other fields warned of at both levels. The field is inherited: an environment's own is
checked under the name ``access``, and one without it is not warned of; ``previews`` has none. Each case's
verdict and lines are what ``unstable_readConfig`` of wrangler 4.168.0 printed for it (cfga69); before,
workers-env checked nothing of it (7 of the 16 verdicts alike)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked, refused_everywhere

CASES = [
    ('b69-access-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": {"aud": "a", "identity": {"email": "e"}}}}', None, True,
     []),
    ('b69-access-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {}}', None, True,
     []),
    ('b69-access-kinds', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": 5}', None, False,
     ['Processing wrangler.json configuration:', '- "access" should be an object but got 5.']),
    ('b69-access-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": null}', None, False,
     ['Processing wrangler.json configuration:', '- "access" should be an object but got null.']),
    ('b69-access-array', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": [1]}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in access field: "0"']),
    ('b69-access-dev-kinds', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": "x", "y": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in access field: "y"', 'Processing wrangler.json configuration:', '- Expected "access.dev" to be of type object but got "x".']),
    ('b69-access-dev-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": null}}', None, True,
     []),
    ('b69-access-dev-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": {}}}', None, False,
     ['Processing wrangler.json configuration:', '- "access.dev.aud" is a required field.']),
    ('b69-access-dev-array', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": ["a"]}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in access.dev field: "0"', 'Processing wrangler.json configuration:', '- "access.dev.aud" is a required field.']),
    ('b69-access-dev-fields', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": {"aud": 1, "identity": "x", "z": 2}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in access.dev field: "z"', 'Processing wrangler.json configuration:', '- Expected "access.dev.aud" to be of type string but got 1.', '- Expected "access.dev.identity" to be of type object but got "x".']),
    ('b69-access-dev-identity-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": {"aud": "a", "identity": null}}}', None, True,
     []),
    ('b69-access-toml-dates', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[access]\ndev = 1979-05-27\n', None, False,
     ['Processing wrangler.toml configuration:', '- "access.dev.aud" is a required field.']),
    ('b69-access-toml-date', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\naccess = 1979-05-27\n', None, True,
     []),
    ('b69-access-env', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": {"aud": "a"}}, "env": {"e": {"access": {"dev": {"aud": 2}}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- Expected "access.dev.aud" to be of type string but got 2.']),
    ('b69-access-env-inherits', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "access": {"dev": {}}, "env": {"e": {}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "access.dev.aud" is a required field.']),
    ('b69-access-previews', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"access": {"dev": {}}}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in previews field: "access"']),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_access_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str,
                                       env: str | None, ok: bool, expected: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, expected)


def test_validate_and_load_env_refuse_an_access_dev_without_aud_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    refused_everywhere(tmp_path, monkeypatch, capsys, 'name = "w"\nmain = "a.js"\n[access.dev]\nidentity = {}\n',
                       '"access.dev.aud" is a required field.')
