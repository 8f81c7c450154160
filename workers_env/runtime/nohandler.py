"""workerd's warning for an event its Worker's default export has no handler for.

From ``python_no_global_handlers`` (2025-08-14) a Python Worker without a ``Default`` class
exports an empty handler object, so workerd itself meets each event: before it throws
``Handler does not export a fetch() function.`` it logs, once per isolate
(``lock.logWarningOnce`` in ``global-scope.c++`` and ``queue.c++``), a warning naming the
missing handler -- on stdout with no prefix under ``wrangler dev`` (4.164.0, an unbundled
JavaScript twin exporting ``{}``: the fetch and the scheduled lines once each, whatever the
number of requests).
"""

from __future__ import annotations

import logging

from workers_env._loglevel import WORKERD_WARNING

__all__ = ["warn_lacking_handler"]

#: workerd's words, per event (``global-scope.c++``, ``queue.c++``)
_LACKING = {
    "fetch": "Received a FetchEvent but we lack a handler for FetchEvents. "
             "Did you remember to export a fetch() function?",
    "scheduled": "Received a ScheduledEvent but we lack a handler for ScheduledEvents (a.k.a. Cron Triggers). "
                 "Did you remember to export a scheduled() function?",
    "queue": "Received a QueueEvent but we lack a handler for QueueEvents. "
             "Did you remember to export a queue() function?",
}


def warn_lacking_handler(warned: set[str], name: str) -> None:
    """Log workerd's warning for an event ``name`` the Worker has no handler for, unless
    ``warned`` (the loaded Worker's own set: a reload is a new isolate) already holds it."""
    text = _LACKING.get(name)
    if text is None or name in warned:
        return
    warned.add(name)
    logging.getLogger("workers_env.runtime").warning(text, extra=WORKERD_WARNING)
