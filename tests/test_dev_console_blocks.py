"""``runtime/devconsole.py``: the ``✘ [ERROR] Uncaught ...`` blocks dev prints for an uncaught
exception, laid out as wrangler dev 4.164.0 prints an unbundled Worker's (JavaScript twins,
devoutput47), and which events report it twice; workers-env's other records under dev."""

from __future__ import annotations

import logging
import sys

import pytest

from workers_env._errors import JsException, add_hint
from workers_env.runtime.devconsole import uncaught_blocks, wranglers_output


def _raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - the test's own
        return caught


def test_a_python_error_is_pyodides_python_error_then_the_events_copy_named_error() -> None:
    error = _raised(ValueError("boom"))
    first, second = uncaught_blocks(error, error.__traceback__)
    lines = first.split("\n")
    assert lines[:3] == ["\u2718 [ERROR] Uncaught PythonError: Traceback (most recent call last):", "",
                         f'    File "{__file__}", line 18, in _raised']
    assert lines[-4:] == ["  ValueError: boom", "   Error", "", ""]  # (print adds the last newline)
    assert second.startswith("\u2718 [ERROR] Uncaught Error: Traceback (most recent call last):\n\n    File ")
    assert second.endswith("  ValueError: boom\n   \n\n")


def test_once_leaves_out_the_events_copy() -> None:
    error = _raised(KeyError("k"))
    assert len(uncaught_blocks(error, error.__traceback__, twice=False)) == 1


#: wrangler dev 4.164.0, an unbundled twin throwing each (tools/wrangler/dev_uncaught_names_probe.py): the
#: event's copy keeps V8's seven error names, AggregateError's and any other is ``Error`` there
_KEPT = ("Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError")


@pytest.mark.parametrize(("name", "copy"), [*((name, name) for name in _KEPT), ("AggregateError", "Error"),
                                            ("AbortError", "Error"), ("Foo", "Error")])
def test_a_javascript_error_keeps_its_name_and_the_copy_keeps_only_v8s(name: str, copy: str) -> None:
    error = _raised(JsException(name, "bad"))
    first, second = uncaught_blocks(error, error.__traceback__)
    assert first.startswith(f"\u2718 [ERROR] Uncaught {name}: bad Error\n\n  Traceback (most recent call last):\n")
    assert second == f"\u2718 [ERROR] Uncaught {copy}: bad \n\n"


def test_a_javascript_error_without_a_message_is_its_name_alone() -> None:
    """``throw new TypeError()`` under wrangler dev 4.164.0 (the probe above): ``Uncaught TypeError Error``,
    then the event's copy ``Uncaught TypeError `` -- no colon."""
    error = _raised(JsException("TypeError", ""))
    first, second = uncaught_blocks(error, error.__traceback__)
    assert first.startswith("\u2718 [ERROR] Uncaught TypeError Error\n\n  Traceback (most recent call last):\n")
    assert second == "\u2718 [ERROR] Uncaught TypeError \n\n"


def test_the_python_errors_message_keeps_workers_envs_hints() -> None:
    """The 500's body leaves workers-env's hints out (production has none); dev's log keeps them,
    with the Worker's own notes, in both blocks."""
    error = _raised(ValueError("boom"))
    add_hint(error, "a hint of workers-env's")
    error.add_note("the Worker's note")
    for block in uncaught_blocks(error, error.__traceback__):
        assert "  ValueError: boom\n  a hint of workers-env's\n  the Worker's note\n   " in block


def test_an_error_workerds_own_code_threw_has_nothing_after_it() -> None:
    error = _raised(TypeError("Incorrect type for Promise: the Promise did not resolve to 'Response'."))
    error.thrown_by_workerd = True  # type: ignore[attr-defined]
    text = "\u2718 [ERROR] Uncaught TypeError: Incorrect type for Promise: the Promise did not resolve to 'Response'. \n\n"
    assert uncaught_blocks(error, error.__traceback__) == [text, text]


@pytest.mark.parametrize(("message", "blocks"), [
    ("Uncaught exception in the worker while handling GET http://x/", 2), ("Uncaught exception in waitUntil()", 2),
    ("Uncaught exception in a timer callback", 2), ("Uncaught exception in the worker's queue handler (queue 'q')", 2),
    ("Uncaught exception in a queueMicrotask callback", 1), ("Uncaught ValueError: boom", 1),
    ("Uncaught exception in a top-level setTimeout callback", 1),
    ("Uncaught exception in the worker's WebSocket response", 2)])
def test_which_events_report_twice(capsys: pytest.CaptureFixture[str], message: str, blocks: int) -> None:
    error = _raised(ValueError("boom"))
    with wranglers_output():
        logging.getLogger("workers_env.runtime").error(message, exc_info=(type(error), error, error.__traceback__))
    err = capsys.readouterr().err
    assert err.count("\u2718 [ERROR] Uncaught ") == blocks
    assert message not in err


