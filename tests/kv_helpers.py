"""Shared by the KV tests: a wrangler.toml with one KV namespace, running a coroutine, and the
text of the ``JsException`` it fails with."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from workers_env import JsException

LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"
"""What wrangler prints before ``kv key put|delete`` and ``kv bulk put|delete`` run."""

KV_TOML = 'name = "kv-test"\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns-1"\n'


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def error_of(coro: Any) -> str:
    """``str()`` of the ``JsException`` running ``coro`` raises (the test fails if none)."""
    with pytest.raises(JsException) as err:
        run(coro)
    return str(err.value)
