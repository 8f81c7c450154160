"""An ``r2_buckets`` entry's ``local_dev`` is checked as wrangler 4.168.0's ``validateR2Binding``
checks it: an object (an array is one), whose ``experimental_s3_credentials`` is warned of as
experimental and must hold string ``accessKeyId`` and ``secretAccessKey``, its other fields
unexpected. Each case's lines are wrangler's own (``unstable_readConfig`` on the same file, session 69;
found by running both over workers-sdk's 242 real configs, where a vite-plugin playground has one)."""

from __future__ import annotations

import json

import pytest
from config_report_helpers import checked, refused_everywhere

HEAD = "Processing wrangler.json configuration:"
EXPERIMENTAL = '- "local_dev.experimental_s3_credentials" fields are experimental and may change or break at any time.'


def _config(local_dev: object) -> str:
    return json.dumps({"name": "w", "main": "a.js", "compatibility_date": "2025-01-01",
                       "r2_buckets": [{"binding": "B", "bucket_name": "bkt", "local_dev": local_dev}]})


def _got(local_dev: object) -> str:
    return json.dumps({"binding": "B", "bucket_name": "bkt", "local_dev": local_dev}, separators=(",", ":"))


def _credentials_error(local_dev: object) -> str:
    return ('- "r2_buckets[0]" bindings should, optionally, have a "local_dev.experimental_s3_credentials" field with '
            f'string "accessKeyId" and "secretAccessKey" fields, but got {_got(local_dev)}.')


VALID = {"experimental_s3_credentials": {"accessKeyId": "a", "secretAccessKey": "b"}}
NO_SECRET = {"experimental_s3_credentials": {"accessKeyId": "a"}}
NUMBER = {"experimental_s3_credentials": 5}
BOTH = {"experimental_s3_credentials": {"accessKeyId": 1, "secretAccessKey": "b"}, "zz": True}

CASES = [
    (VALID, True, [HEAD, EXPERIMENTAL]),
    (NO_SECRET, False, [HEAD, EXPERIMENTAL, HEAD, _credentials_error(NO_SECRET)]),
    (NUMBER, False, [HEAD, EXPERIMENTAL, HEAD, _credentials_error(NUMBER)]),
    (BOTH, False, [HEAD, EXPERIMENTAL, '- Unexpected fields found in r2_buckets[0].local_dev field: "zz"', HEAD,
                   _credentials_error(BOTH)]),
    ({"other": 1}, True, [HEAD, '- Unexpected fields found in r2_buckets[0].local_dev field: "other"']),
    ([], True, []),
    (["x"], True, [HEAD, '- Unexpected fields found in r2_buckets[0].local_dev field: "0"']),
    ("x", False, [HEAD, f'- "r2_buckets[0]" bindings should, optionally, have an object "local_dev" field but got {_got("x")}.']),
    (None, False, [HEAD, f'- "r2_buckets[0]" bindings should, optionally, have an object "local_dev" field but got {_got(None)}.']),
]


@pytest.mark.parametrize(("local_dev", "ok", "lines"), CASES)
def test_local_dev_reported_as_wrangler_reports_it(tmp_path, monkeypatch, local_dev, ok, lines):
    monkeypatch.delenv("WRANGLER_DISABLE_EXPERIMENTAL_WARNING", raising=False)
    assert checked(tmp_path, "wrangler.json", _config(local_dev), None) == (ok, lines)


def test_the_experimental_warning_is_silenced_as_wrangler_silences_it(tmp_path, monkeypatch):
    monkeypatch.setenv("WRANGLER_DISABLE_EXPERIMENTAL_WARNING", "")
    assert checked(tmp_path, "wrangler.json", _config(VALID), None) == (True, [])


def test_bad_credentials_are_refused_by_validate_and_load_env(tmp_path, monkeypatch, capsys):
    text = ('name = "w"\nmain = "a.js"\ncompatibility_date = "2025-01-01"\n[[r2_buckets]]\nbinding = "B"\n'
            'bucket_name = "bkt"\n[r2_buckets.local_dev.experimental_s3_credentials]\naccessKeyId = "a"\n')
    refused_everywhere(tmp_path, monkeypatch, capsys, text, 'have a "local_dev.experimental_s3_credentials" field')
