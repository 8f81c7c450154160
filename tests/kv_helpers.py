"""Shared by the KV tests: a wrangler.toml with one KV namespace, and running a coroutine."""

from __future__ import annotations

import asyncio
from typing import Any

LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"
"""What wrangler prints before ``kv key put|delete`` and ``kv bulk put|delete`` run."""

KV_TOML = 'name = "kv-test"\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns-1"\n'


def run(coro: Any) -> Any:
    return asyncio.run(coro)
