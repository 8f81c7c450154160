"""``performance``: workerd's ``Performance`` object (api/performance.h), as Worker code reads it.

workerd returns ``Date.now()`` from ``performance.now()`` (a Spectre mitigation: no finer clock),
so its ``timeOrigin`` is 0 and ``now()`` is whole milliseconds since the epoch -- a Python ``int``
through Pyodide -- on the same clock as ``Date.now()`` (:func:`~workers_env.runtime.jsdate.date_now`:
0 at a Worker's top level, where workerd has no request's clock). ``toJSON()``
(``{"timeOrigin": 0}``) and the user-timing methods are there only with the global performance
classes (``enable_global_performance_classes``, or ``enable_nodejs_perf_hooks_module``; both
implied by ``nodejs_compat`` from 2026-03-17, itself on by date from 2026-08-04): without them
``Object.getOwnPropertyNames(Object.getPrototypeOf(performance))`` is ``timeOrigin``, ``now``,
``constructor`` under ``wrangler dev`` 4.164.0, with them ``toJSON`` and the rest too.
"""

from __future__ import annotations

from typing import Any

from workers_env import _errors
from workers_env.runtime.current import flag_on
from workers_env.runtime.jsdate import date_now
from workers_env.runtime.jsproxy import JsObject

__all__ = ["Performance", "console_text", "global_performance_classes"]

#: what the global performance classes add to ``performance`` besides ``toJSON`` (workers-env
#: does not emulate them: reading one raises ``NotEmulatedError``)
_CLASS_MEMBERS = ("eventCounts", "clearMarks", "clearMeasures", "clearResourceTimings", "getEntries",
                  "getEntriesByName", "getEntriesByType", "mark", "measure", "setResourceTimingBufferSize")
#: what ``enable_nodejs_perf_hooks_module`` adds (not emulated either)
_NODE_MEMBERS = ("nodeTiming", "eventLoopUtilization", "markResourceTiming", "timerify")


def global_performance_classes() -> bool:
    """workerd's ``enableGlobalPerformanceClasses || enableNodeJsPerfHooksModule``."""
    return flag_on("enable_global_performance_classes") or flag_on("enable_nodejs_perf_hooks_module")


class Performance:
    """The members of ``performance`` (``js.performance`` wraps it as a JS object)."""

    timeOrigin = 0  # noqa: N815 - JS name (always 0 in workerd: now() is Date.now())

    @staticmethod
    def now(*_ignored: Any) -> int:
        return date_now()

    def __getattr__(self, name: str) -> Any:
        if name == "toJSON" and global_performance_classes():
            return _to_json
        if (name in _CLASS_MEMBERS and global_performance_classes()) or (
                name in _NODE_MEMBERS and flag_on("enable_nodejs_perf_hooks_module")):
            raise _errors.NotEmulatedError(
                f"performance.{name} is not emulated by workers-env: workerd has it (with the global performance "
                "classes), but only performance.now(), performance.timeOrigin and performance.toJSON() are emulated")
        raise AttributeError(name)

    def __dir__(self) -> list[str]:
        return ["now", "timeOrigin", *(("toJSON",) if global_performance_classes() else ())]


def _to_json(*_ignored: Any) -> JsObject:
    """``performance.toJSON()``: ``{timeOrigin: 0}`` (an object without a prototype in workerd)."""
    return JsObject({"timeOrigin": 0})


#: what ``console.log(performance)`` prints with ``enable_nodejs_perf_hooks_module``, at the top level
#: and one level down (``uvMetricsInfo`` then past util.inspect's depth of 2); wrangler dev 4.164.0
_WITH_NODE_TIMING = """Performance {
  timeOrigin: 0,
  eventCounts: EventCounts(0) {},
  nodeTiming: PerformanceNodeTiming {
    uvMetricsInfo: { loopCount: 0, events: 0, eventsWaiting: 0 },
    idleTime: 0,
    loopExit: 0,
    loopStart: 0,
    environment: 0,
    bootstrapComplete: 0,
    v8Start: 0,
    nodeStart: 0,
    name: 'node',
    entryType: 'node',
    startTime: 0,
    duration: 0
  }
}"""


def console_text(level: int) -> str:
    """``console.log(performance)`` as workerd prints it ``level`` objects deep (0 to 2; deeper it
    is ``[Performance]``), by the running Worker's flags: measured under ``wrangler dev`` 4.164.0
    at 2025-09-01, with ``enable_global_performance_classes``, and at 2026-09-28, where
    ``nodejs_compat`` brings the perf_hooks module's members too. Its lines after the first are
    indented for the level."""
    if flag_on("enable_nodejs_perf_hooks_module"):
        if level < 2:
            text = _WITH_NODE_TIMING if level == 0 else _WITH_NODE_TIMING.replace(
                "{ loopCount: 0, events: 0, eventsWaiting: 0 }", "[Object]")
        else:
            text = "Performance {\n  timeOrigin: 0,\n  eventCounts: [EventCounts],\n  nodeTiming: [PerformanceNodeTiming]\n}"
    elif global_performance_classes():
        text = f"Performance {{ timeOrigin: 0, eventCounts: {'[EventCounts]' if level == 2 else 'EventCounts(0) {}'} }}"
    else:
        text = "Performance { timeOrigin: 0 }"
    return text.replace("\n", "\n" + "  " * level)
