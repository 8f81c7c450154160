"""``workers-env dev -c A -c B``: wrangler 4.164.0's multi-Worker session (measured with
JavaScript twins of both Workers, ``no_bundle`` as wrangler serves a Python Worker).

The first config's Worker is the one served on the port; every config's ``[[services]]`` entry
whose ``service`` is the name of a Worker of the session -- its name under ``--env``, which
applies to every config (``search`` run as ``search-staging``) -- reaches that Worker (its
``entrypoint`` class, if it names one); ``environment`` plays no part in the match (a
``service = "search", environment = "staging"`` entry stays unconnected when the callee runs as
``search-staging``). Any other entry is ``[not connected]``: a call rejects with ``Worker "<name>"
not found. Make sure it is running locally.``, a fetch answers 503 with that text. Each Worker
reads its own ``.dev.vars``; ``--var`` goes to the first Worker only; the state of all lives in
the first config's ``.wrangler/state`` (or ``--persist-to``); every Worker's queue consumers run,
on its own sends and on the other Workers' (:func:`route_session_queues`; two Workers consuming
one queue: :func:`multiple_consumers`). An
``entrypoint`` the callee does not export stops the session before it serves, as workerd refuses
to start.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workers_env._env import env_config
from workers_env.config.bindings import queue_entries
from workers_env.config.compat import redundant_flag_warnings, workerd_refusal
from workers_env.queues.assembly import queue_broker
from workers_env.queues.producer import QueueProducer
from workers_env.runtime.services import NotConnected, ServiceSource, WorkerService

__all__ = ["RUNTIME_FAILED", "SessionBroker", "SessionService", "Slot", "configs_as_edited",
           "edited_consumers_problem", "empty_session_queues", "missing_entrypoints", "refused_flags",
           "multiple_consumers", "route_session_queues", "runtime_failed", "session_bindings", "worker_name"]


class Slot:
    """Where a Worker of the session is found: the one loaded last (a reload replaces it), or,
    for the served one, the dev server's current Worker (``app``, set once it serves). It is the
    ``app`` a callee's reloader swaps Workers in (``worker``, ``in_flight``: empty, as no request
    of the server's is a callee's; its calls are counted by the Worker, ``requests_alive``)."""

    def __init__(self) -> None:
        self.worker: Any = None
        self.app: Any = None
        self.in_flight: dict[Any, int] = {}

    def current(self) -> Any:
        return self.app.worker if self.app is not None else self.worker


class SessionService(ServiceSource):
    """A ``[[services]]`` entry bound to a Worker of the session (its ``entrypoint`` class, if
    named): calls reach whichever Worker the slot holds when they are made."""

    def __init__(self, slot: Slot, entrypoint: str | None):
        self.slot = slot
        self.entrypoint = entrypoint

    def as_service(self, caller_config: Any = None) -> WorkerService:
        return WorkerService(self.slot.current, caller_config, self.entrypoint)


class SessionBroker:
    """The broker of a queue another Worker of the session consumes, as a producer of a Worker
    that does not consume it sees it: wrangler dev runs the session in one Miniflare, so what
    one Worker sends reaches the other's ``queue()`` (measured: ``tools/wrangler/dev_session_probe.py
    queues``). Which Worker consumes it is read at each call, as a config edit reaches wrangler's
    Miniflare: a reload's env has a broker of its own, may consume the queue anew or no longer."""

    def __init__(self, slots: list[Slot]):
        self.slots = slots

    def _broker(self, queue: str) -> Any:
        for slot in self.slots:
            worker = slot.current()
            broker = None if worker is None else queue_broker(worker.env)
            if broker is not None and broker.consumes(queue):
                return broker
        return None

    def consumes(self, queue: str) -> bool:
        return self._broker(queue) is not None

    def enqueue(self, queue: str, messages: list[tuple[Any, str, float | None, int]], now: float,
                **options: Any) -> dict[str, Any]:
        return dict(self._broker(queue).enqueue(queue, messages, now, **options))

    def metrics(self, queue: str) -> dict[str, Any]:
        return dict(self._broker(queue).metrics(queue))


