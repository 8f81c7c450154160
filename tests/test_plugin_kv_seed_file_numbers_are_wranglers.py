"""A KV items file given to ``seed_kv_namespace`` (or the ``workers_env_kv_seed`` fixture) reads
its numbers as ``wrangler kv bulk put --local`` 4.164.0 does (``JSON.parse``, measured with ``kv key
list --local`` after it): an integer past 2**53 is rounded to a double (``9007199254740993`` stored
as ``9007199254740992``; before, a Python int refused as a BigInt), 30 digits are a double, ``-0``
and ``1e-400`` are ``0``, ``1e400`` is Infinity (metadata ``null``; an expiration of it refused
as ``0``, workerd's text), ``1E2`` is ``100``, ``1.0`` is ``1``."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_env
from workers_env.pytest_plugin import seed_kv_namespace

NUMBERS = ('{"big": 9007199254740993, "f": 0.1, "neg0": -0, "negf": -0.0, "huge": 1e400, "nhuge": -1e400, '
           '"e": 1E2, "one": 1.0, "tiny": 5e-324, "under": 1e-400, "long": 123456789012345678901234567890}')
# `wrangler kv key list --binding KV --local` after `wrangler kv bulk put` of the same file
WRANGLER = {"big": 9007199254740992, "f": 0.1, "neg0": 0, "negf": 0, "huge": None, "nhuge": None, "e": 100,
            "one": 1, "tiny": 5e-324, "under": 0, "long": 1.2345678901234568e+29}


@pytest.fixture
def kv(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "k"\ncompatibility_date = "2025-11-01"\n'
                                            '[[kv_namespaces]]\nbinding = "KV"\nid = "abc123"\n')
    return load_env(tmp_path).unwrapped("KV")


def test_metadata_numbers_are_stored_as_wrangler_stores_them(kv, tmp_path):
    (tmp_path / "items.json").write_text(f'[{{"key": "m", "value": "x", "metadata": {NUMBERS}}}]')
    assert seed_kv_namespace(kv, "items.json", base=tmp_path) == 1
    [key] = kv.list_sync()["keys"]
    assert key["metadata"] == WRANGLER
    assert repr(key["metadata"]["big"]) in ("9007199254740992", "9007199254740992.0")


@pytest.mark.parametrize(("field", "text"), [
    ("expiration", "KV PUT failed: 400 Invalid expiration of 0. Please specify integer greater than the current "
                   "number of seconds since the UNIX epoch."),
    ("expiration_ttl", "KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0."),
])
def test_an_infinite_expiration_is_refused_as_wrangler_refuses_it(kv, tmp_path, field, text):
    (tmp_path / "items.json").write_text(f'[{{"key": "i", "value": "y", "{field}": 1e400}}]')
    with pytest.raises(ConfigError) as error:
        seed_kv_namespace(kv, "items.json", base=tmp_path)
    assert str(error.value) == f"item 0 (key 'i'): {text}"
    assert kv.list_sync()["keys"] == []