@pytest.mark.parametrize(("message", "error_line"), [
    ("Uncaught exception in a queueMicrotask callback", False),
    ("Uncaught exception in a top-level setTimeout callback", False),
    ("Uncaught exception in a timer callback", True), ("Uncaught exception in waitUntil()", True)])
def test_a_microtasks_error_has_no_error_line_after_its_frames(capsys: pytest.CaptureFixture[str], message: str,
                                                                error_line: bool) -> None:
    """wrangler dev 4.164.0 prints a microtask's uncaught error (``queueMicrotask``, and the top
    level's ``setTimeout(cb, 0)``, which Python Workers' patch queues as one) without the
    `` Error`` line it writes after other events' frames (tools/wrangler/dev_uncaught_kinds_probe.py);
    audit23: the records' texts that select it could change unseen (``_MICROTASKS``)."""
    error = _raised(ValueError("boom"))
    with wranglers_output():
        logging.getLogger("workers_env.runtime").error(message, exc_info=(type(error), error, error.__traceback__))
    first = capsys.readouterr().err.split("\u2718 [ERROR] ")[1]
    assert first.startswith("Uncaught PythonError: Traceback (most recent call last):")
    assert ("ValueError: boom\n   Error\n" in first) is error_line


def test_a_note_with_a_traceback_is_no_uncaught_block(capsys: pytest.CaptureFixture[str]) -> None:
    """A record of workers-env's that carries an exception but is not an ``Uncaught ...`` line (the
    ASGI adapter's ``Unhandled exception in background task``) is printed as before: its message and
    the traceback, not wrangler's blocks."""
    error = _raised(ValueError("boom"))
    with wranglers_output():
        logging.getLogger("workers_env.runtime").error("Unhandled exception in background task",
                                                       exc_info=(type(error), error, error.__traceback__))
    err = capsys.readouterr().err
    assert err.startswith("Unhandled exception in background task\nTraceback (most recent call last):\n")
    assert err.endswith("ValueError: boom\n") and "\u2718" not in err


def test_workerds_warnings_go_to_stdout_and_workers_envs_notes_stay_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    before = sys.stderr
    with wranglers_output():
        logging.getLogger("workers_env.runtime").warning("a workerd warning", extra={"wrangler_level": "log"})
        logging.getLogger("workers_env.fetch").warning("a note of workers-env's")
        print("workers-env's own line", file=sys.stderr)  # no Worker running: as it is
    assert capsys.readouterr() == ("a workerd warning\n", "a note of workers-env's\nworkers-env's own line\n")
    assert sys.stderr is before


@pytest.mark.parametrize(("name", "error"), [("PythonError", ValueError("boom")), ("Foo", JsException("Foo", "bad"))])
def test_with_enhanced_error_serialization_the_events_copy_keeps_any_name(name: str, error: BaseException) -> None:
    raised = _raised(error)  # (measured at 2026-11-17: "Uncaught PythonError: Traceback ..." twice; review68)
    _first, second = uncaught_blocks(raised, raised.__traceback__, names_kept=True)
    assert second.startswith(f"\u2718 [ERROR] Uncaught {name}: ")


def test_a_microtasks_error_has_no_error_word_before_its_frames() -> None:
    """wrangler dev 4.164.0 (tools/wrangler/dev_uncaught_kinds_probe.py): a microtask's
    ``PythonError`` -- in a request or the top level's ``setTimeout(cb, 0)`` -- is its traceback,
    then at once the JS frames (Pyodide's, left out here): no ``Error`` line, as a timer's has."""
    error = _raised(ValueError("boom"))
    [block] = uncaught_blocks(error, error.__traceback__, twice=False, microtask=True)
    assert block.split("\n")[-4:] == ["  ValueError: boom", "  ", "", ""]
    js = _raised(JsException("TypeError", "bad"))
    [block] = uncaught_blocks(js, js.__traceback__, twice=False, microtask=True)
    assert block.startswith("\u2718 [ERROR] Uncaught TypeError: bad\n\n  Traceback (most recent call last):\n")


@pytest.mark.parametrize("message", [
    "Uncaught exception: workerd/jsg/value.h:1456: failed: remote.jsg.TypeError: Invalid URL string.",
    "Uncaught Error: The Workers runtime canceled this request because it detected ... errors/ "])
def test_an_uncaught_record_without_an_exception_is_its_line_marked(capsys: pytest.CaptureFixture[str],
                                                                     message: str) -> None:
    """workerd's reports with no exception object (a request whose Host makes no URL, the hung
    request after a WebSocket end the Worker accepted) are wrangler's marked block, as measured."""
    with wranglers_output():
        logging.getLogger("workers_env.dev").error(message)
    assert capsys.readouterr().err == f"\u2718 [ERROR] {message}\n\n\n"  # (two blank lines after, as every block)
