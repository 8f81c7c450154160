"""Building ``env.<BINDING>`` for each ``queues.producers`` entry of a config.

A producer records what the Worker sends (``producer.py``); a binding you supply under the
same name replaces it, as for every kind. Each ``load_env`` starts with empty records.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env._env import AssemblyContext
from workers_env.config.compat import QUEUES_JSON_MESSAGES, flag_enabled
from workers_env.queues.producer import QueueProducer

__all__ = ["build_bindings"]

def _producers(config: Any) -> list[Mapping[str, Any]]:
    queues = config.merged.get("queues")
    producers = queues.get("producers") if isinstance(queues, Mapping) else None
    if not isinstance(producers, list):
        return []
    return [p for p in producers if isinstance(p, Mapping) and isinstance(p.get("binding"), str)]


def build_bindings(context: AssemblyContext) -> dict[str, QueueProducer]:
    """One :class:`QueueProducer` per well-formed ``queues.producers`` entry."""
    config = context.config
    json_messages = flag_enabled(QUEUES_JSON_MESSAGES, config)
    bindings: dict[str, QueueProducer] = {}
    for entry in _producers(config):
        delay = entry.get("delivery_delay")
        bindings[entry["binding"]] = QueueProducer(
            binding=entry["binding"], queue=entry.get("queue") if isinstance(entry.get("queue"), str) else None,
            json_messages=json_messages,
            delivery_delay=delay if isinstance(delay, (int, float)) and not isinstance(delay, bool) else None)
    return bindings
