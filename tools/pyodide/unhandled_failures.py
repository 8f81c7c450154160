"""Coroutines failing with an exception group and with chained exceptions: run unawaited by
tools/pyodide/unhandled_task_probe.mjs in Pyodide and by a Worker in
tests/test_runtime_unhandled_task_failures_print_as_pyodide.py, whose lines must match."""


async def group():
    raise ExceptionGroup("grp", [ValueError("a"), KeyError("b")])


async def chained():
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise ValueError("outer") from e


async def context():
    try:
        raise KeyError("inner2")
    except KeyError:
        raise ValueError("outer2")
