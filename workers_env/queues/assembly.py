"""Building ``env.<BINDING>`` for each ``queues.producers`` entry of a config.

A producer records what the Worker sends (``producer.py``); a binding you supply under the
same name replaces it, as for every kind. Each ``load_env`` starts with empty records.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env._env import AssemblyContext, Env
from workers_env.config.bindings import queue_entries
from workers_env.config.compat import QUEUE_EXPOSE_ERROR_CODES, QUEUES_JSON_MESSAGES, flag_enabled
from workers_env.queues.broker import QueueBroker, consumer_options, delivery_delay
from workers_env.queues.producer import QueueProducer

__all__ = ["build_bindings", "queue_broker"]

#: where the env's assembly context keeps its broker (beside ``load_env``'s options)
_BROKER_OPTION = "queue_broker"


def _producers(config: Any) -> list[tuple[int, Mapping[str, Any]]]:
    """The well-formed ``queues.producers`` entries, with their index."""
    return [(i, p) for i, p in enumerate(queue_entries(config.merged, "producers"))
            if isinstance(p, Mapping) and isinstance(p.get("binding"), str)]


def _consumers(config: Any) -> list[tuple[int, Mapping[str, Any]]]:
    """The well-formed ``queues.consumers`` entries, with their index."""
    return [(i, c) for i, c in enumerate(queue_entries(config.merged, "consumers"))
            if isinstance(c, Mapping) and isinstance(c.get("queue"), str)]


def build_bindings(context: AssemblyContext) -> dict[str, QueueProducer]:
    """One :class:`QueueProducer` per well-formed ``queues.producers`` entry (the last of a
    binding named twice), sharing one :class:`QueueBroker` of the queues the config consumes
    (``queues.consumers``: the last entry of a queue named twice, as wrangler's
    ``Object.fromEntries`` hands Miniflare one, measured: its options are the ones used). A queue's
    ``delivery_delay`` is its first producer's, for every producer of it and for what its
    broker moves there as a dead-letter queue: Miniflare's broker reads the first producer of
    the queue it finds, whichever binding sent (measured under ``wrangler dev`` 4.164.0: a
    send through a second binding without a delay waited for the first's 2 s); one out of
    Miniflare's range stops the load (:func:`delivery_delay`)."""
    config = context.config
    json_messages = flag_enabled(QUEUES_JSON_MESSAGES, config)
    error_codes = flag_enabled(QUEUE_EXPOSE_ERROR_CODES, config)
    chosen = {entry["queue"]: (i, entry) for i, entry in _consumers(config)}
    consumed = {queue: consumer_options(entry, f"queues.consumers[{i}]") for queue, (i, entry) in chosen.items()}
    producers = {entry["binding"]: (i, entry) for i, entry in _producers(config)}
    queues = {binding: entry["queue"] if isinstance(entry.get("queue"), str) and entry["queue"] else binding
              for binding, (_, entry) in producers.items()}
    delays: dict[str, int | float | None] = {}
    for binding, (i, entry) in producers.items():
        delays.setdefault(queues[binding], delivery_delay(entry, f"queues.producers[{i}]"))
    broker = QueueBroker(consumed, delivery_delays=delays) if consumed else None
    if broker is not None:  # reachable with no producer of its own too: another Worker of a dev session may send
        context.options = {**context.options, _BROKER_OPTION: broker}
    clock = context.options.get("clock")
    return {binding: QueueProducer(binding=binding, queue=queues[binding], json_messages=json_messages,
                                   delivery_delay=delays[queues[binding]], broker=broker, clock=clock,
                                   error_codes=error_codes)
            for binding in producers}


def queue_broker(env: Any) -> QueueBroker | None:
    """The broker of the queues an env's Worker consumes (``queues.consumers``), or None (it
    consumes none): the one its assembly kept, else (an env assembled without it) its producers'."""
    if not isinstance(env, Env):
        return None
    context = getattr(env, "_context", None)
    kept = context.options.get(_BROKER_OPTION) if context is not None else None
    if isinstance(kept, QueueBroker):
        return kept
    for name in env:
        producer = env.unwrapped(name)
        if isinstance(producer, QueueProducer) and isinstance(producer.broker, QueueBroker):
            return producer.broker  # (not another dev session Worker's, which a producer may be pointed at)
    return None