def _consumed(config: Any) -> dict[str, None]:
    """The queues a config's ``queues.consumers`` names, each once, in order."""
    return dict.fromkeys(entry["queue"] for entry in queue_entries(config.merged, "consumers")
                         if isinstance(entry, Mapping) and isinstance(entry.get("queue"), str))


def multiple_consumers(configs: list[Any]) -> str | None:
    """Miniflare's refusal of a queue two Workers of the session consume (``getQueueConsumers``,
    ``ERR_MULTIPLE_CONSUMERS``; wrangler dev -c A -c B 4.164.0 stops with it after the tables),
    or None. One config naming a queue twice starts (measured)."""
    consumers: dict[str, str] = {}
    for config in configs:
        for queue in _consumed(config):
            if queue in consumers:
                first, second = consumers[queue], worker_name(config)
                return f'Multiple consumers defined for queue "{queue}": "{first}" and "{second}"'
            consumers[queue] = worker_name(config)
    return None


def configs_as_edited(slots: Mapping[str, Slot], own: str, edited: Any) -> list[Any]:
    """The session's configs in its order once Worker ``own``'s is ``edited``: the others' as
    their Workers serving now have them (one that has not loaded left out)."""
    configs = []
    for name, slot in slots.items():
        worker = slot.current()
        config = edited if name == own else None if worker is None else env_config(worker.env)
        if config is not None:
            configs.append(config)
    return configs


def edited_consumers_problem(slots: Mapping[str, Slot], own: str, edited: Any) -> str | None:
    """:func:`multiple_consumers` of the session once Worker ``own``'s config is ``edited``
    (:func:`configs_as_edited`): wrangler dev 4.164.0 stops on such an edit
    after ``⎔ Reloading local server...`` (measured: b's config given a consumer of a's queue,
    exit 1); workers-env keeps the last config that loaded, as for any edit that does not load
    (devreload.py's module docstring)."""
    return multiple_consumers(configs_as_edited(slots, own, edited))


def route_session_queues(env: Any, own: str, slots: Mapping[str, Slot]) -> None:
    """Point each producer of ``env`` (Worker ``own``'s) whose queue its own Worker does not
    consume at the session's other Workers, whichever of them consumes it at the time of a send
    (:func:`multiple_consumers` refuses two; with none, the send is dropped unread)."""
    others = [slot for name, slot in slots.items() if name != own]
    for name in env:
        producer = env.unwrapped(name)
        if isinstance(producer, QueueProducer) and producer.broker is None and others:
            producer.broker = SessionBroker(others)  # type: ignore[assignment]


def empty_session_queues(slots: Mapping[str, Slot]) -> None:
    """What a reload of any Worker of the session does to every Worker's queues: wrangler dev
    4.164.0 restarts the session's one runtime, so a message another Worker had waiting (its
    batch timeout, its delay) is never delivered (measured with JavaScript twins)."""
    for slot in slots.values():
        worker = slot.current()
        broker = None if worker is None else queue_broker(worker.env)
        if broker is not None:
            broker.clear()


def worker_name(config: Any) -> str:
    """The name a config's Worker runs under in the session (``[env.NAME]``'s name applied)."""
    return str(config.name or Path(config.path).parent.name)


def _service_entries(config: Any) -> list[Mapping[str, Any]]:
    entries = config.merged.get("services") if isinstance(config.merged, dict) else None
    return [e for e in entries if isinstance(e, Mapping) and isinstance(e.get("binding"), str)
            and isinstance(e.get("service"), str)] if isinstance(entries, list) else []


def session_bindings(config: Any, slots: Mapping[str, Slot]) -> dict[str, ServiceSource]:
    """``config``'s service bindings in the session: a Worker of it, or :class:`NotConnected`."""
    found: dict[str, ServiceSource] = {}
    for entry in _service_entries(config):
        slot = slots.get(entry["service"])
        entrypoint = entry.get("entrypoint") if isinstance(entry.get("entrypoint"), str) else None
        found[entry["binding"]] = SessionService(slot, entrypoint) if slot is not None else NotConnected(entry["service"])
    return found


#: wrangler dev's line after workerd's refusal to start (4.164.0, measured)
RUNTIME_FAILED = ("The Workers runtime failed to start. There was likely a problem with the workerd binary or your "
                  "configuration.")
#: where workerd logs the lines it refuses to start with, as its ``Runtime stderr`` names it (workerd
#: 1.20261123.1, wrangler 4.168.0's; 1.20261117.1, 4.164.0's, said ``entry.rs:170``: devprobes69)
_RUNTIME_SOURCE = "src/workerd/server/server/entry.rs:171"


def runtime_failed(lines: list[tuple[bool, str]]) -> str:
    """wrangler dev's error when workerd does not start: :data:`RUNTIME_FAILED`, then miniflare's
    ``Runtime stderr:`` and what workerd wrote there, each of its ``lines`` (``(is_error, text)``,
    as printed above it) a JSON record of the time in milliseconds (one for all: workerd logs
    them together, most often within one millisecond; measured), its level, workerd's source
    line and the text (wrangler dev 4.164.0, measured with JavaScript twins: refused flags at
    start and after a config edit, a missing named entrypoint, a top-level throw, a module that
    does not parse)."""
    now = str(time.time_ns() // 1_000_000)
    logged = [json.dumps({"timestamp": now, "level": "error" if is_error else "warn", "source": _RUNTIME_SOURCE,
                          "message": text, "context_depth": 0}, ensure_ascii=False, separators=(",", ":"))
              for is_error, text in lines]
    return "\n".join([RUNTIME_FAILED, "Runtime stderr:", *logged])


def refused_flags(configs: list[Any]) -> tuple[list[tuple[bool, str]], list[str]]:
    """workerd's lines on the session Workers' ``compatibility_flags`` as wrangler dev 4.164.0
    prints them as its runtime starts, each Worker's refusals (an unknown name, a contradictory
    pair: ``(True, line)``) then its warnings (a flag its date turns on already: ``(False,
    line)``), each ``service core:user:<name>: ...`` (measured: a JavaScript Worker given
    ``--compatibility-flags made_up``, one whose ``[env.staging]`` names one, under its name
    ``wd-staging``, and ``-c a -c b`` with a redundant flag in both and an unknown one in b: a's
    warning, b's error, b's warning) -- and workers-env's hints, each once; workerd's refusal of the
    Worker's date comes first (:func:`.compat.workerd_refusal`), and no warning after it (measured)."""
    lines: list[tuple[bool, str]] = []
    hints: list[str] = []
    for config in configs:
        refused, notes = workerd_refusal(config)
        said = [(True, line) for line in refused] + [(False, line) for line in redundant_flag_warnings(config)]
        lines += [(is_error, f"service core:user:{worker_name(config)}: {line}") for is_error, line in said]
        hints += [note for note in notes if note not in hints]
    return lines, hints


def missing_entrypoints(configs: list[Any], slots: Mapping[str, Slot]) -> list[str]:
    """workerd's refusal, one line each, of every binding to an entrypoint its Worker lacks:
    the Workers' own lines, then those of the proxy binding miniflare gives each
    (``Worker "core:entry"'s binding "MINIFLARE_PROXY:core:<worker>:<binding>"``), as wrangler
    dev -c A -c B 4.164.0 prints them (measured with a missing entrypoint in each of two Workers)."""
    from workers_env.runtime.loadedworker import missing_entrypoint_text

    lines, proxies = [], []
    for config in configs:
        for entry in _service_entries(config):
            slot, entrypoint = slots.get(entry["service"]), entry.get("entrypoint")
            if slot is None or not isinstance(entrypoint, str):
                continue
            exported = slot.current().named_entrypoints()
            if entrypoint not in exported:
                caller, binding, callee = worker_name(config), entry["binding"], entry["service"]
                lines.append(missing_entrypoint_text(caller, binding, callee, entrypoint, exported))
                proxies.append(f'Worker "core:entry"\'s binding "MINIFLARE_PROXY:core:{caller}:{binding}" refers to '
                               f'service "core:user:{callee}" with a named entrypoint "{entrypoint}", but '
                               f'"core:user:{callee}" has no such named entrypoint.')
    return lines + proxies
